/**
 * The denominator policy: every counting choice behind an attainment
 * percentage, as one typed value with documented defaults. Two analysts with
 * the same ratings and the same policy get the same numbers; the result
 * carries the resolved policy so a reader can see what was counted.
 * @module
 */
import * as E from '../model/either.js'
import type { RatingScale } from '../model/scale.js'
import { orThrow, problemAt, type Problem, type Result, showChoices } from '../model/problem.js'
import { ownValue } from '../model/own.js'
import type { IntervalMethod } from './intervals/interval.js'
import { allMetElsePartly, ROLLUP_RULES, type RollupRule, type RollupRuleName } from './rollup.js'
import { raterRuleEither, type RaterRule } from './raters.js'

/**
 * What counts as attained, in the scale's own terms:
 * - `'top'`: the best level only;
 * - `{ top: n }`: the best n levels (`'top-two'` is `{ top: 2 }`);
 * - `{ atLeast: id }`: a named level or any better one;
 * - `{ levels: [ids] }`: an explicit set of levels;
 * - `'score-weighted'`: each level weighted by its score rescaled to [0, 1]
 *   (so k may be fractional).
 *
 * E-MHIP's names stay as aliases where they mean what they say, on a
 * three-level scale: `'met-or-partly'` (the best two of three levels) and
 * `'partly-as-half'` (score-weighted, where the middle level's score is
 * halfway). On any other scale they are refused, naming the scale's levels
 * (see `attainedRuleProblems`).
 */
export type AttainedRule =
  | 'top'
  | 'top-two'
  | 'met-or-partly'
  | 'partly-as-half'
  | 'score-weighted'
  | { readonly top: number }
  | { readonly atLeast: string }
  | { readonly levels: readonly string[] }

/** An attained rule as results report it: the aliases resolved, the rest as given. */
export type ResolvedAttained =
  | 'top'
  | 'top-two'
  | 'partly-as-half'
  | 'score-weighted'
  | { readonly top: number }
  | { readonly atLeast: string }
  | { readonly levels: readonly string[] }

/** How a total over several standards is formed. */
export type TotalMethod = 'pooled' | 'mean-of-standards'

/**
 * The denominator policy. Every field is optional; see {@link DEFAULT_POLICY}
 * for the defaults and docs/decisions.md ("Denominator policy defaults") for why.
 */
export interface DenominatorPolicy {
  /** Not applicable: left out of the denominator (`'exclude'`, default) or counted at the worst level (`'not-met'`). */
  readonly notApplicable?: 'exclude' | 'not-met'
  /** Unrated (no rating): left out (`'exclude'`, default), counted at the worst level (`'not-met'`), or refused (`'error'`). */
  readonly unrated?: 'exclude' | 'not-met' | 'error'
  /** Count one item per unit × standard (`'standards'`, default; criteria rolled up) or per unit × criterion (`'criteria'`). */
  readonly count?: 'standards' | 'criteria'
  /**
   * Attained: the best level only (`'top'`, default: "fully met" as in Table 5),
   * the best two (`'top-two'`; `'met-or-partly'` on a three-level scale), the
   * best n (`{ top: n }`), a named level or better (`{ atLeast: id }`), a set
   * of levels (`{ levels: [ids] }`), or each level weighted by its score
   * rescaled to [0, 1] (`'score-weighted'`; `'partly-as-half'` on a
   * three-level scale whose middle score is halfway; E-MHIP:
   * met 1, partly 0.5, not met 0, so k may be fractional).
   */
  readonly attained?: AttainedRule
  /**
   * Which rating counts when several raters rated one item: `'consensus'`
   * (default: the counted rating only), `'median'`, `'worst'`, `'best'`, or
   * `{ rater: id }`; the last four take the consensus rating where one is
   * recorded (see `RaterRule`).
   */
  readonly raters?: RaterRule
  /** Roll-up rule from criteria to a standard (standards counting only). Default `'all-met-else-partly'`. */
  readonly rollup?: RollupRule | RollupRuleName
  /** Totals over standards: `'pooled'` Σk/Σn (default) or `'mean-of-standards'` (mean of per-standard proportions). */
  readonly total?: TotalMethod
  /** Interval method: `'wilson'` (default) or `'clopper-pearson'`. */
  readonly interval?: IntervalMethod
  /** Confidence level of intervals. Default 0.95. */
  readonly confidence?: number
}

/** A policy with every choice made, as results report it. */
export interface ResolvedPolicy {
  readonly notApplicable: 'exclude' | 'not-met'
  readonly unrated: 'exclude' | 'not-met' | 'error'
  readonly count: 'standards' | 'criteria'
  readonly attained: ResolvedAttained
  /** Which rating counts when several raters rated an item (see `RaterRule`). */
  readonly raters: RaterRule
  /** The roll-up rule's name (`rollupRule` holds the rule itself). Reported even when counting criteria, where it is not used. */
  readonly rollup: string
  readonly rollupRule: RollupRule
  readonly total: TotalMethod
  readonly interval: IntervalMethod
  readonly confidence: number
}

/**
 * The defaults: exclude not applicable, exclude unrated (both still counted
 * and reported), count standards, attained = fully met, roll up by
 * all-met-else-partly, pooled totals, Wilson 95% intervals.
 */
export const DEFAULT_POLICY: ResolvedPolicy = {
  notApplicable: 'exclude',
  unrated: 'exclude',
  count: 'standards',
  attained: 'top',
  raters: 'consensus',
  rollup: allMetElsePartly.name,
  rollupRule: allMetElsePartly,
  total: 'pooled',
  interval: 'wilson',
  confidence: 0.95,
}

const ATTAINED: Readonly<Record<string, ResolvedAttained>> = {
  top: 'top',
  'top-two': 'top-two',
  'met-or-partly': 'top-two',
  'partly-as-half': 'partly-as-half',
  'score-weighted': 'score-weighted',
}

const ATTAINED_SHAPES = `one of ${showChoices(Object.keys(ATTAINED))}, { top: n }, { atLeast: level id } or { levels: [level ids] }`

/** Check the shape of an attained rule (levels are checked against the scale when counting). */
const resolveAttained = (out: Problem[], rule: unknown): ResolvedAttained => {
  const at = (...path: (string | number)[]) => ['policy', 'attained', ...path]
  if (rule === undefined) return 'top'
  if (typeof rule === 'string') {
    // Own names only: `toString` and the like are not rules.
    const r = ownValue(ATTAINED, rule)
    if (r === undefined) out.push(problemAt(at(), ATTAINED_SHAPES, rule, 'value'))
    return r ?? 'top'
  }
  if (typeof rule === 'object' && rule !== null && !Array.isArray(rule)) {
    // One key, and its value: `{ top: n }`, `{ atLeast: id }` or `{ levels: [ids] }`.
    const keys = Object.keys(rule)
    const key = keys.length === 1 ? keys[0] : undefined
    const v = key === undefined ? undefined : (rule as Record<string, unknown>)[key]
    if (key === 'top') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return { top: v }
      out.push(problemAt(at(key), 'a whole number ≥ 1 (how many of the best levels count)', v, 'value'))
      return 'top'
    }
    if (key === 'atLeast') {
      if (typeof v === 'string') return { atLeast: v }
      out.push(problemAt(at(key), 'a level id of the scale', v))
      return 'top'
    }
    if (key === 'levels') {
      if (Array.isArray(v) && v.length > 0 && v.every((l) => typeof l === 'string'))
        return { levels: [...(v as string[])] }
      out.push(problemAt(at(key), 'a non-empty list of level ids of the scale', v))
      return 'top'
    }
  }
  out.push(problemAt(at(), ATTAINED_SHAPES, rule))
  return 'top'
}

const oneOf = (out: Problem[], key: string, value: unknown, allowed: readonly string[]): void => {
  if (value !== undefined && !allowed.includes(value as string))
    out.push(problemAt(['policy', key], `one of ${showChoices(allowed)}`, value, 'value'))
}

/**
 * Fill in the defaults of a policy and check every field.
 *
 * Degenerate input: an unknown option value, an unknown rule name or a
 * confidence outside (0, 1) gives a `Left` with one problem per field.
 * @param policy - the policy as given (default `{}`: every default).
 * @returns `Right` with the complete policy, or `Left` with one problem per invalid field.
 * @example
 * resolvePolicyEither({ attained: 'met-or-partly' }) //=> right({ …DEFAULT_POLICY, attained: 'top-two' })
 * resolvePolicyEither({ unrated: 'ignore' })          //=> left([{ where: 'policy › unrated', expected: 'one of "exclude" | "not-met" | "error"', found: '"ignore"', … }])
 */
export const resolvePolicyEither = (policy: DenominatorPolicy = {}): Result<ResolvedPolicy> => {
  const out: Problem[] = []
  if (policy === null || typeof policy !== 'object') return E.left([problemAt(['policy'], 'a policy object', policy)])
  oneOf(out, 'notApplicable', policy.notApplicable, ['exclude', 'not-met'])
  oneOf(out, 'unrated', policy.unrated, ['exclude', 'not-met', 'error'])
  oneOf(out, 'count', policy.count, ['standards', 'criteria'])
  const attained = resolveAttained(out, policy.attained)
  const raters = raterRuleEither(policy.raters)
  if (E.isLeft(raters)) out.push(...raters.left)
  oneOf(out, 'total', policy.total, ['pooled', 'mean-of-standards'])
  oneOf(out, 'interval', policy.interval, ['wilson', 'clopper-pearson'])
  let rollupRule: RollupRule = DEFAULT_POLICY.rollupRule
  if (typeof policy.rollup === 'string') {
    const r = ownValue(ROLLUP_RULES as Record<string, RollupRule>, policy.rollup)
    if (r === undefined) oneOf(out, 'rollup', policy.rollup, Object.keys(ROLLUP_RULES))
    else rollupRule = r
  } else if (policy.rollup !== undefined) {
    const r = policy.rollup as Partial<RollupRule> | null
    if (r === null || typeof r !== 'object' || typeof r.name !== 'string' || typeof r.compile !== 'function')
      out.push(
        problemAt(['policy', 'rollup'], 'a rule name or a RollupRule { name, description, compile }', policy.rollup),
      )
    else rollupRule = r as RollupRule
  }
  const confidence = policy.confidence ?? DEFAULT_POLICY.confidence
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
    out.push(problemAt(['policy', 'confidence'], 'a number strictly between 0 and 1', confidence, 'value'))
  if (out.length > 0) return E.left(out)
  return E.right({
    notApplicable: policy.notApplicable ?? DEFAULT_POLICY.notApplicable,
    unrated: policy.unrated ?? DEFAULT_POLICY.unrated,
    count: policy.count ?? DEFAULT_POLICY.count,
    attained,
    raters: E.isRight(raters) ? raters.right : 'consensus',
    rollup: rollupRule.name,
    rollupRule,
    total: policy.total ?? DEFAULT_POLICY.total,
    interval: policy.interval ?? DEFAULT_POLICY.interval,
    confidence,
  })
}

/**
 * Fill in the defaults of a policy and check every field.
 *
 * The throwing form of {@link resolvePolicyEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown option value, an unknown rule name or a
 * confidence outside (0, 1) throws with one problem per field.
 * @param policy
 * @returns the result (`ResolvedPolicy`), as {@link resolvePolicyEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link resolvePolicyEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] resolvePolicy: …`).
 * @example
 * resolvePolicy({ count: 'criteria' }).count //=> 'criteria'
 * resolvePolicy({ count: 'items' }) //=> throws 'count'
 */
export const resolvePolicy = (policy: DenominatorPolicy = {}): ResolvedPolicy =>
  orThrow('resolvePolicy', resolvePolicyEither(policy))

/**
 * Check an attained rule against the scale it is counted on: the levels it
 * names must be on the scale, `{ top: n }` may name at most every level, and E-MHIP's aliases
 * are refused where they would not mean what they say:
 * - `'met-or-partly'` only on a three-level scale (the best two of three);
 * - `'partly-as-half'` only on a three-level scale whose middle score is
 *   halfway between the others (so it weighs one half).
 * @param given - the rule as the caller gave it (before aliases are resolved).
 * @param scale - the scale counted on.
 * @returns the problems, at `policy.attained`; empty when the rule fits.
 * @example
 * attainedRuleProblems('met-or-partly', emhipFramework.scale) //=> []
 * // ev's second instrument rates on four levels (excellent | good | fair | poor)
 * const quality = ev.instruments[0].scale
 * attainedRuleProblems({ top: 2 }, quality) //=> []
 * attainedRuleProblems('met-or-partly', quality)
 * //=> [{ where: 'policy › attained', expected: '"met-or-partly" only on a three-level scale (the best two of three levels); scale quality has 4 levels (excellent | good | fair | poor): …', … }]
 */
export const attainedRuleProblems = (given: unknown, scale: RatingScale): Problem[] => {
  const ids = scale.levels.map((l): string => l.id)
  const levels = `${ids.length} level${ids.length === 1 ? '' : 's'} (${ids.join(' | ')})`
  const instead = 'say { top: n }, { atLeast: level id } or { levels: [level ids] }'
  const refuse = (expected: string, path: (string | number)[] = [], found: unknown = given): Problem[] => [
    problemAt(['policy', 'attained', ...path], expected, found, 'value'),
  ]
  if (given === 'met-or-partly' && ids.length !== 3)
    return refuse(
      `"met-or-partly" only on a three-level scale (the best two of three levels); scale ${scale.id} has ${levels}: ${instead}`,
    )
  if (given === 'partly-as-half') {
    const [a, b, c] = scale.levels.map((l) => l.score)
    const halfway =
      ids.length === 3 &&
      a !== undefined &&
      b !== undefined &&
      c !== undefined &&
      a !== c &&
      Math.abs((b - c) / (a - c) - 0.5) < 1e-12
    if (!halfway)
      return refuse(
        `"partly-as-half" only on a three-level scale whose middle score is halfway; scale ${scale.id} has ${levels}` +
          ` with scores ${scale.levels.map((l) => l.score).join(' / ')}: say "score-weighted" (each level weighted by its rescaled score)`,
      )
  }
  if (typeof given !== 'object' || given === null) return []
  const o = given as { top?: unknown; atLeast?: unknown; levels?: unknown }
  if (typeof o.top === 'number' && o.top > ids.length)
    return refuse(`at most ${ids.length} (the levels of scale ${scale.id}: ${ids.join(' | ')})`, ['top'], o.top)
  const aLevel = `a level of scale ${scale.id} (${ids.join(' | ')})`
  if (typeof o.atLeast === 'string' && !ids.includes(o.atLeast)) return refuse(aLevel, ['atLeast'], o.atLeast)
  if (Array.isArray(o.levels)) {
    const out: Problem[] = []
    o.levels.forEach((id: unknown, i: number) => {
      if (!ids.includes(id as string)) out.push(...refuse(aLevel, ['levels', i], id))
      else if (o.levels !== undefined && (o.levels as unknown[]).indexOf(id) < i)
        out.push(...refuse('a level not listed before', ['levels', i], id))
    })
    return out
  }
  return []
}

/**
 * Every combination of the discrete policy options (2 × 3 × 2 × 3 × 2 = 72
 * with `unrated: 'error'`), for running one test suite over all of them.
 * @returns the 72 policies, one per combination.
 * @example
 * policyCombinations().length //=> 72
 */
export const policyCombinations = (): DenominatorPolicy[] => {
  const out: DenominatorPolicy[] = []
  for (const notApplicable of ['exclude', 'not-met'] as const)
    for (const unrated of ['exclude', 'not-met', 'error'] as const)
      for (const count of ['standards', 'criteria'] as const)
        for (const attained of ['top', 'top-two', 'partly-as-half'] as const)
          for (const total of ['pooled', 'mean-of-standards'] as const)
            out.push({ notApplicable, unrated, count, attained, total })
  return out
}
