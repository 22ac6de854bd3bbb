/**
 * The Kiresuk-Sherman goal attainment T-score (Kiresuk & Sherman 1968, "Goal
 * attainment scaling: a general method for evaluating comprehensive
 * community mental health programs", Community Mental Health Journal
 * 4:443-453), in the form of Turner-Stokes 2009 ("Goal attainment scaling
 * (GAS) in rehabilitation: a practical guide", Clinical Rehabilitation
 * 23:362-370, formula as corrected in the erratum):
 *
 *   T = 50 + 10 Σwᵢxᵢ / √((1 − ρ) Σwᵢ² + ρ (Σwᵢ)²)
 *
 * with xᵢ the attained level on the five-point scale −2…+2 (0 = the expected
 * level), wᵢ the goal's weight and ρ the assumed correlation between goal
 * scales (0.3 by convention).
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'

/** The levels of the five-point scale: −2 much less than expected … 0 expected … +2 much more. */
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const
/** A level of the five-point goal attainment scale, −2 to +2 (0 the expected outcome). */
export type GasLevel = (typeof GAS_LEVELS)[number]

/** The conventional inter-goal correlation ρ (Kiresuk & Sherman 1968). */
export const DEFAULT_RHO = 0.3

/** What to do with a goal whose attained level is not recorded. */
export const MISSING_POLICIES = ['exclude', 'error'] as const
/** `'exclude'`: leave an unscored goal out of its T-score; `'error'`: refuse the scores. */
export type MissingPolicy = (typeof MISSING_POLICIES)[number]

/** One goal's score and weight, as the formula takes them. */
export interface ScoredGoal {
  /** The attained level (−2…+2), or `null` when not recorded. */
  readonly score: number | null
  /** The goal's weight, non-negative. */
  readonly weight: number
}

/** Options of {@link gasTScoreEither}. */
export interface TScoreOptions {
  /** The inter-goal correlation ρ, from 0 to below 1. Default 0.3. */
  readonly rho?: number
  /**
   * Goals without a score: `'exclude'` leaves them out and counts them (what
   * most GAS tools do, e.g. R `gasr::calc_tscore(na.rm = TRUE)`), `'error'`
   * refuses the set. Default `'exclude'`.
   */
  readonly missing?: MissingPolicy
}

/** A T-score and what it rests on. */
export interface TScore {
  /** The Kiresuk-Sherman T-score: 50 when every goal is at its expected level, 10 points per standard deviation. */
  readonly t: number
  /** Goals scored and used. */
  readonly goals: number
  /** Goals left out for want of a score (policy `'exclude'`). */
  readonly excluded: number
  /** The inter-goal correlation used. */
  readonly rho: number
}

/** @internal Problems of the options. */
export const tScoreOptionProblems = (fn: string, options: TScoreOptions): Problem[] => {
  const out: Problem[] = []
  const rho = options.rho ?? DEFAULT_RHO
  if (typeof rho !== 'number' || !Number.isFinite(rho) || rho < 0 || rho >= 1)
    out.push(problem(['rho'], 'an inter-goal correlation ρ from 0 to below 1', rho, 'value', `${fn} › rho`))
  const missing = options.missing ?? 'exclude'
  if (!(MISSING_POLICIES as readonly unknown[]).includes(missing))
    out.push(problem(['missing'], 'one of "exclude" | "error"', missing, 'value', `${fn} › missing`))
  return out
}

/**
 * The Kiresuk-Sherman T-score of a set of goals.
 *
 * - All goals at the expected level give exactly 50, whatever the weights.
 * - A single goal gives 50 + 10x (the weight cancels).
 * - With ρ = 0.3 and equal weights, x = (2, 1, 0) gives
 *   50 + 10 · 3 / √(0.7 · 3 + 0.3 · 9) = 50 + 30 / √4.8 = 63.6931.
 *
 * Degenerate input, each refused with a problem naming the goal: no goals (or
 * none scored after exclusion); all weights 0 (refused, never silently
 * replaced by equal weights); a score off the scale −2…+2 or not a whole
 * level; a negative or non-finite weight; a missing score under
 * `missing: 'error'`; ρ outside [0, 1).
 * @param goals the goals' scores and weights
 * @param options `rho` (default 0.3), `missing` (default `'exclude'`)
 * @returns the T-score with the number of goals used and excluded
 * @example
 * gasTScoreEither([{ score: 2, weight: 1 }, { score: 1, weight: 1 }, { score: 0, weight: 1 }])
 * //=> right({ t: 63.6931, goals: 3, excluded: 0, rho: 0.3 })
 */
export const gasTScoreEither = (goals: readonly ScoredGoal[], options: TScoreOptions = {}): Result<TScore> => {
  const problems = tScoreOptionProblems('gasTScore', options ?? {})
  if (!Array.isArray(goals))
    problems.push(problem(['goals'], 'a list of goals { score, weight }', goals, 'shape', 'gasTScore › goals'))
  if (problems.length > 0) return E.left(problems)
  const rho = options.rho ?? DEFAULT_RHO
  const missing = options.missing ?? 'exclude'
  let sw = 0
  let sw2 = 0
  let swx = 0
  let used = 0
  let excluded = 0
  // T does not change when every weight is scaled by one factor: dividing by the largest keeps tiny or huge weights
  // from underflowing or overflowing the squares.
  let top = 0
  if (Array.isArray(goals))
    for (const g of goals)
      if (g !== null && typeof g === 'object' && Number.isFinite(g.weight) && g.weight > top) top = g.weight
  goals.forEach((g, i) => {
    const where = `gasTScore › goal ${i + 1}`
    if (g === null || typeof g !== 'object')
      return void problems.push(problem(['goals', i], 'a goal { score, weight }', g, 'shape', where))
    const w = g.weight
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      problems.push(problem(['goals', i, 'weight'], 'a weight ≥ 0', w, 'value', `${where} › weight`))
    if (g.score === null || g.score === undefined) {
      if (missing === 'error')
        problems.push(
          problem(
            ['goals', i, 'score'],
            'an attained level −2…+2 (missing: "error")',
            g.score,
            'value',
            `${where} › score`,
          ),
        )
      excluded++
      return
    }
    if (!(GAS_LEVELS as readonly unknown[]).includes(g.score))
      return void problems.push(
        problem(['goals', i, 'score'], 'an attained level −2, −1, 0, +1 or +2', g.score, 'value', `${where} › score`),
      )
    if (problems.length > 0) return
    const v = top === 0 ? 0 : w / top
    sw += v
    sw2 += v * v
    swx += v * g.score
    used++
  })
  if (problems.length > 0) return E.left(problems)
  if (used === 0)
    return E.left([
      problem(
        ['goals'],
        'at least one scored goal',
        excluded > 0 ? `${excluded} goal(s), none scored` : 'no goals',
        'value',
        'gasTScore › goals',
      ),
    ])
  if (sw === 0)
    return E.left([
      problem(
        ['goals'],
        'at least one goal with a weight above 0 (weights are never replaced by equal weights)',
        'all weights 0',
        'value',
        'gasTScore › goals',
      ),
    ])
  const t = 50 + (10 * swx) / Math.sqrt((1 - rho) * sw2 + rho * sw * sw)
  return E.right({ t, goals: used, excluded, rho })
}

/**
 * The Kiresuk-Sherman T-score of a set of goals.
 *
 * The throwing form of {@link gasTScoreEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input, each refused with a problem naming the goal: no goals (or
 * none scored after exclusion); all weights 0 (refused, never silently
 * replaced by equal weights); a score off the scale −2…+2 or not a whole
 * level; a negative or non-finite weight; a missing score under
 * `missing: 'error'`; ρ outside [0, 1).
 * @param goals the goals' scores and weights
 * @param options `rho` (default 0.3), `missing` (default `'exclude'`)
 * @returns the result (`TScore`), as {@link gasTScoreEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link gasTScoreEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] gasTScore: …`).
 * @example
 * gasTScore([{ score: -1, weight: 4 }]).t //=> 40 // one goal: 50 + 10x
 */
export const gasTScore = (goals: readonly ScoredGoal[], options: TScoreOptions = {}): TScore =>
  orThrow('gasTScore', gasTScoreEither(goals, options))
