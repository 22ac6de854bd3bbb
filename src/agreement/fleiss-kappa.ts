/**
 * Fleiss' kappa for m raters, overall and per level.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import {
  countMatrixEither,
  MAX_INPUT_PROBLEMS,
  readCountsEither,
  type Counts,
  type CountTable,
  type RatingMatrix,
} from './inputs.js'
import { multiRater } from './multi-rater.js'
import { prepareEither, type ScaleOptions } from './options.js'
import type { AgreementEstimate } from './result.js'
import type { LevelKey } from './scale.js'
import { identityWeights } from './weights.js'
import { normalTwoSidedP } from './distributions.js'

/** Fleiss' kappa for one level against all others (Fleiss 1971, eq. 16). */
export interface LevelKappa {
  readonly level: LevelKey
  /** Share of all ratings in this level, p_j (0–1). */
  readonly proportion: number
  /** κ_j, or null when undefined (see `reason`). */
  readonly value: number | null
  readonly reason: string | null
  /** SE of κ_j under H0 (Fleiss, Nee & Landis 1979): √(2 / (N m (m − 1))). */
  readonly se0: number | null
  readonly z: number | null
  /** Two-sided normal p-value of `z`. */
  readonly p: number | null
}

/** Fleiss' kappa: the overall estimate and one per level of the scale. */
export interface FleissKappa {
  readonly overall: AgreementEstimate
  readonly levels: readonly LevelKappa[]
}

const fleissOf = (c: Counts, ids: readonly LevelKey[], confidence: number): FleissKappa => {
  const general = multiRater(c, identityWeights(c.q), 'fleiss', 'fleiss-kappa', confidence)
  const { n: N, q, counts } = c
  const m = N > 0 ? c.totals[0]! : 0
  const p = new Float64Array(q)
  const within = new Float64Array(q)
  for (let u = 0; u < N; u++)
    for (let k = 0; k < q; k++) {
      const x = counts[u * q + k]!
      p[k]! += x
      within[k]! += x * (m - x)
    }
  const nm = N * m
  for (let k = 0; k < q; k++) p[k] = nm > 0 ? p[k]! / nm : 0
  const denom = N * m * (m - 1)
  const levelSe0 = denom > 0 ? Math.sqrt(2 / denom) : null
  const levels: LevelKappa[] = ids.map((level, k) => {
    const pk = p[k]!
    const none = { level, proportion: pk, value: null, se0: null, z: null, p: null }
    if (denom === 0) return { ...none, reason: general.defined ? 'no pairable values' : general.reason }
    if (pk === 0) return { ...none, reason: 'no rating is in this level: κ_j = 0/0' }
    if (pk === 1) return { ...none, reason: 'every rating is in this level: κ_j = 0/0' }
    const value = 1 - within[k]! / (denom * pk * (1 - pk))
    const z = value / levelSe0!
    return { level, proportion: pk, value, reason: null, se0: levelSe0, z, p: normalTwoSidedP(z) }
  })
  if (!general.defined || denom === 0 || N < 2) return { overall: general, levels }
  // Fleiss, Nee & Landis (1979): Var0(κ) = 2 [(Σ p q)² − Σ p q (q − p)] / [N m (m − 1) (Σ p q)²].
  let spq = 0
  let spqqp = 0
  for (let k = 0; k < q; k++) {
    const pk = p[k]!
    spq += pk * (1 - pk)
    spqqp += pk * (1 - pk) * (1 - 2 * pk)
  }
  const se0 = Math.sqrt((2 * (spq * spq - spqqp)) / (denom * spq * spq))
  const z = general.value / se0
  return { overall: { ...general, se0, z, df: null, p: normalTwoSidedP(z) }, levels }
}

const equalRaters = (c: Counts, fn: string, what: 'matrix' | 'counts'): Problem[] => {
  const out: Problem[] = []
  const m = c.n > 0 ? c.totals[0]! : 0
  for (let u = 0; u < c.n && out.length < MAX_INPUT_PROBLEMS; u++)
    if (c.totals[u] !== m)
      out.push(
        what === 'matrix'
          ? problem(
              ['ratings', u],
              `${m} ratings, one from every rater as in unit 0 (found is the number of ratings): Fleiss' kappa needs the same number of ratings on every unit; use krippendorffAlpha or gwetAC for incomplete data`,
              c.totals[u],
              'consistency',
              `${fn} › ratings › unit ${u}`,
            )
          : problem(
              ['counts', u],
              `a row summing to ${m} as row 0 does (found is this row's sum): Fleiss' kappa needs the same number of ratings on every unit; use krippendorffAlphaCounts or gwetACCounts for unequal numbers`,
              c.totals[u],
              'consistency',
              `${fn} › counts › unit ${u}`,
            ),
      )
  return out
}

const run = (
  fn: string,
  data: unknown,
  options: unknown,
  read: typeof countMatrixEither,
  what: 'matrix' | 'counts',
): Result<FleissKappa> =>
  pipe(
    prepareEither(options, fn),
    E.chain((o) =>
      pipe(
        read(data, o.scale, fn),
        E.chain((c) => {
          const problems = equalRaters(c, fn, what)
          return problems.length > 0 ? E.left(problems) : E.right(fleissOf(c, o.scale.ids, o.confidence))
        }),
      ),
    ),
  )

/**
 * Fleiss' kappa for m raters on a units × raters matrix, overall and per level
 * (Fleiss 1971, "Measuring nominal scale agreement among many raters",
 * *Psychological Bulletin* 76:378–382), as R irr `kappam.fleiss(ratings,
 * detail = TRUE)`. Every unit must be rated by every rater (no nulls).
 *
 * `overall.z` and `levels[j].z` test κ = 0 with the standard errors under H0 of
 * Fleiss, Nee & Landis (1979, "Large sample variance of kappa in the case of
 * different sets of raters", *Psychological Bulletin* 86:974–977), as irr;
 * `overall.se` and the interval are Gwet's (2014) linearised SE with a t(n − 1)
 * interval, as irrCAC `fleiss.kappa.raw`.
 *
 * Degenerate data: all ratings in one level makes κ = 0/0 (undefined, with the
 * reason), and so is κ_j for a level used by nobody or by everybody; one
 * rater has no pairable values; one unit has a value but no SE or test.
 * @param ratings units × raters, a level id of the scale in each cell
 * @param options `scale` (required), `confidence` [0.95]
 * @returns `Right` of `{ overall, levels }`, or `Left` of problems (a missing rating, a level not on the scale, bad options)
 * @example
 * fleissKappaEither([['a', 'a'], ['b', 'b'], ['a', 'b']], { scale: ['a', 'b'] }) // right, overall.value 1/3
 */
export const fleissKappaEither = (ratings: RatingMatrix, options: ScaleOptions): Result<FleissKappa> =>
  run('fleissKappa', ratings, options, countMatrixEither, 'matrix')

/**
 * Fleiss' kappa on a units × raters matrix: the throwing form of {@link fleissKappaEither}.
 * @param ratings units × raters, a level id of the scale in each cell (no nulls)
 * @param options `scale` (required), `confidence` [0.95]
 * @returns `{ overall, levels }`
 * @throws {RealistError} when a rating is missing or not on the scale, or the options are bad
 * @example
 * fleissKappa([['a', 'a'], ['b', 'b'], ['a', 'b']], { scale: ['a', 'b'] }).overall.value //=> 0.33333333333333326
 */
export const fleissKappa = (ratings: RatingMatrix, options: ScaleOptions): FleissKappa =>
  orThrow('fleissKappa', fleissKappaEither(ratings, options))

/**
 * Fleiss' kappa on a units × levels count table whose rows all sum to the
 * number of raters m; as {@link fleissKappaEither} otherwise. A table with
 * unequal row sums is refused.
 * @param counts units × levels, the number of raters who chose each level (columns in the scale's order)
 * @param options `scale` (required), `confidence` [0.95]
 * @returns `Right` of `{ overall, levels }`, or `Left` of problems (unequal row sums, a bad count)
 * @example
 * fleissKappaCountsEither([[2, 0], [0, 2], [1, 1]], { scale: ['a', 'b'] }) // right, overall.value 1/3
 */
export const fleissKappaCountsEither = (counts: CountTable, options: ScaleOptions): Result<FleissKappa> =>
  run('fleissKappaCounts', counts, options, readCountsEither, 'counts')

/**
 * Fleiss' kappa on a count table: the throwing form of {@link fleissKappaCountsEither}.
 * @param counts units × levels, rows summing to the number of raters
 * @param options `scale` (required), `confidence` [0.95]
 * @returns `{ overall, levels }`
 * @throws {RealistError} when the row sums differ or a count is bad, or the options are bad
 * @example
 * fleissKappaCounts([[2, 0], [0, 2], [1, 1]], { scale: ['a', 'b'] }).overall.value //=> 0.33333333333333326
 */
export const fleissKappaCounts = (counts: CountTable, options: ScaleOptions): FleissKappa =>
  orThrow('fleissKappaCounts', fleissKappaCountsEither(counts, options))
