/**
 * Cost per attained objective per site: the ledger's total cost range over
 * the objectives module's attained bounds.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { objectiveAttainmentEither } from '../objectives/attainment.js'
import { costTotalsEither } from './totals.js'

/** One site's cost per attained objective, as a range. */
export interface CostPerObjectiveRow {
  readonly site: string
  readonly siteName: string
  readonly currency: string
  readonly costLow: number
  readonly costHigh: number | null
  /** Attained objectives, at least and at most (unknowns counted as not attained, then as attained). */
  readonly attainedLow: number
  readonly attainedHigh: number
  readonly objectives: number
  /** costLow / attainedHigh; `null` when no objective can have been attained. */
  readonly perObjectiveLow: number | null
  /** costHigh / attainedLow; `null` when the cost has no upper bound or when as few as 0 may have been attained. */
  readonly perObjectiveHigh: number | null
}

/**
 * Cost per attained objective for every site with ledger entries: the site's
 * total cost range [L, H] (`costTotals`) over its attained objectives under
 * the objectives module's `bounds` policy [a, b] (an unknown count such as
 * Table 7's `?/2` counted as not attained, then as attained), giving
 * [L / b, H / a]. South Staffordshire's 7-9 attained of 22 makes a cost of
 * 90,000 cost 10,000-12,857 per attained objective.
 *
 * Degenerate input: a site with entries but no objectives, or where none can
 * have been attained, has `null` bounds where a division by 0 would be; a
 * ledger or objectives with problems give a `Left`.
 * @param ev the evaluation (not mutated)
 * @returns one row per site with entries, in the evaluation's site order
 * @example
 * const entry = { id: 'e1', site: 'south-staffordshire', funder: 'programme-grant', area: 'implementation-team',
 *   kind: 'cash', amount: 90000, currency: 'GBP', priceYear: 2005 }
 * // E-MHIP Table 7: South Staffordshire attained 7 to 9 of its 22 objectives: 90,000 / 9 and 90,000 / 7
 * costPerAttainedObjectiveEither({ ...mhipEvaluation, costs: { entries: [entry] } })
 * //=> right([{ site: 'south-staffordshire', attainedLow: 7, attainedHigh: 9, objectives: 22, perObjectiveLow: 10000, perObjectiveHigh: 12857.14…, … }])
 */
export const costPerAttainedObjectiveEither = (ev: Evaluation): Result<CostPerObjectiveRow[]> => {
  const totals = costTotalsEither(ev, { by: ['site'] })
  if (E.isLeft(totals)) return totals
  const attainment = objectiveAttainmentEither(ev, { by: ['site'], unknown: 'bounds' })
  if (E.isLeft(attainment)) return attainment
  const rows: CostPerObjectiveRow[] = []
  for (const a of attainment.right) {
    const cost = totals.right.find((t) => t.site === a.site)
    if (cost === undefined) continue
    rows.push({
      site: a.site!,
      siteName: a.siteName!,
      currency: cost.currency,
      costLow: cost.low,
      costHigh: cost.high,
      attainedLow: a.low,
      attainedHigh: a.high,
      objectives: a.total,
      perObjectiveLow: a.high === 0 ? null : cost.low / a.high,
      perObjectiveHigh: a.low === 0 || cost.high === null ? null : cost.high / a.low,
    })
  }
  return E.right(rows)
}

/**
 * Cost per attained objective for every site with ledger entries: the site's
 * total cost range [L, H] (`costTotals`) over its attained objectives under
 * the objectives module's `bounds` policy [a, b] (an unknown count such as
 * Table 7's `?/2` counted as not attained, then as attained), giving
 * [L / b, H / a]. South Staffordshire's 7-9 attained of 22 makes a cost of
 * 90,000 cost 10,000-12,857 per attained objective.
 *
 * The throwing form of {@link costPerAttainedObjectiveEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a site with entries but no objectives, or where none can
 * have been attained, has `null` bounds where a division by 0 would be; a
 * ledger or objectives with problems throws.
 * @param ev the evaluation (not mutated)
 * @returns the result (`CostPerObjectiveRow[]`), as {@link costPerAttainedObjectiveEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link costPerAttainedObjectiveEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] costPerAttainedObjective: …`).
 * @example
 * const entry = { id: 'e1', site: 'south-staffordshire', funder: 'programme-grant', area: 'implementation-team',
 *   kind: 'cash', amount: 90000, currency: 'GBP', priceYear: 2005 }
 * // E-MHIP Table 7: South Staffordshire attained 7 to 9 of its objectives, so 90,000 / 9 at best
 * costPerAttainedObjective({ ...mhipEvaluation, costs: { entries: [entry] } })[0].perObjectiveLow //=> 10000
 */
export const costPerAttainedObjective = (ev: Evaluation): CostPerObjectiveRow[] =>
  orThrow('costPerAttainedObjective', costPerAttainedObjectiveEither(ev))
