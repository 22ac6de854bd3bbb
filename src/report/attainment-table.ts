/**
 * The attainment table in the style of E-MHIP Table 5 (L1226-L1242): one row
 * per standard with the share of items at each level, the attained share and
 * its confidence interval, and the total, with the counts behind every
 * percentage and the denominator policy in the note.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { largestRemainderEither } from '../standards/rounding.js'
import { attainmentScope, type AttainmentResult } from '../standards/attainment.js'
import type { AttainmentCount, ScopeAttainment } from '../standards/derive.js'
import { describePolicy } from './policy-text.js'
import { formatCount, formatInterval, formatPercent } from './format.js'
import type { Table, TableColumn, TableValue } from './table.js'
import { displayTable, type Displayable } from './display.js'

/** Which scope of a result a table shows. */
export interface ScopeOptions {
  /** A round id, or `null` for all rounds together [`null`]. */
  readonly round?: string | null
  /** A site id, or `null` for all sites together [`null`]. */
  readonly site?: string | null
}

/** Options of {@link attainmentTable}. */
export interface AttainmentTableOptions extends ScopeOptions {
  /** Decimals of percentages [0, as Table 5]. */
  readonly digits?: number
}

/** A row of the attainment table: fixed columns plus one column per scale level. */
export type AttainmentTableRow = Readonly<Record<string, TableValue>>

/**
 * The scope of a result a table shows (a round or all rounds × a site or all
 * sites), or `undefined` when the result has none.
 * @param result - an attainment result.
 * @param options - the round and the site (left out: all rounds, all sites).
 * @returns the scope's figures, or `undefined`.
 * @example
 * // ev, Leicestershire, both rounds: 5 of 10 unit × standard items met
 * findScope(attainment(ev), { site: 'le' })?.total //=> { k: 5, n: 10, proportion: 0.5, … }
 * findScope(attainment(ev), { site: 'kent' }) //=> undefined
 */
export const findScope = (result: AttainmentResult, options: ScopeOptions): ScopeAttainment | undefined => {
  return attainmentScope(result, { round: options.round ?? null, site: options.site ?? null })
}

const scopeTitle = (ev: Evaluation, options: ScopeOptions): string => {
  const site = options.site == null ? 'all sites' : (ev.sites.find((s) => s.id === options.site)?.name ?? options.site)
  const round =
    options.round == null
      ? ev.rounds.length > 1
        ? 'all rounds'
        : ''
      : (ev.rounds.find((r) => r.id === options.round)?.label ?? options.round)
  return [site, round].filter((x) => x !== '').join(', ')
}

/**
 * The attainment table (E-MHIP Table 5 style) of one scope of a result: per
 * standard, each level's share of the counted items (with its count; the
 * shares rounded by largest remainder so that they sum to 100%), n, the
 * attained count k and share k/n with its confidence interval, and the items
 * the policy left out (not applicable, unrated); then the total (pooled or
 * mean of standards, as the policy says). The note states the denominator
 * policy in words.
 *
 * The result is a plain `Table` that also displays itself in a notebook
 * (`[Symbol.for('Jupyter.display')]`); render it with `renderMarkdown` or
 * `renderHtml`.
 *
 * Degenerate input: a standard with n = 0 shows `–` for its shares and
 * interval; a scope the result does not have gives a table with no rows and
 * a note saying so.
 * @param result an attainment result (from `attainment` / `attainmentEither`)
 * @param ev the evaluation it was computed from, for wordings and names
 * @param options scope (round, site) and decimals
 * @returns the table (rows, columns, caption, note), displayable in a notebook.
 * @example
 * // ev, both rounds: 1.1 met in 5 of 8 unit-rounds, partly in 2, not met in 1 (Wilson 95%: 31–86%)
 * renderMarkdown(attainmentTable(attainment(ev), ev)).split('\n').slice(0, 5)
 * //=> ['**Standards attainment (all sites, all rounds)**', '',
 * //    '| Standard | Wording | Met | Partly met | Not met | n | Attained | % attained | 95% CI | N/A | Unrated |', '| :-- | …',
 * //    '| 1.1 | The organisation is ready for change | 63% (5) | 25% (2) | 12% (1) | 8 | 5 | 63% | 31–86% | 0 | 0 |']
 */
export const attainmentTable = (
  result: AttainmentResult,
  ev: Evaluation,
  options: AttainmentTableOptions = {},
): Table<AttainmentTableRow> & Displayable => {
  const digits = options.digits ?? 0
  const scale = ev.framework.scale
  const titles = new Map(ev.framework.sections.flatMap((s) => s.standards.map((st) => [st.id as string, st.title])))
  const scope = findScope(result, options)
  const levels = result.levels
  const ciHeader = `${Math.round(result.policy.confidence * 1000) / 10}% CI`
  const row = (standard: string, wording: string, a: AttainmentCount): AttainmentTableRow => {
    const out: Record<string, TableValue> = { standard, wording }
    const counts = levels.map((l) => a.counts[l] ?? 0)
    // Level shares of one standard must add up to 100: largest-remainder rounding.
    const shares = largestRemainderEither(counts, { digits })
    levels.forEach((l, i) => {
      out[`level:${l}`] = E.isLeft(shares)
        ? '–'
        : `${(shares.right[i] as number).toFixed(digits)}% (${formatCount(counts[i] as number)})`
    })
    return {
      ...out,
      n: a.n,
      k: formatCount(a.k),
      percent: formatPercent(a.proportion, digits),
      ci: formatInterval(a.interval.lo, a.interval.hi, digits),
      na: a.na,
      unrated: a.unrated,
    }
  }
  const rows: AttainmentTableRow[] =
    scope === undefined
      ? []
      : [
          ...scope.standards.map((s) => row(s.standard, titles.get(s.standard) ?? '', s)),
          row(
            'Total',
            scope.total.method === 'pooled'
              ? `pooled over ${scope.total.standards} standards`
              : `mean of ${scope.total.n} standards`,
            scope.total,
          ),
        ]
  const columns: TableColumn<AttainmentTableRow>[] = [
    { key: 'standard', header: 'Standard' },
    { key: 'wording', header: 'Wording' },
    ...levels.map((l) => ({
      key: `level:${l}`,
      header: scale.levels.find((x) => x.id === l)?.label ?? l,
      align: 'right' as const,
    })),
    { key: 'n', header: 'n', align: 'right' },
    { key: 'k', header: 'Attained', align: 'right' },
    { key: 'percent', header: '% attained', align: 'right' },
    { key: 'ci', header: ciHeader, align: 'right' },
    { key: 'na', header: 'N/A', align: 'right' },
    { key: 'unrated', header: 'Unrated', align: 'right' },
  ]
  const policy = describePolicy(result.policy, scale).join('. ')
  const meanNote =
    scope?.total.method === 'mean-of-standards' && scope.total.interval.reason !== undefined
      ? ` Total: ${scope.total.interval.reason}.`
      : ''
  return displayTable({
    rows,
    columns,
    caption: `Standards attainment (${scopeTitle(ev, options)})`,
    note:
      scope === undefined
        ? `The result has no scope for round ${options.round ?? 'all'} × site ${options.site ?? 'all'}.`
        : `${policy}.${meanNote}`,
  })
}
