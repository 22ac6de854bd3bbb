import type { Evaluation } from '../model/evaluation.js'
import { ATTRIBUTION_LEVELS, IMPACT_LEVELS, type ImpactLevel } from '../model/objectives.js'
import { orThrow, type Result } from '../model/problem.js'
import { ATTAINED, foldObjectives, NOT_ATTAINED, RECORDS, TOTAL, UNKNOWN, WIDTH } from './fold.js'
import { forEachGroup, groupLayout, type GroupColumns } from './groups.js'
import { checked, type ObjectiveGroup } from './options.js'
import type { AttributionValue } from './records.js'
import type { ObjectiveTally } from './tally.js'

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
 * //=> right([{ impact: 'none', units: 5, qualified: 1, of: 15, … }, { impact: 'low', units: 7, … }, { impact: 'medium', units: 2, … },
 * //          { impact: 'high', units: 0, … }, { impact: 'na', units: 1, … }, { impact: 'not-recorded', units: 0, … }])
 */
export const impactDistributionEither = (ev: Evaluation, options: DistributionOptions = {}): Result<ImpactRow[]> =>
  checked(ev, options, () => {
    const layout = groupLayout(ev, options.by ?? [])
    const V = IMPACT_VALUES.length
    // Per place: units and qualified units per impact value (2 × V numbers), then all its units.
    const sums: number[] = new Array<number>(layout.places * (2 * V + 1)).fill(0)
    let unitNo = 0
    ev.sites.forEach((site, i) => {
      for (const unit of site.units) {
        const at = (layout.byUnit ? unitNo : layout.bySite ? i : 0) * (2 * V + 1)
        unitNo++
        const v = IMPACT_VALUES.indexOf(unit.impact?.level ?? 'not-recorded')
        if (v >= 0) {
          sums[at + 2 * v]! += 1
          if (unit.impact?.qualifier !== undefined) sums[at + 2 * v + 1]! += 1
        }
        sums[at + 2 * V]! += 1
      }
    })
    const rows: ImpactRow[] = []
    // Grouping by type does not split units: each type's group repeats its place's counts.
    forEachGroup(ev, layout, (s, u, _t, _group, place) => {
      const at = place * (2 * V + 1)
      const of = sums[at + 2 * V]!
      IMPACT_VALUES.forEach((impact, v) => {
        const units = sums[at + 2 * v]!
        // Columns written out, not spread (see attainment.ts).
        rows.push({
          site: s === null ? null : s.id,
          siteName: s === null ? null : s.name,
          unit: u === null ? null : u.id,
          unitName: u === null ? null : u.name,
          impact,
          units,
          qualified: sums[at + 2 * v + 1]!,
          of,
          share: of === 0 ? null : units / of,
        })
      })
    })
    return rows
  })

/**
 * Distribution of impact on service quality over units, overall or per site:
 * one row per group × impact value (none, low, medium, high, na,
 * not-recorded), zero counts included. NA and None stay apart; a qualified
 * impact ("None at time of MHIP; high potential") counts under its level and
 * in `qualified`. Reproduces "Two of the MHIP workstreams had a medium impact
 * … The remainder had low or no impact" (E-MHIP L1912).
 *
 * The throwing form of {@link impactDistributionEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation (not mutated)
 * @param options `by`: `[]` (default), `['site']` or `['unit']`
 * @returns the result (`ImpactRow[]`), as {@link impactDistributionEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link impactDistributionEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] impactDistribution: …`).
 * @example
 * impactDistribution(mhipEvaluation).find((r) => r.impact === 'medium')?.units //=> 2
 */
export const impactDistribution = (ev: Evaluation, options: DistributionOptions = {}): ImpactRow[] =>
  orThrow('impactDistribution', impactDistributionEither(ev, options))

/** Objectives of one attribution value in one group, by attainment; `records` counts the cells and listed objectives behind them. */
export type AttributionRow = GroupColumns &
  ObjectiveTally & { readonly attribution: AttributionValue; readonly records: number }

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
export const attributionDistributionEither = (
  ev: Evaluation,
  options: { readonly by?: readonly ObjectiveGroup[] } = {},
): Result<AttributionRow[]> =>
  checked(ev, options, () => {
    const layout = groupLayout(ev, options.by ?? [])
    const A = ATTRIBUTION_VALUES.length
    const sums = foldObjectives(ev, layout, A, (a) => ATTRIBUTION_VALUES.indexOf(a ?? 'blank'))
    const rows: AttributionRow[] = []
    forEachGroup(ev, layout, (s, u, t, group) =>
      ATTRIBUTION_VALUES.forEach((attribution, k) => {
        const at = (group * A + k) * WIDTH
        // Columns written out, not spread (see attainment.ts).
        rows.push({
          site: s === null ? null : s.id,
          siteName: s === null ? null : s.name,
          unit: u === null ? null : u.id,
          unitName: u === null ? null : u.name,
          type: t === null ? null : t.id,
          typeLabel: t === null ? null : t.label,
          attribution,
          records: sums[at + RECORDS]!,
          attained: sums[at + ATTAINED]!,
          notAttained: sums[at + NOT_ATTAINED]!,
          unknown: sums[at + UNKNOWN]!,
          total: sums[at + TOTAL]!,
        })
      }),
    )
    return rows
  })

/**
 * Attribution ("due to the programme?") cross-tabulated with attainment:
 * for each group (overall, per site, unit and/or type) and each attribution
 * value (high, medium, low, no, na, blank), the number of records (count
 * cells or listed objectives) and the objectives in them as attained / not
 * attained / unknown. It is both the distribution of attribution per site
 * (`records`, `total`) and the cross-tab of attribution by attainment. Blank
 * (not recorded) and NA stay apart; an attribution beside 0 attained is
 * counted where the data puts it.
 *
 * The throwing form of {@link attributionDistributionEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation (not mutated)
 * @param options `by`: any of site, unit, type (default `[]`)
 * @returns the result (`AttributionRow[]`), as {@link attributionDistributionEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link attributionDistributionEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] attributionDistribution: …`).
 * @example
 * attributionDistribution(mhipEvaluation).find((r) => r.attribution === 'na')
 * //=> { attribution: 'na', records: 7, attained: 0, notAttained: 14, unknown: 0, total: 14, … } // NA only ever beside 0 attained
 */
export const attributionDistribution = (
  ev: Evaluation,
  options: { readonly by?: readonly ObjectiveGroup[] } = {},
): AttributionRow[] => orThrow('attributionDistribution', attributionDistributionEither(ev, options))
