/**
 * The denominator policy: every counting choice behind an attainment
 * percentage, as one typed value with documented defaults. Two analysts with
 * the same ratings and the same policy get the same numbers; the result
 * carries the resolved policy so a reader can see what was counted.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { problem, type Problem, type Result } from '../model/problem.js'
import { ownValue } from '../model/own.js'
import type { IntervalMethod } from './intervals/interval.js'
import { allMetElsePartly, ROLLUP_RULES, type RollupRule, type RollupRuleName } from './rollup.js'

/** What counts as attained. `'met-or-partly'` is an alias of `'top-two'`, `'score-weighted'` of `'partly-as-half'`. */
export type AttainedRule = 'top' | 'top-two' | 'met-or-partly' | 'partly-as-half' | 'score-weighted'

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
   * the best two (`'top-two'` = `'met-or-partly'`), or each level weighted by its
   * score rescaled to [0, 1] (`'partly-as-half'` = `'score-weighted'`; E-MHIP:
   * met 1, partly 0.5, not met 0, so k may be fractional).
   */
  readonly attained?: AttainedRule
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
  readonly attained: 'top' | 'top-two' | 'partly-as-half'
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
  rollup: allMetElsePartly.name,
  rollupRule: allMetElsePartly,
  total: 'pooled',
  interval: 'wilson',
  confidence: 0.95,
}

const ATTAINED: Record<AttainedRule, ResolvedPolicy['attained']> = {
  top: 'top',
  'top-two': 'top-two',
  'met-or-partly': 'top-two',
  'partly-as-half': 'partly-as-half',
  'score-weighted': 'partly-as-half',
}

const oneOf = (
  out: Problem[],
  key: string,
  value: unknown,
  allowed: readonly string[],
): void => {
  if (value !== undefined && !allowed.includes(value as string))
    out.push(problem(['policy', key], `one of ${allowed.map((a) => JSON.stringify(a)).join(' | ')}`, value, 'value', `policy › ${key}`))
}

/**
 * Fill in the defaults of a policy and check every field.
 *
 * Degenerate input: an unknown option value, an unknown rule name or a
 * confidence outside (0, 1) gives a `Left` with one problem per field.
 * @example
 * resolvePolicy({ attained: 'met-or-partly' }) //=> right({ …DEFAULT_POLICY, attained: 'top-two' })
 * resolvePolicy({ unrated: 'ignore' })          //=> left([{ where: 'policy › unrated', expected: 'one of "exclude" | "not-met" | "error"', found: '"ignore"', … }])
 */
export const resolvePolicy = (policy: DenominatorPolicy = {}): Result<ResolvedPolicy> => {
  const out: Problem[] = []
  if (policy === null || typeof policy !== 'object') return E.left([problem(['policy'], 'a policy object', policy, 'shape', 'policy')])
  oneOf(out, 'notApplicable', policy.notApplicable, ['exclude', 'not-met'])
  oneOf(out, 'unrated', policy.unrated, ['exclude', 'not-met', 'error'])
  oneOf(out, 'count', policy.count, ['standards', 'criteria'])
  oneOf(out, 'attained', policy.attained, Object.keys(ATTAINED))
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
      out.push(problem(['policy', 'rollup'], 'a rule name or a RollupRule { name, description, compile }', policy.rollup, 'shape', 'policy › rollup'))
    else rollupRule = r as RollupRule
  }
  const confidence = policy.confidence ?? DEFAULT_POLICY.confidence
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1))
    out.push(problem(['policy', 'confidence'], 'a number strictly between 0 and 1', confidence, 'value', 'policy › confidence'))
  if (out.length > 0) return E.left(out)
  return E.right({
    notApplicable: policy.notApplicable ?? DEFAULT_POLICY.notApplicable,
    unrated: policy.unrated ?? DEFAULT_POLICY.unrated,
    count: policy.count ?? DEFAULT_POLICY.count,
    attained: ATTAINED[policy.attained ?? 'top'],
    rollup: rollupRule.name,
    rollupRule,
    total: policy.total ?? DEFAULT_POLICY.total,
    interval: policy.interval ?? DEFAULT_POLICY.interval,
    confidence,
  })
}

/**
 * Every combination of the discrete policy options (2 × 3 × 2 × 3 × 2 = 72
 * with `unrated: 'error'`), for running one test suite over all of them.
 * @example
 * policyCombinations().length //=> 72
 */
export const policyCombinations = (): DenominatorPolicy[] => {
  const out: DenominatorPolicy[] = []
  for (const notApplicable of ['exclude', 'not-met'] as const)
    for (const unrated of ['exclude', 'not-met', 'error'] as const)
      for (const count of ['standards', 'criteria'] as const)
        for (const attained of ['top', 'top-two', 'partly-as-half'] as const)
          for (const total of ['pooled', 'mean-of-standards'] as const) out.push({ notApplicable, unrated, count, attained, total })
  return out
}
