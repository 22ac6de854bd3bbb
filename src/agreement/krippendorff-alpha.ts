/**
 * Krippendorff's alpha for any number of coders, missing values, and
 * nominal, ordinal, interval or ratio data, with a seeded bootstrap interval.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { countMatrixEither, readCountsEither, type Counts, type CountTable, type RatingMatrix } from './inputs.js'
import { prepareEither, type ScaleOptions } from './options.js'
import { NO_PAIRS, NO_UNITS, ZERO, undefinedEstimate, type AgreementEstimate, type EstimateBase } from './result.js'
import type { ResolvedScale } from './scale.js'
import { seededRandom } from './random.js'

/** The level of measurement, which sets the difference function δ² between two levels. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio'

/** Options of Krippendorff's alpha. */
export interface AlphaOptions extends ScaleOptions {
  /** Level of measurement. Default `'nominal'`. Ordinal uses the scale's order; interval and ratio its scores. */
  readonly level?: AlphaLevel
  /** Bootstrap replicates for the interval; 0 for none. Default 1000. */
  readonly replicates?: number
  /** Seed of the bootstrap; the same seed gives the same interval. Default 1. */
  readonly seed?: number
}

/** The default number of bootstrap replicates. */
export const DEFAULT_REPLICATES = 1000

/**
 * The pairable units in compressed form. Units with the same counts per level
 * are one *pattern* (a 5-level scale and 5 coders give a few hundred patterns
 * however many units there are); each pattern keeps its level counts and its
 * observed-disagreement pairs, and `unitPattern` maps each pairable unit to its
 * pattern, so that a bootstrap replicate only counts draws per pattern.
 */
interface Pairable {
  readonly q: number
  /** Units with two or more values. */
  readonly n: number
  /** Pattern of each pairable unit. */
  readonly unitPattern: Int32Array
  /** Distinct patterns. */
  readonly patterns: number
  /** Units per pattern in the data. */
  readonly patternUnits: Float64Array
  /** Level entries of pattern p: `levelAt[levelStart[p] … levelStart[p + 1])` with counts in `levelCount`. */
  readonly levelStart: Int32Array
  readonly levelAt: Int32Array
  readonly levelCount: Float64Array
  /** Pairs c < k of pattern p: `pairAt` = c * q + k, weight n_pc n_pk / (m_p − 1). */
  readonly pairStart: Int32Array
  readonly pairAt: Int32Array
  readonly pairWeight: Float64Array
  readonly units: number
  readonly ratings: number
}

const compress = (c: Counts): Pairable => {
  const { n: rows, q, counts, totals } = c
  const byKey = new Map<string, number>()
  const firstRow: number[] = []
  const unitPatternAll: number[] = []
  let units = 0
  let ratings = 0
  for (let u = 0; u < rows; u++) {
    const m = totals[u]!
    if (m >= 1) units++
    if (m < 2) continue
    ratings += m
    let key = ''
    for (let k = 0; k < q; k++) key += counts[u * q + k]! + ','
    let p = byKey.get(key)
    if (p === undefined) {
      p = firstRow.length
      byKey.set(key, p)
      firstRow.push(u)
    }
    unitPatternAll.push(p)
  }
  const patterns = firstRow.length
  const n = unitPatternAll.length
  const unitPattern = Int32Array.from(unitPatternAll)
  const patternUnits = new Float64Array(patterns)
  for (let i = 0; i < n; i++) patternUnits[unitPattern[i]!]! += 1
  const levelStart = new Int32Array(patterns + 1)
  const pairStart = new Int32Array(patterns + 1)
  const levelAt: number[] = []
  const levelCount: number[] = []
  const pairAt: number[] = []
  const pairWeight: number[] = []
  for (let p = 0; p < patterns; p++) {
    const u = firstRow[p]!
    const m = totals[u]!
    levelStart[p] = levelAt.length
    pairStart[p] = pairAt.length
    const first = levelAt.length
    for (let k = 0; k < q; k++) {
      const x = counts[u * q + k]!
      if (x === 0) continue
      for (let j = first; j < levelAt.length; j++) {
        pairAt.push(levelAt[j]! * q + k)
        pairWeight.push((levelCount[j]! * x) / (m - 1))
      }
      levelAt.push(k)
      levelCount.push(x)
    }
  }
  levelStart[patterns] = levelAt.length
  pairStart[patterns] = pairAt.length
  return {
    q,
    n,
    unitPattern,
    patterns,
    patternUnits,
    levelStart,
    levelAt: Int32Array.from(levelAt),
    levelCount: Float64Array.from(levelCount),
    pairStart,
    pairAt: Int32Array.from(pairAt),
    pairWeight: Float64Array.from(pairWeight),
    units,
    ratings,
  }
}

/** Sum the level totals and coincidences (c < k) of the patterns, each counted `weight[p]` times. */
const accumulate = (P: Pairable, weight: Float64Array, totals: Float64Array, o: Float64Array): void => {
  totals.fill(0)
  o.fill(0)
  for (let p = 0; p < P.patterns; p++) {
    const w = weight[p]!
    if (w === 0) continue
    for (let j = P.levelStart[p]!; j < P.levelStart[p + 1]!; j++) totals[P.levelAt[j]!]! += w * P.levelCount[j]!
    for (let j = P.pairStart[p]!; j < P.pairStart[p + 1]!; j++) o[P.pairAt[j]!]! += w * P.pairWeight[j]!
  }
}

/** δ²(c, k) for c < k given the level totals (the ordinal metric depends on them). */
const deltas = (level: AlphaLevel, scale: ResolvedScale, totals: Float64Array, out: Float64Array): void => {
  const q = scale.q
  const s = scale.scores
  // Ordinal: Σ_{g=c..k} n_g from prefix sums, so the table costs q², not q³.
  const prefix = level === 'ordinal' ? new Float64Array(q + 1) : null
  if (prefix !== null) for (let g = 0; g < q; g++) prefix[g + 1] = prefix[g]! + totals[g]!
  for (let c = 0; c < q; c++)
    for (let k = c + 1; k < q; k++) {
      let d: number
      if (level === 'nominal') d = 1
      else if (level === 'interval') d = (s[c]! - s[k]!) ** 2
      else if (level === 'ratio') {
        const sum = s[c]! + s[k]!
        d = sum === 0 ? 0 : ((s[c]! - s[k]!) / sum) ** 2
      } else {
        const between = prefix![k + 1]! - prefix![c]!
        d = (between - (totals[c]! + totals[k]!) / 2) ** 2
      }
      out[c * q + k] = d
    }
}

/** α from the coincidence sums: observed pairs `o[c*q+k]` (c < k) and level totals. Null when D_e = 0. */
const alphaOf = (
  level: AlphaLevel,
  scale: ResolvedScale,
  o: Float64Array,
  totals: Float64Array,
  delta: Float64Array,
): { alpha: number | null; dO: number; dE: number } => {
  const q = scale.q
  deltas(level, scale, totals, delta)
  let nTotal = 0
  for (let k = 0; k < q; k++) nTotal += totals[k]!
  let observed = 0
  let expected = 0
  for (let c = 0; c < q; c++)
    for (let k = c + 1; k < q; k++) {
      observed += o[c * q + k]! * delta[c * q + k]!
      expected += totals[c]! * totals[k]! * delta[c * q + k]!
    }
  // D_o = 2 Σ_{c<k} o_ck δ² / n.., D_e = 2 Σ_{c<k} n_c n_k δ² / (n.. (n.. − 1)); α = 1 − D_o / D_e.
  const dO = (2 * observed) / nTotal
  const dE = (2 * expected) / (nTotal * (nTotal - 1))
  return { alpha: dE > ZERO * Math.max(1, dO) && expected > 0 ? 1 - dO / dE : null, dO, dE }
}

/** Interval of a sorted sample at the two tail probabilities, by R's type 7 quantile. */
const quantile = (sorted: Float64Array, p: number): number => {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}

/**
 * Krippendorff's alpha on counts, with a bootstrap over pairable units.
 * @internal
 * @param c the counts per unit and level
 * @param scale the resolved scale (its scores give interval and ratio distances)
 * @param level the metric: nominal, ordinal, interval or ratio
 * @param confidence the bootstrap interval's confidence level, in (0, 1)
 * @param replicates bootstrap replicates; 0 for no interval
 * @param seed the bootstrap's random seed, so a run can be repeated
 * @returns the estimate, or an undefined one with its reason when no unit is pairable
 * @example
 * // Krippendorff's (2011) reliability data (irrCAC's cac.raw4raters): raters per unit (rows) at levels 1–5 (columns)
 * const rows = [[3, 0, 0, 0, 0], [0, 3, 1, 0, 0], [0, 0, 4, 0, 0], [0, 0, 4, 0, 0], [0, 4, 0, 0, 0], [1, 1, 1, 1, 0],
 *   [0, 0, 0, 4, 0], [3, 1, 0, 0, 0], [0, 4, 0, 0, 0], [0, 0, 0, 0, 3], [2, 0, 0, 0, 0], [0, 0, 1, 0, 0]]
 * const totals = new Float64Array(rows.map((r) => r.reduce((a, b) => a + b, 0)))
 * const counts = { n: 12, q: 5, counts: new Float64Array(rows.flat()), totals, raters: 4 }
 * const scale = { ids: [1, 2, 3, 4, 5], scores: new Float64Array([1, 2, 3, 4, 5]), index: new Map([[1, 0], [2, 1], [3, 2], [4, 3], [5, 4]]), q: 5 }
 * // Krippendorff (2011) gives nominal alpha 0.743
 * alphaOfCounts(counts, scale, 'nominal', 0.95, 0, 1) //=> { defined: true, value: 0.743, … }
 */
export const alphaOfCounts = (
  c: Counts,
  scale: ResolvedScale,
  level: AlphaLevel,
  confidence: number,
  replicates: number,
  seed: number,
): AgreementEstimate => {
  const P = compress(c)
  const q = P.q
  const o = new Float64Array(q * q)
  const totals = new Float64Array(q)
  const delta = new Float64Array(q * q)
  const base = (observed: number | null, expected: number | null): EstimateBase => ({
    coefficient: 'krippendorff-alpha',
    weights: 'identity',
    units: P.units,
    pairableUnits: P.n,
    raters: c.raters,
    ratings: P.ratings,
    observed,
    expected,
    confidence,
  })
  if (P.units === 0) return undefinedEstimate(base(null, null), NO_UNITS)
  if (P.n === 0) return undefinedEstimate(base(null, null), NO_PAIRS(c.raters))
  accumulate(P, P.patternUnits, totals, o)
  const { alpha, dO, dE } = alphaOf(level, scale, o, totals, delta)
  const notes = [`level of measurement: ${level}`]
  if (alpha === null) {
    const reason =
      level === 'nominal' || level === 'ordinal'
        ? 'all pairable values are in one level: observed and expected disagreement are both 0, so α = 1 − 0/0'
        : 'all pairable values have the same score: observed and expected disagreement are both 0, so α = 1 − 0/0'
    return undefinedEstimate(base(1 - dO, 1 - dE), reason, notes)
  }
  const est = { ...base(1 - dO, 1 - dE), defined: true as const, value: alpha, se0: null, z: null, df: null, p: null }
  if (replicates === 0)
    return {
      ...est,
      se: null,
      lo: null,
      hi: null,
      intervalMethod: null,
      notes: [...notes, 'no bootstrap was asked for (replicates: 0)'],
    }
  if (P.n < 2)
    return {
      ...est,
      se: null,
      lo: null,
      hi: null,
      intervalMethod: null,
      notes: [...notes, 'one pairable unit: a bootstrap over units needs at least two'],
    }
  const random = seededRandom(seed)
  const draws = new Float64Array(replicates)
  const drawn = new Float64Array(P.patterns)
  let kept = 0
  for (let r = 0; r < replicates; r++) {
    drawn.fill(0)
    for (let i = 0; i < P.n; i++) drawn[P.unitPattern[(random() * P.n) | 0]!]! += 1
    accumulate(P, drawn, totals, o)
    const a = alphaOf(level, scale, o, totals, delta).alpha
    if (a !== null) draws[kept++] = a
  }
  const sample = draws.subarray(0, kept).sort()
  const dropped = replicates - kept
  if (dropped > 0)
    notes.push(
      `${dropped} of ${replicates} bootstrap replicates had all values in one level (α undefined) and were left out`,
    )
  if (kept < 2)
    return {
      ...est,
      se: null,
      lo: null,
      hi: null,
      intervalMethod: null,
      notes: [...notes, 'too few defined bootstrap replicates for an interval'],
    }
  let mean = 0
  for (const x of sample) mean += x
  mean /= kept
  let ss = 0
  for (const x of sample) ss += (x - mean) ** 2
  notes.push(`bootstrap: ${replicates} replicates over pairable units, seed ${seed}; se is their standard deviation`)
  const tail = (1 - confidence) / 2
  return {
    ...est,
    se: Math.sqrt(ss / (kept - 1)),
    lo: quantile(sample, tail),
    hi: Math.min(1, quantile(sample, 1 - tail)),
    intervalMethod: 'bootstrap-percentile',
    notes,
  }
}

const bootstrapProblems = (options: unknown, fn: string): Problem[] => {
  const o = (options ?? {}) as { level?: unknown; replicates?: unknown; seed?: unknown }
  const out: Problem[] = []
  if (o.level !== undefined && !['nominal', 'ordinal', 'interval', 'ratio'].includes(o.level as string))
    out.push(problem(['level'], "'nominal', 'ordinal', 'interval' or 'ratio'", o.level, 'value', `${fn} › level`))
  if (
    o.replicates !== undefined &&
    !(typeof o.replicates === 'number' && Number.isInteger(o.replicates) && o.replicates >= 0 && o.replicates <= 1e6)
  )
    out.push(
      problem(
        ['replicates'],
        'a whole number of bootstrap replicates from 0 to 1,000,000',
        o.replicates,
        'value',
        `${fn} › replicates`,
      ),
    )
  if (o.seed !== undefined && !(typeof o.seed === 'number' && Number.isInteger(o.seed)))
    out.push(problem(['seed'], 'an integer seed', o.seed, 'value', `${fn} › seed`))
  return out
}

const run = (fn: string, data: unknown, options: unknown, read: typeof countMatrixEither): Result<AgreementEstimate> =>
  pipe(
    prepareEither(options, fn),
    E.chain((prepared) => {
      const problems = bootstrapProblems(options, fn)
      if (problems.length > 0) return E.left(problems)
      const o = options as AlphaOptions
      const level = o.level ?? 'nominal'
      if (level === 'ratio' && prepared.scale.scores.some((s) => s < 0))
        return E.left([
          problem(
            ['scale'],
            'non-negative scores (the ratio metric compares (a − b) / (a + b))',
            [...prepared.scale.scores],
            'value',
            `${fn} › scale`,
          ),
        ])
      return pipe(
        read(data, prepared.scale, fn),
        E.map((c) =>
          alphaOfCounts(c, prepared.scale, level, prepared.confidence, o.replicates ?? DEFAULT_REPLICATES, o.seed ?? 1),
        ),
      )
    }),
  )

/**
 * Krippendorff's alpha on a units × coders matrix, missing values allowed and
 * any number of coders per unit (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability", Annenberg School for Communication; Krippendorff 2004,
 * *Content Analysis*, 2nd ed., ch. 11): α = 1 − D_o / D_e from the coincidence
 * matrix of the pairable values (units with two or more), with the nominal,
 * ordinal (ranks from the scale's order and the level totals), interval
 * ((x − y)²) or ratio (((x − y)/(x + y))²) difference function on the scale's
 * scores. As Python `krippendorff.alpha` and R irrCAC `krippen.alpha.raw`.
 *
 * The interval is a percentile bootstrap over pairable units (resampled with
 * replacement, `replicates` times, from a seeded generator: the same seed gives
 * the same interval), upper end capped at 1; `se` is the bootstrap standard
 * deviation. There is no z test.
 *
 * Degenerate data: all pairable values in one level makes α = 1 − 0/0
 * (undefined, with the reason); no unit with two values (one coder, or no
 * pairable values) is undefined; one pairable unit has a value but no interval.
 * @param ratings units × coders, a level id of the scale or null in each cell
 * @param options `scale` (required), `level` [`'nominal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems (a ragged matrix, a level not on the scale, bad options)
 * @example
 * krippendorffAlphaEither([[1, 1], [2, 2], [1, 2]], { scale: [1, 2], replicates: 0 }) // right, value 0.4444
 */
export const krippendorffAlphaEither = (ratings: RatingMatrix, options: AlphaOptions): Result<AgreementEstimate> =>
  run('krippendorffAlpha', ratings, options, countMatrixEither)

/**
 * Krippendorff's alpha on a units × coders matrix: the throwing form of {@link krippendorffAlphaEither}.
 * @param ratings units × coders, a level id of the scale or null in each cell
 * @param options `scale` (required), `level` [`'nominal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the matrix is ragged, holds a level not on the scale, or the options are bad
 * @example
 * krippendorffAlpha([[1, 1], [2, 2], [1, 2]], { scale: [1, 2], replicates: 0 }).value //=> 0.4444444444444444
 */
export const krippendorffAlpha = (ratings: RatingMatrix, options: AlphaOptions): AgreementEstimate =>
  orThrow('krippendorffAlpha', krippendorffAlphaEither(ratings, options))

/**
 * Krippendorff's alpha on a units × levels count table (rows may differ in
 * total: any number of coders per unit), as Python `krippendorff.alpha(value_counts=…)`;
 * as {@link krippendorffAlphaEither} otherwise.
 * @param counts units × levels, the number of coders who chose each level (columns in the scale's order)
 * @param options `scale` (required), `level` [`'nominal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns `Right` of the estimate, or `Left` of problems
 * @example
 * krippendorffAlphaCountsEither([[2, 0], [0, 2], [1, 1]], { scale: [1, 2], replicates: 0 }) // right, value 0.4444
 */
export const krippendorffAlphaCountsEither = (counts: CountTable, options: AlphaOptions): Result<AgreementEstimate> =>
  run('krippendorffAlphaCounts', counts, options, readCountsEither)

/**
 * Krippendorff's alpha on a count table: the throwing form of {@link krippendorffAlphaCountsEither}.
 * @param counts units × levels, the number of coders who chose each level
 * @param options `scale` (required), `level` [`'nominal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns the estimate
 * @throws {RealistError} when the table is malformed or the options are bad
 * @example
 * krippendorffAlphaCounts([[2, 0], [0, 2], [1, 1]], { scale: [1, 2], replicates: 0 }).value //=> 0.4444444444444444
 */
export const krippendorffAlphaCounts = (counts: CountTable, options: AlphaOptions): AgreementEstimate =>
  orThrow('krippendorffAlphaCounts', krippendorffAlphaCountsEither(counts, options))
