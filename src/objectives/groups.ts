import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { ObjectiveType } from '../model/objectives.js'
import type { ObjectiveGroup } from './options.js'

/** The grouping columns of an aggregate row; `null` where that column is not grouped. */
export type GroupColumns = {
  readonly site: string | null
  readonly siteName: string | null
  readonly unit: string | null
  readonly unitName: string | null
  readonly type: string | null
  readonly typeLabel: string | null
}

/**
 * @internal How a grouping numbers its groups, so aggregates can sum into flat
 * arrays by index instead of keying a map by strings per record: a group is
 * `place × types + type`, where a place is the whole evaluation (0), a site
 * (its index) or a unit (its index in document order, across sites), and
 * `type` is the index of the objective type (0 when not grouped by type).
 * This is the order of {@link objectiveGroups}.
 */
export interface GroupLayout {
  readonly byUnit: boolean
  readonly bySite: boolean
  /** Objective type id → index, or `null` when not grouped by type. */
  readonly typeIndex: ReadonlyMap<string, number> | null
  readonly places: number
  readonly types: number
  readonly groups: number
}

/** @internal The layout of a grouping (see {@link GroupLayout}). */
export const groupLayout = (ev: Evaluation, by: readonly ObjectiveGroup[]): GroupLayout => {
  const byUnit = by.includes('unit')
  const bySite = byUnit || by.includes('site')
  const typeIndex = by.includes('type') ? new Map(ev.objectiveTypes.map((t, k) => [t.id as string, k])) : null
  let units = 0
  for (const s of ev.sites) units += s.units.length
  const places = byUnit ? units : bySite ? ev.sites.length : 1
  const types = typeIndex === null ? 1 : ev.objectiveTypes.length
  return { byUnit, bySite, typeIndex, places, types, groups: places * types }
}

/**
 * @internal Visit every group of a layout in document order (sites, units,
 * then the evaluation's objective types) with its site, unit and type (`null`
 * where not grouped) and its group and place numbers. No group is skipped,
 * even one that holds no objectives.
 */
export const forEachGroup = (
  ev: Evaluation,
  layout: GroupLayout,
  visit: (site: Site | null, unit: Unit | null, type: ObjectiveType | null, group: number, place: number) => void,
): void => {
  let group = 0
  let place = 0
  const types = layout.typeIndex === null ? null : ev.objectiveTypes
  const emit = (site: Site | null, unit: Unit | null) => {
    if (types === null) visit(site, unit, null, group++, place)
    else for (const t of types) visit(site, unit, t, group++, place)
    place++
  }
  if (layout.byUnit) for (const s of ev.sites) for (const u of s.units) emit(s, u)
  else if (layout.bySite) for (const s of ev.sites) emit(s, null)
  else emit(null, null)
}

/**
 * Every group of a grouping, in document order (sites, units, then the
 * evaluation's objective types), including groups that hold no objectives, so
 * a table shows an empty cell as empty rather than dropping it.
 * @param ev - the evaluation.
 * @param by - the grouping columns (`site`, `unit`, `type`), in nesting order.
 * @returns one entry per group, with its site, unit and type columns.
 * @example
 * objectiveGroups(mhipEvaluation, ['site']).length         //=> 4
 * objectiveGroups(mhipEvaluation, ['site', 'type']).length //=> 12
 */
export const objectiveGroups = (ev: Evaluation, by: readonly ObjectiveGroup[]): GroupColumns[] => {
  const out: GroupColumns[] = []
  forEachGroup(ev, groupLayout(ev, by), (s, u, t) => out.push(groupColumns(s, u, t)))
  return out
}

/** @internal The grouping columns of one group (hot loops write them out instead: see attainment.ts). */
export const groupColumns = (s: Site | null, u: Unit | null, t: ObjectiveType | null): GroupColumns => ({
  site: s === null ? null : s.id,
  siteName: s === null ? null : s.name,
  unit: u === null ? null : u.id,
  unitName: u === null ? null : u.name,
  type: t === null ? null : t.id,
  typeLabel: t === null ? null : t.label,
})
