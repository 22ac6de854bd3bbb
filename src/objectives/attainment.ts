import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { gridBundle, withDisplay } from '../model/display.js'
import { objectiveGrid } from './display.js'
import { foldObjectives, tallyAt, WIDTH } from './fold.js'
import { forEachGroup, groupLayout, type GroupColumns } from './groups.js'
import { checked, type ObjectiveOptions } from './options.js'
import { applyUnknownPolicy, DEFAULT_UNKNOWN_POLICY, type CountedAttainment } from './policy.js'
import type { ObjectiveTally } from './tally.js'

/** One group's objective attainment as a tidy row: grouping columns, the raw tally, and the tally under the unknown policy. */
export type ObjectiveAttainmentRow = GroupColumns & ObjectiveTally & CountedAttainment

/**
 * Attained / total objectives per group (overall, per site, per unit, per
 * type, or any combination), with the unknowns counted separately and then
 * counted by the unknown policy. Count cells and individual objectives are
 * added the same way (as the tally monoid adds them), in one pass over the
 * evaluation.
 * This reproduces E-MHIP Table 7's TOTAL rows (L1892-L1906) and the prose
 * figure "37 of the 84 objectives were achieved" (L1910).
 * @param ev the evaluation (not mutated)
 * @param options `by` (default `[]`: one overall row) and `unknown` (default `"bounds"`)
 * @returns one row per group, every group included (a group without objectives has total 0 and null shares);
 *   `Left` with the problems when the evaluation's objectives or the options are invalid
 * @example
 * objectiveAttainmentEither(mhipEvaluation, { unknown: 'not-attained' })
 * //=> right([{ attained: 37, unknown: 2, total: 84, low: 37, high: 37, denominator: 84, shareLow: 0.4405, … }])
 */
export const objectiveAttainmentEither = (
  ev: Evaluation,
  options: ObjectiveOptions = {},
): Result<ObjectiveAttainmentRow[]> =>
  checked(ev, options, () => {
    const policy = options.unknown ?? DEFAULT_UNKNOWN_POLICY
    const layout = groupLayout(ev, options.by ?? [])
    const sums = foldObjectives(ev, layout)
    const rows: ObjectiveAttainmentRow[] = []
    forEachGroup(ev, layout, (s, u, t, group) => {
      const tally = tallyAt(sums, group * WIDTH)
      const c = applyUnknownPolicy(tally, policy)
      // Columns written out, not spread from `groupColumns`: measured on 15,000
      // rows, a spread made this function several times slower.
      rows.push({
        site: s === null ? null : s.id,
        siteName: s === null ? null : s.name,
        unit: u === null ? null : u.id,
        unitName: u === null ? null : u.name,
        type: t === null ? null : t.id,
        typeLabel: t === null ? null : t.label,
        attained: tally.attained,
        notAttained: tally.notAttained,
        unknown: tally.unknown,
        total: tally.total,
        policy: c.policy,
        low: c.low,
        high: c.high,
        denominator: c.denominator,
        shareLow: c.shareLow,
        shareHigh: c.shareHigh,
      })
    })
    // In a notebook the rows show as a compact table.
    return withDisplay(rows, (r) => gridBundle(objectiveGrid(r)))
  })

/**
 * Attained / total objectives per group (overall, per site, per unit, per
 * type, or any combination), with the unknowns counted separately and then
 * counted by the unknown policy. Count cells and individual objectives are
 * added the same way (as the tally monoid adds them), in one pass over the
 * evaluation.
 * This reproduces E-MHIP Table 7's TOTAL rows (L1892-L1906) and the prose
 * figure "37 of the 84 objectives were achieved" (L1910).
 *
 * The throwing form of {@link objectiveAttainmentEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation (not mutated)
 * @param options `by` (default `[]`: one overall row) and `unknown` (default `"bounds"`)
 * @returns the result (`ObjectiveAttainmentRow[]`), as {@link objectiveAttainmentEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link objectiveAttainmentEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] objectiveAttainment: …`).
 * @example
 * // E-MHIP Table 7, South Staffordshire, outcome changes: TOTAL 2/5, of which ?/2 unknown
 * const rows = objectiveAttainment(mhipEvaluation, { by: ['site', 'type'] })
 * rows.find((r) => r.site === 'south-staffordshire' && r.type === 'outcome')
 * //=> { attained: 2, notAttained: 1, unknown: 2, total: 5, policy: 'bounds', low: 2, high: 4, denominator: 5, shareLow: 0.4, shareHigh: 0.8, … }
 */
export const objectiveAttainment = (ev: Evaluation, options: ObjectiveOptions = {}): ObjectiveAttainmentRow[] =>
  orThrow('objectiveAttainment', objectiveAttainmentEither(ev, options))
