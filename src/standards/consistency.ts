/**
 * Published-figure consistency, in the spirit of the GRIM test (Brown &
 * Heathers 2017, "The GRIM test: a simple technique detects numerous anomalies
 * in the reporting of results in psychology", Social Psychological and
 * Personality Science 8:363-369): a percentage rounded from k/n can only take
 * certain values for a given n. Exact integer arithmetic, no floating-point
 * ties.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import type { RoundingRule } from './rounding.js'

/** A fraction k/n and its exact percentage. */
export interface Fraction {
  readonly k: number
  readonly n: number
  /** 100·k/n, unrounded. */
  readonly percent: number
}

/** Options of the consistency checks. */
export interface ConsistencyOptions {
  /** How the published figure was rounded. Default `'half-up'`. */
  readonly rule?: RoundingRule
  /** Decimal places of the published figure. Default 0 (whole percentages, as Table 5). */
  readonly digits?: number
}

/** round(a / b) for integers a ≥ 0, b > 0, by the rule, exactly. */
const roundRatio = (a: number, b: number, rule: RoundingRule): number => {
  const q = Math.floor(a / b)
  const twice = 2 * (a - q * b)
  if (twice > b) return q + 1
  if (twice < b) return q
  return rule === 'half-up' || q % 2 === 1 ? q + 1 : q
}

interface Target {
  readonly scaled: number
  readonly unit: number
  readonly rule: RoundingRule
}

const targetOf = (fn: string, percent: number, options: ConsistencyOptions | undefined, out: Problem[]): Target => {
  const digits = options?.digits ?? 0
  const rule = options?.rule ?? 'half-up'
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100)
    out.push(problem(['percent'], 'a percentage from 0 to 100', percent, 'value', `${fn} › percent`))
  if (!Number.isInteger(digits) || digits < 0 || digits > 6)
    out.push(problem(['digits'], 'a whole number of decimal places from 0 to 6', digits, 'value', `${fn} › digits`))
  if (rule !== 'half-up' && rule !== 'half-even')
    out.push(problem(['rule'], 'one of "half-up" | "half-even"', rule, 'value', `${fn} › rule`))
  const unit = 100 * 10 ** digits
  const scaled = Math.round(Number(`${percent}e${digits}`))
  if (out.length === 0 && Math.abs(Number(`${scaled}e-${digits}`) - percent) > 1e-9)
    out.push(
      problem(['percent'], `a percentage with at most ${digits} decimal place(s)`, percent, 'value', `${fn} › percent`),
    )
  return { scaled, unit, rule }
}

const nCheck = (fn: string, key: string, n: number, out: Problem[]): void => {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1e7)
    out.push(problem([key], `${key}: a whole number from 1 to 10000000`, n, 'value', `${fn} › ${key}`))
}

/** Every k with round(100·k/n) = the target, for one n. */
const fractionsFor = (t: Target, n: number): Fraction[] => {
  const out: Fraction[] = []
  // k/n lies within half a unit of scaled/unit: search the integer neighbourhood.
  const centre = (t.scaled * n) / t.unit
  const from = Math.max(0, Math.floor(centre - n / t.unit) - 1)
  const to = Math.min(n, Math.ceil(centre + n / t.unit) + 1)
  for (let k = from; k <= to; k++)
    if (roundRatio(t.unit * k, n, t.rule) === t.scaled) out.push({ k, n, percent: (100 * k) / n })
  return out
}

/**
 * Every fraction k/n with 1 ≤ n ≤ `maxN` that rounds (by the rule, to the
 * published number of decimals) to `percent`.
 *
 * Degenerate input: a percentage outside [0, 100], more decimals than
 * `digits`, or `maxN` not a whole number ≥ 1 gives a `Left`.
 * @param percent the published percentage, e.g. 19
 * @param maxN the largest denominator to consider
 * @param options `rule` (default half-up), `digits` (default 0)
 * @returns `Right` with every consistent fraction, smallest n first (and, for one n, smallest k),
 * or `Left` with the problems of the arguments.
 * @example
 * consistentFractionsEither(19, 16) //=> right([{ k: 3, n: 16, percent: 18.75 }])
 */
export const consistentFractionsEither = (
  percent: number,
  maxN: number,
  options?: ConsistencyOptions,
): Result<Fraction[]> => {
  const problems: Problem[] = []
  const t = targetOf('consistentFractions', percent, options, problems)
  nCheck('consistentFractions', 'maxN', maxN, problems)
  if (problems.length > 0) return E.left(problems)
  const out: Fraction[] = []
  for (let n = 1; n <= maxN; n++) out.push(...fractionsFor(t, n))
  return E.right(out)
}

/**
 * Every fraction k/n with 1 ≤ n ≤ `maxN` that rounds (by the rule, to the
 * published number of decimals) to `percent`.
 *
 * The throwing form of {@link consistentFractionsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a percentage outside [0, 100], more decimals than
 * `digits`, or `maxN` not a whole number ≥ 1 throws.
 * @param percent the published percentage, e.g. 19
 * @param maxN the largest denominator to consider
 * @param options `rule` (default half-up), `digits` (default 0)
 * @returns the result (`Fraction[]`), as {@link consistentFractionsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link consistentFractionsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] consistentFractions: …`).
 * @example
 * consistentFractions(33, 15).filter((f) => f.n === 15) //=> [{ k: 5, n: 15, percent: 33.33… }]
 */
export const consistentFractions = (percent: number, maxN: number, options?: ConsistencyOptions): Fraction[] =>
  orThrow('consistentFractions', consistentFractionsEither(percent, maxN, options))

/** Whether a published percentage can come from some k out of a claimed n. */
export interface PercentCheck {
  readonly percent: number
  readonly n: number
  readonly rule: RoundingRule
  readonly possible: boolean
  /** The k/n (this n) that round to the percentage; empty when impossible. */
  readonly fractions: readonly Fraction[]
  /** The closest k/n below and above the percentage at this n (what the figure could have been). */
  readonly nearest: { readonly below: Fraction | null; readonly above: Fraction | null }
}

/**
 * Can `percent` be k/n, rounded by the rule, for the claimed n?
 *
 * Degenerate input: as {@link consistentFractionsEither}; n must be a whole
 * number ≥ 1.
 * @param percent - the published percentage, e.g. 19.
 * @param n - the claimed denominator (a whole number ≥ 1).
 * @param options - `rule` (default half-up), `digits` (default 0).
 * @returns `Right` with whether the percentage is possible at n, the fractions k/n that give it and
 * the nearest fractions below and above; `Left` with the problems of the arguments.
 * @example
 * // 19% cannot be k/15: 2/15 is 13.3% and 3/15 is 20%
 * percentPossibleEither(19, 15)
 * //=> right({ possible: false, fractions: [], nearest: { below: { k: 2, n: 15, percent: 13.33 }, above: { k: 3, n: 15, percent: 20 } }, … })
 * percentPossibleEither(19, 16) //=> right({ possible: true, fractions: [{ k: 3, n: 16, percent: 18.75 }], … })
 */
export const percentPossibleEither = (
  percent: number,
  n: number,
  options?: ConsistencyOptions,
): Result<PercentCheck> => {
  const problems: Problem[] = []
  const t = targetOf('percentPossible', percent, options, problems)
  nCheck('percentPossible', 'n', n, problems)
  if (problems.length > 0) return E.left(problems)
  const fractions = fractionsFor(t, n)
  const exact = (percent * n) / 100
  const kBelow = Math.min(n, Math.ceil(exact) - 1)
  const kAbove = Math.max(0, Math.floor(exact) + 1)
  const frac = (k: number): Fraction => ({ k, n, percent: (100 * k) / n })
  return E.right({
    percent,
    n,
    rule: t.rule,
    possible: fractions.length > 0,
    fractions,
    nearest: { below: kBelow >= 0 ? frac(kBelow) : null, above: kAbove <= n ? frac(kAbove) : null },
  })
}

/**
 * Can `percent` be k/n, rounded by the rule, for the claimed n?
 *
 * The throwing form of {@link percentPossibleEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: as {@link consistentFractionsEither}; n must be a whole
 * number ≥ 1.
 * @param percent the published percentage
 * @param n the number of units it is over
 * @param options `rule`: how the figure was rounded, `half-up` (default) or `half-even`; `digits`: its decimals (default 0)
 * @returns the result (`PercentCheck`), as {@link percentPossibleEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link percentPossibleEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] percentPossible: …`).
 * @example
 * percentPossible(0, 7).possible //=> true // 0/7
 */
export const percentPossible = (percent: number, n: number, options?: ConsistencyOptions): PercentCheck =>
  orThrow('percentPossible', percentPossibleEither(percent, n, options))

/** A published figure to check: an id, a label and the percentage. */
export interface PublishedFigure {
  readonly id: string
  readonly label: string
  readonly percent: number
}

/** The check of one published figure against a claimed n. */
export interface FigureCheck extends PercentCheck {
  readonly id: string
  readonly label: string
  /** Every denominator from 1 to the claimed n that could give the figure (fewer units counted, e.g. after exclusions). */
  readonly possibleNs: readonly number[]
  /** The smallest denominator that gives the figure, with its k. */
  readonly smallest: Fraction
}

/**
 * Check a list of published percentages against a claimed n: for each, is it
 * possible at n, which smaller denominators could give it, and the smallest
 * denominator that does.
 *
 * Degenerate input: as {@link percentPossibleEither}, with each problem's
 * `where` naming the figure.
 * @param figures - the published figures, each with an id, a label and its percentage.
 * @param n - the denominator the publication claims.
 * @param options - `rule` (default half-up), `digits` (default 0), `maxN` (the largest denominator
 * tried).
 * @returns `Right` with one check per figure, in the order given, or `Left` with the problems, each
 * naming its figure.
 * @example
 * checkPublishedFiguresEither([{ id: '1.1', label: 'ready for change', percent: 19 }], 15)
 * //=> right([{ id: '1.1', possible: false, possibleNs: [], smallest: { k: 3, n: 16, percent: 18.75 }, … }])
 */
export const checkPublishedFiguresEither = (
  figures: readonly PublishedFigure[],
  n: number,
  options?: ConsistencyOptions,
): Result<FigureCheck[]> => {
  const out: FigureCheck[] = []
  const problems: Problem[] = []
  for (const f of figures) {
    const check = percentPossibleEither(f.percent, n, options)
    if (E.isLeft(check)) {
      problems.push(...check.left.map((p) => ({ ...p, where: `figure ${f.id} › ${p.where}` })))
      continue
    }
    const t = targetOf('checkPublishedFigures', f.percent, options, [])
    const possibleNs: number[] = []
    for (let m = 1; m <= n; m++) if (fractionsFor(t, m).length > 0) possibleNs.push(m)
    // Every percentage is reachable by some n ≤ unit (k/n for n = unit is exact), so this ends.
    let smallest: Fraction | undefined
    for (let m = 1; smallest === undefined; m++) smallest = fractionsFor(t, m)[0]
    out.push({ ...check.right, id: f.id, label: f.label, possibleNs, smallest })
  }
  return problems.length > 0 ? E.left(problems) : E.right(out)
}

/**
 * Check a list of published percentages against a claimed n: for each, is it
 * possible at n, which smaller denominators could give it, and the smallest
 * denominator that does.
 *
 * The throwing form of {@link checkPublishedFiguresEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: as {@link percentPossibleEither}, with each problem's
 * `where` naming the figure.
 * @param figures the published figures, each `{ id, label, percent }`
 * @param n the number of units each is over
 * @param options `rule`: how the figure was rounded, `half-up` (default) or `half-even`; `digits`: its decimals (default 0)
 * @returns the result (`FigureCheck[]`), as {@link checkPublishedFiguresEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link checkPublishedFiguresEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] checkPublishedFigures: …`).
 * @example
 * // the 11 standard percentages of Table 5 (its total and overall split are over 165 ratings, not 15 units)
 * const standards = emhipTable5Figures.filter((f) => /^\d/.test(f.id))
 * checkPublishedFigures(standards, 15).filter((c) => !c.possible).length //=> 8
 */
export const checkPublishedFigures = (
  figures: readonly PublishedFigure[],
  n: number,
  options?: ConsistencyOptions,
): FigureCheck[] => orThrow('checkPublishedFigures', checkPublishedFiguresEither(figures, n, options))
