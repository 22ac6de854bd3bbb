/**
 * Edits of observations (statements with no level): `addObservation`,
 * `removeObservation`. Both are checked first and recorded as patches in the
 * change log.
 * @module
 */
import { castDraft } from 'immer'
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { ObservationC, type Observation } from '../model/observations.js'
import { observationProblems } from '../model/attribute-checks.js'
import { problemsFromErrors } from '../model/codec-kit.js'
import { type Problem } from '../model/problem.js'
import { defineEdit } from '../edit/define.js'
import { argProblem, roomArg } from '../edit/args.js'

/** An observation as an edit takes it: ids are plain strings (checked when the edit runs). */
export type ObservationInput = {
  readonly [K in keyof Observation]: Observation[K] extends string
    ? string
    : Observation[K] extends string | undefined
      ? string | undefined
      : Observation[K]
}

/** Arguments of `addObservation`. */
export interface AddObservationArgs {
  /** The observation: id, site, text, and optional unit, target, round, date (`YYYY-MM-DD`) and source. */
  readonly observation: ObservationInput
}

/**
 * Add an observation (a statement with no level, such as "placed in special
 * measures") at the end of the evaluation's list. It is reported and
 * exported, and never counted as a level. Refused when it is malformed, its
 * id is taken, or it names a site, unit, target or round that does not exist.
 * @example
 * // ev holds one observation, o1, about South Staffordshire
 * const r = applyEdit(ev, addObservation({ observation: { id: 'o2', site: 'le', unit: 'older', text: 'New lead appointed', date: '2007-05-14' } }))
 * isRight(r) && r.right.observations.map((o) => o.id) //=> ['o1', 'o2']
 * applyEdit(ev, addObservation({ observation: { id: 'o1', site: 'ss', text: 'Again' } }))
 * //=> left([{ where: 'addObservation › observation › id', expected: 'an observation id not used before', found: '"o1"', code: 'duplicate', … }])
 */
export const addObservation = defineEdit<AddObservationArgs>(
  'addObservation',
  (ev, args) => {
    const op = 'addObservation'
    if (args === null || typeof args !== 'object')
      return [argProblem(op, 'observation', 'an object { observation }', args, 'shape')]
    const decoded = ObservationC.decode(args.observation)
    if (E.isLeft(decoded))
      return problemsFromErrors(decoded.left, args.observation).map((p) => ({
        ...p,
        path: ['observation', ...p.path],
        where: `${op} › observation${p.path.length > 0 ? ` › ${p.where}` : ''}`,
      }))
    const list = ev.observations ?? []
    const index = list.length
    const out: Problem[] = roomArg(op, 'observation', index, 'the observations')
    for (const p of observationProblems({ ...ev, observations: [...list, decoded.right] }))
      if (p.path[0] === 'observations' && p.path[1] === index)
        out.push({
          ...p,
          path: ['observation', ...p.path.slice(2)],
          where: `${op} › observation › ${String(p.path[2])}`,
        })
    return out
  },
  (draft, args) => {
    const o = structuredClone(args.observation) as Observation
    if (draft.observations === undefined) draft.observations = castDraft([o])
    else draft.observations.push(castDraft(o))
  },
)

/** Arguments of `removeObservation`. */
export interface RemoveObservationArgs {
  readonly id: string
}

const known = (ev: Evaluation, id: unknown): boolean =>
  typeof id === 'string' && (ev.observations ?? []).some((o) => o.id === id)

/**
 * Remove an observation by id.
 * @example
 * // ev holds one observation, o1
 * const r = applyEdit(ev, removeObservation({ id: 'o1' }))
 * isRight(r) && r.right.observations //=> []
 * applyEdit(ev, removeObservation({ id: 'o9' })) //=> left([{ where: 'removeObservation › id', expected: 'the id of an observation of this evaluation', … }])
 */
export const removeObservation = defineEdit<RemoveObservationArgs>(
  'removeObservation',
  (ev, args) =>
    known(ev, args?.id)
      ? []
      : [argProblem('removeObservation', 'id', 'the id of an observation of this evaluation', args?.id, 'reference')],
  (draft, args) => {
    draft.observations = draft.observations!.filter((o) => o.id !== args.id)
  },
)
