/**
 * Calibration: raw values to set memberships.
 *
 * - Fuzzy sets by Ragin's direct method (Ragin 2008, *Redesigning Social
 *   Inquiry*, ch. 5): a value's deviation from the crossover is scaled so
 *   that the full-membership anchor sits at log odds +3 and the
 *   full-non-membership anchor at −3, and the log odds are mapped back by the
 *   logistic function. Membership at the anchors is therefore
 *   e³/(1+e³) ≈ 0.953 and ≈ 0.047, as in Ragin's tables.
 * - Fuzzy sets by the indirect method (Ragin 2008, ch. 5): each category of
 *   an ordinal or nominal attribute is given a membership explicitly.
 * - Crisp sets: a threshold (values at or above it are in), or a list of the
 *   categories that are in.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, showValue, type Problem, type Result } from '../model/problem.js'

/** The log odds at the full-membership and full-non-membership anchors (Ragin 2008, ch. 5). */
export const ANCHOR_LOG_ODDS = 3

/** The three anchors of the direct method. `full > non` gives an increasing set, `full < non` a decreasing one. */
export interface CalibrationAnchors {
  /** Threshold of full membership (log odds +3, membership ≈ 0.953). */
  readonly full: number
  /** The crossover point: membership exactly 0.5. */
  readonly crossover: number
  /** Threshold of full non-membership (log odds −3, membership ≈ 0.047). */
  readonly non: number
}

/** A calibrated set: one membership per value, and the values that fell exactly on the crossover. */
export interface Calibrated {
  /** Memberships in [0, 1], in the order of the values (not rounded). */
  readonly memberships: readonly number[]
  /**
   * Indexes of values calibrated to exactly 0.5. Such a case is neither in
   * nor out of the set, so it belongs to no truth-table row: it is reported
   * here, and again by `truthTable` as unassigned.
   */
  readonly atCrossover: readonly number[]
  /** `increasing` when `full > non`, `decreasing` when `full < non`; `crisp` or `categories` for those methods. */
  readonly direction: 'increasing' | 'decreasing' | 'crisp' | 'categories'
}

const isFinite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

const valueProblems = (values: unknown, fn: string): Problem[] => {
  if (!Array.isArray(values)) return [problem(['values'], 'an array of numbers', values, 'shape', `${fn} › values`)]
  const out: Problem[] = []
  values.forEach((v, i) => {
    if (!isFinite(v)) out.push(problem(['values', i], 'a finite number', v, 'shape', `${fn} › values[${i}]`))
  })
  return out
}

/**
 * Problems with direct-method anchors: each must be a finite number, and the
 * crossover must lie strictly between the other two.
 * @param anchors - the anchors as given: `{ full, crossover, non }`.
 * @param where - the place of the anchors in words, for `where` (default `'anchors'`).
 * @returns the problems; empty when the anchors are valid.
 * @example
 * anchorProblems({ full: 900, crossover: 350, non: 550 })[0]!.expected
 * //=> 'a crossover strictly between non (550) and full (900)'
 */
export const anchorProblems = (anchors: unknown, where = 'anchors'): Problem[] => {
  if (typeof anchors !== 'object' || anchors === null || Array.isArray(anchors))
    return [problem([], 'anchors { full, crossover, non }', anchors, 'shape', where)]
  const a = anchors as Record<string, unknown>
  const out: Problem[] = []
  for (const k of ['full', 'crossover', 'non'] as const)
    if (!isFinite(a[k])) out.push(problem([k], 'a finite number', a[k], 'shape', `${where} › ${k}`))
  if (out.length > 0) return out
  const { full, crossover, non } = a as unknown as CalibrationAnchors
  const lo = Math.min(full, non)
  const hi = Math.max(full, non)
  if (!(lo < crossover && crossover < hi))
    out.push(
      problem(
        ['crossover'],
        `a crossover strictly between non (${showValue(non)}) and full (${showValue(full)})`,
        crossover,
        'value',
        `${where} › crossover`,
      ),
    )
  return out
}

/** Direct-method membership of one value (anchors already checked). */
const direct = (x: number, { full, crossover, non }: CalibrationAnchors): number => {
  if (x === crossover) return 0.5
  const d = x - crossover
  // The side of the crossover x lies on decides which anchor scales it.
  const anchor = full > crossover === d > 0 ? full : non
  const sign = anchor === full ? 1 : -1
  const logOdds = (sign * ANCHOR_LOG_ODDS * d) / (anchor - crossover)
  return 1 / (1 + Math.exp(-logOdds))
}

const crossoverIndexes = (ms: readonly number[]): number[] => ms.flatMap((m, i) => (m === 0.5 ? [i] : []))

/**
 * Calibrate raw values to fuzzy-set memberships by Ragin's direct method
 * (Ragin 2008, ch. 5): log odds ±3 at the full and non-membership anchors,
 * logistic in between and beyond. `full > non` gives an increasing set;
 * `full < non` a decreasing one (e.g. "stable" from a count of cabinets).
 *
 * Degenerate input: an empty list gives no memberships; a value exactly at
 * the crossover gets 0.5 and is listed in `atCrossover`.
 * @param values the raw values (finite numbers)
 * @param anchors `{ full, crossover, non }`, crossover strictly between the others
 * @returns `Right` of the memberships, or `Left` naming each bad value or anchor
 * @example
 * // Ragin (2008, ch. 5): national income per capita, anchors 20000 / 5000 / 2500
 * // log odds +3 at the full anchor, −3 at the non anchor: 1 / (1 + e^-3) = 0.9526
 * calibrateEither([20000, 5000, 2500], { full: 20000, crossover: 5000, non: 2500 })
 * //=> right({ memberships: [0.9526, 0.5, 0.0474], atCrossover: [1], direction: 'increasing' })
 */
export const calibrateEither = (values: readonly number[], anchors: CalibrationAnchors): Result<Calibrated> => {
  const problems = [...valueProblems(values, 'calibrate'), ...anchorProblems(anchors, 'calibrate › anchors')]
  if (problems.length > 0) return E.left(problems)
  const memberships = values.map((v) => direct(v, anchors))
  return E.right({
    memberships,
    atCrossover: crossoverIndexes(memberships),
    direction: anchors.full > anchors.non ? 'increasing' : 'decreasing',
  })
}

/**
 * Calibrate raw values to fuzzy-set memberships by Ragin's direct method
 * (throwing form of `calibrateEither`): log odds ±3 at the full and
 * non-membership anchors, the logistic function between them.
 * @param values the raw values (finite numbers)
 * @param anchors `{ full, crossover, non }`, crossover strictly between the others
 * @returns the memberships, the indexes of values at the crossover, and the direction
 * @throws {RealistError} naming each value that is not a finite number, or anchors out of order
 * @example
 * calibrate([720], { full: 900, crossover: 550, non: 400 }).memberships[0]!.toFixed(2) //=> '0.81'
 */
export const calibrate = (values: readonly number[], anchors: CalibrationAnchors): Calibrated =>
  orThrow('calibrate', calibrateEither(values, anchors))

/** Options of `calibrateCrispEither`: a threshold, or the categories that are in the set. */
export type CrispOptions =
  | { readonly threshold: number; readonly categories?: undefined }
  | { readonly categories: readonly (string | number)[]; readonly threshold?: undefined }

/**
 * Calibrate to a crisp set: with `threshold`, a value at or above it is in
 * (1) and one below is out (0); with `categories`, a value listed is in and
 * any other value is out.
 * @param values numbers (threshold) or categories (strings or numbers)
 * @param options `{ threshold }` or `{ categories }`
 * @returns `Right` with the memberships (0 or 1), one per value, or `Left` with the problems of the
 * values or options.
 * @example
 * calibrateCrispEither([420, 550, 900], { threshold: 550 }) //=> right({ memberships: [0, 1, 1], atCrossover: [], direction: 'crisp' })
 */
export const calibrateCrispEither = (
  values: readonly (string | number)[],
  options: CrispOptions,
): Result<Calibrated> => {
  const fn = 'calibrateCrisp'
  if (typeof options !== 'object' || options === null)
    return E.left([problem(['options'], '{ threshold } or { categories }', options, 'shape', `${fn} › options`)])
  const hasT = options.threshold !== undefined
  const hasC = options.categories !== undefined
  if (hasT === hasC)
    return E.left([problem(['options'], 'exactly one of threshold or categories', options, 'shape', `${fn} › options`)])
  if (hasT) {
    const problems = valueProblems(values, fn)
    if (!isFinite(options.threshold))
      problems.push(
        problem(['options', 'threshold'], 'a finite number', options.threshold, 'shape', `${fn} › threshold`),
      )
    if (problems.length > 0) return E.left(problems)
    const th = options.threshold as number
    return E.right({
      memberships: (values as number[]).map((v) => (v >= th ? 1 : 0)),
      atCrossover: [],
      direction: 'crisp',
    })
  }
  const cats = options.categories
  if (!Array.isArray(cats) || cats.length === 0)
    return E.left([
      problem(['options', 'categories'], 'a non-empty list of categories', cats, 'shape', `${fn} › categories`),
    ])
  if (!Array.isArray(values)) return E.left([problem(['values'], 'an array', values, 'shape', `${fn} › values`)])
  const bad = values.flatMap((v, i) =>
    typeof v === 'string' || isFinite(v)
      ? []
      : [problem(['values', i], 'a category (string or number)', v, 'shape', `${fn} › values[${i}]`)],
  )
  if (bad.length > 0) return E.left(bad)
  const inSet = new Set<string | number>(cats)
  return E.right({ memberships: values.map((v) => (inSet.has(v) ? 1 : 0)), atCrossover: [], direction: 'categories' })
}

/**
 * Calibrate to a crisp set (throwing form of `calibrateCrispEither`): a value
 * at or above `threshold` is in, or a value among `categories` is in.
 * @param values numbers (threshold) or categories (strings or numbers)
 * @param options `{ threshold }` or `{ categories }`
 * @returns the memberships, one per value, with the rule used (`Calibrated`).
 * @throws {RealistError} on a value that is not a finite number (threshold) or not a category, or on bad options
 * @example
 * calibrateCrisp(['urban', 'rural', 'mixed'], { categories: ['urban', 'mixed'] }).memberships //=> [1, 0, 1]
 */
export const calibrateCrisp = (values: readonly (string | number)[], options: CrispOptions): Calibrated =>
  orThrow('calibrateCrisp', calibrateCrispEither(values, options))

/**
 * Calibrate categories by the indirect method (Ragin 2008, ch. 5): each
 * category is given its membership explicitly (e.g. `{ high: 1, fairly-high:
 * 0.8, medium: 0.6, … }`). Every value must be one of the listed categories;
 * memberships must lie in [0, 1].
 * @param values the categories of the cases
 * @param memberships membership per category
 * @returns `Right` with the memberships, one per value, or `Left` naming each value not listed and
 * each membership outside [0, 1].
 * @example
 * calibrateIndirectEither(['high', 'low'], { high: 0.9, low: 0.1 }) //=> right({ memberships: [0.9, 0.1], atCrossover: [], direction: 'categories' })
 */
export const calibrateIndirectEither = (
  values: readonly (string | number)[],
  memberships: Readonly<Record<string, number>>,
): Result<Calibrated> => {
  const fn = 'calibrateIndirect'
  if (typeof memberships !== 'object' || memberships === null || Array.isArray(memberships))
    return E.left([
      problem(['memberships'], 'an object of category → membership', memberships, 'shape', `${fn} › memberships`),
    ])
  const problems: Problem[] = []
  for (const [k, m] of Object.entries(memberships))
    if (!(isFinite(m) && m >= 0 && m <= 1))
      problems.push(problem(['memberships', k], 'a membership in [0, 1]', m, 'value', `${fn} › memberships › ${k}`))
  if (!Array.isArray(values)) problems.push(problem(['values'], 'an array', values, 'shape', `${fn} › values`))
  else
    values.forEach((v, i) => {
      if (!Object.prototype.hasOwnProperty.call(memberships, String(v)))
        problems.push(
          problem(
            ['values', i],
            `one of the categories ${Object.keys(memberships).join(', ')}`,
            v,
            'value',
            `${fn} › values[${i}]`,
          ),
        )
    })
  if (problems.length > 0) return E.left(problems)
  const ms = values.map((v) => memberships[String(v)]!)
  return E.right({ memberships: ms, atCrossover: crossoverIndexes(ms), direction: 'categories' })
}

/**
 * Calibrate categories by the indirect method (throwing form of
 * `calibrateIndirectEither`): each category's membership is given.
 * @param values the categories of the cases
 * @param memberships membership per category, each in [0, 1]
 * @returns the memberships, one per value, with the rule used (`Calibrated`).
 * @throws {RealistError} on a value that is not a listed category or a membership outside [0, 1]
 * @example
 * calibrateIndirect(['a', 'b', 'a'], { a: 1, b: 0.4 }).memberships //=> [1, 0.4, 1]
 */
export const calibrateIndirect = (
  values: readonly (string | number)[],
  memberships: Readonly<Record<string, number>>,
): Calibrated => orThrow('calibrateIndirect', calibrateIndirectEither(values, memberships))
