/**
 * Edits of the evaluation's declarations and users' own data:
 * `declareInstrument` (a further rating instrument), `declareRater`, and
 * `setExtension` / `removeExtension` (a value of the `extensions` object of
 * the document, a site, a unit or a rater). Each is checked before anything
 * is touched and recorded in the change log as patches, like every edit.
 * @module
 */
import { castDraft, original, type Draft } from 'immer'
import * as E from '../model/either.js'
import type * as t from 'io-ts'
import type { Evaluation } from '../model/evaluation.js'
import type { Framework } from '../model/framework.js'
import type { Rater } from '../model/instruments.js'
import { FrameworkC } from '../model/codec-framework.js'
import { RaterC } from '../model/codec.js'
import { documentProblems } from '../model/codec-checks.js'
import { problemsFromErrors } from '../model/codec-kit.js'
import { PROTO_KEY } from '../model/own.js'
import { showChoices, type Problem } from '../model/problem.js'
import { defineEdit } from './define.js'
import { argProblem, jsonDataArg, roomArg, stringArg } from './args.js'
import { locateUnit, siteIndex } from './locate.js'

/** A declaration decoded by its codec, its problems placed under the argument's name. */
const decodeArg = <A>(
  op: string,
  arg: string,
  codec: t.Type<A, unknown, unknown>,
  value: unknown,
): E.Either<Problem[], A> => {
  const decoded = codec.decode(value)
  if (E.isRight(decoded)) return decoded
  return E.left(
    problemsFromErrors(decoded.left, value).map((p) => ({
      ...p,
      path: [arg, ...p.path],
      where: `${op} › ${arg}${p.path.length > 0 ? ` › ${p.where}` : ''}`,
    })),
  )
}

/**
 * The document's own checks on the document with one more item at the end
 * of `list` (`instruments` or `raters`), kept to the problems of that item.
 */
const newItemProblems = (
  op: string,
  arg: string,
  ev: Evaluation,
  list: 'instruments' | 'raters',
  grown: Evaluation,
): Problem[] => {
  const index = (ev[list] ?? []).length
  return documentProblems(grown)
    .filter((p) => p.path[0] === list && p.path[1] === index)
    .map((p) => ({ ...p, path: [arg, ...p.path.slice(2)], where: `${op} › ${arg} › ${p.path.slice(2).join(' › ')}` }))
}

/** Arguments of `declareInstrument`. */
export interface DeclareInstrumentArgs {
  /** The instrument: a framework (id, title, scale, sections → standards → criteria), as in `ev.framework`. */
  readonly instrument: unknown
}

/**
 * Declare a further rating instrument (a framework with its own scale) at
 * the end of the evaluation's `instruments`; ratings can then name it
 * (`rate({ instrument })`). Refused when it is malformed (each problem at
 * its path: `declareInstrument › instrument › scale › levels › 0 › score`),
 * when its id is the default instrument's or another's, or when its scale or
 * ids break the document's rules (a level called "na", levels out of order,
 * a repeated standard id).
 * @param args `{ instrument }`: the instrument, shaped as `ev.framework` is
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const quality = {
 *   id: 'quality', title: 'Quality review',
 *   scale: { id: 'quality', label: 'Quality', levels: [{ id: 'good', label: 'Good', score: 1 }, { id: 'poor', label: 'Poor', score: 0 }] },
 *   sections: [{ id: 'Q', title: 'Quality', standards: [{ id: 'Q1', title: 'Safe care', variants: [], criteria: [] }] }],
 * }
 * edit(mhipEvaluation, declareInstrument({ instrument: quality })).instruments //=> [quality]
 * applyEdit(mhipEvaluation, declareInstrument({ instrument: { ...quality, id: 'emhip' } }))
 * //=> left([{ where: 'declareInstrument › instrument › id', expected: 'an instrument id not used before ($.framework has it already)', … }])
 */
export const declareInstrument = defineEdit<DeclareInstrumentArgs>(
  'declareInstrument',
  (ev, args) => {
    const op = 'declareInstrument'
    const decoded = decodeArg(op, 'instrument', FrameworkC, args.instrument)
    if (E.isLeft(decoded)) return decoded.left
    const list = ev.instruments ?? []
    const room = roomArg(op, 'instrument', list.length, 'the instruments')
    if (room.length > 0) return room
    return newItemProblems(op, 'instrument', ev, 'instruments', { ...ev, instruments: [...list, decoded.right] })
  },
  (draft, args) => {
    const instrument = structuredClone(args.instrument) as Framework
    if (draft.instruments === undefined) draft.instruments = castDraft([instrument])
    else draft.instruments.push(castDraft(instrument))
  },
)

/** Arguments of `declareRater`. */
export interface DeclareRaterArgs {
  /** The rater: `{ id, name, role? }`. */
  readonly rater: {
    readonly id: string
    readonly name: string
    readonly role?: string
    readonly extensions?: Readonly<Record<string, unknown>>
  }
}

/**
 * Declare a rater (assessor, reviewer) at the end of the evaluation's
 * `raters`; ratings can then be that rater's own (`rate({ by })`), and the
 * rater policy can name them (`raters: { rater: id }`). Refused when the
 * rater is malformed or the id is taken.
 * @param args `{ rater }`: the rater's id (unique), name, and optional role and extensions
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, declareRater({ rater: { id: 'ann', name: 'Ann', role: 'lead assessor' } }))
 * ev.raters //=> [{ id: 'ann', name: 'Ann', role: 'lead assessor' }]
 * applyEdit(ev, declareRater({ rater: { id: 'ann', name: 'Another Ann' } }))
 * //=> left([{ where: 'declareRater › rater › id', expected: 'a rater id not used before ($.raters[0] has it already)', … }])
 */
export const declareRater = defineEdit<DeclareRaterArgs>(
  'declareRater',
  (ev, args) => {
    const op = 'declareRater'
    const decoded = decodeArg(op, 'rater', RaterC, args.rater)
    if (E.isLeft(decoded)) return decoded.left
    const ext =
      decoded.right.extensions === undefined ? [] : jsonDataArg(op, 'rater › extensions', decoded.right.extensions)
    if (ext.length > 0) return ext.map((p) => ({ ...p, path: ['rater', 'extensions', ...p.path.slice(1)] }))
    const list = ev.raters ?? []
    const room = roomArg(op, 'rater', list.length, 'the raters')
    if (room.length > 0) return room
    return newItemProblems(op, 'rater', ev, 'raters', { ...ev, raters: [...list, decoded.right] })
  },
  (draft, args) => {
    const rater = structuredClone(args.rater) as Rater
    if (draft.raters === undefined) draft.raters = castDraft([rater])
    else draft.raters.push(castDraft(rater))
  },
)

/** Whose `extensions` an extension edit changes: a site, a unit, a rater, or (none given) the document's. */
export interface ExtensionHolderArgs {
  readonly site?: string
  readonly unit?: string
  readonly rater?: string
  /** The key within `extensions`. */
  readonly key: string
}

/** Arguments of `setExtension`. */
export interface SetExtensionArgs extends ExtensionHolderArgs {
  /** Any JSON data (null, true/false, a string, a finite number, a list or a plain object). */
  readonly value: unknown
}

type Holder = { extensions?: Record<string, unknown> }

/** The holder's name for messages, and its current extensions; problems when the holder is unknown. */
const holderProblems = (
  op: string,
  ev: Evaluation,
  args: ExtensionHolderArgs,
): { problems: Problem[]; current?: Readonly<Record<string, unknown>> } => {
  const given = (['site', 'unit', 'rater'] as const).filter((k) => args[k] !== undefined)
  const problems = [...given.flatMap((k) => stringArg(op, k, args[k])), ...stringArg(op, 'key', args.key)]
  if (problems.length > 0) return { problems }
  if (args.key === PROTO_KEY) return { problems: [argProblem(op, 'key', `a key other than "${PROTO_KEY}"`, args.key)] }
  if (given.length > 1)
    return {
      problems: [
        argProblem(
          op,
          given[1]!,
          `one of site, unit or rater (or none, for the document's own), not ${given.join(' and ')}`,
          args[given[1]!],
          'shape',
        ),
      ],
    }
  if (args.site !== undefined) {
    const i = siteIndex(ev, args.site)
    if (i < 0)
      return { problems: [argProblem(op, 'site', 'the id of a site of this evaluation', args.site, 'reference')] }
    return { problems: [], ...(ev.sites[i]!.extensions && { current: ev.sites[i]!.extensions }) }
  }
  if (args.unit !== undefined) {
    const at = locateUnit(ev, args.unit)
    if (at === undefined)
      return { problems: [argProblem(op, 'unit', 'the id of a unit of this evaluation', args.unit, 'reference')] }
    const unit = ev.sites[at.site]!.units[at.unit]!
    return { problems: [], ...(unit.extensions && { current: unit.extensions }) }
  }
  if (args.rater !== undefined) {
    const rater = (ev.raters ?? []).find((r) => r.id === args.rater)
    if (rater === undefined) {
      const known = showChoices((ev.raters ?? []).map((r) => r.id)) || 'none declared in "raters"'
      return {
        problems: [argProblem(op, 'rater', `a rater id of this evaluation (${known})`, args.rater, 'reference')],
      }
    }
    return { problems: [], ...(rater.extensions && { current: rater.extensions }) }
  }
  return { problems: [], ...(ev.extensions && { current: ev.extensions }) }
}

/** The draft object whose `extensions` the (checked) arguments name. */
const holderDraft = (draft: Draft<Evaluation>, args: ExtensionHolderArgs): Holder => {
  const base = original(draft)!
  if (args.site !== undefined) return draft.sites[siteIndex(base, args.site)] as Holder
  if (args.unit !== undefined) {
    const at = locateUnit(base, args.unit)!
    return draft.sites[at.site]!.units[at.unit] as Holder
  }
  if (args.rater !== undefined) return draft.raters!.find((r) => r.id === args.rater) as Holder
  return draft as Holder
}

/**
 * Set one value of the `extensions` (users' own data, kept untouched and
 * written back as given) of the document, a site, a unit or a rater,
 * replacing any value under that key. The value is copied: the document
 * shares nothing with the caller. Refused when the holder is unknown, more
 * than one holder is named, the key is empty or `"__proto__"`, or the value
 * is not JSON data (NaN, a function, `undefined`: use `removeExtension`).
 * @param args the holder (`site`, `unit` or `rater` id, or none for the document), the `key`, and the `value` (JSON data)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, setExtension({ site: 'south-staffordshire', key: 'cqcRating', value: 'Good' }))
 * ev.sites[0].extensions //=> { cqcRating: 'Good' }
 * applyEdit(ev, setExtension({ key: 'score', value: NaN }))
 * //=> left([{ where: 'setExtension › value', expected: 'JSON data (null, true/false, a string, a finite number, a list or a plain object)', found: 'NaN', … }])
 */
export const setExtension = defineEdit<SetExtensionArgs>(
  'setExtension',
  (ev, args) => {
    const { problems } = holderProblems('setExtension', ev, args)
    return [
      ...problems,
      ...(Object.hasOwn(args, 'value')
        ? jsonDataArg('setExtension', 'value', args.value)
        : [argProblem('setExtension', 'value', 'a value (JSON data)', undefined, 'shape')]),
    ]
  },
  (draft, args) => {
    const holder = holderDraft(draft, args)
    const value = structuredClone(args.value)
    if (holder.extensions === undefined) holder.extensions = { [args.key]: value }
    else holder.extensions[args.key] = value
  },
)

/**
 * Remove one value of the `extensions` of the document, a site, a unit or a
 * rater; an `extensions` object left empty is removed too. Refused when the
 * holder is unknown or has no value under the key (naming the keys it has).
 * @param args the holder (`site`, `unit` or `rater` id, or none for the document) and the `key` to remove
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, setExtension({ site: 'south-staffordshire', key: 'cqcRating', value: 'Good' }))
 * edit(ev, removeExtension({ site: 'south-staffordshire', key: 'cqcRating' })).sites[0].extensions //=> undefined
 * applyEdit(ev, removeExtension({ site: 'south-staffordshire', key: 'nope' }))
 * //=> left([{ where: 'removeExtension › key', expected: 'a key of these extensions ("cqcRating")', found: '"nope"', … }])
 */
export const removeExtension = defineEdit<ExtensionHolderArgs>(
  'removeExtension',
  (ev, args) => {
    const { problems, current } = holderProblems('removeExtension', ev, args)
    if (problems.length > 0) return problems
    if (current !== undefined && Object.hasOwn(current, args.key)) return []
    const keys = current === undefined ? [] : Object.keys(current)
    return [
      argProblem(
        'removeExtension',
        'key',
        `a key of these extensions (${keys.map((k) => JSON.stringify(k)).join(', ') || 'there are none'})`,
        args.key,
        'reference',
      ),
    ]
  },
  (draft, args) => {
    const holder = holderDraft(draft, args)
    delete holder.extensions![args.key]
    if (Object.keys(holder.extensions!).length === 0) delete holder.extensions
  },
)
