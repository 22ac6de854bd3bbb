/**
 * The shared machinery of the multi-rater coefficients on a count table, in
 * the framework of Gwet (2014, *Handbook of Inter-Rater Reliability*, 4th ed.,
 * ch. 2–5) as the R package irrCAC implements it: percent agreement p_a over
 * the units with two or more ratings, classification probabilities π_k over
 * the units with at least one, a chance term per coefficient, and the
 * linearised variance of Gwet (2008, *BJMSP* 61:29–48) with a Student t
 * interval on n − 1 degrees of freedom.
 * @module
 */
import type { Counts } from './inputs.js'
import type { ResolvedWeights } from './weights.js'
import {
  ALL_ONE_LEVEL,
  NO_PAIRS,
  NO_UNITS,
  ZERO,
  undefinedEstimate,
  type AgreementEstimate,
  type CoefficientName,
  type EstimateBase,
} from './result.js'
import { tQuantile, tTwoSidedP } from './distributions.js'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { Result } from '../model/problem.js'
import type { countMatrixEither } from './inputs.js'
import { prepareEither } from './options.js'

/** The chance-agreement term of a coefficient. @internal */
export type Chance = 'none' | 'fleiss' | 'gwet' | 'brennan-prediger'

/** What the shared pass computes before the coefficient is assembled. @internal */
export interface MultiRaterPass {
  readonly base: EstimateBase
  /** Per-level classification probabilities π_k. */
  readonly pi: Float64Array
}

/**
 * One coefficient of the Gwet family on counts: value, linearised SE, t
 * interval and t test against 0.
 * @internal
 * @param c the counts per unit and level
 * @param weights the agreement weights (identity for AC1, Fleiss' kappa)
 * @param chance the chance-agreement term: none (percent agreement), Fleiss, Gwet or Brennan-Prediger
 * @param coefficient the coefficient's name, reported on the estimate
 * @param confidence the interval's confidence level, in (0, 1)
 * @returns the estimate, or an undefined one with its reason when no unit has two ratings
 * @example
 * // Krippendorff's (2011) reliability data (irrCAC's cac.raw4raters): raters per unit (rows) at levels 1–5 (columns)
 * const rows = [[3, 0, 0, 0, 0], [0, 3, 1, 0, 0], [0, 0, 4, 0, 0], [0, 0, 4, 0, 0], [0, 4, 0, 0, 0], [1, 1, 1, 1, 0],
 *   [0, 0, 0, 4, 0], [3, 1, 0, 0, 0], [0, 4, 0, 0, 0], [0, 0, 0, 0, 3], [2, 0, 0, 0, 0], [0, 0, 1, 0, 0]]
 * const totals = new Float64Array(rows.map((r) => r.reduce((a, b) => a + b, 0)))
 * const counts = { n: 12, q: 5, counts: new Float64Array(rows.flat()), totals, raters: 4 }
 * const identity = { name: 'identity', w: new Float64Array(25).map((_, i) => (i % 6 === 0 ? 1 : 0)), total: 5 }
 * // irrCAC (Gwet 2014, p. 120): AC1 0.775, SE 0.143
 * multiRater(counts, identity, 'gwet', 'gwet-ac1', 0.95) //=> { defined: true, value: 0.775, se: 0.143, … }
 */
export const multiRater = (
  c: Counts,
  weights: ResolvedWeights,
  chance: Chance,
  coefficient: CoefficientName,
  confidence: number,
): AgreementEstimate => {
  const { n: rows, q, counts, totals } = c
  const w = weights.w
  let n = 0
  let n2 = 0
  let ratings = 0
  const pi = new Float64Array(q)
  const paUnit = new Float64Array(rows)
  let paSum = 0
  for (let u = 0; u < rows; u++) {
    const r = totals[u]!
    if (r < 1) continue
    n++
    ratings += r
    const off = u * q
    for (let k = 0; k < q; k++) pi[k]! += counts[off + k]! / r
    if (r < 2) continue
    n2++
    let s = 0
    for (let k = 0; k < q; k++) {
      const rk = counts[off + k]!
      if (rk === 0) continue
      let star = 0
      for (let l = 0; l < q; l++) star += w[k * q + l]! * counts[off + l]!
      s += rk * (star - 1)
    }
    paUnit[u] = s / (r * (r - 1))
    paSum += paUnit[u]!
  }
  const baseOf = (observed: number | null, expected: number | null): EstimateBase => ({
    coefficient,
    weights: weights.name,
    units: n,
    pairableUnits: n2,
    raters: c.raters,
    ratings,
    observed,
    expected,
    confidence,
  })
  if (n === 0) return undefinedEstimate(baseOf(null, null), NO_UNITS)
  if (n2 === 0) return undefinedEstimate(baseOf(null, null), NO_PAIRS(c.raters))
  for (let k = 0; k < q; k++) pi[k]! /= n
  const pa = paSum / n2
  const gwetFactor = weights.total / (q * (q - 1))
  let pe = 0
  if (chance === 'fleiss') {
    for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) pe += w[k * q + l]! * pi[k]! * pi[l]!
  } else if (chance === 'gwet') {
    let s = 0
    for (let k = 0; k < q; k++) s += pi[k]! * (1 - pi[k]!)
    pe = gwetFactor * s
  } else if (chance === 'brennan-prediger') pe = weights.total / (q * q)
  const base = baseOf(pa, pe)
  if (1 - pe < ZERO) return undefinedEstimate(base, ALL_ONE_LEVEL)
  const value = (pa - pe) / (1 - pe)
  const notes: string[] = []
  if (n < 2) {
    notes.push('one unit: the standard error needs at least two units')
    return {
      ...base,
      defined: true,
      value,
      se: null,
      se0: null,
      lo: null,
      hi: null,
      intervalMethod: null,
      z: null,
      df: null,
      p: null,
      notes,
    }
  }
  // πw_k = (Σ_l w_kl π_l + Σ_l w_lk π_l) / 2, the Fleiss chance term's derivative.
  const piW = new Float64Array(q)
  if (chance === 'fleiss')
    for (let k = 0; k < q; k++) {
      let s = 0
      for (let l = 0; l < q; l++) s += ((w[k * q + l]! + w[l * q + k]!) / 2) * pi[l]!
      piW[k] = s
    }
  let ss = 0
  for (let u = 0; u < rows; u++) {
    const r = totals[u]!
    if (r < 1) continue
    const off = u * q
    const vi = ((n / n2) * (r >= 2 ? paUnit[u]! - pe : 0)) / (1 - pe)
    let pei = pe
    if (chance === 'fleiss') {
      let s = 0
      for (let k = 0; k < q; k++) s += counts[off + k]! * piW[k]!
      pei = s / r
    } else if (chance === 'gwet') {
      let s = 0
      for (let k = 0; k < q; k++) s += counts[off + k]! * (1 - pi[k]!)
      pei = (gwetFactor * s) / r
    }
    const d = vi - (2 * (1 - value) * (pei - pe)) / (1 - pe) - value
    ss += d * d
  }
  const se = Math.sqrt(ss / (n * (n - 1)))
  const df = n - 1
  const t = tQuantile(1 - (1 - confidence) / 2, df)
  // Percent agreement is a proportion: its interval stays in [0, 1]. The chance-corrected
  // coefficients can fall below −1, so only their upper end is capped.
  const lo = chance === 'none' ? Math.max(0, value - t * se) : value - t * se
  const hi = Math.min(1, value + t * se)
  let z: number | null = null
  let p: number | null = null
  if (se > 0) {
    z = value / se
    p = tTwoSidedP(z, df)
  } else notes.push('the standard error is 0 (every unit agrees alike), so there is no test statistic')
  return { ...base, defined: true, value, se, se0: null, lo, hi, intervalMethod: 't', z, df, p, notes }
}

/**
 * The pipeline shared by the Gwet-family coefficients on raw data: check the
 * options (scale, weights, confidence), read the matrix or count table against
 * the scale, then count with {@link multiRater}.
 * @internal
 * @param chance the chance-agreement term of the coefficient
 * @param name the coefficient's reported name, from the resolved weights (AC1 or AC2)
 * @returns a function of the caller's name (for problems), the data, the options and the reader of the data
 * @example
 * import { countMatrixEither } from './inputs.js'
 * const percent = multiRaterRun('none', () => 'percent-agreement')
 * const r = percent('percentAgreement', [['a', 'a'], ['a', 'b']], { scale: ['a', 'b'] }, countMatrixEither)
 * r._tag === 'Right' && r.right.value //=> 0.5
 */
export const multiRaterRun =
  (chance: Chance, name: (weights: ResolvedWeights) => CoefficientName) =>
  (fn: string, data: unknown, options: unknown, read: typeof countMatrixEither): Result<AgreementEstimate> =>
    pipe(
      prepareEither(options, fn),
      E.chain((o) =>
        pipe(
          read(data, o.scale, fn),
          E.map((c) => multiRater(c, o.weights, chance, name(o.weights), o.confidence)),
        ),
      ),
    )
