/**
 * Roll-up rules: how criterion ratings become a standard rating. The E-MHIP
 * report states no rule (DOMAIN §2), so the rule is always named and
 * selectable, and an explicit standard rating always wins over it.
 *
 * A rule sees the counts of a unit's criterion ratings per level (best first),
 * not-applicable and unrated criteria left out, with at least one rated
 * criterion. Rules work on any data-defined scale.
 * @module
 */
import * as E from '../model/either.js'
import type { Framework } from '../model/framework.js'
import type { LevelId, StandardId } from '../model/ids.js'
import type { RoundRatings } from '../model/ratings.js'
import type { NotApplicable, RatingScale } from '../model/scale.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { codeOfLevel, compileFramework, unitCodes, type CompiledFramework } from './compile.js'
import { CODE_INVALID } from '../model/rating-codes.js'
import { findStandard } from './lookup.js'
import { bump } from './tally.js'
import { cached } from '../model/cached.js'

/** Decides a level index from criterion counts per level (indices 0 … levels−1). */
export type RollupDecision = (counts: ArrayLike<number>) => number

/** A named roll-up rule. `compile` prepares it for one scale. */
export interface RollupRule {
  /** The name results report as their source, e.g. `"worst-of"`. */
  readonly name: string
  /** One line a report can print. */
  readonly description: string
  /** Prepare the rule for a scale. Returns −1 for "no valid level" (a custom rule's mistake). */
  readonly compile: (scale: RatingScale) => RollupDecision
}

const rule = (name: string, description: string, compile: (scale: RatingScale) => RollupDecision): RollupRule => ({
  name,
  description,
  compile,
})

const rated = (counts: ArrayLike<number>, levels: number): number => {
  let n = 0
  for (let l = 0; l < levels; l++) n += counts[l] as number
  return n
}

/**
 * Worst-of: the standard takes the worst level any of its rated criteria has.
 * The strictest rule ("a chain is as strong as its weakest link").
 * @example
 * // criteria met, partly, met → partly
 * const ratings = { '2.4.1': { level: 'met' }, '2.4.2': { level: 'partly' }, '2.4.3': { level: 'met' } }
 * rollupUnit(emhipFramework, ratings, worstOf).find((r) => r.standard === '2.4')?.level //=> 'partly'
 * // the compiled rule reads counts per level (met, partly, not met): met, met, not met → not met
 * worstOf.compile(emhipScale)([2, 0, 1]) //=> 2
 */
export const worstOf: RollupRule = rule('worst-of', 'the worst level of any rated criterion', (scale) => {
  const L = scale.levels.length
  return (counts) => {
    for (let l = L - 1; l > 0; l--) if ((counts[l] as number) > 0) return l
    return 0
  }
})

/** Options of {@link allMetElsePartlyRule}. */
export interface AllMetElsePartlyOptions {
  /** The level given when criteria are mixed. Default: the level just above the worst (E-MHIP `partly`); the worst on a two-level scale. */
  readonly partly?: string
}

/**
 * All-met-else-partly: the best level only if every rated criterion has it,
 * the worst level only if every rated criterion has it, otherwise `partly`.
 * The audit reading of "met / partly met / not met".
 *
 * Degenerate input: an unknown `partly` level makes every decision invalid,
 * which attainment reports as a problem.
 * @param options - `partly`: the level id given when criteria are mixed
 * (default the level just above the worst).
 * @returns the rule, named `all-met-else-partly`.
 * @example
 * // the compiled rule reads counts per level (met, partly, not met) and gives a level index
 * const decide = allMetElsePartlyRule().compile(emhipScale)
 * decide([2, 0, 0]) //=> 0 // met, met → met
 * decide([0, 0, 2]) //=> 2 // not met, not met → not met
 * decide([1, 0, 1]) //=> 1 // met, not met → partly
 */
export const allMetElsePartlyRule = (options?: AllMetElsePartlyOptions): RollupRule =>
  rule(
    'all-met-else-partly',
    'the best level if all rated criteria have it, the worst if all have that, otherwise partly',
    (scale) => {
      const L = scale.levels.length
      const partly =
        options?.partly === undefined
          ? L >= 3
            ? L - 2
            : L - 1
          : scale.levels.findIndex((l) => l.id === options.partly)
      return (counts) => {
        const n = rated(counts, L)
        if (counts[0] === n) return 0
        if (counts[L - 1] === n) return L - 1
        return partly
      }
    },
  )

/** The default all-met-else-partly rule (partly = the level above the worst). */
export const allMetElsePartly: RollupRule = /*#__PURE__*/ allMetElsePartlyRule()

/** Options of {@link majorityRule}. */
export interface MajorityOptions {
  /** Which level wins a tie for the most criteria. Default `'worse'` (conservative). */
  readonly ties?: 'worse' | 'better'
}

/**
 * Majority (plurality): the level held by the most rated criteria; a tie goes
 * to the worse level unless `ties: 'better'`.
 * @param options - `ties`: `'worse'` (default) or `'better'`.
 * @returns the rule, named `majority`.
 * @example
 * // counts per level (met, partly, not met) → a level index
 * majorityRule().compile(emhipScale)([2, 0, 1]) //=> 0 // met, met, not met → met
 * majorityRule().compile(emhipScale)([1, 0, 1]) //=> 2 // met, not met: a tie, the worse wins
 * majorityRule({ ties: 'better' }).compile(emhipScale)([1, 0, 1]) //=> 0
 */
export const majorityRule = (options?: MajorityOptions): RollupRule => {
  const better = options?.ties === 'better'
  return rule(
    'majority',
    `the level of most rated criteria (ties to the ${better ? 'better' : 'worse'} level)`,
    (scale) => {
      const L = scale.levels.length
      return (counts) => {
        let best = 0
        for (let l = 1; l < L; l++) {
          const c = counts[l] as number
          const b = counts[best] as number
          if (c > b || (c === b && !better)) best = l
        }
        return best
      }
    },
  )
}

/** The default majority rule (ties to the worse level). */
export const majority: RollupRule = /*#__PURE__*/ majorityRule()

/** Options of {@link meanScoreRule}. */
export interface MeanScoreOptions {
  /**
   * Minimum mean score for each level but the worst, best first (length
   * levels − 1, decreasing). Default: the midpoints between adjacent level
   * scores, i.e. the mean rounded to the nearest level, halves upward
   * (E-MHIP: met ≥ 0.75, partly ≥ 0.25).
   */
  readonly cutPoints?: readonly number[]
}

/**
 * Check mean-score cut points: a list of finite numbers, strictly
 * decreasing (best level's first), so that every band between two cut points
 * has a width and no mean falls in two. Each cut point is a closed lower end
 * (a mean equal to it reaches that level); the best level's band is open
 * above and the worst level's open below, so the ends are never ambiguous.
 * The number of cut points (levels − 1) is checked against the scale when the
 * rule is used.
 * @param cutPoints - the cut points as given (anything: each is checked).
 * @returns the problems, at `cutPoints[i]`; empty when the cut points are valid.
 * @example
 * cutPointProblems([NaN, 0]) //=> [{ path: ['cutPoints', 0], expected: 'a finite number', found: 'NaN', … }]
 * cutPointProblems([1, 1])
 * //=> [{ path: ['cutPoints', 1], expected: 'a cut point below 1 (cut points strictly decrease, best level first; equal ones leave a band of zero width: a mean of 1 would be in two bands)', … }]
 */
export const cutPointProblems = (cutPoints: unknown): Problem[] => {
  const where = (i?: number) => (i === undefined ? 'mean-score rule › cutPoints' : `mean-score rule › cutPoints[${i}]`)
  if (!Array.isArray(cutPoints))
    return [
      problem(
        ['cutPoints'],
        'a list of numbers (one per level but the worst, best first)',
        cutPoints,
        'shape',
        where(),
      ),
    ]
  const out: Problem[] = []
  let prev: number | undefined
  cutPoints.forEach((x: unknown, i) => {
    if (typeof x !== 'number') return void out.push(problem(['cutPoints', i], 'a finite number', x, 'shape', where(i)))
    if (!Number.isFinite(x)) return void out.push(problem(['cutPoints', i], 'a finite number', x, 'value', where(i)))
    if (prev !== undefined && x === prev)
      out.push(
        problem(
          ['cutPoints', i],
          `a cut point below ${prev} (cut points strictly decrease, best level first; equal ones leave a band of zero width: a mean of ${prev} would be in two bands)`,
          x,
          'value',
          where(i),
        ),
      )
    else if (prev !== undefined && x > prev)
      out.push(
        problem(
          ['cutPoints', i],
          `a cut point below ${prev} (cut points strictly decrease, best level first; means from ${prev} to ${x} would be in two bands)`,
          x,
          'value',
          where(i),
        ),
      )
    prev = x
  })
  return out
}

/**
 * Mean score with cut points: the mean of the rated criteria's level scores,
 * mapped to the first level whose cut point it reaches (a mean equal to a cut
 * point reaches it).
 *
 * Degenerate input: cut points that are not finite, not strictly decreasing
 * or equal (a band of zero width) give a `Left` (see `cutPointProblems`); cut
 * points of the wrong length for a scale give invalid decisions, reported by
 * attainment as problems.
 * @param options - `cutPoints`: one per level but the last, strictly
 * decreasing; default halfway between neighbouring level scores.
 * @returns `Right` with the rule, named `mean-score`, or `Left` with the
 * problems of the cut points.
 * @example
 * // E-MHIP scores 1 / 0.5 / 0: met, partly, not met → mean 0.5 → partly (index 1)
 * const r = meanScoreRuleEither()
 * isRight(r) && r.right.compile(emhipScale)([1, 1, 1]) //=> 1
 * meanScoreRuleEither({ cutPoints: [1, 1] })
 * //=> left([{ where: 'mean-score rule › cutPoints[1]', expected: 'a cut point below 1 (…', found: '1', … }])
 */
export const meanScoreRuleEither = (options?: MeanScoreOptions): Result<RollupRule> => {
  if (options?.cutPoints !== undefined) {
    const bad = cutPointProblems(options.cutPoints)
    if (bad.length > 0) return E.left(bad)
  }
  return E.right(meanScoreOf(options))
}

/** The mean-score rule for cut points already checked (or none: the nearest level). */
const meanScoreOf = (options?: MeanScoreOptions): RollupRule =>
  rule(
    'mean-score',
    `the mean level score against cut points${options?.cutPoints ? ` ${options.cutPoints.join(' / ')}` : ' (nearest level)'}`,
    (scale) => {
      const L = scale.levels.length
      const scores = scale.levels.map((l) => l.score)
      const cuts = options?.cutPoints ?? scores.slice(1).map((s, i) => ((scores[i] as number) + s) / 2)
      if (cuts.length !== L - 1) return () => -1
      return (counts) => {
        let n = 0
        let sum = 0
        for (let l = 0; l < L; l++) {
          n += counts[l] as number
          sum += (counts[l] as number) * (scores[l] as number)
        }
        const mean = sum / n
        for (let l = 0; l < L - 1; l++) if (mean >= (cuts[l] as number) - 1e-12) return l
        return L - 1
      }
    },
  )

/**
 * Mean score with cut points: the mean of the rated criteria's level scores,
 * mapped to the first level whose cut point it reaches (a mean equal to a cut
 * point reaches it).
 *
 * The throwing form of {@link meanScoreRuleEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: cut points that are not finite, not strictly decreasing
 * or equal (a band of zero width) throws (see `cutPointProblems`); cut
 * points of the wrong length for a scale give invalid decisions, reported by
 * attainment as problems.
 * @param options `cutPoints`: one per level but the last, strictly decreasing (a mean at or above a cut point reaches its level)
 * @returns the result (`RollupRule`), as {@link meanScoreRuleEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link meanScoreRuleEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] meanScoreRule: …`).
 * @example
 * // met, met, partly: mean (1 + 1 + 0.5) / 3 = 0.833, below the cut point 1 for met → partly
 * meanScoreRule({ cutPoints: [1, 0.5] }).compile(emhipScale)([2, 1, 0]) //=> 1
 * meanScoreRule({ cutPoints: [NaN, 0] }) //=> throws 'cutPoints[0]'
 */
export const meanScoreRule = (options?: MeanScoreOptions): RollupRule =>
  orThrow('meanScoreRule', meanScoreRuleEither(options))

/** The default mean-score rule (nearest level, halves upward). */
export const meanScore: RollupRule = /*#__PURE__*/ meanScoreOf()

/**
 * A custom roll-up rule from a function of the criterion counts per level id.
 * It returns a level id of the scale; anything else is reported by attainment
 * as a problem. Slower than the built-in rules (it builds a record per call).
 * @param name the name results report as their source
 * @param decide counts per level id (rated criteria only) → level id
 * @param description - what the rule does, in words (default `'a custom rule'`).
 * @returns the rule, under `name`.
 * @example
 * const twoThirds = customRule('two-thirds-met', (c) => (c.met >= 2 * (c.partly + c['not-met']) ? 'met' : 'not-met'))
 * twoThirds.compile(emhipScale)([2, 1, 0]) //=> 0 // met, met, partly: two thirds met → met (index 0)
 * twoThirds.compile(emhipScale)([1, 1, 0]) //=> 2 // met, partly → not met (index 2)
 */
export const customRule = (
  name: string,
  decide: (counts: Readonly<Record<string, number>>, scale: RatingScale) => string,
  description = 'a custom rule',
): RollupRule =>
  rule(name, description, (scale) => {
    const ids = scale.levels.map((l) => l.id as string)
    return (counts) => {
      const record: Record<string, number> = Object.create(null)
      ids.forEach((id, i) => (record[id] = counts[i] as number))
      const out = decide(record, scale)
      return ids.indexOf(out)
    }
  })

/** The built-in rules by name. */
export const ROLLUP_RULES = {
  'worst-of': worstOf,
  'all-met-else-partly': allMetElsePartly,
  majority,
  'mean-score': meanScore,
} as const satisfies Record<string, RollupRule>

/** The name of a built-in roll-up rule: `'worst-of'`, `'all-met-else-partly'`, `'majority'` or `'mean-score'`. */
export type RollupRuleName = keyof typeof ROLLUP_RULES

const decisions = new WeakMap<RollupRule, WeakMap<RatingScale, RollupDecision>>()

/**
 * A rule compiled for a scale, cached per (rule, scale) object pair.
 * @internal
 */
export const compiledRule = (r: RollupRule, scale: RatingScale): RollupDecision => {
  return cached(
    cached(decisions, r, () => new WeakMap()),
    scale,
    () => r.compile(scale),
  )
}

/**
 * The code (level index, na, unrated, or −1 for a rule's invalid answer) a
 * unit gets for standard `s` from its criteria, given their counts in
 * `scratch` (width cells). Shared by the counting engine and the explanations.
 * @internal
 */
export const rolledCode = (c: CompiledFramework, scratch: ArrayLike<number>, decide: RollupDecision): number => {
  if (rated(scratch, c.levels) > 0) {
    const l = decide(scratch)
    return Number.isInteger(l) && l >= 0 && l < c.levels ? l : -1
  }
  return (scratch[c.na] as number) > 0 && scratch[c.unrated] === 0 ? c.na : c.unrated
}

/**
 * The rating of `id`, if `ratings` has one of its own (not an inherited key of a plain object).
 * @internal
 */
export const ownRating = (ratings: RoundRatings | undefined, id: string): { readonly level: string } | undefined =>
  ratings !== undefined && Object.hasOwn(ratings, id) ? (ratings as Record<string, { level: string }>)[id] : undefined

/**
 * Fill `scratch` with the counts of standard s's criteria, from one unit's
 * codes (see `unitCodes`), which start at byte `from` of `codes` (default
 * 0; packed codes hold many units); returns the count of levels not on the
 * scale.
 * @internal
 * @example
 * import { compileFramework, unitCodes } from './compile.js'
 * const c = compileFramework(emhipFramework)
 * const scratch = new Float64Array(c.width)
 * // ev's Acute care in r1: 2.4.1 met, 2.4.2 partly, 2.4.3 met (2.4 is standard 5)
 * countCriteria(c, unitCodes(c, ev.sites[0].units[0].ratings.r1), 5, scratch) //=> 0 // no invalid level
 * scratch //=> [2, 1, 0, 0, 0, 0] // met, partly, not met, n/a, unrated, explicit
 */
export const countCriteria = (
  c: CompiledFramework,
  codes: Uint8Array,
  s: number,
  scratch: Float64Array,
  from = 0,
): number => {
  scratch.fill(0)
  let invalid = 0
  const end = from + (c.criteriaStart[s + 1] as number)
  for (let j = from + (c.criteriaStart[s] as number); j < end; j++) {
    const code = codes[j] as number
    if (code === CODE_INVALID) invalid++
    else bump(scratch, code)
  }
  return invalid
}

/** A unit's rating of one standard, and where it came from. */
export interface StandardRating {
  readonly standard: StandardId
  /** The level, `"na"`, or `null` when the standard is unrated (no explicit rating and no rated criterion). */
  readonly level: LevelId | NotApplicable | null
  /** `'explicit'` when the standard itself was rated, else the roll-up rule's name, or `'none'` when unrated. */
  readonly source: string
  /** The unit's criterion ratings of this standard, per level id, with na and unrated. */
  readonly criteria: {
    readonly counts: Readonly<Record<string, number>>
    readonly na: number
    readonly unrated: number
  }
}

const toRating = (
  c: CompiledFramework,
  s: number,
  ratings: RoundRatings | undefined,
  r: RollupRule,
  scratch: Float64Array,
  codes: Uint8Array,
): Result<StandardRating> => {
  const standard = c.standardIds[s] as StandardId
  const invalid = countCriteria(c, codes, s, scratch)
  const counts: Record<string, number> = {}
  c.levelIds.forEach((id, i) => (counts[id] = scratch[i] as number))
  const criteria = { counts, na: scratch[c.na] as number, unrated: scratch[c.unrated] as number }
  const explicit = ownRating(ratings, standard)
  const levelIds = `${c.levelIds.join(' | ')} or "na"`
  if (explicit !== undefined) {
    if (!c.levelCode.has(explicit.level))
      return E.left([
        problem(
          [standard, 'level'],
          `a level of scale ${c.scale.id} (${levelIds})`,
          explicit.level,
          'value',
          `rating ${standard}`,
        ),
      ])
    return E.right({ standard, level: explicit.level as LevelId | NotApplicable, source: 'explicit', criteria })
  }
  if (invalid > 0)
    return E.left([
      problem(
        [standard],
        `criterion levels of scale ${c.scale.id} (${levelIds})`,
        `${invalid} rating(s) with other levels`,
        'value',
        `standard ${standard} › criteria`,
      ),
    ])
  const code = rolledCode(c, scratch, compiledRule(r, c.scale))
  if (code === -1)
    return E.left([
      problem(
        [standard],
        `roll-up rule ${r.name} to give a level of scale ${c.scale.id}`,
        'something else',
        'value',
        `standard ${standard} › roll-up ${r.name}`,
      ),
    ])
  if (code === c.unrated) return E.right({ standard, level: null, source: 'none', criteria })
  return E.right({
    standard,
    level: code === c.na ? NOT_APPLICABLE : (c.levelIds[code] as LevelId),
    source: r.name,
    criteria,
  })
}

/**
 * Roll one unit's ratings up to every standard of the framework: an explicit
 * standard rating wins; otherwise the rule decides from the rated criteria;
 * a standard whose criteria are all not applicable is `"na"`; one with no
 * rated criterion otherwise is unrated (`level: null`, `source: 'none'`).
 *
 * Degenerate input: `ratings` undefined (the unit was not rated in a round)
 * gives every standard unrated; a level not on the scale, or a custom rule
 * answering with no level, gives a `Left` naming the standard.
 * @param framework the framework (its scale decides the levels)
 * @param ratings one unit's ratings in one round, keyed by standard or criterion id
 * @param r the roll-up rule, default {@link allMetElsePartly}
 * @returns `Right` with one rating per standard, in framework order, or `Left`
 * with the problems.
 * @example
 * // 2.4 is rated itself (explicit); 3.2's criteria are met and not met, so worst-of gives not met
 * const rolled = rollupUnitEither(emhipFramework, { '2.4': { level: 'met' }, '3.2.1': { level: 'met' }, '3.2.2': { level: 'not-met' } }, worstOf)
 * isRight(rolled) && rolled.right.filter((r) => r.standard === '2.4' || r.standard === '3.2')
 * //=> [{ standard: '2.4', level: 'met', source: 'explicit', … }, { standard: '3.2', level: 'not-met', source: 'worst-of', … }]
 */
export const rollupUnitEither = (
  framework: Framework,
  ratings: RoundRatings | undefined,
  r: RollupRule = allMetElsePartly,
): Result<readonly StandardRating[]> => {
  const c = compileFramework(framework)
  const scratch = new Float64Array(c.width)
  const codes = unitCodes(c, ratings)
  const out: StandardRating[] = []
  const problems = []
  for (let s = 0; s < c.standardIds.length; s++) {
    const one = toRating(c, s, ratings, r, scratch, codes)
    if (E.isLeft(one)) problems.push(...one.left)
    else out.push(one.right)
  }
  return problems.length > 0 ? E.left(problems) : E.right(out)
}

/**
 * Roll one unit's ratings up to every standard of the framework: an explicit
 * standard rating wins; otherwise the rule decides from the rated criteria;
 * a standard whose criteria are all not applicable is `"na"`; one with no
 * rated criterion otherwise is unrated (`level: null`, `source: 'none'`).
 *
 * The throwing form of {@link rollupUnitEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: `ratings` undefined (the unit was not rated in a round)
 * gives every standard unrated; a level not on the scale, or a custom rule
 * answering with no level, throws naming the standard.
 * @param framework the framework (its scale decides the levels)
 * @param ratings one unit's ratings in one round, keyed by standard or criterion id
 * @param r the roll-up rule, default {@link allMetElsePartly}
 * @returns the result (`readonly StandardRating[]`), as {@link rollupUnitEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link rollupUnitEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] rollupUnit: …`).
 * @example
 * rollupUnit(emhipFramework, {}, worstOf)[0] //=> { standard: '1.1', level: null, source: 'none', … }
 */
export const rollupUnit = (
  framework: Framework,
  ratings: RoundRatings | undefined,
  r: RollupRule = allMetElsePartly,
): readonly StandardRating[] => orThrow('rollupUnit', rollupUnitEither(framework, ratings, r))

/**
 * Roll one unit's ratings up to one standard, found by id or wording (see
 * {@link rollupUnitEither} for the rule).
 *
 * Degenerate input: an unknown standard gives a `Left` from the lookup.
 * @param framework - the framework (its scale decides the levels).
 * @param ratings - one unit's ratings in one round, keyed by standard or criterion id.
 * @param standard - the standard's id or wording.
 * @param r - the roll-up rule, default {@link allMetElsePartly}.
 * @returns `Right` with the standard's rating, or `Left` with the problems.
 * @example
 * rollupStandardEither(emhipFramework, { '3.2.1': { level: 'met' }, '3.2.2': { level: 'met' } }, '3.2')
 * //=> right({ standard: '3.2', level: 'met', source: 'all-met-else-partly', … })
 */
export const rollupStandardEither = (
  framework: Framework,
  ratings: RoundRatings | undefined,
  standard: string,
  r: RollupRule = allMetElsePartly,
): Result<StandardRating> => {
  const found = findStandard(framework, standard)
  if (E.isLeft(found)) return found
  const c = compileFramework(framework)
  return toRating(
    c,
    c.standardIds.indexOf(found.right.id),
    ratings,
    r,
    new Float64Array(c.width),
    unitCodes(c, ratings),
  )
}

/**
 * Roll one unit's ratings up to one standard, found by id or wording (see
 * {@link rollupUnitEither} for the rule).
 *
 * The throwing form of {@link rollupStandardEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown standard throws from the lookup.
 * @param framework the framework (its scale decides the levels)
 * @param ratings one unit's ratings in one round, keyed by standard or criterion id
 * @param standard a standard id or its wording
 * @param r the roll-up rule, default {@link allMetElsePartly}
 * @returns the result (`StandardRating`), as {@link rollupStandardEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link rollupStandardEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] rollupStandard: …`).
 * @example
 * rollupStandard(emhipFramework, { '3.2': { level: 'partly' } }, '3.2').source //=> 'explicit'
 */
export const rollupStandard = (
  framework: Framework,
  ratings: RoundRatings | undefined,
  standard: string,
  r: RollupRule = allMetElsePartly,
): StandardRating => orThrow('rollupStandard', rollupStandardEither(framework, ratings, standard, r))

/**
 * Each standard's code for one unit (level index, na, unrated, or −1 for an
 * invalid level or rule answer): explicit ratings win, else the rule.
 * @internal
 */
export const standardCodes = (c: CompiledFramework, ratings: RoundRatings | undefined, r: RollupRule): Int32Array => {
  const out = new Int32Array(c.standardIds.length)
  const scratch = new Float64Array(c.width)
  const decide = compiledRule(r, c.scale)
  const codes = unitCodes(c, ratings)
  for (let s = 0; s < out.length; s++) {
    const explicit = ownRating(ratings, c.standardIds[s] as string)
    if (explicit !== undefined) out[s] = codeOfLevel(c.levelKeys, explicit.level)
    else out[s] = countCriteria(c, codes, s, scratch) > 0 ? -1 : rolledCode(c, scratch, decide)
  }
  return out
}
