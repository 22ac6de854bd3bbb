/**
 * The options every agreement function takes, and their checks.
 * @module
 */
import * as E from '../model/either.js'
import { problem, type Result } from '../model/problem.js'
import { resolveScaleEither, type AgreementScale, type ResolvedScale } from './scale.js'
import { resolveWeightsEither, type ResolvedWeights, type WeightsOption } from './weights.js'
import { confidenceEither, type ConfidenceOptions } from './result.js'

/** The declared scale and the confidence level: what every coefficient needs. */
export interface ScaleOptions extends ConfidenceOptions {
  /** The declared scale: its levels in order (and their scores). Required: categories never come from the data alone. */
  readonly scale: AgreementScale
}

/** Options of the weighted coefficients (Cohen's kappa, Gwet's AC1/AC2, Brennan–Prediger, percent agreement). */
export interface WeightedOptions extends ScaleOptions {
  /** Agreement weights: `'identity'` (unweighted), `'linear'`, `'quadratic'` or a q × q matrix. Default `'identity'`. */
  readonly weights?: WeightsOption
}

/** Options checked. @internal */
export interface Prepared {
  readonly scale: ResolvedScale
  readonly weights: ResolvedWeights
  readonly confidence: number
}

/**
 * Check the options object, the scale, the weights and the confidence level.
 * @internal
 * @example
 * prepareEither({ scale: ['a', 'b'] }, 'gwetAC') //=> right(…) // { scale: …, weights: { name: 'identity', … }, confidence: 0.95 }
 */
export const prepareEither = (options: unknown, fn: string): Result<Prepared> => {
  if (options === null || typeof options !== 'object')
    return E.left([
      problem(
        [],
        'an options object with the declared scale, e.g. { scale: ["met", "partly", "not-met"] }',
        options,
        'shape',
        `${fn} › options`,
      ),
    ])
  const o = options as { scale?: unknown; weights?: unknown; confidence?: unknown }
  const scale = resolveScaleEither(o.scale, fn)
  if (E.isLeft(scale)) return scale
  const weights = resolveWeightsEither(o.weights, scale.right, fn)
  const confidence = confidenceEither(o.confidence, fn)
  const problems = [...(E.isLeft(weights) ? weights.left : []), ...(E.isLeft(confidence) ? confidence.left : [])]
  if (E.isLeft(weights) || E.isLeft(confidence)) return E.left(problems)
  return E.right({ scale: scale.right, weights: weights.right, confidence: confidence.right })
}
