/**
 * The notebook display of objective attainment rows: a compact table (the
 * groups, attained under the unknown policy, the share, the unknowns) instead
 * of every field of every row.
 * @module
 */
import type { Grid } from '../model/display.js'
import type { ObjectiveAttainmentRow } from './attainment.js'
import { formatObjectiveAttainment, formatShareRange } from './format.js'

/**
 * Objective attainment rows as a compact grid: a column per grouping present
 * (site, unit, type, by name), then attained (`"37–39 of 84"`), the share as
 * percent, and the unknowns. What `objectiveAttainment(…)` shows in a
 * notebook (`text/plain` and `text/html`).
 * @param rows from `objectiveAttainment`
 * @returns the grid
 * @example
 * objectiveGrid(objectiveAttainment(mhipEvaluation)).rows //=> [['37–39 of 84', '44–46%', '2 of 84']]
 */
export const objectiveGrid = (rows: readonly ObjectiveAttainmentRow[]): Grid => {
  const groups = (
    [
      ['site', 'Site', (r: ObjectiveAttainmentRow) => r.siteName ?? r.site],
      ['unit', 'Unit', (r: ObjectiveAttainmentRow) => r.unitName ?? r.unit],
      ['type', 'Type', (r: ObjectiveAttainmentRow) => r.typeLabel ?? r.type],
    ] as const
  ).filter(([key]) => rows.some((r) => r[key] !== null))
  const policies = [...new Set(rows.map((r) => r.policy))]
  return {
    caption: `Objectives attained${policies.length === 1 ? ` (unknown policy: ${policies[0]})` : ''}`,
    header: [...groups.map(([, h]) => h), 'Attained', '%', 'Unknown'],
    rows: rows.map((r) => [
      ...groups.map(([, , of]) => of(r) ?? 'all'),
      formatObjectiveAttainment(r),
      formatShareRange(r.shareLow, r.shareHigh),
      r.total === 0 ? '-' : `${r.unknown} of ${r.total}`,
    ]),
    align: [...groups.map(() => 'left' as const), 'right', 'right', 'right'],
  }
}
