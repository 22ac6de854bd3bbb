/**
 * Which rating counts: the rater policy, and the view of an evaluation that
 * attainment counts for one instrument under it.
 *
 * The counting engine reads `unit.ratings[round][target]` of `ev.framework`.
 * To count another instrument, rater-keyed ratings, or a site's ratings of
 * itself, it is handed a *view*: the same evaluation with the chosen
 * instrument as `framework`, each unit's counted ratings on it (filled in
 * from the raters by the rule where no consensus rating is recorded), and a
 * site's own ratings as one more rated entity of the site. Views are made
 * once per site, unit and rule and cached against those (immutable) objects,
 * so the engine's caches keep working and a recount after one edit still
 * recounts one unit. With the default instrument, the consensus rule and no
 * site ratings the view is the evaluation itself.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { Framework } from '../model/framework.js'
import type { InstrumentRatings, RatingsByRater } from '../model/instruments.js'
import { instrumentsOf } from '../model/instruments.js'
import type { RoundId, UnitId } from '../model/ids.js'
import type { Rating, RoundRatings } from '../model/ratings.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { orThrow, problemAt, type Problem, type Result, showChoices } from '../model/problem.js'
import { cached } from '../model/cached.js'

/**
 * Which rating counts when several raters rated one item (a unit or site ×
 * target × round):
 * - `'consensus'` (default): only the counted rating (`ratings`), which holds
 *   the consensus where one was recorded; rater-keyed ratings are not counted.
 * - `'median'`: the consensus where recorded, else the median level of the
 *   raters' ratings (an even count takes the worse of the two middle levels;
 *   not applicable only when every rater said so).
 * - `'worst'` / `'best'`: the consensus where recorded, else the worst / best
 *   level any rater gave (not applicable only when every rater said so).
 * - `{ rater: id }`: the consensus where recorded, else that rater's rating
 *   (the item is unrated when that rater did not rate it).
 */
export type RaterRule = 'consensus' | 'median' | 'worst' | 'best' | { readonly rater: string }

const RULE_NAMES = ['consensus', 'median', 'worst', 'best'] as const
const RULE_CHOICES = `${showChoices(RULE_NAMES)} or { rater: id }`

/**
 * Check a rater rule, and a named rater against the evaluation's raters
 * when `ev` is given.
 * @param rule - the rule as given: `'consensus'` (also when `undefined`),
 * `'median'`, `'worst'`, `'best'` or `{ rater: id }`.
 * @param ev - the evaluation whose declared raters a `{ rater }` rule must
 * name; left out, any rater id is accepted.
 * @returns the rule, or problems at `policy.raters`.
 * @example
 * raterRuleEither('median', ev) //=> right('median')
 * raterRuleEither(undefined) //=> right('consensus')
 * // ev declares the raters ann and bob
 * raterRuleEither({ rater: 'zoe' }, ev)
 * //=> left([{ where: 'policy › raters › rater', expected: 'a rater id of this evaluation ("ann" | "bob")', found: '"zoe"', … }])
 */
export const raterRuleEither = (rule: unknown, ev?: Pick<Evaluation, 'raters'>): Result<RaterRule> => {
  if (rule === undefined) return E.right('consensus')
  if (typeof rule === 'string') {
    if ((RULE_NAMES as readonly string[]).includes(rule)) return E.right(rule as RaterRule)
    return E.left([problemAt(['policy', 'raters'], `one of ${RULE_CHOICES}`, rule, 'value')])
  }
  if (typeof rule === 'object' && rule !== null && typeof (rule as { rater?: unknown }).rater === 'string') {
    const id = (rule as { rater: string }).rater
    if (ev === undefined) return E.right({ rater: id })
    const ids = (ev.raters ?? []).map((r) => r.id as string)
    if (ids.includes(id)) return E.right({ rater: id })
    const known = ids.length === 0 ? 'none declared in "raters"' : showChoices(ids)
    return E.left([
      problemAt(['policy', 'raters', 'rater'], `a rater id of this evaluation (${known})`, id, 'reference'),
    ])
  }
  return E.left([problemAt(['policy', 'raters'], `a rater rule: ${RULE_CHOICES}`, rule)])
}

/**
 * Check a rater rule, and a named rater against the evaluation's raters
 * when `ev` is given.
 *
 * The throwing form of {@link raterRuleEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param rule
 * @param ev
 * @returns the result (`RaterRule`), as {@link raterRuleEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link raterRuleEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] raterRule: …`).
 * @example
 * raterRule('median') //=> 'median'
 */
export const raterRule = (rule: unknown, ev?: Pick<Evaluation, 'raters'>): RaterRule =>
  orThrow('raterRule', raterRuleEither(rule, ev))

/**
 * A rule's name as results report it: `'median'`, or `'rater:ann'`.
 * @param rule - a checked rater rule.
 * @returns its name: the rule itself, or `rater:` and the rater id.
 * @example
 * raterRuleName('worst') //=> 'worst'
 * raterRuleName({ rater: 'ann' }) //=> 'rater:ann'
 */
export const raterRuleName = (rule: RaterRule): string => (typeof rule === 'string' ? rule : `rater:${rule.rater}`)

/**
 * The level that counts for one item from its raters' ratings under a rule
 * (no consensus recorded): a level id, `"na"`, or `undefined` (unrated).
 * Levels are ranked by their position on the scale (best first).
 * @param byRater - the item's ratings, by rater id.
 * @param rule - the rater rule (any but `'consensus'`, which needs no raters).
 * @param levelIds - the scale's level ids, best first.
 * @returns the counted level, `"na"` when every rater said not applicable, or
 * `undefined` when no rater rated the item (or the named rater did not).
 * @example
 * levelFromRaters({ ann: { level: 'met' }, bob: { level: 'not-met' }, cy: { level: 'partly' } }, 'median', ['met', 'partly', 'not-met'])
 * //=> 'partly'
 */
export const levelFromRaters = (
  byRater: Readonly<Record<string, Rating>>,
  rule: Exclude<RaterRule, 'consensus'>,
  levelIds: readonly string[],
): string | undefined => {
  if (typeof rule === 'object') return byRater[rule.rater]?.level
  const ranks: number[] = []
  let na = 0
  for (const id of Object.keys(byRater)) {
    const level = byRater[id]!.level
    if (level === NOT_APPLICABLE) na++
    else {
      const rank = levelIds.indexOf(level)
      if (rank >= 0) ranks.push(rank)
    }
  }
  if (ranks.length === 0) return na > 0 ? NOT_APPLICABLE : undefined
  ranks.sort((a, b) => a - b)
  const rank =
    rule === 'best' ? ranks[0]! : rule === 'worst' ? ranks[ranks.length - 1]! : ranks[Math.floor(ranks.length / 2)]!
  return levelIds[rank]
}

/** Options of {@link ratingsViewEither}. */
export interface RatingsViewOptions {
  /** The instrument to count, by id. Default: the default instrument (`ev.framework`). */
  readonly instrument?: string
  /** Which rating counts (see {@link RaterRule}). Default `'consensus'`. */
  readonly raters?: RaterRule
}

const EMPTY: Readonly<Record<RoundId, RoundRatings>> = Object.freeze(Object.create(null))

/** The counted ratings of one rated entity on one instrument, with the raters' ratings filled in by the rule. */
const resolveRatings = (
  ratings: Readonly<Record<RoundId, RoundRatings>>,
  byRater: RatingsByRater | undefined,
  rule: RaterRule,
  levelIds: readonly string[],
): Readonly<Record<RoundId, RoundRatings>> => {
  if (rule === 'consensus' || byRater === undefined) return ratings
  let out: Record<string, Record<string, Rating>> | undefined
  for (const round of Object.keys(byRater) as RoundId[]) {
    const counted = (ratings as Record<string, RoundRatings | undefined>)[round]
    const targets = byRater[round]!
    let merged: Record<string, Rating> | undefined
    for (const target of Object.keys(targets)) {
      if (counted !== undefined && Object.hasOwn(counted, target)) continue
      const level = levelFromRaters(targets[target as keyof typeof targets]!, rule, levelIds)
      if (level === undefined) continue
      if (merged === undefined) merged = Object.assign(Object.create(null), counted) as Record<string, Rating>
      merged[target] = Object.freeze({ level }) as Rating
    }
    if (merged !== undefined) {
      if (out === undefined) out = Object.assign(Object.create(null), ratings) as Record<string, Record<string, Rating>>
      out[round] = Object.freeze(merged)
    }
  }
  return out === undefined ? ratings : (Object.freeze(out) as Readonly<Record<RoundId, RoundRatings>>)
}

interface Entity {
  readonly ratings?: Readonly<Record<RoundId, RoundRatings>>
  readonly byRater?: RatingsByRater
  readonly instrumentRatings?: Readonly<Record<string, InstrumentRatings>>
}

/** One rated entity's ratings and rater ratings on an instrument (the default one when `instrument` is null). */
const on = (entity: Entity, instrument: string | null): InstrumentRatings | undefined => {
  if (instrument === null)
    return entity.ratings === undefined && entity.byRater === undefined
      ? undefined
      : { ratings: entity.ratings ?? EMPTY, ...(entity.byRater && { byRater: entity.byRater }) }
  return entity.instrumentRatings?.[instrument]
}

/**
 * Views of one instrument (framework object) under one rule, each kept
 * against the object it is made from: a unit, a site, a sites array or an
 * evaluation (one map holds all four: no object is two of them).
 */
type Views = WeakMap<object, object>
const viewCaches = new WeakMap<Framework, Map<string, Views>>()
const viewsFor = (framework: Framework, key: string): Views =>
  cached(
    cached(viewCaches, framework, () => new Map()),
    key,
    () => new WeakMap(),
  )

/** The view of `from`: kept in `views`, else made by `make` and kept. */
const viewOf = <A extends object>(views: Views, from: A, make: () => A): A => cached(views, from, make) as A

/** The instrument and rater rule a view reads, checked together so both kinds of problem are listed. */
const viewChoiceEither = (
  ev: Evaluation,
  options: RatingsViewOptions,
): Result<{ framework: Framework; rule: RaterRule; instrument: string | null }> => {
  const problems: Problem[] = []
  const all = instrumentsOf(ev)
  const wanted = options.instrument
  const framework: Framework | undefined = wanted === undefined ? ev.framework : all.find((f) => f.id === wanted)
  if (framework === undefined)
    problems.push(
      problemAt(
        ['policy', 'instrument'],
        `an instrument id of this evaluation (${showChoices(all.map((f) => f.id))})`,
        wanted,
        'reference',
      ),
    )
  const rule = raterRuleEither(options.raters, ev)
  if (E.isLeft(rule)) problems.push(...rule.left)
  if (problems.length > 0 || framework === undefined || E.isLeft(rule)) return E.left(problems)
  return E.right({ framework, rule: rule.right, instrument: framework === ev.framework ? null : framework.id })
}

/**
 * The evaluation as attainment counts it for one instrument under a rater
 * rule (see the module comment): `framework` is the instrument; each unit's
 * `ratings` are its counted ratings on that instrument, filled in from its
 * raters by the rule; a site rated as a whole gets one more rated entity,
 * first among its units, with the site's id and name (`SITE_ENTITY` marks
 * it). The view shares everything it does not change; it is the evaluation
 * itself when there is nothing to change.
 *
 * Degenerate input: an unknown instrument or rater, or a rule that is not
 * one, gives a `Left` naming the choices.
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default the default instrument), `raters` (default `'consensus'`).
 * @returns `Right` with the view, or `Left` with the problems of the options.
 * @example
 * // default instrument, consensus rule, no site rated as a whole: ev itself
 * const view = ratingsViewEither(ev)
 * isRight(view) && view.right === ev //=> true
 * // ev's Acute care is also rated on the quality instrument
 * const quality = ratingsViewEither(ev, { instrument: 'quality' })
 * isRight(quality) && quality.right.sites[0].units[0].ratings.r1 //=> { Q1: { level: 'good' }, Q2: { level: 'fair' } }
 * ratingsViewEither(ev, { instrument: 'compliance' })
 * //=> left([{ where: 'policy › instrument', expected: 'an instrument id of this evaluation ("emhip" | "quality")', … }])
 */
export const ratingsViewEither = (ev: Evaluation, options: RatingsViewOptions = {}): Result<Evaluation> => {
  const chosen = viewChoiceEither(ev, options)
  if (E.isLeft(chosen)) return chosen
  const { framework, rule, instrument } = chosen.right
  const key = `${instrument === null ? '' : `i:${instrument}`}|${raterRuleName(rule)}`
  const levelIds = framework.scale.levels.map((l): string => l.id)
  const views = viewsFor(framework, key)
  const unitView = (unit: Unit): Unit => {
    if (instrument === null && (rule === 'consensus' || unit.byRater === undefined)) return unit
    return viewOf(views, unit, () => {
      const r = on(unit, instrument)
      const ratings = r === undefined ? EMPTY : resolveRatings(r.ratings, r.byRater, rule, levelIds)
      return ratings === unit.ratings ? unit : { ...unit, ratings }
    })
  }
  const siteView = (site: Site): Site =>
    viewOf(views, site, () => {
      const own = on(site, instrument)
      const viewed = site.units.map(unitView)
      const self: Unit[] =
        own === undefined ? [] : [siteEntity(site, resolveRatings(own.ratings, own.byRater, rule, levelIds))]
      const same = self.length === 0 && viewed.every((u, i) => u === site.units[i])
      return same ? site : { ...site, units: [...self, ...viewed] }
    })
  // The same sites array gives the same viewed array (attainment keeps its tallies against it).
  const viewedSites = viewOf(views, ev.sites, () => {
    const mapped = ev.sites.map(siteView)
    return mapped.every((s, i) => s === ev.sites[i]) ? ev.sites : mapped
  })
  if (framework === ev.framework && viewedSites === ev.sites) return E.right(ev)
  return E.right(viewOf(views, ev, () => ({ ...ev, framework, sites: viewedSites })))
}

/**
 * The evaluation as attainment counts it for one instrument under a rater
 * rule (see the module comment): `framework` is the instrument; each unit's
 * `ratings` are its counted ratings on that instrument, filled in from its
 * raters by the rule; a site rated as a whole gets one more rated entity,
 * first among its units, with the site's id and name (`SITE_ENTITY` marks
 * it). The view shares everything it does not change; it is the evaluation
 * itself when there is nothing to change.
 *
 * The throwing form of {@link ratingsViewEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown instrument or rater, or a rule that is not
 * one, throws naming the choices.
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default the default instrument), `raters` (default `'consensus'`).
 * @returns the result (`Evaluation`), as {@link ratingsViewEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link ratingsViewEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] ratingsView: …`).
 * @example
 * ratingsView(mhipEvaluation) === mhipEvaluation //=> true // default instrument, consensus, no site ratings
 */
export const ratingsView = (ev: Evaluation, options: RatingsViewOptions = {}): Evaluation =>
  orThrow('ratingsView', ratingsViewEither(ev, options))

/** Marks the rated entity that stands for a site as a whole in a ratings view. */
export const SITE_ENTITY: unique symbol = Symbol('realist-eval.site-entity')

/** The site as one rated entity: its id and name, its own counted ratings, nothing else. */
const siteEntity = (site: Site, ratings: Readonly<Record<RoundId, RoundRatings>>): Unit =>
  Object.assign(
    { id: site.id as string as UnitId, name: site.name, ratings, objectives: [], objectiveCells: [] },
    { [SITE_ENTITY]: true },
  )

/**
 * Whether a unit of a ratings view stands for its site as a whole.
 * @param unit - a unit of a ratings view (see {@link ratingsViewEither}).
 * @returns true for the entity that stands for a site rated as a whole.
 * @example
 * // ev with South Staffordshire rated as a whole on standard 1.1 in r1
 * const rated = { ...ev, sites: [{ ...ev.sites[0], ratings: { r1: { '1.1': { level: 'met' } } } }, ev.sites[1]] }
 * ratingsView(rated).sites[0].units.map((u) => [u.id, isSiteEntity(u)])
 * //=> [['ss', true], ['acute', false], ['access', false]]
 */
export const isSiteEntity = (unit: Unit): boolean => (unit as { [SITE_ENTITY]?: boolean })[SITE_ENTITY] === true

/**
 * The evaluation with one instrument's counted ratings in the default
 * places: `framework` is the instrument; each unit's `ratings`, and each
 * site's own `ratings` (the site rated as a whole), are their counted
 * ratings on it, filled in from the raters by the rule; the raters' and the
 * other instruments' ratings are left out. Unlike {@link ratingsViewEither},
 * sites stay sites (a site's own ratings are not turned into a unit), so
 * code that walks units and sites' own ratings, as round comparisons do,
 * reads the chosen instrument. It is the evaluation itself for the default
 * instrument under the consensus rule.
 *
 * Degenerate input: an unknown instrument or rater, or a rule that is not
 * one, gives a `Left` naming the choices.
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default the default instrument), `raters` (default `'consensus'`).
 * @returns `Right` with the projected evaluation, or `Left` with the problems of the options.
 * @example
 * isRight(instrumentProjectionEither(mhipEvaluation)) //=> true
 * instrumentProjectionEither(mhipEvaluation, { instrument: 'quality' })
 * //=> left([{ path: ['policy', 'instrument'], where: 'policy › instrument', expected: 'an instrument id of this evaluation ("emhip")', found: '"quality"', code: 'reference' }])
 */
export const instrumentProjectionEither = (ev: Evaluation, options: RatingsViewOptions = {}): Result<Evaluation> => {
  const chosen = viewChoiceEither(ev, options)
  if (E.isLeft(chosen)) return chosen
  const { framework, rule, instrument } = chosen.right
  if (instrument === null && rule === 'consensus') return E.right(ev)
  const levelIds = framework.scale.levels.map((l): string => l.id)
  const counted = (entity: Entity): Readonly<Record<RoundId, RoundRatings>> | undefined => {
    const r = on(entity, instrument)
    return r === undefined ? undefined : resolveRatings(r.ratings, r.byRater, rule, levelIds)
  }
  const strip = <A extends Entity>(entity: A): A => {
    const { byRater: _b, instrumentRatings: _i, ratings: _r, ...rest } = entity as A & Entity
    return rest as A
  }
  const sites = ev.sites.map((site): Site => {
    const own = counted(site)
    return {
      ...strip(site),
      ...(own !== undefined && { ratings: own }),
      units: site.units.map((unit): Unit => ({ ...strip(unit), ratings: counted(unit) ?? EMPTY })),
    }
  })
  const { instruments: _i, raters: _r, ...rest } = ev
  return E.right({ ...rest, framework, sites })
}

/**
 * The evaluation with one instrument's counted ratings in the default places
 * (the throwing twin of {@link instrumentProjectionEither}).
 * @param ev - a decoded evaluation.
 * @param options - `instrument` (default the default instrument), `raters` (default `'consensus'`).
 * @returns the projected evaluation.
 * @throws {RealistError} naming an unknown instrument or rater, or a rule that is not one.
 * @example
 * instrumentProjection(mhipEvaluation) === mhipEvaluation //=> true
 */
export const instrumentProjection = (ev: Evaluation, options?: RatingsViewOptions): Evaluation =>
  orThrow('instrumentProjection', instrumentProjectionEither(ev, options))
