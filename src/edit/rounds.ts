/**
 * Edits of rating rounds: `addRound`, `renameRound`, `removeRound`.
 * @module
 */
import { original } from 'immer'
import type { Evaluation, Round } from '../model/evaluation.js'
import type { RoundId } from '../model/ids.js'
import { defineEdit } from './define.js'
import { argProblem, newIdArg, roomArg, stringArg } from './args.js'

/** Arguments of `addRound`. */
export interface AddRoundArgs {
  readonly id: string
  readonly label: string
  /** ISO 8601 date of the round. */
  readonly date?: string
}

/**
 * Add a rating round (e.g. a follow-up) at the end of the round list. Note
 * that `rate` then needs an explicit `round`, since there is no longer only one.
 * @param args the new round's id (unique), its label and an optional ISO 8601 date
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, addRound({ id: 'follow-up', label: 'Follow-up', date: '2009-03-01' }))
 * ev.rounds.map((r) => r.id) //=> ['mhip-2008', 'follow-up']
 */
export const addRound = defineEdit<AddRoundArgs>(
  'addRound',
  (ev, args) => [
    ...newIdArg('addRound', 'id', args.id, 'round', (id) => ev.rounds.some((r) => r.id === id)),
    ...roomArg('addRound', 'id', ev.rounds.length, 'the rounds'),
    ...stringArg('addRound', 'label', args.label, { nonEmpty: false }),
    ...(args.date !== undefined && (typeof args.date !== 'string' || Number.isNaN(Date.parse(args.date)))
      ? [argProblem('addRound', 'date', 'an ISO 8601 date, e.g. "2008-03-01"', args.date)]
      : []),
  ],
  (draft, args) => {
    const round: Round = {
      id: args.id as RoundId,
      label: args.label,
      ...(args.date !== undefined && { date: args.date }),
    }
    draft.rounds.push(round)
  },
)

/** Arguments of `removeRound`. */
export interface RemoveRoundArgs {
  readonly round: string
  /** `"refuse"` (default): refuse while any unit has ratings in the round; `"drop"`: remove them too. */
  readonly data?: 'refuse' | 'drop'
}

/** A rated entity's records keyed by round: its counted ratings, its raters' ratings, and both on each further instrument. */
const roundKeyed = (entity: {
  readonly ratings?: object
  readonly byRater?: object
  readonly instrumentRatings?: Readonly<Record<string, { readonly ratings: object; readonly byRater?: object }>>
}): Readonly<Record<string, object | undefined>>[] => {
  const out: Readonly<Record<string, object | undefined>>[] = []
  if (entity.ratings !== undefined) out.push(entity.ratings as Record<string, object>)
  if (entity.byRater !== undefined) out.push(entity.byRater as Record<string, object>)
  if (entity.instrumentRatings !== undefined)
    for (const id of Object.keys(entity.instrumentRatings)) {
      const r = entity.instrumentRatings[id]!
      out.push(r.ratings as Record<string, object>)
      if (r.byRater !== undefined) out.push(r.byRater as Record<string, object>)
    }
  return out
}

/** Whether an entity holds any rating in a round (on any instrument, counted or a rater's own). */
const ratedIn = (entity: Parameters<typeof roundKeyed>[0], round: string): boolean =>
  roundKeyed(entity).some((byRound) => Object.keys(byRound[round] ?? {}).length > 0)

/** How many rated entities (units, and sites rated as a whole) hold ratings in a round. */
const unitsRatedIn = (ev: Evaluation, round: string): number =>
  ev.sites.reduce(
    (n, site) => n + (ratedIn(site, round) ? 1 : 0) + site.units.filter((u) => ratedIn(u, round)).length,
    0,
  )

/**
 * Remove a rating round. With `data: "refuse"` (the default) it is refused
 * while any unit, or site rated as a whole, has ratings in it (on any
 * instrument, counted or a rater's own); with `data: "drop"` those ratings
 * go too (this touches every rated unit, so it is a slow edit on a big
 * document).
 * @param args the round's id, and what to do with its ratings (`data`, default `"refuse"`)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }))
 * applyEdit(ev, removeRound({ round: 'mhip-2008' }))
 * //=> left([{ where: 'removeRound › round', expected: 'a round without ratings, or data: "drop" (1 unit has ratings in it)', … }])
 * edit(ev, removeRound({ round: 'mhip-2008', data: 'drop' })).rounds //=> []
 */
export const removeRound = defineEdit<RemoveRoundArgs>(
  'removeRound',
  (ev, args) => {
    if (typeof args.round !== 'string' || !ev.rounds.some((r) => r.id === args.round))
      return [argProblem('removeRound', 'round', 'the id of a round of this evaluation', args.round, 'reference')]
    if (args.data !== undefined && args.data !== 'refuse' && args.data !== 'drop')
      return [argProblem('removeRound', 'data', '"refuse" or "drop"', args.data)]
    const rated = (args.data ?? 'refuse') === 'refuse' ? unitsRatedIn(ev, args.round) : 0
    return rated > 0
      ? [
          argProblem(
            'removeRound',
            'round',
            `a round without ratings, or data: "drop" (${rated} unit${rated === 1 ? ' has' : 's have'} ratings in it)`,
            args.round,
            'consistency',
          ),
        ]
      : []
  },
  (draft, args) => {
    const base = original(draft)!
    draft.rounds.splice(
      base.rounds.findIndex((r) => r.id === args.round),
      1,
    )
    // Each record keyed by round, in the base and in the draft, in the same order.
    const drop = (before: Parameters<typeof roundKeyed>[0], after: object): void => {
      const records = roundKeyed(before)
      if (!records.some((byRound) => byRound[args.round] !== undefined)) return
      roundKeyed(after as Parameters<typeof roundKeyed>[0]).forEach((byRound, i) => {
        if (records[i]![args.round] !== undefined) delete (byRound as Record<string, unknown>)[args.round]
      })
    }
    base.sites.forEach((site, s) => {
      drop(site, draft.sites[s]!)
      site.units.forEach((unit, u) => drop(unit, draft.sites[s]!.units[u]!))
    })
  },
)

/** Arguments of `renameRound`. */
export interface RenameRoundArgs {
  readonly round: string
  readonly label: string
}

/**
 * Give a round a new label (its id, which ratings use, stays).
 * @param args the round's id and its new label
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, renameRound({ round: 'mhip-2008', label: 'Baseline (2006)' }))
 * ev.rounds //=> [{ id: 'mhip-2008', label: 'Baseline (2006)' }]
 */
export const renameRound = defineEdit<RenameRoundArgs>(
  'renameRound',
  (ev, args) => [
    ...(typeof args.round === 'string' && ev.rounds.some((r) => r.id === args.round)
      ? []
      : [argProblem('renameRound', 'round', 'the id of a round of this evaluation', args.round, 'reference')]),
    ...stringArg('renameRound', 'label', args.label, { nonEmpty: false }),
  ],
  (draft, args) => {
    draft.rounds[original(draft)!.rounds.findIndex((r) => r.id === args.round)]!.label = args.label
  },
)
