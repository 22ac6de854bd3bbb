/**
 * The spend table in the style of E-MHIP Table 8 (L2124-L2134): one row per
 * area of spend (or funder), one column per site, each cell the category's
 * share of the site's spend (a range where the amounts are ranges), and a
 * last row of the respondents' hidden staff hours. Render it with
 * `renderMarkdown` or `renderHtml`.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { BUILTIN_COST_LABELS } from '../model/costs.js'
import { orThrow, type Result } from '../model/problem.js'
import { ownValue } from '../model/own.js'
import { hiddenTimeEither } from '../economics/hidden-time.js'
import { spendSharesEither, type SpendShareRow } from '../economics/totals.js'
import { formatInterval, formatPercent, NO_VALUE } from './format.js'
import type { Table, TableColumn, TableValue } from './table.js'

/** Options of {@link spendTableEither}. */
export interface SpendTableOptions {
  /** Rows by area of spend (Table 8) or by funder [`'area'`]. */
  readonly dimension?: 'area' | 'funder'
  /** Shares computed from the ledger's amounts, or as published (`ledger.shares`) [`'published'` when the ledger has shares, else `'entries'`]. */
  readonly source?: 'entries' | 'published'
}

/** A row of the spend table: the category, then one text cell per site id. */
export type SpendTableRow = Readonly<Record<string, TableValue>>

const shareText = (r: SpendShareRow | undefined): string =>
  r === undefined || r.low === null || r.high === null
    ? NO_VALUE
    : r.low === r.high
      ? formatPercent(r.low)
      : formatInterval(r.low, r.high)

/**
 * The Table 8-style spend table of an evaluation's cost ledger: categories in
 * the order the ledger first names them, a column per site that has shares,
 * and, when the ledger records hidden time, a row of the respondents' hours
 * per site (`unknown` where a site's hours were not reported, as Table 8's
 * `--`). The note says where the shares come from and that the hours are
 * respondents' only.
 *
 * Degenerate input: a ledger without shares or entries gives a table with no
 * rows; ledger problems give a `Left`.
 * @param ev the evaluation
 * @param options `dimension` [`'area'`], `source`
 * @returns `Right` with the table, or `Left` with the problems of the ledger or the options.
 * @example
 * // E-MHIP Table 8, first area: 6%, 9%, 6% and 28% of each site's spend
 * spendTableEither({ ...mhipEvaluation, costs: mhipCostLedger })
 * //=> right({ caption: 'Proportional spend by area', rows: …, … })
 * renderMarkdown(spendTable({ ...mhipEvaluation, costs: mhipCostLedger }))
 * //=> '**Proportional spend by area**\n\n| Area of spend | South Staffordshire | Leicestershire | South West Yorkshire | South West London |\n| :-- | --: | --: | --: | --: |\n| Launch events, conferences, workshops | 6% | 9% | 6% | 28% |\n…'
 */
export const spendTableEither = (ev: Evaluation, options: SpendTableOptions = {}): Result<Table<SpendTableRow>> => {
  const dimension = options.dimension ?? 'area'
  const shares = spendSharesEither(ev, { dimension })
  if (E.isLeft(shares)) return shares
  const hidden = hiddenTimeEither(ev)
  if (E.isLeft(hidden)) return hidden
  const source = options.source ?? (shares.right.some((r) => r.source === 'published') ? 'published' : 'entries')
  const rows = shares.right.filter((r) => r.source === source)
  const siteIds = ev.sites
    .map((s) => s.id as string)
    .filter((id) => rows.some((r) => r.site === id) || hidden.right.some((h) => h.site === id))
  const categories: string[] = []
  for (const r of rows) if (!categories.includes(r.category)) categories.push(r.category)
  const label = (id: string) =>
    [...(ev.costs?.[dimension === 'area' ? 'areas' : 'funders'] ?? [])].find((c) => c.id === id)?.label ??
    ownValue(BUILTIN_COST_LABELS, id) ??
    id
  const out: SpendTableRow[] = categories.map((c) => ({
    category: label(c),
    ...Object.fromEntries(siteIds.map((s) => [s, shareText(rows.find((r) => r.site === s && r.category === c))])),
  }))
  const base = hidden.right.filter((h) => h.scenario === (ev.costs?.hiddenTime?.scenarios?.[0]?.id ?? 'base'))
  if (base.length > 0)
    out.push({
      category: 'Additional staff hours (survey respondents only)',
      ...Object.fromEntries(
        siteIds.map((s) => [
          s,
          ((h) => (h === undefined ? NO_VALUE : h.respondentHours === null ? 'unknown' : `${h.respondentHours} h`))(
            base.find((h) => h.site === s),
          ),
        ]),
      ),
    })
  const columns: TableColumn<SpendTableRow>[] = [
    { key: 'category', header: dimension === 'area' ? 'Area of spend' : 'Funder' },
    ...siteIds.map((s) => ({ key: s, header: ev.sites.find((x) => x.id === s)!.name, align: 'right' as const })),
  ]
  const note =
    source === 'published'
      ? "Shares as published (recorded in the ledger), of each site's spend."
      : "Shares computed from the ledger's amounts; a range where amounts are ranges."
  return E.right({
    rows: out,
    columns,
    caption: `Proportional spend by ${dimension}`,
    note: base.length > 0 ? `${note} Hours reported by survey respondents only.` : note,
  })
}

/**
 * The Table 8-style spend table of an evaluation's cost ledger: categories in
 * the order the ledger first names them, a column per site that has shares,
 * and, when the ledger records hidden time, a row of the respondents' hours
 * per site (`unknown` where a site's hours were not reported, as Table 8's
 * `--`). The note says where the shares come from and that the hours are
 * respondents' only.
 *
 * The throwing form of {@link spendTableEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a ledger without shares or entries gives a table with no
 * rows; ledger problems throws.
 * @param ev the evaluation
 * @param options `dimension` [`'area'`], `source`
 * @returns the result (`Table<SpendTableRow>`), as {@link spendTableEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link spendTableEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] spendTable: …`).
 * @example
 * spendTable({ ...mhipEvaluation, costs: mhipCostLedger }).rows.length //=> 6 // five areas and the hours
 */
export const spendTable = (ev: Evaluation, options: SpendTableOptions = {}): Table<SpendTableRow> =>
  orThrow('spendTable', spendTableEither(ev, options))
