/**
 * Site comparisons: the same figure side by side for each site and for all
 * sites together, for standards attainment (one row per standard) and for
 * objectives (one row per site).
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { objectiveAttainmentEither, type ObjectiveAttainmentRow } from '../objectives/attainment.js'
import { formatObjectiveAttainment, formatShareRange } from '../objectives/format.js'
import { DEFAULT_UNKNOWN_POLICY, type UnknownPolicy } from '../objectives/policy.js'
import type { AttainmentResult } from '../standards/attainment.js'
import type { AttainmentCount } from '../standards/derive.js'
import { describePolicy } from './policy-text.js'
import { formatCount, formatPercent } from './format.js'
import { findScope } from './attainment-table.js'
import type { Table, TableColumn, TableValue } from './table.js'
import { displayTable, type Displayable } from './display.js'

/** A row of a comparison table. */
export type ComparisonRow = Readonly<Record<string, TableValue>>

/** Options of {@link siteComparisonTable}. */
export interface SiteComparisonOptions {
  /** A round id, or `null` for all rounds together [`null`]. */
  readonly round?: string | null
  /** Decimals of percentages [0]. */
  readonly digits?: number
}

/** `20% (3/15)`, or `– (0/0)` when nothing was counted. */
const shareText = (a: AttainmentCount | undefined, digits: number): string =>
  a === undefined ? '' : `${formatPercent(a.proportion, digits)} (${formatCount(a.k)}/${a.n})`

/**
 * Standards attainment by site: one row per standard (and the total), one
 * column per site and one for all sites, each cell `% attained (k/n)` under
 * the result's denominator policy (named in the note).
 *
 * Degenerate input: a standard with n = 0 at a site shows `– (0/0)`.
 * @param result an attainment result
 * @param ev the evaluation it was computed from (wordings, site names)
 * @param options round and decimals
 * @returns the table (rows, columns, caption, note), displayable in a notebook.
 * @example
 * // ev, both rounds: 1.1 met in 3 of 4 at South Staffordshire, 2 of 4 at Leicestershire, 5 of 8 in all
 * const lines = renderMarkdown(siteComparisonTable(attainment(ev), ev)).split('\n')
 * lines[2] //=> '| Standard | Wording | South Staffordshire | Leicestershire | All sites |'
 * lines[4] //=> '| 1.1 | The organisation is ready for change | 75% (3/4) | 50% (2/4) | 63% (5/8) |'
 * lines.find((l) => l.startsWith('| Total')) //=> '| Total | pooled | 42% (5/12) | 50% (5/10) | 45% (10/22) |'
 */
export const siteComparisonTable = (
  result: AttainmentResult,
  ev: Evaluation,
  options: SiteComparisonOptions = {},
): Table<ComparisonRow> & Displayable => {
  const digits = options.digits ?? 0
  const round = options.round ?? null
  const scopes = [
    ...ev.sites.map((s) => ({ key: `site:${s.id}`, header: s.name, scope: findScope(result, { round, site: s.id }) })),
    { key: 'all', header: 'All sites', scope: findScope(result, { round, site: null }) },
  ]
  const titles = new Map(ev.framework.sections.flatMap((s) => s.standards.map((st) => [st.id as string, st.title])))
  const standards = scopes.at(-1)?.scope?.standards.map((s) => s.standard as string) ?? []
  const rows: ComparisonRow[] = standards.map((id, i) => {
    const row: Record<string, TableValue> = { standard: id, wording: titles.get(id) ?? '' }
    for (const s of scopes) row[s.key] = shareText(s.scope?.standards[i], digits)
    return row
  })
  const total: Record<string, TableValue> = {
    standard: 'Total',
    wording: result.policy.total === 'pooled' ? 'pooled' : 'mean of standards',
  }
  for (const s of scopes) total[s.key] = shareText(s.scope?.total, digits)
  rows.push(total)
  const columns: TableColumn<ComparisonRow>[] = [
    { key: 'standard', header: 'Standard' },
    { key: 'wording', header: 'Wording' },
    ...scopes.map((s) => ({ key: s.key, header: s.header, align: 'right' as const })),
  ]
  return displayTable({
    rows,
    columns,
    caption: `Standards attained by site${round === null ? '' : ` (round ${round})`}`,
    note: `Cells: % attained (attained/n). ${describePolicy(result.policy, ev.framework.scale).join('. ')}.`,
  })
}

/** Options of {@link objectiveSiteTableEither}. */
export interface ObjectiveSiteOptions {
  /** What an unknown attained count counts as [`'bounds'`]. */
  readonly unknown?: UnknownPolicy
}

/**
 * Objectives attained by site: one row per site and one for all sites, one
 * column per objective type and one for all types, each cell `k of n (%)`;
 * under the default unknown policy a cell with unknowns is a range
 * (`2–4 of 5 (40–80%)`).
 *
 * Degenerate input: a site with no objectives of a type shows `-`; invalid
 * objectives give a `Left`.
 * @param ev the evaluation
 * @param options the unknown policy [`'bounds'`]
 * @returns `Right` with the table, displayable in a notebook, or `Left` with the problems of the
 * objectives or options.
 * @example
 * renderMarkdown(objectiveSiteTable(mhipEvaluation, { unknown: 'not-attained' }))
 * //=> '…| South Staffordshire | 1 of 2 (50%) | 4 of 15 (27%) | 2 of 5 (40%) | 7 of 22 (32%) |…'
 */
export const objectiveSiteTableEither = (
  ev: Evaluation,
  options: ObjectiveSiteOptions = {},
): Result<Table<ComparisonRow> & Displayable> => {
  const unknown = options.unknown ?? DEFAULT_UNKNOWN_POLICY
  const parts = [
    objectiveAttainmentEither(ev, { by: ['site', 'type'], unknown }),
    objectiveAttainmentEither(ev, { by: ['site'], unknown }),
    objectiveAttainmentEither(ev, { by: ['type'], unknown }),
    objectiveAttainmentEither(ev, { unknown }),
  ]
  const failed = parts.find(E.isLeft)
  if (failed !== undefined) return failed
  const all = parts.flatMap((p) => (E.isRight(p) ? p.right : []))
  const find = (site: string | null, type: string | null): ObjectiveAttainmentRow | undefined =>
    all.find((r) => r.site === site && r.type === type && r.unit === null)
  const text = (r: ObjectiveAttainmentRow | undefined) =>
    r === undefined || r.total === 0
      ? '-'
      : `${formatObjectiveAttainment(r)} (${formatShareRange(r.shareLow, r.shareHigh)})`
  const places = [
    ...ev.sites.map((s) => ({ id: s.id as string | null, name: s.name })),
    { id: null, name: 'All sites' },
  ]
  const rows: ComparisonRow[] = places.map((p) => {
    const row: Record<string, TableValue> = { site: p.name }
    for (const t of ev.objectiveTypes) row[`type:${t.id}`] = text(find(p.id, t.id))
    row['all'] = text(find(p.id, null))
    return row
  })
  const columns: TableColumn<ComparisonRow>[] = [
    { key: 'site', header: 'Site' },
    ...ev.objectiveTypes.map((t) => ({ key: `type:${t.id}`, header: t.label, align: 'right' as const })),
    { key: 'all', header: 'All types', align: 'right' },
  ]
  const policyNote =
    unknown === 'bounds'
      ? 'a range where an attained count is unknown'
      : unknown === 'not-attained'
        ? 'unknown attained counted as not attained'
        : 'unknown attained left out'
  return E.right(
    displayTable({
      rows,
      columns,
      caption: 'Objectives attained by site',
      note: `Cells: attained of total (share); ${policyNote}.`,
    }),
  )
}

/**
 * Objectives attained by site: one row per site and one for all sites, one
 * column per objective type and one for all types, each cell `k of n (%)`;
 * under the default unknown policy a cell with unknowns is a range
 * (`2–4 of 5 (40–80%)`).
 *
 * The throwing form of {@link objectiveSiteTableEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a site with no objectives of a type shows `-`; invalid
 * objectives throws.
 * @param ev the evaluation
 * @param options the unknown policy [`'bounds'`]
 * @returns the result (`Table<ComparisonRow> & Displayable`), as {@link objectiveSiteTableEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectiveSiteTableEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectiveSiteTable: …`).
 * @example
 * objectiveSiteTable(mhipEvaluation).rows.length //=> 5
 */
export const objectiveSiteTable = (
  ev: Evaluation,
  options?: ObjectiveSiteOptions,
): Table<ComparisonRow> & Displayable => orThrow('objectiveSiteTable', objectiveSiteTableEither(ev, options))
