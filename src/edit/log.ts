/**
 * The change log: edits recorded with immer patches, so that a session can be
 * saved, audited (who, when, what), undone and replayed.
 * @module
 */
import { enablePatches, type Patch } from 'immer'
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import { PROTO_KEY_EXPECTED } from '../model/codec-limits.js'
import { PROTO_KEY, protoKeyPath } from '../model/own.js'
import type { Edit } from './define.js'
import { immer } from './immer.js'
import { carryLocations } from './locate.js'

// Patches are an immer plugin. It is loaded on first use rather than at module
// load, so that importing this module has no side effect (package.json declares
// `"sideEffects": false`, and bundlers drop imports kept only for their effects).
// Loading it is idempotent; immer's plugin registry is shared by all instances.
let patchesLoaded = false
const usePatches = (): void => {
  if (!patchesLoaded) {
    enablePatches()
    patchesLoaded = true
  }
}

/** One recorded edit: what (op, args), who, when, and the patches both ways. */
export interface LogEntry {
  /** The edit's name (`rate`). */
  readonly op: string
  /** The arguments the edit was made with. */
  readonly args: unknown
  /** The person or tool that made the edit. */
  readonly who: string
  /** ISO 8601 timestamp. */
  readonly when: string
  /** Apply to the state before the edit to get the state after it. */
  readonly patches: readonly Patch[]
  /** Apply to the state after the edit to get the state before it (undo). */
  readonly inversePatches: readonly Patch[]
}

/** A change log: entries, oldest first. Plain data, so it can be saved as JSON. */
export type ChangeLog = readonly LogEntry[]

/** Who makes a recorded edit, and when. */
export interface RecordOptions {
  /** The person or tool making the edit. */
  readonly who: string
  /** ISO 8601 timestamp. Default: now (`new Date().toISOString()`). */
  readonly when?: string
}

/**
 * Apply an edit and record it: the new evaluation and a log entry holding the
 * patches and their inverse. Refused exactly as `applyEdit` refuses.
 * @param ev - the evaluation to edit; never mutated.
 * @param edit - an edit built by a constructor such as `rate({...})`.
 * @param options - who makes the edit, and when (default now).
 * @returns `right({ evaluation, entry })`: the new evaluation and its log entry; `left(problems)` when refused
 * @example
 * const r = recordEditEither(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }), { who: 'JB', when: '2026-01-05T10:00:00Z' })
 * isRight(r) && r.right.entry
 * //=> { op: 'rate', who: 'JB', when: '2026-01-05T10:00:00Z',
 * //     patches: [{ op: 'add', path: ['sites', 0, 'units', 0, 'ratings', 'mhip-2008'], value: { '2.4': { level: 'met' } } }], … }
 */
export const recordEditEither = (
  ev: Evaluation,
  edit: Edit,
  options: RecordOptions,
): Result<{ readonly evaluation: Evaluation; readonly entry: LogEntry }> => {
  const problems = edit.check(ev)
  if (problems.length > 0) return E.left(problems)
  usePatches()
  const [evaluation, patches, inversePatches] = immer.produceWithPatches(ev, edit.recipe)
  carryLocations(ev, evaluation)
  const entry: LogEntry = {
    op: edit.op,
    args: edit.args,
    who: options.who,
    when: options.when ?? new Date().toISOString(),
    patches,
    inversePatches,
  }
  return E.right({ evaluation, entry })
}

/**
 * Apply an edit and record it: the new evaluation and a log entry holding the
 * patches and their inverse. Refused exactly as `applyEdit` refuses.
 *
 * The throwing form of {@link recordEditEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev - the evaluation to edit; never mutated.
 * @param edit - an edit built by a constructor such as `rate({...})`.
 * @param options - who makes the edit, and when (default now).
 * @returns the result (`{ readonly evaluation: Evaluation; readonly entry: LogEntry }`), as {@link recordEditEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link recordEditEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] recordEdit: …`).
 * @example
 * const { evaluation, entry } = recordEdit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }), { who: 'JB' })
 * entry.op //=> 'rate'
 */
export const recordEdit = (
  ev: Evaluation,
  edit: Edit,
  options: RecordOptions,
): { readonly evaluation: Evaluation; readonly entry: LogEntry } =>
  orThrow('recordEdit', recordEditEither(ev, edit, options))

type Path = readonly (string | number)[]

/**
 * Where a patch lands, for reviving its value: the document and the lists
 * and objects that lead to rating records, a run of `depth` null-prototype
 * record levels (2 for counted ratings: round → target; 3 for raters'
 * ratings: round → target → rater), the instrument-keyed record of a rated
 * entity and one of its entries, or anything else (kept as it is).
 */
type Place =
  'doc' | 'sites' | 'site' | 'units' | 'unit' | 'instruments' | 'instrument' | 'other' | { readonly depth: number }

/** The place of a rated entity's field (a site's or a unit's, or an instrument entry's). */
const fieldPlace = (key: string | number, inEntry: boolean): Place =>
  key === 'ratings'
    ? { depth: 2 }
    : key === 'byRater'
      ? { depth: 3 }
      : key === 'instrumentRatings' && !inEntry
        ? 'instruments'
        : 'other'

/** The place one step below `place`, at `key`. */
const step = (place: Place, key: string | number): Place => {
  if (typeof place === 'object') return place.depth > 0 ? { depth: place.depth - 1 } : 'other'
  switch (place) {
    case 'doc':
      return key === 'sites' ? 'sites' : 'other'
    case 'sites':
      return typeof key === 'number' ? 'site' : 'other'
    case 'site':
      return key === 'units' ? 'units' : fieldPlace(key, false)
    case 'units':
      return typeof key === 'number' ? 'unit' : 'other'
    case 'unit':
      return fieldPlace(key, false)
    case 'instruments':
      return 'instrument'
    case 'instrument':
      return fieldPlace(key, true)
    default:
      return 'other'
  }
}

/** A value placed at `place`, with its rating records made null-prototype. */
const revive = (place: Place, value: unknown): unknown => {
  if (place === 'other' || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((v, i) => revive(step(place, i), v))
  const nullRecord = place === 'instruments' || (typeof place === 'object' && place.depth > 0)
  if (typeof place === 'object' && place.depth === 0) return value
  const out: Record<string, unknown> = nullRecord ? Object.create(null) : {}
  for (const key of Object.keys(value)) out[key] = revive(step(place, key), (value as Record<string, unknown>)[key])
  return out
}

/**
 * A patch value with its rating records made null-prototype again. A log
 * saved as JSON comes back with ordinary objects, and replaying it must give
 * the same document as the edits did, null prototypes included: the counted
 * ratings, the raters' ratings and the instrument-keyed ratings of units and
 * of sites rated as a whole. Only the few levels above the ratings are walked.
 */
const reviveRatings = (path: Path, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value
  let place: Place = 'doc'
  for (const key of path) {
    place = step(place, key)
    if (place === 'other') return value
  }
  return revive(place, value)
}

/** Apply patches, turning immer's refusal (patches that do not fit the state) into a problem. */
const patch = (ev: Evaluation, patches: readonly Patch[], fn: string, index: number): Result<Evaluation> => {
  // A log read from a file is input: a "__proto__" key in a patch would reach immer's key-by-key copies.
  for (let k = 0; k < patches.length; k++) {
    const p = patches[k]!
    const inValue = protoKeyPath(p.value)
    const at =
      Array.isArray(p.path) && p.path.includes(PROTO_KEY)
        ? ['path']
        : inValue === undefined
          ? undefined
          : ['value', ...inValue]
    if (at !== undefined)
      return E.left([
        problem(
          [index, k, ...at],
          PROTO_KEY_EXPECTED,
          PROTO_KEY,
          'value',
          `${fn} › entry ${index + 1} › patch ${k + 1}`,
        ),
      ])
  }
  try {
    const revived = patches.map((p) => (p.value === undefined ? p : { ...p, value: reviveRatings(p.path, p.value) }))
    usePatches()
    const next = immer.applyPatches(ev, revived)
    carryLocations(ev, next)
    return E.right(next)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return E.left([
      problem(
        [index],
        `patches that fit the evaluation (${fn} must follow the log in order)`,
        why,
        'consistency',
        `${fn} › entry ${index + 1}`,
      ),
    ])
  }
}

/**
 * Undo a recorded edit by applying its inverse patches to the state right
 * after it. Undo entries newest first; undoing out of order may not fit (a
 * problem, not an exception).
 * @param ev the state right after the edit
 * @param entry the edit's log entry (from `recordEdit`)
 * @returns `right(state before the edit)`, or `left(problems)` when the patches do not fit `ev`
 * @example
 * const { evaluation, entry } = recordEdit(mhipEvaluation, renameSite({ site: 'leicestershire', name: 'Leics' }), { who: 'JB' })
 * undoEither(evaluation, entry) //=> right(mhipEvaluation)
 */
export const undoEither = (ev: Evaluation, entry: LogEntry): Result<Evaluation> =>
  patch(ev, entry.inversePatches, 'undo', 0)

/**
 * Undo a recorded edit by applying its inverse patches to the state right
 * after it. Undo entries newest first; undoing out of order may not fit (a
 * problem, not an exception).
 *
 * The throwing form of {@link undoEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the state right after the edit
 * @param entry the edit's log entry (from `recordEdit`)
 * @returns the result (`Evaluation`), as {@link undoEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link undoEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] undo: …`).
 * @example
 * const { evaluation, entry } = recordEdit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }), { who: 'JB' })
 * undo(evaluation, entry) === mhipEvaluation //=> false // a new value
 * undo(evaluation, entry).sites[0].units[0].ratings //=> mhipEvaluation.sites[0].units[0].ratings
 */
export const undo = (ev: Evaluation, entry: LogEntry): Evaluation => orThrow('undo', undoEither(ev, entry))

/**
 * Replay a change log over the evaluation it started from: the patches of
 * every entry, in order. The result equals the state at the end of the log
 * (the edits are not re-run, so it is exact even if edit rules change later).
 * @param base - the state the log starts from.
 * @param log - entries, oldest first.
 * @returns the final state, or a problem naming the first entry that does not fit.
 * @example
 * const first = recordEdit(mhipEvaluation, renameSite({ site: 'leicestershire', name: 'Leics' }), { who: 'JB' })
 * const second = recordEdit(first.evaluation, renameUnit({ unit: 'access', name: 'Access to services' }), { who: 'JB' })
 * replayEither(mhipEvaluation, [first.entry, second.entry]) //=> right(second.evaluation)
 */
export const replayEither = (base: Evaluation, log: ChangeLog): Result<Evaluation> => {
  let ev = base
  for (let i = 0; i < log.length; i++) {
    const next = patch(ev, log[i]!.patches, 'replay', i)
    if (E.isLeft(next)) return next
    ev = next.right
  }
  return E.right(ev)
}

/**
 * Replay a change log over the evaluation it started from: the patches of
 * every entry, in order. The result equals the state at the end of the log
 * (the edits are not re-run, so it is exact even if edit rules change later).
 *
 * The throwing form of {@link replayEither}: the same result, returned directly,
 * for notebooks and scripts.
 * @param base - the state the log starts from.
 * @param log - entries, oldest first.
 * @returns the result (`Evaluation`), as {@link replayEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link replayEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] replay: …`).
 * @example
 * const { evaluation, entry } = recordEdit(mhipEvaluation, rate({ unit: 'acute-care', target: '2.4', level: 'met' }), { who: 'JB' })
 * replay(mhipEvaluation, [entry]).sites[0].units[0].ratings //=> evaluation.sites[0].units[0].ratings
 */
export const replay = (base: Evaluation, log: ChangeLog): Evaluation => orThrow('replay', replayEither(base, log))
