/**
 * The Brennan–Prediger coefficient: chance agreement from the number of
 * levels alone.
 * @module
 */
import { orThrow, type Result } from '../model/problem.js'
import { countMatrixEither, readCountsEither, type CountTable, type RatingMatrix } from './inputs.js'
import { multiRaterRun } from './multi-rater.js'
import type { WeightedOptions } from './options.js'
import type { AgreementEstimate } from './result.js'

const run = multiRaterRun('brennan-prediger', () => 'brennan-prediger')

/**
 * The Brennan–Prediger coefficient (Brennan & Prediger 1981, "Coefficient
 * kappa: some uses, misuses, and alternatives", *Educational and Psychological
 * Measurement* 41:687–699), weighted as Gwet (2014), on a units × raters
 * matrix with missing ratings allowed, as R irrCAC `bp.coeff.raw`.
 *
 * Chance agreement is p_e = T_w / q², where T_w is the sum of the weights (q
 * unweighted): it depends on the declared scale only, which is why an unused
 * level matters. SE and interval as {@link gwetACEither}.
 *
 * Degenerate data: all ratings in one level gives (1 − 1/q)/(1 − 1/q) = 1;
 * no pairable values is undefined with its reason.
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems
 * @example
 * brennanPredigerEither([['a', 'a'], ['a', 'a'], ['a', 'b']], { scale: ['a', 'b'] }) // right, value 1/3 (p_a = 2/3, p_e = 1/2)
 */
export const brennanPredigerEither = (ratings: RatingMatrix, options: WeightedOptions): Result<AgreementEstimate> =>
  run('brennanPrediger', ratings, options, countMatrixEither)

/**
 * The Brennan–Prediger coefficient on a units × raters matrix: the throwing form of {@link brennanPredigerEither}.
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the matrix is ragged, holds a level not on the scale, or the options are bad
 * @example
 * brennanPrediger([['a', 'a'], ['a', 'a'], ['a', 'b']], { scale: ['a', 'b'] }).value //=> 0.33333333333333326
 */
export const brennanPrediger = (ratings: RatingMatrix, options: WeightedOptions): AgreementEstimate =>
  orThrow('brennanPrediger', brennanPredigerEither(ratings, options))

/**
 * The Brennan–Prediger coefficient on a units × levels count table, as R
 * irrCAC `bp.coeff.dist`; as {@link brennanPredigerEither} otherwise.
 * @param counts units × levels, the number of raters who chose each level (columns in the scale's order)
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems
 * @example
 * brennanPredigerCountsEither([[2, 0], [2, 0], [1, 1]], { scale: ['a', 'b'] }) // right, value 1/3
 */
export const brennanPredigerCountsEither = (counts: CountTable, options: WeightedOptions): Result<AgreementEstimate> =>
  run('brennanPredigerCounts', counts, options, readCountsEither)

/**
 * The Brennan–Prediger coefficient on a count table: the throwing form of {@link brennanPredigerCountsEither}.
 * @param counts units × levels, the number of raters who chose each level
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is malformed or the options are bad
 * @example
 * brennanPredigerCounts([[2, 0], [2, 0], [1, 1]], { scale: ['a', 'b'] }).value //=> 0.33333333333333326
 */
export const brennanPredigerCounts = (counts: CountTable, options: WeightedOptions): AgreementEstimate =>
  orThrow('brennanPredigerCounts', brennanPredigerCountsEither(counts, options))
