/**
 * The value every interval function returns, and the checks of its inputs.
 * @module
 */
import * as E from '../../model/either.js'
import { problem, type Problem, type Result } from '../../model/problem.js'

/**
 * The method of a proportion's confidence interval: Wilson's score interval (the default) or the
 * Clopper–Pearson exact interval.
 */
export type IntervalMethod = 'wilson' | 'clopper-pearson'

/**
 * A proportion k/n with a confidence interval. When n = 0 there is nothing to
 * estimate: `estimate`, `lo` and `hi` are `null` and `reason` says why (never
 * a silent NaN).
 */
export interface Interval {
  readonly method: IntervalMethod
  /** The confidence level, e.g. 0.95. */
  readonly confidence: number
  readonly k: number
  readonly n: number
  readonly estimate: number | null
  readonly lo: number | null
  readonly hi: number | null
  /** Set when there is no estimate. */
  readonly reason?: string
}

/** Options shared by the interval functions. */
export interface IntervalOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  readonly confidence?: number
}

export const DEFAULT_CONFIDENCE = 0.95

export const NO_ESTIMATE_REASON = 'n = 0: nothing was counted, so there is no estimate'

/**
 * Problems with (k, n, confidence): n must be a non-negative integer, k a
 * finite number in [0, n] (it may be fractional when partly met counts as
 * half), confidence strictly between 0 and 1.
 * @param fn - the name of the calling function, for each problem's `where`.
 * @param k - the attained count.
 * @param n - the denominator.
 * @param confidence - the confidence level.
 * @returns the problems, at `k`, `n` and `confidence`; empty when all three are valid.
 * @example
 * intervalInputProblems('wilson', 3, -1, 0.95)[0]?.expected //=> 'n: a non-negative integer'
 */
export const intervalInputProblems = (fn: string, k: number, n: number, confidence: number): Problem[] => {
  const out: Problem[] = []
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    out.push(problem(['n'], 'n: a non-negative integer', n, 'value', `${fn} › n`))
  if (typeof k !== 'number' || !Number.isFinite(k) || k < 0 || (out.length === 0 && k > n))
    out.push(
      problem(['k'], `k: a finite number from 0 to n${out.length === 0 ? ` (${n})` : ''}`, k, 'value', `${fn} › k`),
    )
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
    out.push(
      problem(
        ['confidence'],
        'confidence: a number strictly between 0 and 1',
        confidence,
        'value',
        `${fn} › confidence`,
      ),
    )
  return out
}

/**
 * An interval without ends (`lo` and `hi` null), saying why.
 * @param method - the interval method asked for.
 * @param confidence - the confidence level asked for.
 * @param k - the numerator.
 * @param n - the denominator.
 * @param estimate - the point estimate, or null when there is none.
 * @param reason - why there are no ends.
 * @returns the interval.
 * @internal
 * @example
 * noInterval('wilson', 0.95, 0, 0, null, 'n = 0').lo //=> null
 */
export const noInterval = (
  method: IntervalMethod,
  confidence: number,
  k: number,
  n: number,
  estimate: number | null,
  reason: string,
): Interval => ({ method, confidence, k, n, estimate, lo: null, hi: null, reason })

/**
 * The shared body of the interval functions: validate (k, n, confidence),
 * answer n = 0 with no estimate and its reason, else compute the ends.
 * @internal
 * @example
 * // n = 0: no estimate, whatever the ends function would say
 * makeInterval('wilson', 0, 0, undefined, () => [0, 1])
 * //=> right({ method: 'wilson', confidence: 0.95, k: 0, n: 0, estimate: null, lo: null, hi: null,
 * //     reason: 'n = 0: nothing was counted, so there is no estimate' })
 * makeInterval('wilson', 5, 3, undefined, () => [0, 1]) //=> left([{ where: 'wilson › k', … }])
 */
export const makeInterval = (
  method: IntervalMethod,
  k: number,
  n: number,
  options: IntervalOptions | undefined,
  ends: (k: number, n: number, confidence: number) => readonly [number, number],
): Result<Interval> => {
  const confidence = options?.confidence ?? DEFAULT_CONFIDENCE
  const problems = intervalInputProblems(method, k, n, confidence)
  if (problems.length > 0) return E.left(problems)
  if (n === 0) return E.right(noInterval(method, confidence, k, n, null, NO_ESTIMATE_REASON))
  const [lo, hi] = ends(k, n, confidence)
  return E.right({ method, confidence, k, n, estimate: k / n, lo, hi })
}
