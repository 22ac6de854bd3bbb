/**
 * Cohen's kappa for two raters, unweighted or weighted, with its asymptotic
 * standard errors.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { orThrow, type Result } from '../model/problem.js'
import {
  crossTabulateEither,
  readContingencyEither,
  type Contingency,
  type ContingencyTable,
  type RatingMatrix,
} from './inputs.js'
import { prepareEither, type WeightedOptions } from './options.js'
import {
  ALL_ONE_LEVEL,
  NO_UNITS,
  ZERO,
  undefinedEstimate,
  type AgreementEstimate,
  type EstimateBase,
} from './result.js'
import type { ResolvedWeights } from './weights.js'
import { normalQuantile, normalTwoSidedP } from './distributions.js'

/**
 * Kappa and its two asymptotic variances from a contingency table (Fleiss,
 * Cohen & Everitt 1969).
 * @internal
 * @param t the contingency table, flattened row by row
 * @param weights the agreement weights (identity for simple kappa)
 * @param confidence the interval's confidence level, in (0, 1)
 * @param units the number of units rated, reported beside the pairable ones
 * @returns the estimate: value, `se` (under the alternative), `se0` (under no agreement), interval, z and p
 * @example
 * // SAS PROC FREQ's kappa example (printout quoted in statsmodels' test_inter_rater.py):
 * // p_o = 13/19, p_e = 140/361, kappa = 107/221 = 0.4842; ASE 0.1380, ASE under H0 0.1484
 * const identity = { name: 'identity', w: new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]), total: 3 }
 * kappaOfTable({ q: 3, cells: new Float64Array([0, 4, 1, 0, 8, 0, 0, 1, 5]), total: 19 }, identity, 0.95, 19)
 * //=> { value: 0.4842, se: 0.1380, se0: 0.1484, … }
 */
export const kappaOfTable = (
  t: Contingency,
  weights: ResolvedWeights,
  confidence: number,
  units: number,
): AgreementEstimate => {
  const { q, cells, total: N } = t
  const w = weights.w
  const base = (observed: number | null, expected: number | null): EstimateBase => ({
    coefficient: 'cohen-kappa',
    weights: weights.name,
    units,
    pairableUnits: N,
    raters: 2,
    ratings: 2 * N,
    observed,
    expected,
    confidence,
  })
  if (N === 0)
    return undefinedEstimate(
      base(null, null),
      units > 0 ? 'no unit was rated by both raters, so there is no pair to compare' : NO_UNITS,
    )
  const row = new Float64Array(q)
  const col = new Float64Array(q)
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      const p = cells[a * q + b]! / N
      row[a]! += p
      col[b]! += p
    }
  let po = 0
  let pe = 0
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      po += (w[a * q + b]! * cells[a * q + b]!) / N
      pe += w[a * q + b]! * row[a]! * col[b]!
    }
  if (1 - pe < ZERO) return undefinedEstimate(base(po, pe), ALL_ONE_LEVEL)
  const value = (po - pe) / (1 - pe)
  // w̄_a. = Σ_b w_ab p_.b and w̄_.b = Σ_a w_ab p_a.
  const wRow = new Float64Array(q)
  const wCol = new Float64Array(q)
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      wRow[a]! += w[a * q + b]! * col[b]!
      wCol[b]! += w[a * q + b]! * row[a]!
    }
  let s = 0
  let s0 = 0
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      const pab = cells[a * q + b]! / N
      const d = w[a * q + b]! - (wRow[a]! + wCol[b]!) * (1 - value)
      s += pab * d * d
      const d0 = w[a * q + b]! - (wRow[a]! + wCol[b]!)
      s0 += row[a]! * col[b]! * d0 * d0
    }
  const scale = N * (1 - pe) * (1 - pe)
  const variance = (s - (value - pe * (1 - value)) ** 2) / scale
  const variance0 = (s0 - pe * pe) / scale
  const notes: string[] = []
  // Rounding leaves variances of order 1e-17 where the exact value is 0 (perfect agreement).
  const se = variance > ROUNDING ? Math.sqrt(variance) : variance > -ROUNDING ? 0 : null
  const se0 = variance0 > ROUNDING ? Math.sqrt(variance0) : null
  if (se === 0) notes.push('the asymptotic standard error is 0 (agreement is perfect), so the interval is the point')
  if (se0 === null) notes.push('the standard error under H0 is 0, so there is no z test')
  const zq = normalQuantile(1 - (1 - confidence) / 2)
  const lo = se === null ? null : value - zq * se
  const hi = se === null ? null : Math.min(1, value + zq * se)
  const z = se0 === null ? null : value / se0
  return {
    ...base(po, pe),
    defined: true,
    value,
    se,
    se0,
    lo,
    hi,
    intervalMethod: se === null ? null : 'normal',
    z,
    df: null,
    p: z === null ? null : normalTwoSidedP(z),
    notes,
  }
}

const ROUNDING = 1e-14

const run = (fn: string, data: unknown, options: unknown, fromMatrix: boolean): Result<AgreementEstimate> =>
  pipe(
    prepareEither(options, fn),
    E.chain((o) =>
      pipe(
        fromMatrix ? crossTabulateEither(data, o.scale, fn) : readContingencyEither(data, o.scale, fn),
        E.map((t) => kappaOfTable(t, o.weights, o.confidence, fromMatrix ? (data as unknown[]).length : t.total)),
      ),
    ),
  )

/**
 * Cohen's kappa for two raters from their contingency table (Cohen 1960, "A
 * coefficient of agreement for nominal scales", *Educational and Psychological
 * Measurement* 20:37–46), weighted (Cohen 1968, "Weighted kappa", *Psychological
 * Bulletin* 70:213–220) with linear, quadratic or custom agreement weights.
 *
 * `se` is the large-sample standard error of Fleiss, Cohen & Everitt (1969,
 * "Large sample standard errors of kappa and weighted kappa", *Psychological
 * Bulletin* 72:323–327), used for the normal interval (upper end capped at 1);
 * `se0` is their standard error under κ = 0, used for `z` and its two-sided p,
 * as SAS PROC FREQ (`ASE`, `ASE under H0`) and statsmodels `cohens_kappa`.
 *
 * Degenerate data: both raters using one and the same level makes κ = 0/0
 * (undefined, with the reason); an empty table is undefined.
 * @param table rater A's levels in rows × rater B's in columns, both in the scale's order
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a table that is not q × q, a bad count, bad options)
 * @example
 * cohenKappaTableEither([[0, 4, 1], [0, 8, 0], [0, 1, 5]], { scale: [1, 2, 3] }) // right, value 0.4842 (SAS: ASE 0.1380, z 3.2626)
 */
export const cohenKappaTableEither = (table: ContingencyTable, options: WeightedOptions): Result<AgreementEstimate> =>
  run('cohenKappaTable', table, options, false)

/**
 * Cohen's kappa from a contingency table: the throwing form of {@link cohenKappaTableEither}.
 * @param table rater A's levels in rows × rater B's in columns
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is not q × q or holds a bad count, or the options are bad
 * @example
 * cohenKappaTable([[0, 4, 1], [0, 8, 0], [0, 1, 5]], { scale: [1, 2, 3] }).value //=> 0.4841628959276017
 */
export const cohenKappaTable = (table: ContingencyTable, options: WeightedOptions): AgreementEstimate =>
  orThrow('cohenKappaTable', cohenKappaTableEither(table, options))

/**
 * Cohen's kappa for two raters from a units × 2 matrix: units where either
 * rating is missing are left out (listwise), the rest cross-tabulated on the
 * declared scale; as {@link cohenKappaTableEither} otherwise. `units` counts
 * every row, `pairableUnits` those both raters rated.
 * @param ratings units × [rater A, rater B], a level id of the scale or null
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a row without exactly two cells, a level not on the scale)
 * @example
 * cohenKappaEither([['a', 'a'], ['b', 'b'], ['a', 'b'], ['b', null]], { scale: ['a', 'b'] }) // right, value 0.4, pairableUnits 3
 */
export const cohenKappaEither = (ratings: RatingMatrix, options: WeightedOptions): Result<AgreementEstimate> =>
  run('cohenKappa', ratings, options, true)

/**
 * Cohen's kappa from a units × 2 matrix: the throwing form of {@link cohenKappaEither}.
 * @param ratings units × [rater A, rater B], a level id of the scale or null
 * @param options `scale` (required), `weights` [`'identity'`], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when a row does not hold two cells, a level is not on the scale, or the options are bad
 * @example
 * cohenKappa([['a', 'a'], ['b', 'b'], ['a', 'b'], ['b', null]], { scale: ['a', 'b'] }).value //=> 0.39999999999999997
 */
export const cohenKappa = (ratings: RatingMatrix, options: WeightedOptions): AgreementEstimate =>
  orThrow('cohenKappa', cohenKappaEither(ratings, options))
