/**
 * Gwet's AC1 (unweighted) and AC2 (weighted) agreement coefficients.
 * @module
 */
import { orThrow, type Result } from '../model/problem.js'
import { countMatrixEither, readCountsEither, type CountTable, type RatingMatrix } from './inputs.js'
import { multiRaterRun } from './multi-rater.js'
import type { WeightedOptions } from './options.js'
import type { AgreementEstimate } from './result.js'

const run = multiRaterRun('gwet', (w) => (w.name === 'identity' ? 'gwet-ac1' : 'gwet-ac2'))

/**
 * Gwet's AC1, or AC2 with weights, for any number of raters on a units × raters
 * matrix, missing ratings allowed (Gwet 2008, "Computing inter-rater
 * reliability and its variance in the presence of high agreement", *BJMSP*
 * 61:29–48; Gwet 2014, *Handbook of Inter-Rater Reliability*, 4th ed.), as R
 * irrCAC `gwet.ac1.raw(ratings, weights, categ.labels)`.
 *
 * p_a is the mean agreement of the units with two or more ratings; chance
 * agreement is p_e = T_w / (q(q − 1)) · Σ π_k(1 − π_k), with π_k averaged over
 * the units with at least one rating and T_w the sum of the weights. The
 * standard error is Gwet's linearised one; the interval is value ± t(n − 1)·SE
 * with its upper end capped at 1; `z` is value / SE on n − 1 degrees of freedom.
 *
 * Degenerate data: all ratings in one level gives AC1 = 1 (π has no spread,
 * so p_e = 0); no unit with two ratings (one rater, or no pairable values) is
 * undefined with its reason; one unit has a value but no standard error.
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a ragged matrix, a level not on the scale, bad options)
 * @example
 * // p_a = 2/3, π = (5/6, 1/6), p_e = 2 · (5/6)(1/6) = 5/18, so AC1 = (2/3 − 5/18) / (1 − 5/18) = 7/13
 * const ac = gwetACEither([['a', 'a'], ['a', 'a'], ['a', 'b']], { scale: ['a', 'b'] })
 * isRight(ac) && ac.right.value //=> 0.5384615384615384
 */
export const gwetACEither = (ratings: RatingMatrix, options: WeightedOptions): Result<AgreementEstimate> =>
  run('gwetAC', ratings, options, countMatrixEither)

/**
 * Gwet's AC1, or AC2 with weights, on a units × raters matrix: the throwing
 * form of {@link gwetACEither} (same method, same degenerate cases).
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate (`defined: false` with a `reason` when AC is undefined)
 * @throws {RealistError} when the matrix is ragged, holds a level not on the scale, or the options are bad
 * @example
 * gwetAC([['a', 'a'], ['a', 'a'], ['a', 'b']], { scale: ['a', 'b'] }).value //=> 0.5384615384615384
 */
export const gwetAC = (ratings: RatingMatrix, options: WeightedOptions): AgreementEstimate =>
  orThrow('gwetAC', gwetACEither(ratings, options))

/**
 * Gwet's AC1/AC2 on a units × levels count table (rows may have different
 * totals), as R irrCAC `gwet.ac1.dist`. Same method and degenerate cases as
 * {@link gwetACEither}.
 * @param counts units × levels, the number of raters who chose each level (columns in the scale's order)
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a row without one count per level, a negative or fractional count)
 * @example
 * gwetACCountsEither([[2, 0], [2, 0], [1, 1]], { scale: ['a', 'b'] }) // right, value 7/13
 */
export const gwetACCountsEither = (counts: CountTable, options: WeightedOptions): Result<AgreementEstimate> =>
  run('gwetACCounts', counts, options, readCountsEither)

/**
 * Gwet's AC1/AC2 on a units × levels count table: the throwing form of {@link gwetACCountsEither}.
 * @param counts units × levels, the number of raters who chose each level
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is malformed or the options are bad
 * @example
 * gwetACCounts([[2, 0], [2, 0], [1, 1]], { scale: ['a', 'b'] }).value //=> 0.5384615384615384
 */
export const gwetACCounts = (counts: CountTable, options: WeightedOptions): AgreementEstimate =>
  orThrow('gwetACCounts', gwetACCountsEither(counts, options))
