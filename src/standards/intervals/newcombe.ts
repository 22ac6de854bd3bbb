import * as E from '../../model/either.js'
import { DEFAULT_CONFIDENCE, intervalInputProblems, type IntervalOptions } from './interval.js'
import { wilsonEnds } from './wilson.js'
import { orThrow, type Result } from '../../model/problem.js'

/**
 * A difference of two proportions p1 − p2 with a confidence interval. When
 * either n is 0 there is no estimate: `difference`, `lo`, `hi` are `null` and
 * `reason` says why.
 */
export interface DifferenceInterval {
  readonly method: 'newcombe-hybrid-score'
  readonly confidence: number
  readonly k1: number
  readonly n1: number
  readonly k2: number
  readonly n2: number
  readonly difference: number | null
  readonly lo: number | null
  readonly hi: number | null
  readonly reason?: string
}

/**
 * Confidence interval for the difference of two independent proportions
 * k1/n1 − k2/n2 by Newcombe's hybrid score method (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions: comparison of
 * eleven methods", Statistics in Medicine 17:873-890, method 10): the Wilson
 * score limits (l, u) of each proportion combined as
 * lo = d − √((p1−l1)² + (u2−p2)²), hi = d + √((u1−p1)² + (p2−l2)²).
 * As R `Epi::ci.pd(method = "Nc")`.
 *
 * Degenerate input: n1 = 0 or n2 = 0 gives no estimate (nulls and a
 * `reason`); invalid counts or confidence give a `Left` of problems.
 * @param k1 attained count in the first group (e.g. follow-up)
 * @param n1 denominator of the first group
 * @param k2 attained count in the second group (e.g. baseline)
 * @param n2 denominator of the second group
 * @param options `confidence`, default 0.95
 * @returns `Right` with the difference k1/n1 − k2/n2 and its interval (no estimate, and a `reason`,
 * when either n is 0), or `Left` with the problems of the counts or the confidence.
 * @example
 * // Newcombe 1998, Table II, example (a), method 10: 0.2000 (0.0524, 0.3339)
 * newcombeEither(56, 70, 48, 80) //=> right({ method: 'newcombe-hybrid-score', difference: 0.2, lo: 0.0524, hi: 0.3339, … })
 */
export const newcombeEither = (
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  options?: IntervalOptions,
): Result<DifferenceInterval> => {
  const confidence = options?.confidence ?? DEFAULT_CONFIDENCE
  const problems = [
    ...intervalInputProblems('newcombe › group 1', k1, n1, confidence),
    // confidence is reported once
    ...intervalInputProblems('newcombe › group 2', k2, n2, 0.5),
  ]
  if (problems.length > 0) return E.left(problems)
  const base = { method: 'newcombe-hybrid-score' as const, confidence, k1, n1, k2, n2 }
  if (n1 === 0 || n2 === 0) {
    const which = n1 === 0 && n2 === 0 ? 'both groups' : n1 === 0 ? 'group 1' : 'group 2'
    return E.right({
      ...base,
      difference: null,
      lo: null,
      hi: null,
      reason: `n = 0 in ${which}: nothing was counted, so there is no difference to estimate`,
    })
  }
  const p1 = k1 / n1
  const p2 = k2 / n2
  const [l1, u1] = wilsonEnds(k1, n1, confidence)
  const [l2, u2] = wilsonEnds(k2, n2, confidence)
  const d = p1 - p2
  const lo = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
  const hi = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
  return E.right({ ...base, difference: d, lo: Math.max(-1, lo), hi: Math.min(1, hi) })
}

/**
 * Confidence interval for the difference of two independent proportions
 * k1/n1 − k2/n2 by Newcombe's hybrid score method (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions: comparison of
 * eleven methods", Statistics in Medicine 17:873-890, method 10): the Wilson
 * score limits (l, u) of each proportion combined as
 * lo = d − √((p1−l1)² + (u2−p2)²), hi = d + √((u1−p1)² + (p2−l2)²).
 * As R `Epi::ci.pd(method = "Nc")`.
 *
 * The throwing form of {@link newcombeEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: n1 = 0 or n2 = 0 gives no estimate (nulls and a
 * `reason`); invalid counts or confidence throws.
 * @param k1 attained count in the first group (e.g. follow-up)
 * @param n1 denominator of the first group
 * @param k2 attained count in the second group (e.g. baseline)
 * @param n2 denominator of the second group
 * @param options `confidence`, default 0.95
 * @returns the result (`DifferenceInterval`), as {@link newcombeEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link newcombeEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] newcombe: …`).
 * @example
 * // Newcombe 1998, Table II, example (b), method 10: 0.6000 (0.1705, 0.8090)
 * newcombe(9, 10, 3, 10) //=> { method: 'newcombe-hybrid-score', difference: 0.6, lo: 0.1705, hi: 0.8090, … }
 */
export const newcombe = (
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  options?: IntervalOptions,
): DifferenceInterval => orThrow('newcombe', newcombeEither(k1, n1, k2, n2, options))
