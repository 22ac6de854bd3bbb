import { normalQuantile } from './normal-quantile.js'
import { makeInterval, type Interval, type IntervalOptions } from './interval.js'
import { orThrow, type Result } from '../../model/problem.js'

/**
 * The ends of the Wilson score interval, for valid input with n > 0 (no
 * checks: {@link wilsonEither} validates first; Newcombe's method reuses it).
 * @internal
 * @example
 * wilsonEnds(3, 15, 0.95) //=> [0.0705, 0.4519] // to 4 dp
 */
export const wilsonEnds = (k: number, n: number, confidence: number): readonly [number, number] =>
  wilsonEndsAt(k, n, normalQuantile(1 - (1 - confidence) / 2))

/**
 * The Wilson ends for a given z (the normal quantile of the confidence), for
 * callers that compute many intervals at one confidence (attainment figures):
 * the same arithmetic as {@link wilsonEnds}, so the same numbers.
 * @internal
 * @example
 * wilsonEndsAt(3, 15, 1.959963984540054) //=> [0.0705, 0.4519] // to 4 dp
 */
export const wilsonEndsAt = (k: number, n: number, z: number): readonly [number, number] => {
  const z2 = z * z
  const centre = (k + z2 / 2) / (n + z2)
  const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4)
  // At k = 0 and k = n the ends are exactly 0 and 1; clamp away rounding noise.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)]
}

/**
 * Wilson score interval for a proportion k/n (Wilson 1927, "Probable
 * inference, the law of succession, and statistical inference", JASA 22:209-212),
 * as R `prop.test(k, n, correct = FALSE)$conf.int`. The default interval of
 * this library: good coverage at small n, never outside [0, 1].
 *
 * Degenerate input: n = 0 gives no estimate (`estimate`, `lo`, `hi` null, with
 * a `reason`); k outside [0, n], a non-integer n or a confidence outside (0, 1)
 * gives a `Left` of problems.
 * @param k attained count (may be fractional for score-weighted counting)
 * @param n denominator
 * @param options `confidence`, default 0.95
 * @returns `Right` with the interval (no estimate, and a `reason`, when n = 0), or `Left` with the
 * problems of k, n or the confidence.
 * @example
 * wilsonEither(3, 15) //=> right({ method: 'wilson', confidence: 0.95, k: 3, n: 15, estimate: 0.2, lo: 0.0705, hi: 0.4519 }) // to 4 dp
 */
export const wilsonEither = (k: number, n: number, options?: IntervalOptions): Result<Interval> =>
  makeInterval('wilson', k, n, options, wilsonEnds)

/**
 * Wilson score interval for a proportion k/n (Wilson 1927, "Probable
 * inference, the law of succession, and statistical inference", JASA 22:209-212),
 * as R `prop.test(k, n, correct = FALSE)$conf.int`. The default interval of
 * this library: good coverage at small n, never outside [0, 1].
 *
 * The throwing form of {@link wilsonEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: n = 0 gives no estimate (`estimate`, `lo`, `hi` null, with
 * a `reason`); k outside [0, n], a non-integer n or a confidence outside (0, 1)
 * throws.
 * @param k attained count (may be fractional for score-weighted counting)
 * @param n denominator
 * @param options `confidence`, default 0.95
 * @returns the result (`Interval`), as {@link wilsonEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link wilsonEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] wilson: …`).
 * @example
 * wilson(0, 10).hi //=> 0.2775 // to 4 dp
 */
export const wilson = (k: number, n: number, options?: IntervalOptions): Interval =>
  orThrow('wilson', wilsonEither(k, n, options))
