/**
 * @internal The one pass every objectives aggregate makes: each count cell
 * and listed objective is added into its group's sums in a flat array,
 * indexed by the group's number (see `GroupLayout`). No string keys and no
 * object per record, which on a 5,000-unit document is the difference between
 * a few milliseconds and a few hundred for a unit × type grouping.
 * It adds exactly what the tally monoid would (`cellTally`, `objectiveTally`);
 * a property test checks the two agree.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { Attribution } from '../model/objectives.js'
import type { GroupLayout } from './groups.js'
import { objectiveNumerator } from './tally.js'

/** Offsets of the sums kept per group (and slot): the tally fields, then the number of records. */
export const ATTAINED = 0
export const NOT_ATTAINED = 1
export const UNKNOWN = 2
export const TOTAL = 3
export const RECORDS = 4
/** Numbers kept per group (and slot). */
export const WIDTH = 5

/** Add one record, `attained` of `total` (`null`: unknown, so all of them are), at offset `at`. */
const add = (sums: number[], at: number, attained: number | null, total: number): void => {
  if (attained === null) sums[at + UNKNOWN]! += total
  else {
    sums[at + ATTAINED]! += attained
    sums[at + NOT_ATTAINED]! += total - attained
  }
  sums[at + TOTAL]! += total
  sums[at + RECORDS]! += 1
}

/**
 * Sum every record of `ev` into its group: `WIDTH` numbers per group × slot,
 * group-major. `slotOf` splits each group further (e.g. by attribution,
 * `slots` values); a record whose slot is -1, or whose type the layout does not
 * know, is not counted (the checked aggregates never see such records).
 * @param ev - the evaluation whose objectives (cells and listed ones) are summed.
 * @param layout - the groups, from `groupLayout`.
 * @param slots - how many slots each group is split into (default 1).
 * @param slotOf - the slot of a record, from its attribution (default: slot 0 for all); -1 leaves
 * the record out.
 * @returns the sums: per group × slot, attained, not attained, unknown, total and the number of
 * records.
 * @example
 * import { groupLayout } from './groups.js'
 * // E-MHIP Table 7 as one group: 37 of 84 objectives attained, in 29 unit × type cells
 * const sums = foldObjectives(mhipEvaluation, groupLayout(mhipEvaluation, []))
 * const figures = [sums[ATTAINED], sums[TOTAL], sums[RECORDS]]
 * figures //=> [37, 84, 29]
 */
export const foldObjectives = (
  ev: Evaluation,
  layout: GroupLayout,
  slots = 1,
  slotOf: (attribution: Attribution | undefined) => number = () => 0,
): number[] => {
  // A plain array of small integers (not a Float64Array): counts read back as small integers, so the rows built from them hold no boxed numbers.
  const sums: number[] = new Array<number>(layout.groups * slots * WIDTH).fill(0)
  const { typeIndex, types } = layout
  const offset = (place: number, type: string, attribution: Attribution | undefined): number => {
    const t = typeIndex === null ? 0 : typeIndex.get(type)
    const slot = slotOf(attribution)
    return t === undefined || slot < 0 ? -1 : ((place * types + t) * slots + slot) * WIDTH
  }
  let unitNo = 0
  for (let i = 0; i < ev.sites.length; i++) {
    for (const unit of ev.sites[i]!.units) {
      const place = layout.byUnit ? unitNo : layout.bySite ? i : 0
      unitNo++
      for (const cell of unit.objectiveCells) {
        const at = offset(place, cell.type, cell.attribution)
        if (at >= 0) add(sums, at, cell.attained, cell.total)
      }
      for (const o of unit.objectives) {
        const at = offset(place, o.type, o.attribution)
        if (at >= 0) add(sums, at, objectiveNumerator(o.status), 1)
      }
    }
  }
  return sums
}

/**
 * The tally at offset `at` of the sums, as a fresh object.
 * @param sums - sums from {@link foldObjectives}.
 * @param at - the offset of one group × slot (a multiple of `WIDTH`).
 * @returns its attained, not attained, unknown and total counts.
 */
export const tallyAt = (sums: number[], at: number) => ({
  attained: sums[at + ATTAINED]!,
  notAttained: sums[at + NOT_ATTAINED]!,
  unknown: sums[at + UNKNOWN]!,
  total: sums[at + TOTAL]!,
})
