import type { ObjectiveTally } from './tally.js'

/**
 * What an unknown attainment (Table 7's `?`) counts as:
 * - `"bounds"` (the default): a range, `attained` to `attained + unknown`, of
 *   the full total. Honest: it shows what the data cannot tell.
 * - `"not-attained"`: not attained, the report's own totals (2/5 for South
 *   Staffordshire's outcomes, L1892).
 * - `"exclude"`: left out of both numerator and denominator.
 */
export type UnknownPolicy = 'bounds' | 'not-attained' | 'exclude'
export const UNKNOWN_POLICIES: readonly UnknownPolicy[] = ['bounds', 'not-attained', 'exclude']
export const DEFAULT_UNKNOWN_POLICY: UnknownPolicy = 'bounds'

/**
 * Attainment under a policy: between `low` and `high` attained of
 * `denominator`. `low === high` except under `"bounds"` with unknowns. The
 * shares are `null` when the denominator is 0 (nothing to count).
 */
export type CountedAttainment = {
  readonly policy: UnknownPolicy
  readonly low: number
  readonly high: number
  readonly denominator: number
  readonly shareLow: number | null
  readonly shareHigh: number | null
}

/**
 * Apply an unknown policy to a tally.
 * @param tally counts by status
 * @param policy what an unknown counts as (see {@link UnknownPolicy})
 * @returns the counted attainment; with denominator 0 the shares are `null`
 * @example
 * // South Staffordshire's outcome objectives: 1/1, 1/2 and ?/2 (L1887-L1890)
 * const t = { attained: 2, notAttained: 1, unknown: 2, total: 5 }
 * applyUnknownPolicy(t, 'bounds')       //=> { low: 2, high: 4, denominator: 5, shareLow: 0.4, shareHigh: 0.8, … }
 * applyUnknownPolicy(t, 'not-attained') //=> { low: 2, high: 2, denominator: 5, shareLow: 0.4, shareHigh: 0.4, … }
 * applyUnknownPolicy(t, 'exclude')      //=> { low: 2, high: 2, denominator: 3, … }
 */
export const applyUnknownPolicy = (tally: ObjectiveTally, policy: UnknownPolicy): CountedAttainment => {
  const high = policy === 'bounds' ? tally.attained + tally.unknown : tally.attained
  const denominator = policy === 'exclude' ? tally.total - tally.unknown : tally.total
  const share = (k: number): number | null => (denominator === 0 ? null : k / denominator)
  return { policy, low: tally.attained, high, denominator, shareLow: share(tally.attained), shareHigh: share(high) }
}
