/**
 * The counting monoid. A tally holds, per standard, counts per level, not
 * applicable, unrated and explicit; tallies of disjoint sets of units add up
 * cell by cell, so sites and rounds combine associatively and any partition
 * of the units gives the same total.
 * @module
 */
import type { Monoid } from 'fp-ts/lib/Monoid.js'
import { concatAll } from 'fp-ts/lib/Monoid.js'

/**
 * Counts laid out standard-major: `cells[s * width + code]` where code is a
 * level index (best first), then na, unrated, explicit; one trailing cell
 * counts levels not on the scale. The empty tally has no cells and stands for
 * zero everywhere.
 */
export interface RatingTally {
  readonly cells: Float64Array
}

/** The identity: counts nothing. */
export const emptyRatingTally: RatingTally = { cells: /*#__PURE__*/ new Float64Array(0) }

/**
 * Add two tallies cell by cell into a new one (shorter tallies count as zero
 * beyond their end). Never mutates its arguments.
 * @param a - a tally.
 * @param b - another tally.
 * @returns a new tally, as long as the longer of the two.
 * @example
 * concatRatingTallies({ cells: Float64Array.of(1, 0) }, { cells: Float64Array.of(2, 5) }).cells //=> Float64Array.of(3, 5)
 */
export const concatRatingTallies = (a: RatingTally, b: RatingTally): RatingTally => {
  if (a.cells.length === 0) return b
  if (b.cells.length === 0) return a
  const [long, short] = a.cells.length >= b.cells.length ? [a.cells, b.cells] : [b.cells, a.cells]
  const cells = Float64Array.from(long)
  for (let i = 0; i < short.length; i++) cells[i] = (cells[i] as number) + (short[i] as number)
  return { cells }
}

/**
 * The fp-ts `Monoid` of rating tallies: `concat` adds cell by cell, `empty`
 * counts nothing. Associative and commutative, so counting site by site (or
 * round by round, or unit by unit) and merging equals counting everything at
 * once.
 * @example
 * import { concatAll } from 'fp-ts/Monoid'
 * const t = (...n: number[]) => ({ cells: Float64Array.from(n) })
 * concatAll(RatingTallyMonoid)([t(1, 0, 2), t(0, 3), RatingTallyMonoid.empty]).cells //=> [1, 3, 2]
 */
export const RatingTallyMonoid: Monoid<RatingTally> = { concat: concatRatingTallies, empty: emptyRatingTally }

/**
 * Merge any number of tallies with {@link RatingTallyMonoid}, in one
 * allocation.
 * @param tallies - the tallies to add up (any number, of any lengths).
 * @returns their cell-by-cell sum; the empty tally for none.
 * @example
 * sumRatingTallies([{ cells: Float64Array.of(1, 2) }, { cells: Float64Array.of(3) }]).cells //=> [4, 2]
 * sumRatingTallies([]) //=> emptyRatingTally
 */
export const sumRatingTallies = (tallies: readonly RatingTally[]): RatingTally => {
  let length = 0
  for (const t of tallies) if (t.cells.length > length) length = t.cells.length
  if (length === 0) return emptyRatingTally
  const cells = new Float64Array(length)
  for (const t of tallies) addInto(cells, t.cells)
  return { cells }
}

/**
 * Add `from` into `into` in place, cell by cell (for the engine's own
 * accumulators; results never expose a tally that is written to).
 * @internal
 * @example
 * const into = Float64Array.of(1, 2); addInto(into, [3, 4]); into //=> Float64Array.of(4, 6)
 */
export const addInto = (into: Float64Array | Int32Array, from: ArrayLike<number>): void => {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] as number) + (from[i] as number)
}

/**
 * Subtract `from` out of `into` in place, cell by cell (counts are integers,
 * so adding and subtracting them is exact).
 * @internal
 * @example
 * const into = Float64Array.of(4, 6); subtractFrom(into, [3, 4]); into //=> Float64Array.of(1, 2)
 */
export const subtractFrom = (into: Float64Array | Int32Array, from: ArrayLike<number>): void => {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] as number) - (from[i] as number)
}

/**
 * Whether two tallies hold the same counts (the same array, or equal cell by cell).
 * @internal
 * @example
 * sameCells(Float64Array.of(1, 2), Float64Array.of(1, 2)) //=> true
 */
export const sameCells = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Add `by` (default 1) to one cell (strict index access needs the cast).
 * @internal
 * @example
 * const cells = new Float64Array(2); bump(cells, 1); cells //=> Float64Array.of(0, 1)
 */
export const bump = (cells: Float64Array, i: number, by = 1): void => {
  cells[i] = (cells[i] as number) + by
}

/**
 * `concatAll` of {@link RatingTallyMonoid}, for callers that prefer the fp-ts form.
 * @example
 * concatAllRatingTallies([{ cells: Float64Array.of(1) }, { cells: Float64Array.of(2) }]).cells //=> Float64Array.of(3)
 */
export const concatAllRatingTallies = /* @__PURE__ */ concatAll(RatingTallyMonoid)
