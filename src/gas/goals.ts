/**
 * Goals of units scored by goal attainment scaling, checked against an
 * evaluation, with T-scores per unit, per site, per user group or overall,
 * and side by side with the objectives' attainment.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { objectiveAttainmentEither } from '../objectives/attainment.js'
import { DEFAULT_RHO, GAS_LEVELS, gasTScoreEither, tScoreOptionProblems, type TScoreOptions } from './tscore.js'

/**
 * One goal of one unit. Its weight is `weight` when given, else importance ×
 * difficulty when both are given (Turner-Stokes 2009: each rated 0-3), else
 * 1 (equal weights).
 */
export interface GasGoal {
  readonly id: string
  /** The unit (e.g. a workstream) the goal belongs to. */
  readonly unit: string
  /** The attained level −2…+2 (0 = expected); `null` when not yet scored. */
  readonly score: number | null
  /** The level at the start, when recorded (usually −1 or −2). */
  readonly baseline?: number
  /** The goal's weight, non-negative; default importance × difficulty, else 1. */
  readonly weight?: number
  /** How much the goal matters (non-negative); give it with `difficulty`. */
  readonly importance?: number
  /** How hard the goal is (non-negative); give it with `importance`. */
  readonly difficulty?: number
  /** An objective of the same unit this goal measures, so GAS and attainment can be read side by side. */
  readonly objective?: string
  /** A user-defined group (a cohort, a programme strand), for T-scores per group. */
  readonly group?: string
  /** What the goal is, in words. */
  readonly text?: string
}

/** How T-scores are grouped. */
export const GAS_GROUPS = ['unit', 'site', 'group', 'all'] as const
/** How goals are pooled into T-scores: per `'unit'`, per `'site'`, per goal `'group'`, or `'all'` together. */
export type GasGrouping = (typeof GAS_GROUPS)[number]

/** Options of {@link gasScoresEither}. */
export interface GasScoresOptions extends TScoreOptions {
  /** One T-score per unit (default), per site, per goal `group`, or one for all goals. */
  readonly by?: GasGrouping
}

/** One group's T-score, over all its goals pooled. */
export interface GasScoreRow {
  /** The group's site; null when not grouped by unit or site. */
  readonly site: string | null
  /** The group's unit; null unless grouped by unit. */
  readonly unit: string | null
  /** The goals' `group`; null unless grouped by group. */
  readonly group: string | null
  /** `null` when none of the group's goals is scored (policy `'exclude'`). */
  readonly t: number | null
  /** Goals scored and used. */
  readonly goals: number
  /** Goals left out for want of a score. */
  readonly excluded: number
  /** The inter-goal correlation the T-score used. */
  readonly rho: number
}

/**
 * A goal's weight: `weight`, else importance × difficulty, else 1.
 * @param goal the goal
 * @returns the weight, a non-negative number
 * @example
 * gasWeight({ id: 'g', unit: 'u', score: 0, importance: 2, difficulty: 3 }) //=> 6
 * gasWeight({ id: 'g', unit: 'u', score: 0 }) //=> 1
 */
export const gasWeight = (goal: Pick<GasGoal, 'weight' | 'importance' | 'difficulty'>): number =>
  goal.weight ??
  (goal.importance !== undefined && goal.difficulty !== undefined ? goal.importance * goal.difficulty : 1)

const isLevel = (x: unknown): boolean => (GAS_LEVELS as readonly unknown[]).includes(x)
const nonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0

/**
 * Problems of goals against an evaluation, each with its path
 * (`goals[i].field`) and `where` (`goal g1 › unit`): ids used twice, a unit
 * or linked objective that does not exist, a score or baseline off the
 * scale, a negative weight, importance or difficulty, only one of importance
 * and difficulty, or `weight` given beside them (which one counts would be
 * ambiguous).
 * @param ev the evaluation the goals belong to
 * @param goals the goals
 * @returns every problem found, `[]` when the goals are sound
 * @example
 * gasGoalProblems(mhipEvaluation, [{ id: 'g1', unit: 'nowhere', score: 3 }]).map((p) => p.where)
 * //=> ['goal g1 › unit', 'goal g1 › score']
 */
export const gasGoalProblems = (ev: Evaluation, goals: readonly GasGoal[]): Problem[] => {
  if (!Array.isArray(goals)) return [problem(['goals'], 'a list of goals', goals, 'shape', 'goals')]
  const units = new Map<string, { site: string; objectives: Set<string> }>()
  for (const s of ev.sites)
    for (const u of s.units) units.set(u.id, { site: s.id, objectives: new Set(u.objectives.map((o) => o.id)) })
  const out: Problem[] = []
  const ids = new Set<string>()
  goals.forEach((g, i) => {
    const at = (field: string) => ['goals', i, field]
    if (g === null || typeof g !== 'object')
      return void out.push(problem(['goals', i], 'a goal { id, unit, score }', g, 'shape', `goal ${i + 1}`))
    const where = `goal ${typeof g.id === 'string' ? g.id : i + 1}`
    if (typeof g.id !== 'string' || g.id === '')
      out.push(problem(at('id'), 'a goal id (a non-empty string)', g.id, 'shape', `${where} › id`))
    else if (ids.has(g.id))
      out.push(problem(at('id'), 'a goal id not used by another goal', g.id, 'duplicate', `${where} › id`))
    else ids.add(g.id)
    const unit = units.get(g.unit)
    if (unit === undefined)
      out.push(problem(at('unit'), 'the id of a unit of this evaluation', g.unit, 'reference', `${where} › unit`))
    if (g.score !== null && !isLevel(g.score))
      out.push(
        problem(
          at('score'),
          'an attained level −2, −1, 0, +1 or +2, or null (not scored)',
          g.score,
          'value',
          `${where} › score`,
        ),
      )
    if (g.baseline !== undefined && !isLevel(g.baseline))
      out.push(problem(at('baseline'), 'a level −2, −1, 0, +1 or +2', g.baseline, 'value', `${where} › baseline`))
    for (const k of ['weight', 'importance', 'difficulty'] as const)
      if (g[k] !== undefined && !nonNegative(g[k]))
        out.push(problem(at(k), `a ${k} ≥ 0`, g[k], 'value', `${where} › ${k}`))
    if ((g.importance === undefined) !== (g.difficulty === undefined))
      out.push(
        problem(
          at(g.importance === undefined ? 'importance' : 'difficulty'),
          'importance and difficulty together (the weight is their product)',
          undefined,
          'shape',
          where,
        ),
      )
    if (g.weight !== undefined && (g.importance !== undefined || g.difficulty !== undefined))
      out.push(
        problem(
          at('weight'),
          'either a weight or importance × difficulty, not both',
          g.weight,
          'consistency',
          `${where} › weight`,
        ),
      )
    if (g.objective !== undefined && unit !== undefined && !unit.objectives.has(g.objective))
      out.push(
        problem(
          at('objective'),
          `an objective id of unit ${g.unit} (${[...unit.objectives].join(' | ') || 'it lists none'})`,
          g.objective,
          'reference',
          `${where} › objective`,
        ),
      )
  })
  return out
}

/**
 * Kiresuk-Sherman T-scores (`gasTScore`) per unit, per site, per goal group
 * or overall, each over the group's goals pooled, with the number of goals
 * behind it and the number excluded for want of a score. Groups come in the
 * evaluation's order (units, sites) or the goals' order (groups); only groups
 * with goals are listed. A group whose goals are all unscored has `t: null`
 * under `missing: 'exclude'`.
 *
 * Degenerate input: problems of the goals (`gasGoalProblems`) or options; a
 * group whose scored goals all weigh 0 (refused, never turned into equal
 * weights); any unscored goal under `missing: 'error'`.
 * @param ev the evaluation the goals belong to
 * @param goals the goals
 * @param options `by` (default `'unit'`), `rho` (default 0.3), `missing` (default `'exclude'`)
 * @returns `Right` of one T-score row per group (T = 50 when every goal is at its expected level, 0;
 *   10 points a standard deviation), or `Left` of the goals' or options' problems
 * @example
 * gasScoresEither(mhipEvaluation, [{ id: 'g1', unit: 'acute-care', score: 1 }, { id: 'g2', unit: 'acute-care', score: 0 }])
 * //=> right([{ site: 'south-staffordshire', unit: 'acute-care', group: null, t: 56.2017…, goals: 2, excluded: 0, rho: 0.3 }])
 */
export const gasScoresEither = (
  ev: Evaluation,
  goals: readonly GasGoal[],
  options: GasScoresOptions = {},
): Result<GasScoreRow[]> => {
  const by = options.by ?? 'unit'
  const problems = tScoreOptionProblems('gasScores', options)
  if (!(GAS_GROUPS as readonly unknown[]).includes(by))
    problems.push(problem(['by'], 'one of "unit" | "site" | "group" | "all"', by, 'value', 'gasScores › by'))
  if (typeof ev !== 'object' || ev === null)
    problems.push(problem([], 'an evaluation document', ev, 'shape', 'gasScores › evaluation'))
  if (problems.length > 0) return E.left(problems)
  const goalProblems = gasGoalProblems(ev, goals)
  if (goalProblems.length > 0) return E.left(goalProblems)
  const siteOf = new Map<string, string>()
  for (const s of ev.sites) for (const u of s.units) siteOf.set(u.id, s.id)
  const keyOf = (g: GasGoal): string =>
    by === 'unit' ? g.unit : by === 'site' ? siteOf.get(g.unit)! : by === 'group' ? (g.group ?? '') : ''
  const order: string[] =
    by === 'unit'
      ? ev.sites.flatMap((s) => s.units.map((u) => u.id))
      : by === 'site'
        ? ev.sites.map((s) => s.id)
        : [...new Set(goals.map(keyOf))]
  const rows: GasScoreRow[] = []
  for (const key of order) {
    const members = goals.map((g, i) => [g, i] as const).filter(([g]) => keyOf(g) === key)
    if (members.length === 0) continue
    const columns = {
      site: by === 'unit' ? siteOf.get(key)! : by === 'site' ? key : null,
      unit: by === 'unit' ? key : null,
      group: by === 'group' ? (key === '' ? null : key) : null,
    }
    const scored = members.map(([g]) => ({ score: g.score, weight: gasWeight(g) }))
    if (scored.every((s) => s.score === null) && (options.missing ?? 'exclude') === 'exclude') {
      rows.push({ ...columns, t: null, goals: 0, excluded: members.length, rho: options.rho ?? DEFAULT_RHO })
      continue
    }
    const t = gasTScoreEither(scored, options)
    if (E.isLeft(t)) {
      const label = by === 'all' ? 'all goals' : `${by} ${key === '' ? '(none)' : key}`
      for (const p of t.left) {
        const index = typeof p.path[1] === 'number' ? members[p.path[1]]![1] : null
        problems.push({
          ...p,
          path: index === null ? p.path : ['goals', index, ...p.path.slice(2)],
          where: `gasScores › ${label} › ${p.where.replace(/^gasTScore › /, '')}`,
        })
      }
      continue
    }
    rows.push({ ...columns, t: t.right.t, goals: t.right.goals, excluded: t.right.excluded, rho: t.right.rho })
  }
  return problems.length > 0 ? E.left(problems) : E.right(rows)
}

/**
 * Kiresuk-Sherman T-scores (`gasTScore`) per unit, per site, per goal group
 * or overall, each over the group's goals pooled, with the number of goals
 * behind it and the number excluded for want of a score. Groups come in the
 * evaluation's order (units, sites) or the goals' order (groups); only groups
 * with goals are listed. A group whose goals are all unscored has `t: null`
 * under `missing: 'exclude'`.
 *
 * The throwing form of {@link gasScoresEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: problems of the goals (`gasGoalProblems`) or options; a
 * group whose scored goals all weigh 0 (refused, never turned into equal
 * weights); any unscored goal under `missing: 'error'`.
 * @param ev the evaluation the goals belong to
 * @param goals the goals
 * @param options `by` (default `'unit'`), `rho` (default 0.3), `missing` (default `'exclude'`)
 * @returns the result (`GasScoreRow[]`), as {@link gasScoresEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link gasScoresEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] gasScores: …`).
 * @example
 * gasScores(mhipEvaluation, [{ id: 'g1', unit: 'acute-care', score: -1 }], { by: 'site' })[0].t //=> 40
 */
export const gasScores = (ev: Evaluation, goals: readonly GasGoal[], options: GasScoresOptions = {}): GasScoreRow[] =>
  orThrow('gasScores', gasScoresEither(ev, goals, options))

/** A unit's T-score beside its objectives' attainment. */
export interface GasAttainmentRow extends GasScoreRow {
  /** Attained objectives of the unit, at least and at most (unknowns counted both ways), and their total. */
  readonly attainedLow: number
  readonly attainedHigh: number
  readonly objectives: number
  /** Goals linked to an objective of the unit. */
  readonly linkedGoals: number
}

/**
 * Each unit with goals: its T-score (`gasScores` by unit) beside its
 * objectives' attainment under the `bounds` policy (`objectiveAttainment`),
 * so the two measures can be read side by side.
 * @param ev the evaluation
 * @param goals the goals
 * @param options as {@link gasScoresEither} (`by` is always `'unit'`)
 * @returns `Right` of one row per unit with goals (its T-score, goal counts and objective attainment bounds),
 *   or `Left` of problems
 * @example
 * gasWithAttainmentEither(mhipEvaluation, [{ id: 'g1', unit: 'acute-care', score: 1 }])
 * //=> right([{ unit: 'acute-care', t: 60, goals: 1, attainedLow: 0, attainedHigh: 2, objectives: 3, linkedGoals: 0, … }])
 */
export const gasWithAttainmentEither = (
  ev: Evaluation,
  goals: readonly GasGoal[],
  options: TScoreOptions = {},
): Result<GasAttainmentRow[]> => {
  const scores = gasScoresEither(ev, goals, { ...options, by: 'unit' })
  if (E.isLeft(scores)) return scores
  const attainment = objectiveAttainmentEither(ev, { by: ['unit'], unknown: 'bounds' })
  if (E.isLeft(attainment)) return attainment
  return E.right(
    scores.right.map((r) => {
      const a = attainment.right.find((x) => x.unit === r.unit)!
      const linkedGoals = goals.filter((g) => g.unit === r.unit && g.objective !== undefined).length
      return { ...r, attainedLow: a.low, attainedHigh: a.high, objectives: a.total, linkedGoals }
    }),
  )
}

/**
 * Each unit with goals: its T-score (`gasScores` by unit) beside its
 * objectives' attainment under the `bounds` policy (`objectiveAttainment`),
 * so the two measures can be read side by side.
 *
 * The throwing form of {@link gasWithAttainmentEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation
 * @param goals the goals
 * @param options as {@link gasScoresEither} (`by` is always `'unit'`)
 * @returns the result (`GasAttainmentRow[]`), as {@link gasWithAttainmentEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link gasWithAttainmentEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] gasWithAttainment: …`).
 * @example
 * gasWithAttainment(mhipEvaluation, [{ id: 'g1', unit: 'acute-care', score: 1 }])[0].objectives //=> 3
 */
export const gasWithAttainment = (
  ev: Evaluation,
  goals: readonly GasGoal[],
  options: TScoreOptions = {},
): GasAttainmentRow[] => orThrow('gasWithAttainment', gasWithAttainmentEither(ev, goals, options))
