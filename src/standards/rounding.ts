/**
 * Rounding for display: plain rounding that names its rule, and
 * largest-remainder rounding of shares that must sum to 100.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'

/**
 * How a half is rounded: `'half-up'` (halves away from zero, the school rule
 * and most reports), `'half-even'` (halves to the even neighbour, "banker's
 * rounding", IEEE 754 default and R's `round`).
 */
export type RoundingRule = 'half-up' | 'half-even'

// Decimal shift by exponent notation, so 1.005 at 2 places is treated as the
// decimal 100.5, not the binary 100.49999999999999.
const shift = (x: number, digits: number): number => Number(`${x}e${digits}`)

/**
 * Round half away from zero to `digits` decimal places (default 0), reading
 * the number as the decimal it prints as.
 *
 * Degenerate input: NaN and ±Infinity are returned unchanged.
 * @param x - the number to round.
 * @param digits - the decimal places to keep (default 0).
 * @returns the rounded number.
 * @example
 * roundHalfUp(2.5)        //=> 3
 * roundHalfUp(-2.5)       //=> -3
 * roundHalfUp(1.005, 2)   //=> 1.01
 */
export const roundHalfUp = (x: number, digits = 0): number => {
  if (!Number.isFinite(x)) return x
  const s = shift(Math.abs(x), digits)
  const r = Math.floor(s + 0.5)
  return Math.sign(x) * shift(r, -digits) || 0
}

/**
 * Round half to even ("banker's rounding") to `digits` decimal places
 * (default 0), reading the number as the decimal it prints as. As R `round`.
 *
 * Degenerate input: NaN and ±Infinity are returned unchanged.
 * @param x - the number to round.
 * @param digits - the decimal places to keep (default 0).
 * @returns the rounded number.
 * @example
 * roundHalfEven(2.5)      //=> 2
 * roundHalfEven(3.5)      //=> 4
 * roundHalfEven(0.125, 2) //=> 0.12
 */
export const roundHalfEven = (x: number, digits = 0): number => {
  if (!Number.isFinite(x)) return x
  const s = shift(Math.abs(x), digits)
  const f = Math.floor(s)
  const diff = s - f
  const r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1
  return Math.sign(x) * shift(r, -digits) || 0
}

/**
 * Round by a named rule.
 * @param x - the number to round.
 * @param rule - `'half-up'` or `'half-even'`.
 * @param digits - the decimal places to keep (default 0).
 * @returns the rounded number.
 * @example
 * roundBy(18.75, 'half-up') //=> 19
 * roundBy(12.5, 'half-even') //=> 12
 */
export const roundBy = (x: number, rule: RoundingRule, digits = 0): number =>
  rule === 'half-even' ? roundHalfEven(x, digits) : roundHalfUp(x, digits)

/** Options of {@link largestRemainderEither}. */
export interface LargestRemainderOptions {
  /** What the rounded shares must sum to. Default 100 (percentages). */
  readonly total?: number
  /** Decimal places of each share. Default 0. */
  readonly digits?: number
}

/**
 * Round shares of a whole so that they sum exactly to `total` (default 100):
 * the largest-remainder (Hamilton) method. Each count's exact share is cut
 * down to the unit, then the units still missing go to the largest remainders
 * (ties: the larger count, then the earlier position).
 *
 * Degenerate input: a negative or non-finite count, or counts summing to 0,
 * give a `Left` (there is no split of nothing that sums to 100).
 * @param counts the parts, e.g. met / partly / not met counts of one standard
 * @param options `total` (default 100), `digits` (default 0)
 * @returns `Right` with the rounded shares, in the order of `counts`, summing to `total`; `Left`
 * with the problems of the counts.
 * @example
 * largestRemainderEither([1, 1, 1])  //=> right([34, 33, 33])
 * largestRemainderEither([35, 102, 28]) //=> right([21, 62, 17]) // E-MHIP L1242 as 165 ratings
 */
export const largestRemainderEither = (
  counts: readonly number[],
  options?: LargestRemainderOptions,
): Result<number[]> => {
  const total = options?.total ?? 100
  const digits = options?.digits ?? 0
  const problems: Problem[] = []
  counts.forEach((c, i) => {
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0)
      problems.push(problem([i], 'a finite count ≥ 0', c, 'value', `largestRemainder › count ${i}`))
  })
  const sum = counts.reduce((a, b) => a + b, 0)
  if (problems.length === 0 && sum === 0)
    problems.push(
      problem(
        [],
        'counts with a positive sum',
        counts.length === 0 ? 'no counts' : 'all counts 0',
        'value',
        'largestRemainder',
      ),
    )
  if (!Number.isInteger(digits) || digits < 0)
    problems.push(
      problem(['digits'], 'a whole number of decimal places ≥ 0', digits, 'value', 'largestRemainder › digits'),
    )
  if (problems.length > 0) return E.left(problems)
  const scale = 10 ** digits
  const units = Math.round(total * scale)
  const quotas = counts.map((c) => (c / sum) * units)
  const floors = quotas.map((q) => Math.floor(q + 1e-9))
  let missing = units - floors.reduce((a, b) => a + b, 0)
  const order = counts
    .map((c, i) => ({ i, c, rem: (quotas[i] as number) - (floors[i] as number) }))
    .sort((a, b) => b.rem - a.rem || b.c - a.c || a.i - b.i)
  for (const o of order) {
    if (missing <= 0) break
    floors[o.i] = (floors[o.i] as number) + 1
    missing--
  }
  return E.right(floors.map((f) => f / scale))
}

/**
 * Round shares of a whole so that they sum exactly to `total` (default 100):
 * the largest-remainder (Hamilton) method. Each count's exact share is cut
 * down to the unit, then the units still missing go to the largest remainders
 * (ties: the larger count, then the earlier position).
 *
 * The throwing form of {@link largestRemainderEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a negative or non-finite count, or counts summing to 0,
 * throws (there is no split of nothing that sums to 100).
 * @param counts the parts, e.g. met / partly / not met counts of one standard
 * @param options `total` (default 100), `digits` (default 0)
 * @returns the result (`number[]`), as {@link largestRemainderEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link largestRemainderEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] largestRemainder: …`).
 * @example
 * largestRemainder([2, 1]) //=> [67, 33]
 */
export const largestRemainder = (counts: readonly number[], options?: LargestRemainderOptions): number[] =>
  orThrow('largestRemainder', largestRemainderEither(counts, options))
