/**
 * Agreement from rater-keyed ratings as tidy rows: group the ratings, build one
 * units × raters matrix per group, and compute the chosen coefficients, each
 * figure with the units and raters behind it.
 * @module
 */
import * as E from '../model/either.js'
import { appendAll, orThrow, problem, showValue, type Problem, type Result } from '../model/problem.js'
import { prepareEither } from './options.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { resolveScaleEither, type AgreementScale, type LevelKey } from './scale.js'
import type { WeightsOption } from './weights.js'
import { cohenKappaEither } from './cohen-kappa.js'
import { fleissKappaEither } from './fleiss-kappa.js'
import { gwetACEither } from './gwet-ac.js'
import { brennanPredigerEither } from './brennan-prediger.js'
import { percentAgreementEither } from './percent-agreement.js'
import { krippendorffAlphaEither, type AlphaLevel } from './krippendorff-alpha.js'
import { confidenceEither, undefinedEstimate, type AgreementEstimate } from './result.js'
import { MAX_INPUT_PROBLEMS } from './inputs.js'

/** One rater's rating of one item. An item is one target of one rated entity in one round (of one instrument). */
export interface RaterRating {
  /** The rated entity (a unit id), or null for a site rated as a whole. */
  readonly unit: string | null
  /** The standard or criterion rated. */
  readonly target: string
  readonly rater: string
  /** A level of the scale; `null` or `"na"` (not applicable) counts as no rating. */
  readonly level: LevelKey | null
  readonly site?: string
  readonly round?: string
  readonly instrument?: string
  /** Any further attribute to group by (a site or unit attribute, the target's standard, …). */
  readonly [attribute: string]: unknown
}

/** The coefficients `agreement` computes. `gwet-ac2` uses `weights` (default quadratic); `gwet-ac1` is unweighted. */
export type AgreementCoefficient =
  | 'percent-agreement'
  | 'cohen-kappa'
  | 'fleiss-kappa'
  | 'krippendorff-alpha'
  | 'gwet-ac1'
  | 'gwet-ac2'
  | 'brennan-prediger'

/** Every coefficient name, in the order rows list them. */
export const AGREEMENT_COEFFICIENTS: readonly AgreementCoefficient[] = [
  'percent-agreement',
  'cohen-kappa',
  'fleiss-kappa',
  'krippendorff-alpha',
  'gwet-ac1',
  'gwet-ac2',
  'brennan-prediger',
]

/** Options of {@link agreementFromRatingsEither}. */
export interface AgreementFromRatingsOptions {
  /** The declared scale of the ratings (levels in order, optional scores). */
  readonly scale: AgreementScale
  /** One coefficient or several (one row each). Default `'krippendorff-alpha'`. */
  readonly coefficient?: AgreementCoefficient | readonly AgreementCoefficient[]
  /** Rating fields to group by (`'target'`, `'site'`, `'round'`, an attribute, …), one row per group. Default `[]`: one group. */
  readonly by?: readonly string[]
  /** Weights of Cohen's kappa, percent agreement, Brennan–Prediger and AC2. Default `'identity'` (AC2: `'quadratic'`). */
  readonly weights?: WeightsOption
  /** Krippendorff's level of measurement. Default `'ordinal'`: rating scales are ordered. */
  readonly level?: AlphaLevel
  /** Bootstrap replicates for α. Default 1000. */
  readonly replicates?: number
  /** Bootstrap seed. Default 1. */
  readonly seed?: number
  /** Confidence level. Default 0.95. */
  readonly confidence?: number
}

/** The figures of one coefficient in one group. Proportions 0–1. */
export interface AgreementFigures {
  readonly coefficient: AgreementCoefficient
  readonly weights: string
  /** Krippendorff's level of measurement, else null. */
  readonly metric: AlphaLevel | null
  readonly value: number | null
  /** Why `value` is null. */
  readonly reason: string | null
  readonly se: number | null
  readonly lo: number | null
  readonly hi: number | null
  readonly z: number | null
  readonly p: number | null
  /** Items (target × rated entity × round) with at least one rating. */
  readonly units: number
  /** Items rated by two or more raters. */
  readonly pairableUnits: number
  /** Distinct raters in the group. */
  readonly raters: number
  /** Ratings that entered the figure. */
  readonly ratings: number
  readonly observed: number | null
  readonly expected: number | null
  readonly confidence: number
  /** Remarks (why an SE is missing, the bootstrap seed, …), joined with "; ". */
  readonly notes: string
}

/** A tidy row: the group's values (one column per `by` key) then the figures. */
export type AgreementRow = AgreementFigures & { readonly [groupKey: string]: string | number | null }

/**
 * The figure columns of an {@link AgreementRow}; every other column is a group key.
 * @internal
 */
export const AGREEMENT_FIGURE_KEYS: ReadonlySet<string> = new Set([
  'coefficient',
  'weights',
  'metric',
  'value',
  'reason',
  'se',
  'lo',
  'hi',
  'z',
  'p',
  'units',
  'pairableUnits',
  'raters',
  'ratings',
  'observed',
  'expected',
  'confidence',
  'notes',
])

const ITEM_KEYS = ['instrument', 'site', 'unit', 'round', 'target'] as const

const groupValue = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : String(v)

const optionProblems = (o: Record<string, unknown>, fn: string): Problem[] => {
  const out: Problem[] = []
  const coefficients =
    o['coefficient'] === undefined ? [] : Array.isArray(o['coefficient']) ? o['coefficient'] : [o['coefficient']]
  coefficients.forEach((c: unknown, i) => {
    if (!AGREEMENT_COEFFICIENTS.includes(c as AgreementCoefficient))
      out.push(
        problem(
          ['coefficient', i],
          `a coefficient (${AGREEMENT_COEFFICIENTS.join(' | ')})`,
          c,
          'value',
          `${fn} › coefficient`,
        ),
      )
  })
  if (Array.isArray(o['coefficient']) && o['coefficient'].length === 0)
    out.push(problem(['coefficient'], 'at least one coefficient', o['coefficient'], 'value', `${fn} › coefficient`))
  const by = o['by']
  if (by !== undefined) {
    if (!Array.isArray(by))
      out.push(problem(['by'], 'an array of rating fields to group by, e.g. ["target"]', by, 'shape', `${fn} › by`))
    else
      by.forEach((k: unknown, i) => {
        if (typeof k !== 'string' || k.length === 0 || AGREEMENT_FIGURE_KEYS.has(k) || k === 'rater' || k === 'level')
          out.push(
            problem(
              ['by', i],
              'a rating field to group by (not rater, level, or a figure name such as value)',
              k,
              'value',
              `${fn} › by`,
            ),
          )
      })
  }
  return out
}

/**
 * The agreement of raters, from rater-keyed ratings as tidy rows: the ratings
 * are grouped by the `by` fields; in each group every item (target × rated
 * entity × round × instrument) is a unit and every rater a column of a units ×
 * raters matrix (missing where a rater did not rate, or rated "na"); each
 * chosen coefficient is computed on that matrix ({@link krippendorffAlphaEither},
 * {@link gwetACEither}, {@link fleissKappaEither}, {@link cohenKappaEither}, …).
 *
 * One row per group and coefficient, with the units, pairable units, raters
 * and ratings behind the figure. A coefficient that does not fit a group is
 * undefined in its row, with the reason (Cohen's kappa on three raters,
 * Fleiss' kappa with a missing rating, all ratings in one level).
 * @param ratings one row per rater × item: `{ unit, target, rater, level, site?, round?, … }`
 * @param options `scale` (required), `coefficient` [`'krippendorff-alpha'`], `by` [none], `weights`, `level` [`'ordinal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns `Right` of the rows, or `Left` of problems (a level not on the scale, a rater rating one item twice, bad options)
 * @example
 * const ratings = [
 *   { unit: 'u1', target: 't', rater: 'ann', level: 'met' }, { unit: 'u1', target: 't', rater: 'bob', level: 'met' },
 *   { unit: 'u2', target: 't', rater: 'ann', level: 'not-met' }, { unit: 'u2', target: 't', rater: 'bob', level: 'partly' },
 * ]
 * agreementFromRatingsEither(ratings, { scale: ['met', 'partly', 'not-met'], coefficient: 'percent-agreement' })
 * //=> right([{ coefficient: 'percent-agreement', value: 0.5, units: 2, pairableUnits: 2, raters: 2, ratings: 4, … }])
 */
export const agreementFromRatingsEither = (
  ratings: readonly RaterRating[],
  options: AgreementFromRatingsOptions,
): Result<AgreementRow[]> => {
  const fn = 'agreementFromRatings'
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
  const scaleE = resolveScaleEither(options.scale, fn)
  if (E.isLeft(scaleE)) return scaleE
  const conf = confidenceEither(options.confidence, fn)
  const problems = [
    ...optionProblems(options as unknown as Record<string, unknown>, fn),
    ...(E.isLeft(conf) ? conf.left : []),
  ]
  // The weights and α's options are checked by the coefficient functions themselves, on an empty matrix.
  const weighted = prepareEither({ scale: options.scale, weights: options.weights }, fn)
  if (E.isLeft(weighted)) appendAll(problems, weighted.left)
  const alpha = krippendorffAlphaEither([], {
    scale: options.scale,
    level: options.level,
    replicates: options.replicates,
    seed: options.seed,
  })
  if (E.isLeft(alpha)) appendAll(problems, alpha.left)
  if (problems.length > 0) return E.left(problems)
  const scale = scaleE.right
  if (!Array.isArray(ratings))
    return E.left([
      problem(['ratings'], 'an array of ratings { unit, target, rater, level }', ratings, 'shape', `${fn} › ratings`),
    ])
  const by = options.by ?? []
  const coefficients: readonly AgreementCoefficient[] =
    options.coefficient === undefined
      ? ['krippendorff-alpha']
      : typeof options.coefficient === 'string'
        ? [options.coefficient]
        : options.coefficient

  // Groups in first-seen order; within a group, items and raters in first-seen order.
  interface Group {
    readonly values: (string | null)[]
    readonly items: Map<string, number>
    readonly raters: Map<string, number>
    readonly cells: { item: number; rater: number; level: LevelKey | null }[]
  }
  const groups = new Map<string, Group>()
  const seen = new Set<string>()
  let extra = 0
  const report = (p: Problem) => (problems.length < MAX_INPUT_PROBLEMS ? problems.push(p) : extra++)
  ratings.forEach((r: unknown, i) => {
    const at = `${fn} › ratings › ${i}`
    if (r === null || typeof r !== 'object')
      return report(problem(['ratings', i], 'a rating { unit, target, rater, level }', r, 'shape', at))
    const row = r as Record<string, unknown>
    if (typeof row['target'] !== 'string')
      report(problem(['ratings', i, 'target'], 'a target id (a string)', row['target'], 'shape', at))
    if (typeof row['rater'] !== 'string')
      report(problem(['ratings', i, 'rater'], 'a rater id (a string)', row['rater'], 'shape', at))
    if (row['unit'] !== null && typeof row['unit'] !== 'string')
      report(
        problem(['ratings', i, 'unit'], 'a unit id, or null for a site rated as a whole', row['unit'], 'shape', at),
      )
    const level = row['level']
    const onScale = typeof level === 'string' || typeof level === 'number' ? scale.index.has(level) : false
    if (level !== null && level !== NOT_APPLICABLE && !onScale)
      report(
        problem(
          ['ratings', i, 'level'],
          `a level of the scale (${scale.ids.map((x) => showValue(x)).join(' | ')}), "na" or null`,
          level,
          'value',
          at,
        ),
      )
    if (problems.length > 0) return
    const values = by.map((k) => groupValue(row[k]))
    const gKey = JSON.stringify(values)
    let g = groups.get(gKey)
    if (g === undefined) {
      g = { values, items: new Map(), raters: new Map(), cells: [] }
      groups.set(gKey, g)
    }
    const iKey = JSON.stringify(ITEM_KEYS.map((k) => groupValue(row[k])))
    const rater = row['rater'] as string
    const dupKey = `${iKey}\u0000${rater}`
    if (seen.has(dupKey))
      return report(
        problem(
          ['ratings', i],
          `one rating per rater and item: ${rater} has already rated this item (${ITEM_KEYS.map((k) =>
            groupValue(row[k]),
          )
            .filter((x) => x !== null)
            .join(' › ')})`,
          rater,
          'duplicate',
          at,
        ),
      )
    seen.add(dupKey)
    if (!g.items.has(iKey)) g.items.set(iKey, g.items.size)
    if (!g.raters.has(rater)) g.raters.set(rater, g.raters.size)
    g.cells.push({ item: g.items.get(iKey)!, rater: g.raters.get(rater)!, level: onScale ? (level as LevelKey) : null })
  })
  if (problems.length > 0)
    return E.left(
      extra > 0
        ? [
            ...problems,
            problem(
              [],
              `at most ${MAX_INPUT_PROBLEMS} problems are listed`,
              `${extra} more`,
              'limit',
              `${fn} › ratings`,
            ),
          ]
        : problems,
    )

  const out: AgreementRow[] = []
  for (const g of groups.values()) {
    const matrix: (LevelKey | null)[][] = Array.from({ length: g.items.size }, () =>
      new Array<LevelKey | null>(g.raters.size).fill(null),
    )
    for (const c of g.cells) matrix[c.item]![c.rater] = c.level
    const head: Record<string, string | null> = {}
    by.forEach((k, j) => (head[k] = g.values[j]!))
    for (const coefficient of coefficients) {
      const { estimate, metric, weights } = compute(coefficient, matrix, g.raters.size, options)
      out.push({
        ...head,
        coefficient,
        weights: coefficient === 'krippendorff-alpha' || coefficient === 'fleiss-kappa' ? 'identity' : weights,
        metric,
        value: estimate.value,
        reason: estimate.defined ? null : estimate.reason,
        se: estimate.se,
        lo: estimate.lo,
        hi: estimate.hi,
        z: estimate.z,
        p: estimate.p,
        units: estimate.units,
        pairableUnits: estimate.pairableUnits,
        raters: g.raters.size,
        ratings: estimate.ratings,
        observed: estimate.observed,
        expected: estimate.expected,
        confidence: estimate.confidence,
        notes: estimate.notes.join('; '),
      } as AgreementRow)
    }
  }
  return E.right(out)
}

const compute = (
  coefficient: AgreementCoefficient,
  matrix: (LevelKey | null)[][],
  raterCount: number,
  o: AgreementFromRatingsOptions,
): { estimate: AgreementEstimate; metric: AlphaLevel | null; weights: string } => {
  const base = { scale: o.scale, ...(o.confidence === undefined ? {} : { confidence: o.confidence }) }
  const weights = o.weights ?? 'identity'
  const wName = typeof weights === 'string' ? weights : 'custom'
  const unwrap = (r: Result<AgreementEstimate>): AgreementEstimate => {
    // The matrix was built from checked ratings on the checked scale, so only options can fail here.
    if (E.isLeft(r)) throw new Error(`agreement: unexpected problem ${r.left[0]?.expected}`)
    return r.right
  }
  const cellsRated = matrix.reduce((s, row) => s + row.filter((v) => v !== null).length, 0)
  const unitsRated = matrix.filter((row) => row.some((v) => v !== null)).length
  const skip = (
    name: AgreementCoefficient,
    reason: string,
    w = 'identity',
  ): { estimate: AgreementEstimate; metric: null; weights: string } => ({
    estimate: undefinedEstimate(
      {
        coefficient: name,
        weights: 'identity',
        units: unitsRated,
        pairableUnits: matrix.filter((row) => row.filter((v) => v !== null).length >= 2).length,
        raters: raterCount,
        ratings: cellsRated,
        observed: null,
        expected: null,
        confidence: o.confidence ?? 0.95,
      },
      reason,
    ),
    metric: null,
    weights: w,
  })
  switch (coefficient) {
    case 'krippendorff-alpha': {
      const level = o.level ?? 'ordinal'
      const r = krippendorffAlphaEither(matrix, { ...base, level, replicates: o.replicates, seed: o.seed })
      return { estimate: unwrap(r), metric: level, weights: 'identity' }
    }
    case 'gwet-ac1':
      return { estimate: unwrap(gwetACEither(matrix, base)), metric: null, weights: 'identity' }
    case 'gwet-ac2': {
      const w = o.weights ?? 'quadratic'
      return {
        estimate: unwrap(gwetACEither(matrix, { ...base, weights: w })),
        metric: null,
        weights: typeof w === 'string' ? w : 'custom',
      }
    }
    case 'brennan-prediger':
      return { estimate: unwrap(brennanPredigerEither(matrix, { ...base, weights })), metric: null, weights: wName }
    case 'percent-agreement':
      return { estimate: unwrap(percentAgreementEither(matrix, { ...base, weights })), metric: null, weights: wName }
    case 'cohen-kappa':
      if (raterCount !== 2)
        return skip(
          coefficient,
          `Cohen's kappa compares two raters; this group has ${raterCount} (use fleiss-kappa, krippendorff-alpha or gwet-ac1)`,
          wName,
        )
      return { estimate: unwrap(cohenKappaEither(matrix, { ...base, weights })), metric: null, weights: wName }
    case 'fleiss-kappa': {
      const incomplete = matrix.filter((row) => row.some((v) => v === null)).length
      if (incomplete > 0)
        return skip(
          coefficient,
          `Fleiss' kappa needs every rater on every item: ${incomplete} of ${matrix.length} items lack a rating (use krippendorff-alpha or gwet-ac1)`,
        )
      const r = fleissKappaEither(matrix, base)
      if (E.isLeft(r)) throw new Error(`agreement: unexpected problem ${r.left[0]?.expected}`)
      return { estimate: r.right.overall, metric: null, weights: 'identity' }
    }
  }
}

/**
 * The agreement of raters from rater-keyed ratings: the throwing form of
 * {@link agreementFromRatingsEither} (same grouping, coefficients and rows).
 * @param ratings one row per rater × item: `{ unit, target, rater, level, site?, round?, … }`
 * @param options `scale` (required), `coefficient` [`'krippendorff-alpha'`], `by` [none], `weights`, `level` [`'ordinal'`], `replicates` [1000], `seed` [1], `confidence` [0.95]
 * @returns one row per group and coefficient
 * @throws {RealistError} when a level is not on the scale, a rater rated an item twice, or the options are bad
 * @example
 * agreementFromRatings([
 *   { unit: 'u1', target: 't', rater: 'ann', level: 'met' }, { unit: 'u1', target: 't', rater: 'bob', level: 'met' },
 *   { unit: 'u2', target: 't', rater: 'ann', level: 'not-met' }, { unit: 'u2', target: 't', rater: 'bob', level: 'partly' },
 * ], { scale: ['met', 'partly', 'not-met'], coefficient: 'percent-agreement' })[0].value //=> 0.5
 */
export const agreementFromRatings = (
  ratings: readonly RaterRating[],
  options: AgreementFromRatingsOptions,
): AgreementRow[] => orThrow('agreementFromRatings', agreementFromRatingsEither(ratings, options))
