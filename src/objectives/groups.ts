import type { Evaluation } from '../model/evaluation.js'
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

const NONE = { site: null, siteName: null, unit: null, unitName: null, type: null, typeLabel: null }

/**
 * Every group of a grouping, in document order (sites, units, then the
 * evaluation's objective types), including groups that hold no objectives, so
 * a table shows an empty cell as empty rather than dropping it.
 * @example
 * objectiveGroups(mhipEvaluation, ['site']).length         //=> 4
 * objectiveGroups(mhipEvaluation, ['site', 'type']).length //=> 12
 */
export const objectiveGroups = (ev: Evaluation, by: readonly ObjectiveGroup[]): GroupColumns[] => {
  const places: GroupColumns[] = by.includes('unit')
    ? ev.sites.flatMap((s) => s.units.map((u) => ({ ...NONE, site: s.id, siteName: s.name, unit: u.id, unitName: u.name })))
    : by.includes('site')
      ? ev.sites.map((s) => ({ ...NONE, site: s.id, siteName: s.name }))
      : [NONE]
  return by.includes('type') ? places.flatMap((p) => ev.objectiveTypes.map((t) => ({ ...p, type: t.id, typeLabel: t.label }))) : places
}

/** @internal The key of the group a row falls in (unit ids are only unique within a site). */
export const groupKey = (row: { readonly site: string | null; readonly unit: string | null; readonly type: string | null }, by: readonly ObjectiveGroup[]): string =>
  // NUL cannot occur in ids worth grouping apart, and string joins are far cheaper than JSON here.
  `${by.includes('site') || by.includes('unit') ? row.site : ''}\u0000${by.includes('unit') ? row.unit : ''}\u0000${by.includes('type') ? row.type : ''}`
