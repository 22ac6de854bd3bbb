/**
 * Agreement weights between levels: 1 on the diagonal, less the further apart
 * two levels are. Built from the declared scale's scores, so a level nobody
 * used still takes its place in the distances.
 * @module
 */
import * as E from '../model/either.js'
import { problem, type Problem, type Result } from '../model/problem.js'
import type { ResolvedScale } from './scale.js'

/**
 * Which weights: `'identity'` (unweighted: full credit for the same level
 * only), `'linear'` (1 − |x_k − x_l| / (x_max − x_min)), `'quadratic'`
 * (1 − (x_k − x_l)² / (x_max − x_min)²) over the scale's scores (Cohen 1968;
 * Gwet 2014, ch. 3), or a custom q × q matrix in the scale's order with
 * values in [0, 1] and ones on the diagonal.
 */
export type WeightsOption = 'identity' | 'linear' | 'quadratic' | readonly (readonly number[])[]

/** The name of the weights in results and rows. */
export type WeightsName = 'identity' | 'linear' | 'quadratic' | 'custom'

/** Weights checked and laid out flat: `w[k * q + l]`. @internal */
export interface ResolvedWeights {
  readonly name: WeightsName
  readonly w: Float64Array
  /** The sum of all weights (q for identity), used by AC2 and Brennan–Prediger. */
  readonly total: number
}

/**
 * Identity weights for q levels.
 * @internal
 * @example
 * identityWeights(2) //=> { name: 'identity', w: [1, 0, 0, 1], total: 2 }
 */
export const identityWeights = (q: number): ResolvedWeights => {
  const w = new Float64Array(q * q)
  for (let k = 0; k < q; k++) w[k * q + k] = 1
  return { name: 'identity', w, total: q }
}

/**
 * Build or check the weights for a scale.
 * @internal
 * @param option `'identity'` (default when undefined), `'linear'`, `'quadratic'`, or a q × q matrix of weights in [0, 1] with 1 on the diagonal
 * @param scale the resolved scale; linear and quadratic weights use its scores
 * @param fn the calling function's name, for the problems' `where`
 * @returns `Right` of the weights, flattened row by row, or `Left` of problems
 * @example
 * const scale = { ids: [1, 2, 3], scores: new Float64Array([1, 2, 3]), index: new Map([[1, 0], [2, 1], [3, 2]]), q: 3 }
 * // linear: w = 1 − |i − j| / (max − min) (Gwet 2014); `total` is the sum of the weights, 3 · 1 + 4 · 0.5
 * resolveWeightsEither('linear', scale, 'cohenKappa') //=> right({ name: 'linear', w: new Float64Array([1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1]), total: 5 })
 */
export const resolveWeightsEither = (option: unknown, scale: ResolvedScale, fn: string): Result<ResolvedWeights> => {
  const q = scale.q
  const w = new Float64Array(q * q)
  const where = `${fn} › weights`
  if (option === undefined || option === 'identity') return E.right(identityWeights(q))
  if (option === 'linear' || option === 'quadratic') {
    let min = Infinity
    let max = -Infinity
    for (const s of scale.scores) {
      min = Math.min(min, s)
      max = Math.max(max, s)
    }
    const range = max - min
    if (!(range > 0))
      return E.left([
        problem(
          ['weights'],
          'a scale whose scores are not all equal (linear and quadratic weights divide by the score range)',
          option,
          'value',
          where,
        ),
      ])
    let total = 0
    for (let k = 0; k < q; k++)
      for (let l = 0; l < q; l++) {
        const d = Math.abs(scale.scores[k]! - scale.scores[l]!) / range
        const v = option === 'linear' ? 1 - d : 1 - d * d
        w[k * q + l] = v
        total += v
      }
    return E.right({ name: option, w, total })
  }
  if (Array.isArray(option)) {
    const problems: Problem[] = []
    if (option.length !== q)
      return E.left([
        problem(
          ['weights'],
          `a ${q} × ${q} weight matrix (one row and column per level of the scale)`,
          option,
          'shape',
          where,
        ),
      ])
    let total = 0
    option.forEach((row: unknown, k) => {
      if (!Array.isArray(row) || row.length !== q) {
        problems.push(
          problem(['weights', k], `${q} weights (the matrix must be ${q} × ${q})`, row, 'shape', `${where} › row ${k}`),
        )
        return
      }
      row.forEach((v: unknown, l) => {
        const ok = typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 && (k !== l || v === 1)
        if (!ok) {
          const expected = k === l ? '1 (a level agrees fully with itself)' : 'a weight from 0 to 1'
          problems.push(
            problem(
              ['weights', k, l],
              expected,
              v,
              'value',
              `${where} › ${String(scale.ids[k])} × ${String(scale.ids[l])}`,
            ),
          )
          return
        }
        w[k * q + l] = v as number
        total += v as number
      })
    })
    if (problems.length > 0) return E.left(problems)
    return E.right({ name: 'custom', w, total })
  }
  return E.left([
    problem(['weights'], `'identity', 'linear', 'quadratic' or a ${q} × ${q} weight matrix`, option, 'value', where),
  ])
}
