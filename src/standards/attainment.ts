/**
 * Standards attainment: what share of units met each standard, per site, per
 * round, per section and overall, under an explicit denominator policy.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { LevelId, RoundId, SiteId } from '../model/ids.js'
import { orThrow, type Result } from '../model/problem.js'
import { compileFramework, tallyLength, type CompiledFramework } from './compile.js'
import { counter, siteCells, type CountMode } from './count.js'
import { attainedWeights, deriveScope, type ScopeAttainment } from './derive.js'
import { levelProblems, unratedProblems } from './attainment-problems.js'
import { resolvePolicy, type DenominatorPolicy, type ResolvedPolicy } from './policy.js'
import type { RollupRule } from './rollup.js'
import { addInto } from './tally.js'

/** Options of {@link attainmentEither}: the denominator policy, plus whether to use the caches. */
export interface AttainmentOptions extends DenominatorPolicy {
  /**
   * Reuse unit and site tallies counted before for the same (immutable)
   * objects. Default true. False counts every unit afresh (for benchmarks of
   * a cold count); a decoded document is still counted from the rating codes
   * the decoder wrote (its rating records are frozen, so they cannot differ).
   */
  readonly cache?: boolean
}

/** Every attainment figure of an evaluation under one policy. */
export interface AttainmentResult {
  /** The policy actually used, every default filled in. */
  readonly policy: ResolvedPolicy
  /** The framework's id. */
  readonly framework: string
  /** The scale's level ids, best first (the keys of every `counts`). */
  readonly levels: readonly LevelId[]
  /**
   * Every scope, in this order: for each round, each site then all sites
   * (`site: null`); then all rounds together (`round: null`), each site then
   * all sites.
   */
  readonly scopes: readonly ScopeAttainment[]
  /** All rounds and all sites together (the last scope). */
  readonly overall: ScopeAttainment
}

const ruleIds = new WeakMap<RollupRule, number>()
let nextRuleId = 0
const ruleId = (r: RollupRule): number => {
  let id = ruleIds.get(r)
  if (id === undefined) ruleIds.set(r, (id = nextRuleId++))
  return id
}
/** Everything in a resolved policy that changes derived figures, as one string (built once per call). */
const policyKey = (p: ResolvedPolicy): string =>
  `${p.notApplicable}|${p.unrated}|${p.count}|${p.attained}|${p.total}|${p.interval}|${p.confidence}|${ruleId(p.rollupRule)}`

// A site's cells are cached against the site object, so an unchanged site
// hands back the same array, and its derived figures can be reused too:
// cells → policy key → round (null for all rounds) → scope. The site is
// implied by the cells. Nesting (rather than one key string per site) keeps
// a recount after one edit from building and hashing a string per site.
const derived = new WeakMap<Float64Array, Map<string, Map<RoundId | null, ScopeAttainment>>>()

/**
 * The figures of one site scope: `make()` (by default derived from the
 * cells), or when `cache` is on, the figures made before for the same cells,
 * policy and round.
 */
type SiteScope = (cells: Float64Array, round: RoundId | null, site: SiteId, make?: () => ScopeAttainment) => ScopeAttainment

const siteScopes = (c: CompiledFramework, p: ResolvedPolicy, weights: Float64Array, cache: boolean): SiteScope => {
  const derive = (cells: Float64Array, round: RoundId | null, site: SiteId) => (): ScopeAttainment => deriveScope(c, cells, p, weights, round, site)
  if (!cache) return (cells, round, site, make = derive(cells, round, site)) => make()
  const key = policyKey(p)
  return (cells, round, site, make = derive(cells, round, site)) => {
    let byKey = derived.get(cells)
    if (byKey === undefined) derived.set(cells, (byKey = new Map()))
    let byRound = byKey.get(key)
    if (byRound === undefined) byKey.set(key, (byRound = new Map()))
    let scope = byRound.get(round)
    if (scope === undefined) byRound.set(round, (scope = make()))
    return scope
  }
}

/** The same figures labelled as all rounds together (with one round they are the same). */
const asAllRounds = (scope: ScopeAttainment): ScopeAttainment => ({ ...scope, round: null })

/**
 * Attainment of every standard, per site, per round, per section and overall,
 * under an explicit denominator policy (see {@link DenominatorPolicy} for each
 * choice and its default). Every figure carries its numerator `k`, denominator
 * `n`, counts per level, the not-applicable and unrated items seen, the items
 * excluded, and a Wilson (default) or Clopper–Pearson interval.
 *
 * Counting is a single pass on integer codes per unit, merged by the
 * {@link RatingTallyMonoid}; unit and site tallies are cached against the
 * (immutable) ratings and site objects, so after an immer edit only the
 * changed unit is recounted.
 *
 * Rounds are the evaluation's `rounds`; ratings keyed by any other round id
 * are not counted (the decoder refuses them). A unit with no ratings object
 * for a round counts every item as unrated.
 *
 * Degenerate input: a scope with nothing counted has `n = 0`,
 * `proportion: null` and an interval with a `reason`; an invalid policy,
 * levels not on the scale, a custom rule answering with no level, or unrated
 * items under `unrated: 'error'` give a `Left` naming each place.
 * @param ev the evaluation (never mutated)
 * @param policy the denominator policy (and `cache`, default true); defaults: exclude na, exclude unrated, count standards, attained = top level, all-met-else-partly, pooled, Wilson 95%
 * @example
 * const r = attainmentEither(ev, { count: 'standards', attained: 'top' })
 * // right({ policy: { …, rollup: 'all-met-else-partly', total: 'pooled' }, scopes: [ … ], overall: {
 * //   standards: [{ standard: '1.1', k: 3, n: 15, proportion: 0.2, counts: { met: 3, partly: 9, 'not-met': 3 }, na: 0, unrated: 0,
 * //                 interval: { method: 'wilson', lo: 0.0705, hi: 0.4519, … } }, … ], … } })
 */
export const attainmentEither = (ev: Evaluation, policy?: AttainmentOptions): Result<AttainmentResult> => {
  const cache = policy?.cache ?? true
  const resolved = resolvePolicy(policy)
  if (E.isLeft(resolved)) return resolved
  const p = resolved.right
  const c = compileFramework(ev.framework)
  const mode: CountMode = p.count === 'criteria' ? 'criteria' : p.rollupRule
  const weights = attainedWeights(c, p.attained)
  const length = tallyLength(c)

  const k = counter(c, mode, cache)
  const siteScope = siteScopes(c, p, weights, cache)

  const scopes: ScopeAttainment[] = []
  const grand = new Float64Array(length)
  // With one round, every all-rounds figure equals its round figure: the
  // site cells are shared, and the figures are derived once and relabelled.
  const oneRound = ev.rounds.length === 1
  const siteAllRounds: (Float64Array | undefined)[] = ev.sites.map(() => (oneRound ? undefined : new Float64Array(length)))
  const siteRoundScopes: ScopeAttainment[] = []
  let roundTotal: ScopeAttainment | undefined
  for (const round of ev.rounds) {
    const roundCells = new Float64Array(length)
    ev.sites.forEach((site, si) => {
      const cells = siteCells(k, site, round.id)
      addInto(roundCells, cells)
      if (oneRound) siteAllRounds[si] = cells
      else addInto(siteAllRounds[si] as Float64Array, cells)
      scopes.push((siteRoundScopes[si] = siteScope(cells, round.id, site.id)))
    })
    addInto(grand, roundCells)
    scopes.push((roundTotal = deriveScope(c, roundCells, p, weights, round.id, null)))
  }

  if ((grand[c.invalid] as number) > 0) return E.left(levelProblems(ev, c, p))
  if (p.unrated === 'error' && hasUnrated(c, grand)) return E.left(unratedProblems(ev, c, p))

  ev.sites.forEach((site, si) => {
    const cells = siteAllRounds[si] ?? new Float64Array(length)
    scopes.push(oneRound ? siteScope(cells, null, site.id, () => asAllRounds(siteRoundScopes[si] as ScopeAttainment)) : siteScope(cells, null, site.id))
  })
  const overall = oneRound ? asAllRounds(roundTotal as ScopeAttainment) : deriveScope(c, grand, p, weights, null, null)
  scopes.push(overall)
  return E.right({ policy: p, framework: ev.framework.id, levels: c.levelIds as LevelId[], scopes, overall })
}

const hasUnrated = (c: CompiledFramework, cells: Float64Array): boolean => {
  for (let s = 0; s < c.standardIds.length; s++) if ((cells[s * c.width + c.unrated] as number) > 0) return true
  return false
}

/**
 * Throwing form of {@link attainmentEither}: the result, or a `RealistError`
 * with the same problems.
 * @example
 * attainment(ev).overall.total //=> { method: 'pooled', k: 35, n: 165, proportion: 0.2121, … }
 */
export const attainment = (ev: Evaluation, policy?: AttainmentOptions): AttainmentResult => orThrow('attainment', attainmentEither(ev, policy))

/**
 * Find one scope of a result: a round (or `null` for all rounds) × a site
 * (or `null` for all sites).
 *
 * Degenerate input: an unknown round or site gives `undefined`.
 * @example
 * attainmentScope(result, { round: 'baseline', site: null })?.total.proportion //=> 0.21
 */
export const attainmentScope = (
  result: AttainmentResult,
  where: { readonly round?: string | null; readonly site?: string | null },
): ScopeAttainment | undefined => {
  const round = where.round ?? null
  const site = where.site ?? null
  return result.scopes.find((s) => s.round === round && s.site === site)
}
