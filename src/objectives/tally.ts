import { concatAll, type Monoid } from 'fp-ts/lib/Monoid.js'
import type { Objective, ObjectiveCell, ObjectiveStatus } from '../model/objectives.js'

/**
 * Counts of objectives by status. `total` is always the sum of the three, and
 * the unknowns (Table 7's `?`) are never folded into the other two here: a
 * policy decides that later (`applyUnknownPolicy`).
 */
export type ObjectiveTally = {
  readonly attained: number
  readonly notAttained: number
  readonly unknown: number
  readonly total: number
}

/**
 * The tally monoid: field-wise sums, empty = all zero. Tallies of cells,
 * objectives, units and sites all combine with it, in any grouping.
 * @example
 * tallyMonoid.concat(cellTally({ type: 'outcome', attained: 1, total: 2 }), cellTally({ type: 'outcome', attained: null, total: 2 }))
 * //=> { attained: 1, notAttained: 1, unknown: 2, total: 4 }
 */
export const tallyMonoid: Monoid<ObjectiveTally> = {
  // Written out rather than fp-ts `struct(...)`: the same field-wise sum, but
  // a fixed object shape, which keeps large folds fast.
  concat: (a, b) => ({
    attained: a.attained + b.attained,
    notAttained: a.notAttained + b.notAttained,
    unknown: a.unknown + b.unknown,
    total: a.total + b.total,
  }),
  empty: { attained: 0, notAttained: 0, unknown: 0, total: 0 },
}

/**
 * Sum many tallies; `[]` gives the empty tally (all zero).
 * @example
 * sumTallies([]) //=> { attained: 0, notAttained: 0, unknown: 0, total: 0 }
 */
export const sumTallies: (tallies: readonly ObjectiveTally[]) => ObjectiveTally = concatAll(tallyMonoid)

/**
 * The tally of a count cell. A known numerator splits the total into attained
 * and not attained; an unknown one (`attained: null`) makes every objective of
 * the cell unknown, since any of them might be the attained ones.
 * @param cell - the cell's attained count (`null`: unknown) and total.
 * @returns its attained, not attained, unknown and total counts.
 * @example
 * cellTally({ type: 'outcome', attained: null, total: 2 }) //=> { attained: 0, notAttained: 0, unknown: 2, total: 2 }
 * cellTally({ type: 'process', attained: 2, total: 3 })    //=> { attained: 2, notAttained: 1, unknown: 0, total: 3 }
 */
export const cellTally = (cell: Pick<ObjectiveCell, 'attained' | 'total'>): ObjectiveTally =>
  cell.attained === null
    ? { attained: 0, notAttained: 0, unknown: cell.total, total: cell.total }
    : { attained: cell.attained, notAttained: cell.total - cell.attained, unknown: 0, total: cell.total }

/**
 * The tally of one individual objective: a count cell of 1, so objectives
 * listed one by one aggregate exactly like Table 7's counts.
 * @param o - an objective (its status is read).
 * @returns the tally of one objective.
 * @example
 * objectiveTally({ id: 'o1', type: 'outcome', status: 'unknown' }) //=> { attained: 0, notAttained: 0, unknown: 1, total: 1 }
 */
export const objectiveTally = (o: Pick<Objective, 'status'>): ObjectiveTally =>
  cellTally({ attained: objectiveNumerator(o.status), total: 1 })

/** @internal An objective as the numerator of a cell of 1: 1 attained, 0 not, `null` unknown. */
export const objectiveNumerator = (status: ObjectiveStatus): 0 | 1 | null =>
  status === 'unknown' ? null : status === 'attained' ? 1 : 0
