import type { Evaluation } from '../model/evaluation.js'
import { ATTRIBUTION_LEVELS, IMPACT_LEVELS, type ImpactLevel } from '../model/objectives.js'
import { orThrow, type Result } from '../model/problem.js'
import { groupKey, objectiveGroups, type GroupColumns } from './groups.js'
import { checked, type ObjectiveGroup } from './options.js'
import { objectiveRecords, type AttributionValue } from './records.js'
import { sumTallies, type ObjectiveTally } from './tally.js'

/** An impact as a row value: a level, `"na"`, or `'not-recorded'` when the unit has no impact. */
export type ImpactValue = ImpactLevel | 'na' | 'not-recorded'
/** Impact values in row order: the scale lowest first, then NA, then not recorded. */
export const IMPACT_VALUES: readonly ImpactValue[] = [...IMPACT_LEVELS, 'na', 'not-recorded']
/** Attribution values in row order: the scale best first, then NA, then blank. */
export const ATTRIBUTION_VALUES: readonly AttributionValue[] = [...ATTRIBUTION_LEVELS, 'na', 'blank']

/** Options of the distributions: group by site (or unit); default `[]`, all units together. */
export type DistributionOptions = { readonly by?: readonly Exclude<ObjectiveGroup, 'type'>[] }

/** How many units of a group had one impact value; `qualified` of them carry a free-text qualifier. */
export type ImpactRow = Omit<GroupColumns, 'type' | 'typeLabel'> & {
  readonly impact: ImpactValue
  readonly units: number
  readonly qualified: number
  readonly of: number
  readonly share: number | null
}

/**
 * Distribution of impact on service quality over units, overall or per site:
 * one row per group × impact value (none, low, medium, high, na,
 * not-recorded), zero counts included. NA and None stay apart; a qualified
 * impact ("None at time of MHIP; high potential") counts under its level and
 * in `qualified`. Reproduces "Two of the MHIP workstreams had a medium impact
 * … The remainder had low or no impact" (E-MHIP L1912).
 * @param ev the evaluation (not mutated)
 * @param options `by`: `[]` (default), `['site']` or `['unit']`
 * @returns the rows in document order; `Left` on invalid input
 * @example
 * impactDistributionEither(mhipEvaluation)
 * //=> right([{ impact: 'none', units: 5, qualified: 1, of: 15 }, { impact: 'low', units: 7 }, { impact: 'medium', units: 2 },
 * //          { impact: 'high', units: 0 }, { impact: 'na', units: 1 }, { impact: 'not-recorded', units: 0 }])
 */
export const impactDistributionEither = (ev: Evaluation, options: DistributionOptions = {}): Result<ImpactRow[]> =>
  checked(ev, options, () => {
    const by = options.by ?? []
    const counts = new Map<string, { units: number; qualified: number }>()
    const of = new Map<string, number>()
    for (const site of ev.sites)
      for (const unit of site.units) {
        const place = groupKey({ site: site.id, unit: unit.id, type: null }, by)
        const k = `${place}\u0000${unit.impact?.level ?? 'not-recorded'}`
        const c = counts.get(k) ?? { units: 0, qualified: 0 }
        counts.set(k, { units: c.units + 1, qualified: c.qualified + (unit.impact?.qualifier === undefined ? 0 : 1) })
        of.set(place, (of.get(place) ?? 0) + 1)
      }
    return objectiveGroups(ev, by).flatMap(({ site, siteName, unit, unitName }) => {
      const place = groupKey({ site, unit, type: null }, by)
      const n = of.get(place) ?? 0
      return IMPACT_VALUES.map((impact): ImpactRow => {
        const c = counts.get(`${place}\u0000${impact}`) ?? { units: 0, qualified: 0 }
        return { site, siteName, unit, unitName, impact, ...c, of: n, share: n === 0 ? null : c.units / n }
      })
    })
  })

/**
 * Throwing form of {@link impactDistributionEither}.
 * @example
 * impactDistribution(mhipEvaluation).find((r) => r.impact === 'medium')?.units //=> 2
 */
export const impactDistribution = (ev: Evaluation, options: DistributionOptions = {}): ImpactRow[] =>
  orThrow('impactDistribution', impactDistributionEither(ev, options))

/** Objectives of one attribution value in one group, by attainment; `records` counts the cells and listed objectives behind them. */
export type AttributionRow = GroupColumns & ObjectiveTally & { readonly attribution: AttributionValue; readonly records: number }

/**
 * Attribution ("due to the programme?") cross-tabulated with attainment:
 * for each group (overall, per site, unit and/or type) and each attribution
 * value (high, medium, low, no, na, blank), the number of records (count
 * cells or listed objectives) and the objectives in them as attained / not
 * attained / unknown. It is both the distribution of attribution per site
 * (`records`, `total`) and the cross-tab of attribution by attainment. Blank
 * (not recorded) and NA stay apart; an attribution beside 0 attained is
 * counted where the data puts it.
 * @param ev the evaluation (not mutated)
 * @param options `by`: any of site, unit, type (default `[]`)
 * @returns one row per group × attribution value, zero rows included; `Left` on invalid input
 * @example
 * attributionDistributionEither(mhipEvaluation).right.find((r) => r.attribution === 'blank')
 * //=> { attribution: 'blank', records: 2, attained: 5, notAttained: 2, unknown: 0, total: 7, … } // SW London 1/2 and 4/5 (L1902-L1903)
 */
export const attributionDistributionEither = (ev: Evaluation, options: { readonly by?: readonly ObjectiveGroup[] } = {}): Result<AttributionRow[]> =>
  checked(ev, options, () => {
    const by = options.by ?? []
    const cells = new Map<string, ObjectiveTally[]>()
    for (const r of objectiveRecords(ev)) {
      const k = `${groupKey(r, by)}\u0000${r.attribution}`
      const { attained, notAttained, unknown, total } = r
      const list = cells.get(k)
      if (list === undefined) cells.set(k, [{ attained, notAttained, unknown, total }])
      else list.push({ attained, notAttained, unknown, total })
    }
    return objectiveGroups(ev, by).flatMap((g) =>
      ATTRIBUTION_VALUES.map((attribution): AttributionRow => {
        const list = cells.get(`${groupKey(g, by)}\u0000${attribution}`) ?? []
        return { ...g, attribution, records: list.length, ...sumTallies(list) }
      }),
    )
  })

/**
 * Throwing form of {@link attributionDistributionEither}.
 * @example
 * attributionDistribution(mhipEvaluation).find((r) => r.attribution === 'na')
 * //=> { attribution: 'na', records: 7, attained: 0, notAttained: 14, unknown: 0, total: 14, … } // NA only ever beside 0 attained
 */
export const attributionDistribution = (ev: Evaluation, options: { readonly by?: readonly ObjectiveGroup[] } = {}): AttributionRow[] =>
  orThrow('attributionDistribution', attributionDistributionEither(ev, options))
