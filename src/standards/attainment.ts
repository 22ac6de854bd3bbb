/**
 * Standards attainment: what share of units met each standard, per site, per
 * round, per section and overall, under an explicit denominator policy.
 * @module
 */
import * as E from '../model/either.js'
import { gridText, withDisplay } from '../model/display.js'
import { attainmentGrid } from './display.js'
import type { Evaluation, Site } from '../model/evaluation.js'
import type { LevelId, RoundId } from '../model/ids.js'
import { orThrow, type Result } from '../model/problem.js'
import { evaluationArgProblems } from '../model/options.js'
import { compileFramework, tallyLength, type CompiledFramework } from './compile.js'
import { counter, countPacked, packedCodes, siteCells, type Cells, type CountMode, type Counter } from './count.js'
import { attainedWeights, figuresOnce, lazyScope, type ScopeAttainment, type ScopeFigures } from './derive.js'
import { levelProblems, unratedProblems } from './attainment-problems.js'
import { attainedRuleProblems, resolvePolicyEither, type DenominatorPolicy, type ResolvedPolicy } from './policy.js'
import { ratingsViewEither } from './raters.js'
import type { RollupRule } from './rollup.js'
import { addInto, sameCells, subtractFrom } from './tally.js'
import { cached } from '../model/cached.js'

/** Options of {@link attainmentEither}: the denominator policy, plus whether to use the caches. */
export interface AttainmentOptions extends DenominatorPolicy {
  /**
   * Reuse unit and site tallies counted before for the same (immutable)
   * objects. Default true. False counts every unit afresh (for benchmarks of
   * a cold count); a decoded document is still counted from the rating codes
   * the decoder wrote (its rating records are frozen, so they cannot differ).
   */
  readonly cache?: boolean
  /**
   * The instrument counted, by id. Default: the default instrument
   * (`ev.framework`). Each instrument has its own scale, so the attained rule
   * is read in that scale's terms.
   */
  readonly instrument?: string
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
const ruleId = (r: RollupRule): number => cached(ruleIds, r, () => nextRuleId++)
/** Everything in a resolved policy that changes derived figures, as one string (built once per call). */
const policyKey = (p: ResolvedPolicy): string =>
  `${p.notApplicable}|${p.unrated}|${p.count}|${typeof p.attained === 'string' ? p.attained : JSON.stringify(p.attained)}|` +
  `${p.total}|${p.interval}|${p.confidence}|${ruleId(p.rollupRule)}`

/**
 * The scopes of one policy over an aggregate, made on demand: a scope object
 * (and the closure that derives its figures) is made when it is first asked
 * for, and kept. Slots are indexed in result order (see `AttainmentResult.scopes`).
 */
interface PolicyScopes {
  readonly c: CompiledFramework
  readonly agg: Aggregate
  readonly rounds: readonly RoundId[]
  readonly policy: ResolvedPolicy
  readonly weights: Float64Array
  /** Scope objects made so far (holes where none was asked for). */
  readonly scopes: (ScopeAttainment | undefined)[]
  /** Figure closures made so far, by figure slot (with one round, an all-rounds scope uses its round scope's slot). */
  readonly figures: ((() => ScopeFigures) | undefined)[]
  /**
   * The scopes of the aggregate this one was updated from: a slot not marked
   * stale is the same there, so it is made there (or taken from there) and
   * shared. Cut when a newer version is made from this one (one link, never a chain).
   */
  from: PolicyScopes | null
  /** Scope slots whose tally or site id differ from `from`'s. */
  readonly staleScopes: ReadonlySet<number>
  /** Figure slots whose tally differs from `from`'s. */
  readonly staleFigures: ReadonlySet<number>
}

/**
 * Tallies of a row of slots (sites, or round × site pairs) in one flat
 * array, `T` cells a slot, with the slots that changed since it was filled
 * held apart as their own arrays. Nothing in it is written to once it is
 * made: an update copies `over` (a few entries) and shares `base`.
 */
interface Grid {
  readonly base: Cells
  /** Slot → its tally, in place of `base`'s. */
  readonly over: ReadonlyMap<number, Cells>
}

/** The tally of slot `i` of a grid: its own array when it changed, else a view of the flat array (made here). */
const gridAt = (g: Grid, T: number, i: number): Cells => g.over.get(i) ?? g.base.subarray(i * T, (i + 1) * T)

/**
 * A grid with `updates` applied: `over` grows by them, and once it holds
 * more than a sixteenth of the slots (and more than 64), it is folded into a
 * new flat array, so reading stays a view and an editing session's updates
 * cost a few map entries each, with one copy of the grid now and then.
 */
const gridWith = (g: Grid, T: number, slots: number, updates: ReadonlyMap<number, Cells>): Grid => {
  if (updates.size === 0) return g
  const over = new Map(g.over)
  for (const [i, t] of updates) over.set(i, t)
  if (over.size <= 64 || over.size * 16 <= slots) return { base: g.base, over }
  const base = g.base.slice()
  for (const [i, t] of over) base.set(t, i * T)
  return { base, over: new Map() }
}

/**
 * The tallies of one document (one sites array, one list of rounds) in one
 * counting mode, whatever the policy: per round × site, per site over all
 * rounds, per round over all sites, and all together, each in one flat
 * array (no array is made per site; a scope's view of its cells is made
 * when its figures are first read). With caching on, it is kept against the
 * sites array, and the scopes of each policy beside it. Nothing in it is
 * written to once it is made: an update copies.
 */
interface Aggregate {
  readonly sites: readonly Site[]
  readonly roundKey: string
  /** Cells per tally. */
  readonly T: number
  /** Slot r × S + i: site i's tally in round r. */
  readonly cells: Grid
  /** Slot i: site i over all rounds (with one round, `cells` itself). */
  readonly siteAll: Grid
  /** Round r's tally over all sites at r × T. */
  readonly roundTotals: Cells
  readonly grand: Cells
  /** Policy key → scopes (filled on demand). */
  readonly byPolicy: Map<string, PolicyScopes>
  /** Sites that differ from the aggregate this one was updated from (null: built afresh). */
  changed: readonly number[] | null
  /** Figure slots (see `figureSlot`) whose tally differs from the aggregate this one was updated from. */
  staleFigures: ReadonlySet<number> | null
  /**
   * The aggregate this one was updated from, whose scopes are reused. Cut
   * when a newer aggregate is updated from this one, so an editing session
   * keeps one link, not a chain of every version.
   */
  from: Aggregate | null
}

/** Aggregates of one counter's caches: by sites array, and the latest (weakly) to update the next from. */
interface AggregateStore {
  readonly bySites: WeakMap<readonly Site[], Aggregate>
  latest: WeakRef<Aggregate> | null
}
const stores = new WeakMap<object, AggregateStore>()

const roundKeyOf = (ev: Evaluation): string => ev.rounds.map((r) => r.id).join('\u0000')

/** Add the `n` cells of `from` from `at` on into `into` from `to` on. */
const addRange = (into: Cells, to: number, from: Cells, at: number, n: number): void => {
  for (let t = 0; t < n; t++) into[to + t] = (into[to + t] as number) + (from[at + t] as number)
}

/**
 * Count every site in every round: the document's codes packed into one
 * byte array (kept, see `packedCodes`), one pass over them into one flat
 * array of tallies (no array is made per unit, site or round), then the
 * totals, each a pass over that array. A first count stores no site
 * tallies: an edit later recounts the touched site from its units and takes
 * every other site's tally from here.
 */
const buildAggregate = (k: Counter, ev: Evaluation, roundKey: string): Aggregate => {
  const T = tallyLength(k.c)
  const R = ev.rounds.length
  const S = ev.sites.length
  const sites = ev.sites
  const rounds = ev.rounds.map((r): string => r.id)
  const base = new Int32Array(R * S * T)
  countPacked(k, packedCodes(k.c, sites, rounds, roundKey, k.caches !== null), R, base)
  const roundTotals = new Int32Array(R * T)
  const grand = new Int32Array(T)
  const cells: Grid = { base, over: new Map() }
  let siteAll = cells
  if (R === 1) for (let i = 0; i < S; i++) addRange(roundTotals, 0, base, i * T, T)
  else {
    // One pass adds each round × site tally into its round's total and its site's all-rounds tally.
    const all = new Int32Array(S * T)
    for (let r = 0; r < R; r++) {
      const rt = r * T
      for (let i = 0; i < S; i++) {
        const from = (r * S + i) * T
        const to = i * T
        for (let t = 0; t < T; t++) {
          const v = base[from + t] as number
          roundTotals[rt + t] = (roundTotals[rt + t] as number) + v
          all[to + t] = (all[to + t] as number) + v
        }
      }
    }
    siteAll = { base: all, over: new Map() }
  }
  for (let r = 0; r < R; r++) addRange(grand, 0, roundTotals, r * T, T)
  return {
    sites,
    roundKey,
    T,
    cells,
    siteAll,
    roundTotals,
    grand,
    byPolicy: new Map(),
    changed: null,
    staleFigures: null,
    from: null,
  }
}

/**
 * The aggregate of `ev` from one made before for a document differing in a
 * few sites (an edit through immer gives only the touched site a new
 * identity): those sites are recounted (their untouched units' tallies come
 * from the unit cache) and the totals are corrected by the difference, so
 * the work is that of the changed sites, not of all of them. Null when no
 * earlier aggregate fits or too many sites changed.
 */
const updateAggregate = (k: Counter, ev: Evaluation, roundKey: string, prev: Aggregate): Aggregate | null => {
  const S = ev.sites.length
  if (prev.roundKey !== roundKey || prev.sites.length !== S || prev.T !== tallyLength(k.c)) return null
  const changed: number[] = []
  for (let i = 0; i < S; i++) {
    if (ev.sites[i] !== prev.sites[i]) {
      changed.push(i)
      if (changed.length * 4 > S + 4) return null
    }
  }
  const R = ev.rounds.length
  const T = prev.T
  const roundTotals = prev.roundTotals.slice()
  const grand = prev.grand.slice()
  const cellUpdates = new Map<number, Cells>()
  const allUpdates = new Map<number, Cells>()
  const staleFigures = new Set<number>()
  for (const i of changed) {
    const site = ev.sites[i]!
    const all = R === 1 ? null : new Int32Array(T)
    for (let r = 0; r < R; r++) {
      const old = gridAt(prev.cells, T, r * S + i)
      const now = siteCells(k, site, ev.rounds[r]!.id)
      if (sameCells(old, now)) {
        if (all !== null) addInto(all, old)
        continue
      }
      const rt = roundTotals.subarray(r * T, (r + 1) * T)
      subtractFrom(rt, old)
      addInto(rt, now)
      subtractFrom(grand, old)
      addInto(grand, now)
      cellUpdates.set(r * S + i, now)
      staleFigures.add(r * (S + 1) + i)
      if (all !== null) addInto(all, now)
    }
    if (all !== null && !sameCells(all, gridAt(prev.siteAll, T, i))) {
      allUpdates.set(i, all)
      staleFigures.add(R * (S + 1) + i)
    }
  }
  // The totals' figures always: even a change that cancels out is cheap to derive again.
  for (let r = 0; r < R; r++) staleFigures.add(r * (S + 1) + S)
  if (R > 1) staleFigures.add(R * (S + 1) + S)
  const cells = gridWith(prev.cells, T, R * S, cellUpdates)
  const siteAll = R === 1 ? cells : gridWith(prev.siteAll, T, S, allUpdates)
  return {
    sites: ev.sites,
    roundKey,
    T,
    cells,
    siteAll,
    roundTotals,
    grand,
    byPolicy: new Map(),
    changed,
    staleFigures,
    from: prev,
  }
}

/** The aggregate of `ev`: kept, updated from the latest one, or built (never kept without caches). */
const aggregateOf = (k: Counter, ev: Evaluation): Aggregate => {
  const roundKey = roundKeyOf(ev)
  if (k.caches === null) return buildAggregate(k, ev, roundKey)
  const store = cached(stores, k.caches, () => ({ bySites: new WeakMap(), latest: null }))
  const hit = store.bySites.get(ev.sites)
  if (hit !== undefined && hit.roundKey === roundKey) return hit
  const latest = store.latest?.deref()
  const agg = (latest && updateAggregate(k, ev, roundKey, latest)) ?? buildAggregate(k, ev, roundKey)
  if (agg.from !== null) {
    agg.from.from = null
    agg.from.changed = null
    agg.from.staleFigures = null
  }
  store.bySites.set(ev.sites, agg)
  store.latest = new WeakRef(agg)
  return agg
}

/** The tally of scope slot `at`: round r (or all rounds at r = R) × site i (or all sites at i = S). */
const cellsAt = (agg: Aggregate, R: number, S: number, at: number): Cells => {
  const r = Math.floor(at / (S + 1))
  const i = at - r * (S + 1)
  const T = agg.T
  if (r < R) return i < S ? gridAt(agg.cells, T, r * S + i) : agg.roundTotals.subarray(r * T, (r + 1) * T)
  return i < S ? gridAt(agg.siteAll, T, i) : agg.grand
}

/** The figure slot of scope slot `at`: with one round, an all-rounds scope shares its round scope's figures. */
const figureSlot = (R: number, S: number, at: number): number => (R === 1 && at > S ? at - (S + 1) : at)

/** The figures closure of figure slot `fs`: shared with the version updated from when its tally is the same. */
const figuresAt = (ps: PolicyScopes, fs: number): (() => ScopeFigures) => {
  let f = ps.figures[fs]
  if (f === undefined) {
    f =
      ps.from !== null && !ps.staleFigures.has(fs)
        ? figuresAt(ps.from, fs)
        : figuresOnce(ps.c, cellsAt(ps.agg, ps.rounds.length, ps.agg.sites.length, fs), ps.policy, ps.weights)
    ps.figures[fs] = f
  }
  return f
}

/** The scope at slot `at`, made (its figures derived when read) on first request and kept. */
const scopeAt = (ps: PolicyScopes, at: number): ScopeAttainment => {
  let scope = ps.scopes[at]
  if (scope !== undefined) return scope
  if (ps.from !== null && !ps.staleScopes.has(at)) scope = scopeAt(ps.from, at)
  else {
    const S = ps.agg.sites.length
    const R = ps.rounds.length
    const r = Math.floor(at / (S + 1))
    const i = at - r * (S + 1)
    scope = lazyScope(
      r < R ? ps.rounds[r]! : null,
      i < S ? ps.agg.sites[i]!.id : null,
      figuresAt(ps, figureSlot(R, S, at)),
    )
  }
  ps.scopes[at] = scope
  return scope
}

/**
 * The scopes of an aggregate under one policy, kept beside the aggregate.
 * For an aggregate updated from another, linked to that one's scopes with
 * the slots of the changed sites and the totals marked stale: every other
 * scope is shared between the versions. Nothing is made or derived until it
 * is asked for.
 */
const scopesOf = (
  c: CompiledFramework,
  ev: Evaluation,
  agg: Aggregate,
  p: ResolvedPolicy,
  weights: Float64Array,
  key: string,
): PolicyScopes => {
  const hit = agg.byPolicy.get(key)
  if (hit !== undefined) return hit
  const S = ev.sites.length
  const R = ev.rounds.length
  const prev = agg.changed === null ? undefined : agg.from?.byPolicy.get(key)
  const staleScopes = new Set<number>()
  const staleFigures = agg.staleFigures ?? new Set<number>()
  if (prev !== undefined) {
    const from = agg.from as Aggregate
    for (const i of agg.changed!) {
      const renamed = from.sites[i]!.id !== ev.sites[i]!.id
      for (let r = 0; r <= R; r++) {
        const at = r * (S + 1) + i
        if (renamed || staleFigures.has(figureSlot(R, S, at))) staleScopes.add(at)
      }
    }
    for (let r = 0; r <= R; r++) staleScopes.add(r * (S + 1) + S)
    prev.from = null
  }
  const out: PolicyScopes = {
    c,
    agg,
    rounds: ev.rounds.map((r) => r.id),
    policy: p,
    weights,
    scopes: [],
    figures: [],
    from: prev ?? null,
    staleScopes,
    staleFigures,
  }
  agg.byPolicy.set(key, out)
  return out
}

/** Where each result's scopes come from, for {@link attainmentScope} (no list is made to find one scope). */
const sources = new WeakMap<AttainmentResult, PolicyScopes>()

/** A result over kept scopes: `scopes` (a new array, the result's own) and `overall` are made when first read. */
const resultOf = (ps: PolicyScopes, framework: string, levels: readonly LevelId[]): AttainmentResult => {
  const n = (ps.rounds.length + 1) * (ps.agg.sites.length + 1)
  let list: ScopeAttainment[] | undefined
  const result: AttainmentResult = {
    policy: ps.policy,
    framework,
    levels,
    get scopes(): readonly ScopeAttainment[] {
      if (list === undefined) {
        list = new Array<ScopeAttainment>(n)
        for (let at = 0; at < n; at++) list[at] = scopeAt(ps, at)
      }
      return list
    },
    get overall(): ScopeAttainment {
      return scopeAt(ps, n - 1)
    },
  }
  sources.set(result, ps)
  // In a notebook the result shows as a compact table, not as its whole object.
  return withDisplay(result, (r) => ({ 'text/plain': gridText(attainmentGrid(r)) }))
}

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
 * @param input the evaluation (never mutated)
 * @param policy the denominator policy (and `cache`, default true); defaults: exclude na, exclude unrated, count standards, attained = top level, all-met-else-partly, pooled, Wilson 95%
 * @returns `Right` with the result (the resolved policy, every scope and the
 * overall figures), or `Left` with the problems of the evaluation or policy.
 * @example
 * // ev: 4 units rated in rounds r1 and r2; standard 1.1 is met in 2 of 4 units in r1
 * // and 3 of 4 in r2, so 5 of 8 over both rounds (Wilson 95%: 0.3057 to 0.8632)
 * const r = attainmentEither(ev)
 * isRight(r) && r.right.overall.standards[0]
 * //=> { standard: '1.1', k: 5, n: 8, proportion: 0.625, counts: { met: 5, partly: 2, 'not-met': 1 }, na: 0,
 * //     interval: { method: 'wilson', lo: 0.3057, hi: 0.8632, … }, … }
 * // 1.2 has one n/a: left out by default (3 of 7), counted as not met on request (3 of 8)
 * isRight(r) && r.right.overall.standards[1].n //=> 7
 * attainment(ev, { notApplicable: 'not-met' }).overall.standards[1].n //=> 8
 * attainmentEither(ev, { notApplicable: 'sometimes' })
 * //=> left([{ where: 'policy › notApplicable', expected: 'one of "exclude" | "not-met"', found: '"sometimes"', … }])
 */
export const attainmentEither = (input: Evaluation, policy?: AttainmentOptions): Result<AttainmentResult> => {
  const notEv = evaluationArgProblems('attainment', input)
  if (notEv.length > 0) return E.left(notEv)
  const cache = policy?.cache ?? true
  const resolved = resolvePolicyEither(policy)
  if (E.isLeft(resolved)) return resolved
  const p = resolved.right
  const view = ratingsViewEither(input, {
    ...(policy?.instrument !== undefined && { instrument: policy.instrument }),
    raters: p.raters,
  })
  if (E.isLeft(view)) return view
  const ev = view.right
  const c = compileFramework(ev.framework)
  const ruleProblems = attainedRuleProblems(policy?.attained, c.scale)
  if (ruleProblems.length > 0) return E.left(ruleProblems)
  const mode: CountMode = p.count === 'criteria' ? 'criteria' : p.rollupRule
  const k = counter(c, mode, cache)
  const agg = aggregateOf(k, ev)

  if ((agg.grand[c.invalid] as number) > 0) return E.left(levelProblems(ev, c, p))
  if (p.unrated === 'error' && hasUnrated(c, agg.grand)) return E.left(unratedProblems(ev, c, p))

  const weights = attainedWeights(c, p.attained)
  return E.right(resultOf(scopesOf(c, ev, agg, p, weights, policyKey(p)), ev.framework.id, c.levelIds as LevelId[]))
}

const hasUnrated = (c: CompiledFramework, cells: Cells): boolean => {
  for (let s = 0; s < c.standardIds.length; s++) if ((cells[s * c.width + c.unrated] as number) > 0) return true
  return false
}

/**
 * Attainment of every standard, per site, per round, per section and overall,
 * under an explicit denominator policy (see {@link DenominatorPolicy} for each
 * choice and its default). Every figure carries its numerator `k`, denominator
 * `n`, counts per level, the not-applicable and unrated items seen, the items
 * excluded, and a Wilson (default) or Clopper–Pearson interval.
 *
 * The throwing form of {@link attainmentEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a scope with nothing counted has `n = 0`,
 * `proportion: null` and an interval with a `reason`; an invalid policy,
 * levels not on the scale, a custom rule answering with no level, or unrated
 * items under `unrated: 'error'` throws naming each place.
 * @param ev the evaluation (never mutated)
 * @param policy the denominator policy (and `cache`, default true); defaults: exclude na, exclude unrated, count standards, attained = top level, all-met-else-partly, pooled, Wilson 95%
 * @returns the result (`AttainmentResult`), as {@link attainmentEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link attainmentEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] attainment: …`).
 * @example
 * // ev: 3 of 10 unit × standard items attained in r1, 7 of 12 in r2
 * attainment(ev).overall.total //=> { method: 'pooled', k: 10, n: 22, proportion: 0.4545, … }
 * attainment(ev, { confidence: 2 }) //=> throws 'policy › confidence'
 */
export const attainment = (ev: Evaluation, policy?: AttainmentOptions): AttainmentResult =>
  orThrow('attainment', attainmentEither(ev, policy))

/**
 * Find one scope of a result: a round (or `null` for all rounds) × a site
 * (or `null` for all sites).
 *
 * Degenerate input: an unknown round or site gives `undefined`.
 * @param result - a result of {@link attainment} or {@link attainmentEither}.
 * @param where - the round id (`null` or left out: all rounds) and the site
 * id (`null` or left out: all sites).
 * @returns the scope's figures, or `undefined` when the result has no such scope.
 * @example
 * const result = attainment(ev)
 * attainmentScope(result, { round: 'r1', site: null })?.total.proportion //=> 0.3 // 3 of 10
 * attainmentScope(result, { round: 'r2', site: 'le' })?.total //=> { k: 3, n: 6, … }
 * attainmentScope(result, { round: 'r9' }) //=> undefined
 */
export const attainmentScope = (
  result: AttainmentResult,
  where: { readonly round?: string | null; readonly site?: string | null },
): ScopeAttainment | undefined => {
  const round = where.round ?? null
  const site = where.site ?? null
  const ps = sources.get(result)
  if (ps === undefined) return result.scopes.find((s) => s.round === round && s.site === site)
  const R = ps.rounds.length
  const S = ps.agg.sites.length
  const r = round === null ? R : ps.rounds.indexOf(round as RoundId)
  const i = site === null ? S : indexOfSite(ps.agg.sites, site)
  return r < 0 || i < 0 ? undefined : scopeAt(ps, r * (S + 1) + i)
}

// Site id → position, per sites array (a linear scan for each look-up would make a table of every site quadratic).
const siteIndexes = new WeakMap<readonly Site[], Map<string, number>>()
const indexOfSite = (sites: readonly Site[], id: string): number => {
  let m = siteIndexes.get(sites)
  if (m === undefined) {
    m = new Map()
    for (let i = sites.length - 1; i >= 0; i--) m.set(sites[i]!.id, i)
    siteIndexes.set(sites, m)
  }
  return m.get(id) ?? -1
}
