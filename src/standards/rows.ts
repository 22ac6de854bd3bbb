/**
 * Tidy rows: an attainment result (or a round comparison) flattened to plain
 * objects with primitive values, one row per standard × site × round × level,
 * for reports, CSV and notebooks.
 * @module
 */
import * as E from '../model/either.js'
import type { AttainmentResult } from './attainment.js'
import type { AttainmentCount, ScopeAttainment } from './derive.js'
import type { RoundComparison } from './compare.js'
import type { ResolvedPolicy } from './policy.js'
import { wilsonEither } from './intervals/wilson.js'
import { clopperPearsonEither } from './intervals/clopper-pearson.js'

/**
 * One tidy row. `level` is a level id of the scale (k = items at that level,
 * out of the counted items) or `"attained"` (k and n under the policy's
 * attained rule and total method). `p`, `lo` and `hi` are proportions on
 * 0-1, as in the attainment result and `wilson` (percentages appear only in
 * formatted text, e.g. `formatPercent`); they are null when n = 0 or, for a
 * mean-of-standards group, when there is no interval.
 */
export interface AttainmentRow {
  /** Round id, or null for all rounds together. */
  readonly round: string | null
  /** Site id, or null for all sites together. */
  readonly site: string | null
  /** Section id, or null on the total row. */
  readonly section: string | null
  /** Standard id, or null on section and total rows. */
  readonly standard: string | null
  /** `"standard"`, `"section"` or `"total"`. */
  readonly scope: 'standard' | 'section' | 'total'
  readonly level: string
  readonly k: number
  readonly n: number
  /** k / n on 0-1 (null when n = 0). */
  readonly p: number | null
  /** The interval's lower limit on 0-1. */
  readonly lo: number | null
  /** The interval's upper limit on 0-1. */
  readonly hi: number | null
  /** Not-applicable and unrated items seen, and those left out of n. */
  readonly na: number
  readonly unrated: number
  readonly excluded: number
  /** `"pooled"` or `"mean-of-standards"` on section and total rows; null on standard rows. */
  readonly total: string | null
  /** Interval method and confidence level. */
  readonly interval: string
  readonly confidence: number
}

const shareInterval = (policy: ResolvedPolicy, k: number, n: number): { lo: number | null; hi: number | null } => {
  const r = (policy.interval === 'clopper-pearson' ? clopperPearsonEither : wilsonEither)(k, n, {
    confidence: policy.confidence,
  })
  return E.isRight(r) ? { lo: r.right.lo, hi: r.right.hi } : { lo: null, hi: null }
}

const rowsOf = (
  result: AttainmentResult,
  scope: ScopeAttainment,
  kind: AttainmentRow['scope'],
  section: string | null,
  standard: string | null,
  figure: AttainmentCount,
  total: string | null,
  levels: boolean,
): AttainmentRow[] => {
  const p = result.policy
  const where = {
    round: scope.round as string | null,
    site: scope.site as string | null,
    section,
    standard,
    scope: kind,
  }
  const about = {
    na: figure.na,
    unrated: figure.unrated,
    excluded: figure.excluded,
    total,
    interval: p.interval,
    confidence: p.confidence,
  }
  const out: AttainmentRow[] = []
  if (levels) {
    for (const level of result.levels) {
      const k = figure.counts[level] ?? 0
      const n = figure.items
      out.push({ ...where, level, k, n, p: n > 0 ? k / n : null, ...shareInterval(p, k, n), ...about })
    }
  }
  out.push({
    ...where,
    level: 'attained',
    k: figure.k,
    n: figure.n,
    p: figure.proportion,
    lo: figure.interval.lo,
    hi: figure.interval.hi,
    ...about,
  })
  return out
}

/** Options of {@link attainmentRows}. */
export interface AttainmentRowsOptions {
  /** Include one row per level (default true); false gives only the `"attained"` rows. */
  readonly levels?: boolean
  /** Include section and total rows (default true). */
  readonly groups?: boolean
}

/**
 * Flatten an attainment result to tidy rows: for every scope (round × site,
 * with null for "all"), every standard, and (unless turned off) every section
 * and the total, one row per level of the scale plus one `"attained"` row.
 * Each level row carries its own interval for that level's share.
 *
 * Degenerate input: figures with n = 0 give rows with `p`, `lo`, `hi` null.
 * @param result from `attainment`
 * @param options `levels` and `groups`, both default true
 * @returns the rows, scope by scope in the result's order.
 * @example
 * // ev, r1, South Staffordshire, 1.1: Acute care met, Access partly → met in 1 of 2
 * // (Wilson 95% by hand: 0.0945 to 0.9055)
 * attainmentRows(attainment(ev))[0]
 * //=> { round: 'r1', site: 'ss', section: '1', standard: '1.1', scope: 'standard', level: 'met', k: 1, n: 2, p: 0.5,
 * //     lo: 0.0945, hi: 0.9055, na: 0, unrated: 0, excluded: 0, total: null, interval: 'wilson', confidence: 0.95 }
 */
export const attainmentRows = (result: AttainmentResult, options?: AttainmentRowsOptions): AttainmentRow[] => {
  const levels = options?.levels ?? true
  const groups = options?.groups ?? true
  const out: AttainmentRow[] = []
  for (const scope of result.scopes) {
    for (const s of scope.standards)
      out.push(...rowsOf(result, scope, 'standard', s.section, s.standard, s, null, levels))
    if (!groups) continue
    for (const g of scope.sections) out.push(...rowsOf(result, scope, 'section', g.section, null, g, g.method, levels))
    out.push(...rowsOf(result, scope, 'total', null, null, scope.total, scope.total.method, levels))
  }
  return out
}

/**
 * One tidy row of a round comparison. Proportions, the difference and its
 * limits are on 0-1 (a difference of 0.5 is 50 percentage points).
 */
export interface ChangeRow {
  readonly from: string
  readonly to: string
  readonly site: string | null
  readonly section: string
  readonly standard: string
  readonly kFrom: number
  readonly nFrom: number
  readonly kTo: number
  readonly nTo: number
  /** kFrom / nFrom on 0-1. */
  readonly pFrom: number | null
  /** kTo / nTo on 0-1. */
  readonly pTo: number | null
  /** pTo − pFrom on −1..1. */
  readonly difference: number | null
  /** The difference's interval on −1..1. */
  readonly lo: number | null
  readonly hi: number | null
  readonly improved: number
  readonly same: number
  readonly declined: number
  readonly notComparable: number
}

/**
 * Flatten a round comparison to tidy rows, one per site (null = all) × standard.
 *
 * Degenerate input: a change with no estimate has `difference`, `lo`, `hi` null.
 * @param comparison - a result of `compareRounds` or `compareRoundsEither`.
 * @returns one row per site (null: all sites) × standard, in the comparison's order.
 * @example
 * // ev, all sites, 1.1: met in 2 of 4 units in r1, 3 of 4 in r2 (see compareRoundsEither)
 * const rows = changeRows(compareRounds(ev, { from: 'r1', to: 'r2' }))
 * rows.find((r) => r.site === null && r.standard === '1.1')
 * //=> { from: 'r1', to: 'r2', site: null, section: '1', standard: '1.1', kFrom: 2, nFrom: 4, kTo: 3, nTo: 4, pFrom: 0.5, pTo: 0.75,
 * //     difference: 0.25, lo: -0.3196, hi: 0.6553, improved: 2, same: 2, declined: 0, notComparable: 0 }
 */
export const changeRows = (comparison: RoundComparison): ChangeRow[] =>
  comparison.changes.map((c) => ({
    from: comparison.from,
    to: comparison.to,
    site: c.site,
    section: c.section,
    standard: c.standard,
    kFrom: c.from.k,
    nFrom: c.from.n,
    kTo: c.to.k,
    nTo: c.to.n,
    pFrom: c.from.proportion,
    pTo: c.to.proportion,
    difference: c.change.difference,
    lo: c.change.lo,
    hi: c.change.hi,
    improved: c.units.improved,
    same: c.units.same,
    declined: c.units.declined,
    notComparable: c.units.notComparable,
  }))
