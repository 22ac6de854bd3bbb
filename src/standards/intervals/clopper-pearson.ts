import { betaQuantile } from './beta.js'
import { makeInterval, type Interval, type IntervalOptions } from './interval.js'
import { orThrow, type Result } from '../../model/problem.js'

/**
 * The ends of the Clopper–Pearson interval, for valid input with n > 0 (no
 * checks: {@link clopperPearsonEither} validates first).
 * @internal
 * @example
 * clopperPearsonEnds(3, 15, 0.95) //=> [0.0433, 0.4809] // to 4 dp
 */
export const clopperPearsonEnds = (k: number, n: number, confidence: number): readonly [number, number] => {
  const alpha = 1 - confidence
  const lo = k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1)
  const hi = k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k)
  return [lo, hi]
}

/**
 * Clopper–Pearson "exact" interval for a proportion k/n (Clopper & Pearson
 * 1934, Biometrika 26:404-413), from quantiles of the beta distribution:
 * lo = B⁻¹(α/2; k, n−k+1), hi = B⁻¹(1−α/2; k+1, n−k); as R
 * `binom.test(k, n)$conf.int`. Conservative: coverage is at least the
 * nominal level.
 *
 * Degenerate input: n = 0 gives no estimate (with a `reason`); invalid k, n or
 * confidence gives a `Left` of problems. A fractional k (score-weighted
 * counting) uses the beta quantiles at real parameters, a continuous extension.
 * @param k attained count
 * @param n denominator
 * @param options `confidence`, default 0.95
 * @returns `Right` with the interval (no estimate, and a `reason`, when n = 0), or `Left` with the
 * problems of k, n or the confidence.
 * @example
 * clopperPearsonEither(3, 15) //=> right({ method: 'clopper-pearson', k: 3, n: 15, estimate: 0.2, lo: 0.0433, hi: 0.4809, … }) // to 4 dp
 */
export const clopperPearsonEither = (k: number, n: number, options?: IntervalOptions): Result<Interval> =>
  makeInterval('clopper-pearson', k, n, options, clopperPearsonEnds)

/**
 * Clopper–Pearson "exact" interval for a proportion k/n (Clopper & Pearson
 * 1934, Biometrika 26:404-413), from quantiles of the beta distribution:
 * lo = B⁻¹(α/2; k, n−k+1), hi = B⁻¹(1−α/2; k+1, n−k); as R
 * `binom.test(k, n)$conf.int`. Conservative: coverage is at least the
 * nominal level.
 *
 * The throwing form of {@link clopperPearsonEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: n = 0 gives no estimate (with a `reason`); invalid k, n or
 * confidence throws. A fractional k (score-weighted
 * counting) uses the beta quantiles at real parameters, a continuous extension.
 * @param k attained count
 * @param n denominator
 * @param options `confidence`, default 0.95
 * @returns the result (`Interval`), as {@link clopperPearsonEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link clopperPearsonEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] clopperPearson: …`).
 * @example
 * clopperPearson(0, 10).hi //=> 0.3085 // to 4 dp
 */
export const clopperPearson = (k: number, n: number, options?: IntervalOptions): Interval =>
  orThrow('clopperPearson', clopperPearsonEither(k, n, options))
