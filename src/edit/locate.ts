/**
 * Finding things in an evaluation by id, for the edits. A plain scan: 5,000
 * units take microseconds, and an index would have to be rebuilt after every
 * edit (or kept in sync), which costs more than it saves.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { Framework } from '../model/framework.js'
import { frameworkTargets } from '../model/codec-framework.js'

/** Where a unit sits: the indices of its site and of the unit within it. */
export interface UnitLocation {
  readonly site: number
  readonly unit: number
}

/**
 * The position of a unit, by id (unit ids are unique across sites).
 * @returns the indices, or `undefined` when no unit has this id.
 * @example
 * locateUnit(ev, 'acute') //=> { site: 0, unit: 2 }
 */
export const locateUnit = (ev: Evaluation, unitId: string): UnitLocation | undefined => {
  const last = lastFound.get(ev)
  if (last !== undefined && last.id === unitId) return last.at
  for (let s = 0; s < ev.sites.length; s++) {
    const units = ev.sites[s]!.units
    for (let u = 0; u < units.length; u++)
      if (units[u]!.id === unitId) {
        const at = { site: s, unit: u }
        lastFound.set(ev, { id: unitId, at })
        return at
      }
  }
  return undefined
}

// An edit looks its unit up twice (its check, then its recipe) in the same
// evaluation; remembering the last answer per evaluation halves the scans.
// Evaluations are immutable, so the answer cannot go stale; the map is weak,
// so it keeps no document alive.
const lastFound = new WeakMap<Evaluation, { readonly id: string; readonly at: UnitLocation }>()

/**
 * The index of a site, by id, or -1.
 * @example
 * siteIndex(ev, 'south-staffs') //=> 0
 */
export const siteIndex = (ev: Evaluation, siteId: string): number => ev.sites.findIndex((s) => s.id === siteId)

// Frameworks are shared unchanged from edit to edit (structural sharing), so
// their target sets are built once per framework object, not once per edit.
const targetCache = new WeakMap<Framework, ReadonlySet<string>>()

/**
 * The standard and criterion ids of a framework, cached per framework object.
 * @example
 * targetsOf(ev.framework).has('2.4') //=> true
 */
export const targetsOf = (framework: Framework): ReadonlySet<string> => {
  let set = targetCache.get(framework)
  if (set === undefined) targetCache.set(framework, (set = frameworkTargets(framework)))
  return set
}
