/**
 * Finding things in an evaluation by id, for the edits. Units are found
 * through an index of positions carried from each version of the document to
 * the next (see `positions`); the rest by a plain scan of short lists.
 * @module
 */
import type { Evaluation, Site } from '../model/evaluation.js'

/** Where a unit sits: the indices of its site and of the unit within it. */
export interface UnitLocation {
  readonly site: number
  readonly unit: number
}

/**
 * The position of a unit, by id (unit ids are unique across sites).
 * @param ev the evaluation
 * @param unitId the unit's id
 * @returns the indices, or `undefined` when no unit has this id.
 * @example
 * locateUnit(mhipEvaluation, 'older-persons-services') //=> { site: 1, unit: 4 }
 * locateUnit(mhipEvaluation, 'nope') //=> undefined
 */
export const locateUnit = (ev: Evaluation, unitId: string): UnitLocation | undefined => {
  let index = positions.get(ev.sites)
  const hint = index?.get(unitId)
  // A position is only a hint: it is checked against the document, so a stale one can never point at another unit.
  if (hint !== undefined && ev.sites[hint.site]?.units[hint.unit]?.id === unitId) return hint
  if (index === undefined) positions.set(ev.sites, (index = new Map()))
  // One scan fills the index for this sites array (and every later version it is carried to).
  let found: UnitLocation | undefined
  for (let s = 0; s < ev.sites.length; s++) {
    const units = ev.sites[s]!.units
    for (let u = 0; u < units.length; u++) {
      const at = { site: s, unit: u }
      index.set(units[u]!.id, at)
      if (units[u]!.id === unitId) found = at
    }
  }
  return found
}

// Unit positions by id, per sites array. An edit that changes one unit gives
// the document a new sites array with the units where they were, so the index
// is carried to it (`carryLocations`) rather than rebuilt: a 5,000-unit scan
// per edit becomes a Map lookup. Entries are hints checked on use, so an edit
// that moves, adds or removes units cannot make a lookup wrong, only slower
// (one scan, which refills the index). Weak: it keeps no document alive.
const positions = new WeakMap<readonly Site[], Map<string, UnitLocation>>()

/**
 * Hand the unit positions known for `before` to `after`, the result of an
 * edit of it (see `positions`). Called by applyEdit and recordEdit.
 * @internal
 * @param before an evaluation
 * @param after the result of an edit of `before`
 * @example
 * const next = { ...mhipEvaluation, sites: [...mhipEvaluation.sites] }
 * carryLocations(mhipEvaluation, next) // next's units are found without a scan
 * locateUnit(next, 'access') //=> { site: 3, unit: 0 }
 */
export const carryLocations = (before: Evaluation, after: Evaluation): void => {
  if (after.sites === before.sites) return
  const index = positions.get(before.sites)
  if (index !== undefined && !positions.has(after.sites)) positions.set(after.sites, index)
}

/**
 * The index of a site, by id, or -1.
 * @param ev the evaluation
 * @param siteId the site's id
 * @returns the site's index in `ev.sites`, or -1 when no site has this id
 * @example
 * siteIndex(mhipEvaluation, 'south-west-london') //=> 3
 * siteIndex(mhipEvaluation, 'nope') //=> -1
 */
export const siteIndex = (ev: Evaluation, siteId: string): number => ev.sites.findIndex((s) => s.id === siteId)
