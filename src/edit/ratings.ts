/**
 * Edits of ratings: `rate` and `unrate`.
 * @module
 */
import { original, type Draft } from 'immer'
import type { Evaluation } from '../model/evaluation.js'
import type { Rating, RoundRatings } from '../model/ratings.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { MAX_LISTED_PROBLEMS, type Problem } from '../model/problem.js'
import { asId } from '../model/ids.js'
import { defineEdit } from './define.js'
import { argProblem, stringArg } from './args.js'
import { locateUnit, type UnitLocation } from './locate.js'
import { frameworkLayout } from '../model/rating-codes.js'

/** Arguments of `rate`. Ids are plain strings, checked against the evaluation. */
export interface RateArgs {
  /** The unit's id (unit ids are unique across sites). */
  readonly unit: string
  /** A standard or criterion id of the framework. */
  readonly target: string
  /** A level id of the framework's scale, or `"na"` (not applicable). */
  readonly level: string
  /** The round; may be left out when the evaluation has exactly one round. */
  readonly round?: string
  readonly rater?: string
  /** ISO 8601 date of the rating. */
  readonly date?: string
  /** Ids of excerpts that support the rating. */
  readonly evidence?: readonly string[]
  readonly note?: string
}

/** Arguments of `unrate`. */
export interface UnrateArgs {
  readonly unit: string
  readonly target: string
  /** The round; may be left out when the evaluation has exactly one round. */
  readonly round?: string
}

/** The round an edit means: the one given, or the only one. */
const resolveRound = (ev: Evaluation, round: string | undefined): string | undefined =>
  round !== undefined ? round : ev.rounds.length === 1 ? ev.rounds[0]!.id : undefined

/** Problems shared by rate and unrate: the unit, the target and the round. */
const placeProblems = (op: string, ev: Evaluation, args: UnrateArgs): Problem[] => {
  const out = [...stringArg(op, 'unit', args.unit), ...stringArg(op, 'target', args.target), ...stringArg(op, 'round', args.round, { optional: true })]
  if (out.length > 0) return out
  if (locateUnit(ev, args.unit) === undefined) out.push(argProblem(op, 'unit', 'the id of a unit of this evaluation', args.unit, 'reference'))
  // The framework's slot layout (built once per framework object) knows every standard and criterion id.
  if (!frameworkLayout(ev.framework).slotOf.has(args.target))
    out.push(argProblem(op, 'target', `a standard or criterion id of framework ${ev.framework.id}`, args.target, 'reference'))
  if (args.round === undefined && ev.rounds.length !== 1)
    out.push(argProblem(op, 'round', `a round id (required: this evaluation has ${ev.rounds.length} rounds)`, args.round, 'shape'))
  else if (args.round !== undefined && !ev.rounds.some((r) => r.id === args.round))
    out.push(argProblem(op, 'round', `a round id of this evaluation (${ev.rounds.map((r) => r.id).join(' | ') || 'none defined'})`, args.round, 'reference'))
  return out
}

const rateProblems = (ev: Evaluation, args: RateArgs): Problem[] => {
  const out = placeProblems('rate', ev, args)
  const levels = ev.framework.scale.levels
  if (typeof args.level !== 'string' || (args.level !== NOT_APPLICABLE && !levels.some((l) => l.id === args.level)))
    out.push(argProblem('rate', 'level', `a level of scale ${ev.framework.scale.id} (${levels.map((l) => l.id).join(' | ')}) or "${NOT_APPLICABLE}"`, args.level))
  out.push(...stringArg('rate', 'rater', args.rater, { optional: true }), ...stringArg('rate', 'note', args.note, { optional: true, nonEmpty: false }))
  if (args.date !== undefined && (typeof args.date !== 'string' || Number.isNaN(Date.parse(args.date))))
    out.push(argProblem('rate', 'date', 'an ISO 8601 date, e.g. "2007-03-31"', args.date))
  if (args.evidence !== undefined) {
    if (!Array.isArray(args.evidence)) out.push(argProblem('rate', 'evidence', 'a list of excerpt ids', args.evidence, 'shape'))
    else {
      // One Set of the excerpt ids, not a scan per id; unknown ids listed up to MAX_LISTED_PROBLEMS.
      const known = new Set<string>(ev.excerpts.map((x) => x.id))
      let unknown = 0
      for (const id of args.evidence as readonly unknown[])
        if (typeof id !== 'string' || !known.has(id))
          if (unknown++ < MAX_LISTED_PROBLEMS) out.push(argProblem('rate', 'evidence', 'ids of excerpts of this evaluation', id, 'reference'))
      if (unknown > MAX_LISTED_PROBLEMS)
        out.push(argProblem('rate', 'evidence', `at most ${MAX_LISTED_PROBLEMS} listed unknown excerpt ids`, `${unknown - MAX_LISTED_PROBLEMS} more`, 'limit'))
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

/**
 * Rate a unit against a standard or criterion: set (or replace) its rating in
 * one round. Refused when the unit, target, round, level or an evidence id is
 * unknown, or when the round is left out and the evaluation does not have
 * exactly one round.
 * @example
 * applyEdit(ev, rate({ unit: 'acute', target: '2.4', level: 'partly', rater: 'JB' }))
 * //=> right(ev with ratings.r1['2.4'] = { level: 'partly', rater: 'JB' })
 * applyEdit(ev, rate({ unit: 'acute', target: '2.4', level: 'good' }))
 * //=> left([{ where: 'rate › level', expected: 'a level of scale emhip (met | partly | not-met) or "na"', found: '"good"', … }])
 */
export const rate = defineEdit<RateArgs>('rate', rateProblems, (draft, args) => {
  const base = original(draft)!
  const rating: Rating = {
    level: args.level as Rating['level'],
    ...(args.date !== undefined && { date: args.date }),
    ...(args.rater !== undefined && { rater: args.rater }),
    ...(args.evidence !== undefined && { evidence: args.evidence.map((id) => asId<'ExcerptId'>(id)) }),
    ...(args.note !== undefined && { note: args.note }),
  }
  roundDraft(draft, locateUnit(base, args.unit)!, resolveRound(base, args.round)!)[args.target] = rating
})

/**
 * Remove a unit's rating of a standard or criterion in one round, making it
 * unrated. Removing a rating that is not there is allowed and changes nothing.
 * Refused when the unit, target or round is unknown.
 * @example
 * applyEdit(ev, unrate({ unit: 'acute', target: '2.4' })) //=> right(ev without that rating)
 */
export const unrate = defineEdit<UnrateArgs>(
  'unrate',
  (ev, args) => placeProblems('unrate', ev, args),
  (draft, args) => {
    const base = original(draft)!
    const at = locateUnit(base, args.unit)!
    const round = resolveRound(base, args.round)!
    const byRound: Readonly<Record<string, RoundRatings>> = base.sites[at.site]!.units[at.unit]!.ratings
    const ratings = byRound[round]
    // Only touch the draft when there is something to remove: no patch, no copy otherwise.
    if (ratings !== undefined && Object.prototype.hasOwnProperty.call(ratings, args.target)) delete roundDraft(draft, at, round)[args.target]
  },
)
