/**
 * Edits of ratings: `rate` and `unrate`, of units or of sites as a whole,
 * on any instrument, as the counted rating or as one declared rater's own.
 * @module
 */
import { original, type Draft } from 'immer'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import type { Rating, RoundRatings } from '../model/ratings.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { MAX_LISTED_PROBLEMS, type Problem, showChoices } from '../model/problem.js'
import { asId } from '../model/ids.js'
import { hasOwn } from '../model/own.js'
import { defineEdit, type Edit } from './define.js'
import { copyArray, copyPlain, copyRecord, isNullRecord, recordWith, withDirect } from './direct.js'
import { argProblem, stringArg } from './args.js'
import { locateUnit, siteIndex, type UnitLocation } from './locate.js'
import { frameworkLayout } from '../model/rating-codes.js'
import { instrumentsOf } from '../model/instruments.js'
import type { Framework } from '../model/framework.js'

/**
 * What a rating edit rates: a unit or a site as a whole, a standard or
 * criterion, a round, an instrument, and whether the rating is a named
 * rater's own or the counted one.
 */
export interface RatedPlace {
  /** The unit's id (unit ids are unique across sites). Give a unit or a site, not both. */
  readonly unit?: string
  /** A site's id, to rate the site (organisation) as a whole rather than one of its units. */
  readonly site?: string
  /** A standard or criterion id of the instrument. */
  readonly target: string
  /** The round; may be left out when the evaluation has exactly one round. */
  readonly round?: string
  /** The instrument, by id. Default: the default instrument (`ev.framework`). */
  readonly instrument?: string
  /**
   * A declared rater's id (`ev.raters`): the rating is that rater's own
   * (`byRater`), kept beside the counted rating. Left out: the counted rating,
   * which is the consensus when several raters rated the item.
   */
  readonly by?: string
}

/** Arguments of `rate`. Ids are plain strings, checked against the evaluation. */
export interface RateArgs extends RatedPlace {
  /** A level id of the instrument's scale, or `"na"` (not applicable). */
  readonly level: string
  /** Free text naming who rated (kept on the rating; for a declared rater's own rating use `by`). */
  readonly rater?: string
  /** ISO 8601 date of the rating. */
  readonly date?: string
  /** Ids of excerpts that support the rating. */
  readonly evidence?: readonly string[]
  readonly note?: string
}

/** Arguments of `unrate`: the rating to remove. */
export type UnrateArgs = RatedPlace

/** The round an edit means: the one given, or the only one. */
const resolveRound = (ev: Evaluation, round: string | undefined): string | undefined =>
  round !== undefined ? round : ev.rounds.length === 1 ? ev.rounds[0]!.id : undefined

/** The instrument an edit means (the default one when none is named), or undefined when unknown. */
const instrumentOf = (ev: Evaluation, id: string | undefined): Framework | undefined =>
  id === undefined || id === ev.framework.id ? ev.framework : ev.instruments?.find((f) => f.id === id)

const listIds = (ids: readonly string[]): string => showChoices(ids)

/** Problems shared by rate and unrate: the rated entity, the instrument, the target, the round and the rater. */
const placeProblems = (op: string, ev: Evaluation, args: RatedPlace): Problem[] => {
  const out = [
    ...stringArg(op, 'unit', args.unit, { optional: true }),
    ...stringArg(op, 'site', args.site, { optional: true }),
    ...stringArg(op, 'target', args.target),
    ...stringArg(op, 'round', args.round, { optional: true }),
    ...stringArg(op, 'instrument', args.instrument, { optional: true }),
    ...stringArg(op, 'by', args.by, { optional: true }),
  ]
  if (out.length > 0) return out
  if (args.unit !== undefined && args.site !== undefined)
    out.push(argProblem(op, 'site', 'a unit or a site (the site rated as a whole), not both', args.site, 'shape'))
  else if (args.site !== undefined) {
    if (siteIndex(ev, args.site) < 0)
      out.push(argProblem(op, 'site', 'the id of a site of this evaluation', args.site, 'reference'))
  } else if (args.unit === undefined)
    out.push(argProblem(op, 'unit', 'a unit id, or a site id (to rate the site as a whole)', undefined, 'shape'))
  else if (locateUnit(ev, args.unit) === undefined)
    out.push(argProblem(op, 'unit', 'the id of a unit of this evaluation', args.unit, 'reference'))
  const framework = instrumentOf(ev, args.instrument)
  if (framework === undefined)
    out.push(
      argProblem(
        op,
        'instrument',
        `an instrument id of this evaluation (${listIds(instrumentsOf(ev).map((f) => f.id))})`,
        args.instrument,
        'reference',
      ),
    )
  // The framework's slot layout (built once per framework object) knows every standard and criterion id.
  else if (!frameworkLayout(framework).slotOf.has(args.target))
    out.push(
      argProblem(op, 'target', `a standard or criterion id of framework ${framework.id}`, args.target, 'reference'),
    )
  if (args.round === undefined && ev.rounds.length !== 1)
    out.push(
      argProblem(
        op,
        'round',
        `a round id (required: this evaluation has ${ev.rounds.length} rounds)`,
        args.round,
        'shape',
      ),
    )
  else if (args.round !== undefined && !ev.rounds.some((r) => r.id === args.round))
    out.push(
      argProblem(
        op,
        'round',
        `a round id of this evaluation (${ev.rounds.map((r) => r.id).join(' | ') || 'none defined'})`,
        args.round,
        'reference',
      ),
    )
  if (args.by !== undefined && !(ev.raters ?? []).some((r) => r.id === args.by)) {
    const known = (ev.raters ?? []).map((r) => r.id)
    out.push(
      argProblem(
        op,
        'by',
        `a rater id of this evaluation (${known.length === 0 ? 'none declared in "raters"' : listIds(known)})`,
        args.by,
        'reference',
      ),
    )
  }
  return out
}

const rateProblems = (ev: Evaluation, args: RateArgs): Problem[] => {
  const out = placeProblems('rate', ev, args)
  const framework = instrumentOf(ev, args.instrument)
  if (framework !== undefined) {
    const levels = framework.scale.levels
    if (typeof args.level !== 'string' || (args.level !== NOT_APPLICABLE && !levels.some((l) => l.id === args.level)))
      out.push(
        argProblem(
          'rate',
          'level',
          `a level of scale ${framework.scale.id} (${levels.map((l) => l.id).join(' | ')}) or "${NOT_APPLICABLE}"`,
          args.level,
        ),
      )
  }
  out.push(
    ...stringArg('rate', 'rater', args.rater, { optional: true }),
    ...stringArg('rate', 'note', args.note, { optional: true, nonEmpty: false }),
  )
  if (args.date !== undefined && (typeof args.date !== 'string' || Number.isNaN(Date.parse(args.date))))
    out.push(argProblem('rate', 'date', 'an ISO 8601 date, e.g. "2007-03-31"', args.date))
  if (args.evidence !== undefined) {
    if (!Array.isArray(args.evidence))
      out.push(argProblem('rate', 'evidence', 'a list of excerpt ids', args.evidence, 'shape'))
    else {
      // One Set of the excerpt ids, not a scan per id; unknown ids listed up to MAX_LISTED_PROBLEMS.
      const known = new Set<string>(ev.excerpts.map((x) => x.id))
      let unknown = 0
      for (const id of args.evidence as readonly unknown[])
        if (typeof id !== 'string' || !known.has(id))
          if (unknown++ < MAX_LISTED_PROBLEMS)
            out.push(argProblem('rate', 'evidence', 'ids of excerpts of this evaluation', id, 'reference'))
      if (unknown > MAX_LISTED_PROBLEMS)
        out.push(
          argProblem(
            'rate',
            'evidence',
            `at most ${MAX_LISTED_PROBLEMS} listed unknown excerpt ids`,
            `${unknown - MAX_LISTED_PROBLEMS} more`,
            'limit',
          ),
        )
    }
  }
  return out
}

/** The draft of a unit's ratings in one round, created (null-prototype) when missing. */
const roundDraft = (draft: Draft<Evaluation>, at: UnitLocation, round: string): Record<string, Rating> => {
  const ratings = draft.sites[at.site]!.units[at.unit]!.ratings as Record<string, RoundRatings>
  if (ratings[round] === undefined) ratings[round] = Object.create(null) as RoundRatings
  return ratings[round] as Record<string, Rating>
}

/** A record as decoded documents have them: null-prototype, so any id is a plain key. */
const record = <A>(): Record<string, A> => Object.create(null) as Record<string, A>

/** The ratings of one instrument on one rated entity, as the edits reach them. */
interface Holder {
  ratings?: Record<string, Record<string, Rating>>
  byRater?: Record<string, Record<string, Record<string, Rating>>>
  instrumentRatings?: Record<string, Holder>
}

/** Whether the place is the common one: a unit, the default instrument, the counted rating. */
const plain = (ev: Evaluation, args: RatedPlace): boolean =>
  args.site === undefined &&
  args.by === undefined &&
  (args.instrument === undefined || args.instrument === ev.framework.id)

/** The rated entity (a site or a unit) of a checked place, in `of` (a document or its draft). */
const entityIn = (of: Evaluation | Draft<Evaluation>, base: Evaluation, args: RatedPlace): Holder => {
  if (args.site !== undefined) return of.sites[siteIndex(base, args.site)] as unknown as Holder
  const at = locateUnit(base, args.unit!)!
  return of.sites[at.site]!.units[at.unit] as unknown as Holder
}

/** The instrument's id as stored (`null` for the default instrument, stored on the entity itself). */
const storedInstrument = (ev: Evaluation, args: RatedPlace): string | null =>
  args.instrument === undefined || args.instrument === ev.framework.id ? null : args.instrument

/** The rating an edit stores, from its (checked) arguments. */
const ratingOf = (args: RateArgs): Rating => ({
  level: args.level as Rating['level'],
  ...(args.date !== undefined && { date: args.date }),
  ...(args.rater !== undefined && { rater: args.rater }),
  ...(args.evidence !== undefined && { evidence: args.evidence.map((id) => asId<'ExcerptId'>(id)) }),
  ...(args.note !== undefined && { note: args.note }),
})

const rateEdit = defineEdit<RateArgs>('rate', rateProblems, (draft, args) => {
  const base = original(draft)!
  const rating = ratingOf(args)
  const round = resolveRound(base, args.round)!
  if (plain(base, args)) {
    roundDraft(draft, locateUnit(base, args.unit!)!, round)[args.target] = rating
    return
  }
  placeRating(entityIn(draft, base, args), storedInstrument(base, args), round, args.target, args.by, rating)
})

/**
 * The rate edit without a draft: the document, the sites list, the site (and,
 * for a unit, its units list and the unit) and every record on the way to the
 * rating are copied as immer copies them, records the recipe would create are
 * created, and nothing else is touched. Any value on the way that the recipe
 * would not treat as a record (an inherited property, `null`, a list, a
 * missing `ratings` of a unit) sends the edit through the recipe instead.
 */
const rateDirect = (ev: Evaluation, args: RateArgs): Evaluation | undefined => {
  const round = resolveRound(ev, args.round)!
  const instrument = storedInstrument(ev, args)
  const path: string[] = instrument === null ? [] : ['instrumentRatings', instrument]
  if (args.by === undefined) path.push('ratings', round, args.target)
  else path.push('byRater', round, args.target, args.by)
  // The recipe of a unit's counted rating on the default instrument needs the unit's `ratings`; the others create it.
  const mustExist = plain(ev, args) ? 1 : 0
  const unitAt = args.site === undefined ? locateUnit(ev, args.unit!)! : undefined
  const siteAt = unitAt === undefined ? siteIndex(ev, args.site!) : unitAt.site
  const site = ev.sites[siteAt]!
  const entity = unitAt === undefined ? site : site.units[unitAt.unit]!
  const nextEntity = placedCopy(entity, path, 0, mustExist, ratingOf(args))
  if (nextEntity === undefined) return undefined
  let nextSite: Site | undefined
  if (unitAt === undefined) nextSite = nextEntity as Site
  else {
    const units = copyArray(site.units)
    nextSite = copyPlain(site)
    if (units === undefined || nextSite === undefined) return undefined
    units[unitAt.unit] = nextEntity as Unit
    ;(nextSite as { units: unknown }).units = units
  }
  const next = copyPlain(ev)
  const sites = copyArray(ev.sites)
  if (next === undefined || sites === undefined) return undefined
  sites[siteAt] = nextSite
  ;(next as { sites: unknown }).sites = sites
  return next
}

/**
 * A copy of `base` (or, when missing, the record the recipe creates at this
 * depth) with the value at `path[depth…]` set, copying each record on the
 * way; `undefined` when a value on the way is not one the recipe treats as
 * a record. The values of the first `mustExist` keys of `path` may not be missing.
 */
const placedCopy = (
  base: unknown,
  path: readonly string[],
  depth: number,
  mustExist: number,
  value: Rating,
): object | undefined => {
  const key = path[depth]!
  if (depth === path.length - 1)
    return base === undefined
      ? recordWith(undefined, key, value)
      : isNullRecord(base)
        ? recordWith(base, key, value)
        : undefined
  // What the recipe creates when missing: a record, or for a further instrument its holder with empty ratings.
  const copy =
    base === undefined
      ? depth === 2 && path[0] === 'instrumentRatings'
        ? { ratings: Object.create(null) as object }
        : (Object.create(null) as Record<string, unknown>)
      : copyRecord(base)
  if (copy === undefined) return undefined
  const child = stepValue(copy, key)
  if (child === INHERITED || child === null || (child === undefined && depth < mustExist)) return undefined
  const placed = placedCopy(child, path, depth + 1, mustExist, value)
  if (placed === undefined) return undefined
  ;(copy as Record<string, unknown>)[key] = placed
  return copy
}

const INHERITED = Symbol('inherited')

/** A property's value on the way to a rating: own, `undefined` when missing, `INHERITED` for an inherited one (which the recipe would read through). */
const stepValue = (o: object, key: string): unknown =>
  hasOwn(o, key) ? (o as Record<string, unknown>)[key] : key in o ? INHERITED : undefined

/**
 * Rate a unit, or a site as a whole, against a standard or criterion of an
 * instrument: set (or replace) its rating in one round. Without `by` it is
 * the counted rating (on an item several raters rated, the consensus); with
 * `by` it is that declared rater's own rating, kept beside the counted one
 * and counted only under a rater rule (see `RaterRule`). Refused when the
 * unit or site, instrument, target, round, rater, level or an evidence id is
 * unknown, when both or neither of unit and site are given, or when the
 * round is left out and the evaluation does not have exactly one round.
 * @param args where (`unit` or `site`, `target`, `round`, `instrument`, `by`), the `level`, and optional `rater`, `date`, `evidence` and `note`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'partly', rater: 'JB' }))
 * ev.sites[0].units[0].ratings['mhip-2008'] //=> { '2.4': { level: 'partly', rater: 'JB' } }
 * const quality = {
 *   id: 'quality', title: 'Quality review',
 *   scale: { id: 'quality', label: 'Quality', levels: [{ id: 'good', label: 'Good', score: 1 }, { id: 'poor', label: 'Poor', score: 0 }] },
 *   sections: [{ id: 'Q', title: 'Quality', standards: [{ id: 'Q1', title: 'Safe care', variants: [], criteria: [] }] }],
 * }
 * const ev2 = edit(ev, declareInstrument({ instrument: quality }), declareRater({ rater: { id: 'ann', name: 'Ann' } }))
 * const ev3 = edit(ev2, rate({ site: 'south-staffordshire', instrument: 'quality', target: 'Q1', level: 'good', by: 'ann' }))
 * ev3.sites[0].instrumentRatings.quality.byRater['mhip-2008'].Q1.ann //=> { level: 'good' }
 * applyEdit(ev, rate({ unit: 'acute-care', target: '2.4', level: 'good' }))
 * //=> left([{ where: 'rate › level', expected: 'a level of scale emhip (met | partly | not-met) or "na"', found: '"good"', … }])
 */
export const rate = (args: RateArgs): Edit => withDirect(rateEdit(args), (ev) => rateDirect(ev, args))

/**
 * Put a rating in its place on a rated entity (a unit or a site, or a draft
 * of one): on the default instrument (`instrument` null) or a further one,
 * as the counted rating or (with `by`) a rater's own, creating the
 * null-prototype records on the way. The place must have been checked.
 * Shared by `rate` and the CSV import, which writes many ratings in one draft.
 * @internal
 */
export const placeRating = (
  entity: object,
  instrument: string | null,
  round: string,
  target: string,
  by: string | undefined,
  rating: Rating,
): void => {
  const e = entity as Holder
  const holder = instrument === null ? e : ((e.instrumentRatings ??= record())[instrument] ??= { ratings: record() })
  if (by === undefined) ((holder.ratings ??= record())[round] ??= record())[target] = rating
  else (((holder.byRater ??= record())[round] ??= record())[target] ??= record())[by] = rating
}

const has = (o: object | undefined, key: string): boolean =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, key)
const isEmpty = (o: object): boolean => {
  for (const _ in o) return false
  return true
}

/**
 * Remove one rating, making the item unrated: the counted rating of a unit,
 * or of a site as a whole, on an instrument, or (with `by`) one rater's own
 * rating. Removing a rating that is not there is allowed and changes nothing.
 * Records the removal leaves empty on a site, on a further instrument or
 * among the raters' ratings are removed with it, so the document holds no
 * empty shells. Refused when the unit or site, instrument, target, round or
 * rater is unknown.
 * @param args where: `unit` or `site`, `target`, and optional `round`, `instrument` and `by` (a declared rater)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }), rate({ unit: 'acute-care', target: '3.1', level: 'met' }))
 * Object.keys(edit(ev, unrate({ unit: 'acute-care', target: '2.4' })).sites[0].units[0].ratings['mhip-2008']) //=> ['3.1']
 * edit(ev, unrate({ unit: 'acute-care', target: '1.1' })).sites[0].units[0].ratings //=> ev.sites[0].units[0].ratings
 */
export const unrate = defineEdit<UnrateArgs>(
  'unrate',
  (ev, args) => placeProblems('unrate', ev, args),
  (draft, args) => {
    const base = original(draft)!
    const round = resolveRound(base, args.round)!
    if (plain(base, args)) {
      const at = locateUnit(base, args.unit!)!
      const ratings = (base.sites[at.site]!.units[at.unit]!.ratings as Readonly<Record<string, RoundRatings>>)[round]
      // Only touch the draft when there is something to remove: no patch, no copy otherwise.
      if (has(ratings, args.target)) delete roundDraft(draft, at, round)[args.target]
      return
    }
    const instrument = storedInstrument(base, args)
    const before = entityIn(base, base, args)
    const beforeHolder = instrument === null ? before : before.instrumentRatings?.[instrument]
    const there =
      args.by === undefined
        ? has(beforeHolder?.ratings?.[round], args.target)
        : has(beforeHolder?.byRater?.[round]?.[args.target], args.by)
    if (!there) return
    const entity = entityIn(draft, base, args)
    const holder = instrument === null ? entity : entity.instrumentRatings![instrument]!
    if (args.by === undefined) {
      const rounds = holder.ratings!
      delete rounds[round]![args.target]
      // A unit's own `ratings` keep their round records, as they always have; optional records are pruned.
      if (instrument !== null || args.site !== undefined) {
        if (isEmpty(rounds[round]!)) delete rounds[round]
        if (instrument === null && isEmpty(rounds)) delete holder.ratings
      }
    } else {
      const rounds = holder.byRater!
      delete rounds[round]![args.target]![args.by]
      if (isEmpty(rounds[round]![args.target]!)) delete rounds[round]![args.target]
      if (isEmpty(rounds[round]!)) delete rounds[round]
      if (isEmpty(rounds)) delete holder.byRater
    }
    if (instrument !== null && isEmpty(holder.ratings!) && holder.byRater === undefined) {
      delete entity.instrumentRatings![instrument]
      if (isEmpty(entity.instrumentRatings!)) delete entity.instrumentRatings
    }
  },
)
