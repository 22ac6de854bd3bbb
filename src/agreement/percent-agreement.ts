/**
 * Percent agreement: the share of agreeing rating pairs, without a chance
 * correction.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import {
  countMatrixEither,
  countsFromContingency,
  readContingencyEither,
  readCountsEither,
  type ContingencyTable,
  type CountTable,
  type RatingMatrix,
} from './inputs.js'
import { multiRaterRun } from './multi-rater.js'
import type { WeightedOptions } from './options.js'
import type { AgreementEstimate } from './result.js'

const run = multiRaterRun('none', () => 'percent-agreement')

/**
 * Percent agreement among any number of raters on a units × raters matrix,
 * missing ratings allowed: the mean, over the units with two or more ratings,
 * of the share of agreeing pairs of ratings (weighted pairs score their
 * weight), as R irrCAC `pa.coeff.raw`. With two raters and no missing values
 * it is the share of units on which they agree. SE and interval as
 * {@link gwetACEither} (Gwet 2014).
 *
 * Degenerate data: no unit with two ratings is undefined with its reason.
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate (a proportion, 0–1), or `Left` of problems
 * @example
 * percentAgreementEither([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', null]], { scale: ['a', 'b'] }) // right, value 2/3
 */
export const percentAgreementEither = (ratings: RatingMatrix, options: WeightedOptions): Result<AgreementEstimate> =>
  run('percentAgreement', ratings, options, countMatrixEither)

/**
 * Percent agreement on a units × raters matrix: the throwing form of {@link percentAgreementEither}.
 * @param ratings units × raters, a level id of the scale or null in each cell
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate (a proportion, 0–1)
 * @throws {RealistError} when the matrix is ragged, holds a level not on the scale, or the options are bad
 * @example
 * percentAgreement([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', null]], { scale: ['a', 'b'] }).value //=> 0.6666666666666666
 */
export const percentAgreement = (ratings: RatingMatrix, options: WeightedOptions): AgreementEstimate =>
  orThrow('percentAgreement', percentAgreementEither(ratings, options))

/**
 * Percent agreement on a units × levels count table; as {@link percentAgreementEither} otherwise.
 * @param counts units × levels, the number of raters who chose each level (columns in the scale's order)
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems
 * @example
 * percentAgreementCountsEither([[2, 0], [1, 1], [0, 2]], { scale: ['a', 'b'] }) // right, value 2/3
 */
export const percentAgreementCountsEither = (counts: CountTable, options: WeightedOptions): Result<AgreementEstimate> =>
  run('percentAgreementCounts', counts, options, readCountsEither)

/**
 * Percent agreement on a count table: the throwing form of {@link percentAgreementCountsEither}.
 * @param counts units × levels, the number of raters who chose each level
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is malformed or the options are bad
 * @example
 * percentAgreementCounts([[2, 0], [1, 1], [0, 2]], { scale: ['a', 'b'] }).value //=> 0.6666666666666666
 */
export const percentAgreementCounts = (counts: CountTable, options: WeightedOptions): AgreementEstimate =>
  orThrow('percentAgreementCounts', percentAgreementCountsEither(counts, options))

/** Units a contingency table may hold here: each becomes a row of the count table. */
const MAX_TABLE_UNITS = 10_000_000

const readTable = (table: unknown, scale: Parameters<typeof readContingencyEither>[1], fn: string) =>
  pipe(
    readContingencyEither(table, scale, fn),
    E.chain((t) =>
      t.total > MAX_TABLE_UNITS
        ? E.left([
            problem(
              ['table'],
              `a table of at most ${MAX_TABLE_UNITS.toLocaleString('en')} units`,
              t.total,
              'limit',
              `${fn} › table`,
            ),
          ])
        : E.right(countsFromContingency(t)),
    ),
  )

/**
 * Percent agreement of two raters from their contingency table: Σ w_ab n_ab / n
 * (the diagonal share when unweighted); as {@link percentAgreementEither} otherwise.
 * @param table rater A's levels in rows × rater B's in columns, both in the scale's order
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a table that is not q × q, a bad count)
 * @example
 * percentAgreementTableEither([[13, 0, 0], [0, 20, 7], [0, 4, 56]], { scale: ['ectopic', 'aiu', 'niu'] }) // right, value 0.89
 */
export const percentAgreementTableEither = (
  table: ContingencyTable,
  options: WeightedOptions,
): Result<AgreementEstimate> => run('percentAgreementTable', table, options, readTable)

/**
 * Percent agreement from a contingency table: the throwing form of {@link percentAgreementTableEither}.
 * @param table rater A's levels in rows × rater B's in columns
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is not q × q or holds a bad count, or the options are bad
 * @example
 * percentAgreementTable([[13, 0, 0], [0, 20, 7], [0, 4, 56]], { scale: ['ectopic', 'aiu', 'niu'] }).value //=> 0.89
 */
export const percentAgreementTable = (table: ContingencyTable, options: WeightedOptions): AgreementEstimate =>
  orThrow('percentAgreementTable', percentAgreementTableEither(table, options))
