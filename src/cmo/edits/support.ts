import * as t from 'io-ts'
import { isDraft, original, type Draft } from 'immer'
import type { Evaluation } from '../../model/evaluation.js'
import type { Id } from '../../model/ids.js'
import { problemsFromErrors, StringC } from '../../model/codec-kit.js'
import { defineEdit } from '../../edit/define.js'
import { problem, type Problem } from '../../model/problem.js'
import { argProblem } from '../../edit/args.js'

/**
 * The input form of a document type: branded ids become plain strings, since
 * notebook users type ids by hand (they are checked at run time).
 */
export type PlainIds<T> =
  T extends Id<string>
    ? string
    : T extends string | number | boolean | null | undefined
      ? T
      : T extends readonly (infer U)[]
        ? readonly PlainIds<U>[]
        : { readonly [K in keyof T]: PlainIds<T[K]> }

/** When and by whom a recorded change (status, role, version) was made. Both optional, so edits stay pure and replayable. */
export interface ChangeStamp {
  /** ISO 8601 date or date-time. */
  readonly at?: string
  readonly by?: string
}

/**
 * Copy `at` / `by` only when given, so encoded documents carry no `undefined` keys.
 * @param stamp the edit's `at` and `by`, either or both left out
 * @returns a stamp with only the fields given
 * @example
 * stamp({ at: '2007-06', by: undefined }) //=> { at: '2007-06' }
 */
export const stamp = ({ at, by }: ChangeStamp): ChangeStamp => ({
  ...(at !== undefined ? { at } : {}),
  ...(by !== undefined ? { by } : {}),
})

/**
 * Decode an edit's input item with the document codec, reporting problems at
 * the place the item would take in the document (`["elements", 3, "role"]`),
 * named in domain terms (`element m1 › role`).
 * @param codec the document codec of the item
 * @param value the item as given
 * @param at the item's path in the document
 * @returns `{ ok }` with the decoded item, or `{ problems }` placed at `at`
 * @example
 * decodeItem(ARG.id, 'inf-07', 'informants', 0, 'id') //=> { ok: 'inf-07' }
 * decodeItem(ARG.id, 7, 'informants', 0, 'id') //=> { problems: [{ path: ['informants', 0, 'id'], code: 'shape', … }] }
 */
export const decodeItem = <A>(
  codec: t.Type<A, unknown, unknown>,
  value: unknown,
  ...at: (string | number)[]
): { ok: A } | { problems: Problem[] } => {
  const r = codec.decode(value)
  if (r._tag === 'Right') return { ok: r.right }
  // A root that holds `value` at `at`, so that describePath can name the place by its ids.
  const root = at.reduceRight<unknown>((inner, key) => {
    const outer: unknown[] | Record<string, unknown> = typeof key === 'number' ? [] : {}
    ;(outer as Record<string | number, unknown>)[key] = inner
    return outer
  }, value)
  return { problems: problemsFromErrors(r.left, root, at) }
}

/**
 * A reason is required for status and role changes: it is what makes the history useful.
 * @param op the edit's name, for the problem's `where`
 * @param reason the reason given
 * @returns one problem when the reason is missing or blank, else none
 * @example
 * reasonProblems('transitionConfiguration', 'site visits') //=> []
 * reasonProblems('transitionConfiguration', ' ') //=> [{ where: 'transitionConfiguration › reason', code: 'value', … }]
 */
export const reasonProblems = (op: string, reason: unknown): Problem[] =>
  typeof reason === 'string' && reason.trim().length > 0
    ? []
    : [
        argProblem(
          op,
          'reason',
          'a non-empty reason (why the change is made)',
          reason,
          typeof reason === 'string' ? 'value' : 'shape',
        ),
      ]

/**
 * Find an item by id, or the problem that it does not exist.
 * @param op the edit's name, for the problem's `where`
 * @param key the argument that names the item
 * @param xs the items
 * @param id the id looked for
 * @param what what the items are, for the message (`configuration`)
 * @returns `{ index, item }`, or `{ problems }` with one `reference` problem
 * @example
 * findById('linkExcerpt', 'excerpt', [{ id: 'q1' }], 'q1', 'excerpt') //=> { index: 0, item: { id: 'q1' } }
 * findById('linkExcerpt', 'excerpt', [], 'q1', 'excerpt')
 * //=> { problems: [{ where: 'linkExcerpt › excerpt', expected: 'the id of a excerpt of this evaluation', … }] }
 */
export const findById = <A extends { readonly id: string }>(
  op: string,
  key: string,
  xs: readonly A[],
  id: string,
  what: string,
): { index: number; item: A } | { problems: Problem[] } => {
  const index = xs.findIndex((x) => x.id === id)
  return index < 0
    ? { problems: [argProblem(op, key, `the id of a ${what} of this evaluation`, id, 'reference')] }
    : { index, item: xs[index]! }
}

/**
 * A duplicate-id refusal for an item being added.
 * @param op the edit's name, for the problem's `where`
 * @param list the document list the item goes into (`informants`)
 * @param xs that list's items
 * @param id the new item's id
 * @param what what the item is, for the message (`informant`)
 * @returns one `duplicate` problem when the id is taken, else none
 * @example
 * duplicateIdProblems('addInformant', 'informants', [{ id: 'i1' }], 'i1', 'informant')
 * //=> [{ path: ['informants', 1, 'id'], where: 'addInformant › informant i1', code: 'duplicate', … }]
 */
export const duplicateIdProblems = (
  op: string,
  list: string,
  xs: readonly { readonly id: string }[],
  id: string,
  what: string,
): Problem[] =>
  xs.some((x) => x.id === id)
    ? [problem([list, xs.length, 'id'], `a ${what} id not yet used`, id, 'duplicate', `${op} › ${what} ${id}`)]
    : []

/**
 * Problems for the excerpt links that point at `id` through their `field`
 * (`element` or `configuration`): removing that element or configuration
 * would leave the evidence linked to nothing.
 * @param op - the edit's name, first in each problem's `where`.
 * @param ev - the evaluation the edit would change.
 * @param field - which link field names the item.
 * @param id - the item's id.
 * @returns one problem per link, at `excerpts[i].links[j]`; none when nothing links to it.
 * @internal
 */
export const linkedExcerptProblems = (
  op: string,
  ev: Evaluation,
  field: 'element' | 'configuration',
  id: string,
): Problem[] => {
  const out: Problem[] = []
  ev.excerpts.forEach((x, i) =>
    x.links.forEach((l, j) => {
      if (l[field] === id)
        out.push(
          problem(
            ['excerpts', i, 'links', j],
            `no excerpt linked to ${field} ${id}`,
            x.label,
            'reference',
            `${op} › excerpt ${x.label}`,
          ),
        )
    }),
  )
  return out
}

/**
 * The evaluation a recipe started from. Only valid before the recipe changes
 * anything, which is how the recipes here use it: read first, then write.
 * @param draft the recipe's draft (or, outside a recipe, the evaluation itself)
 * @returns the evaluation the draft was made from
 * @example
 * baseOf(mhipEvaluation) === mhipEvaluation //=> true
 */
export const baseOf = (draft: Draft<Evaluation>): Evaluation => (isDraft(draft) ? original(draft) : draft) as Evaluation

/**
 * `defineEdit` with the arguments checked first against `argsC`, so an edit
 * called by hand with arguments of the wrong shape (`null`, a number for an
 * id, a missing field) is refused with problems named `op › argument` instead
 * of failing inside the check or the recipe.
 * @param op the edit's name in change logs
 * @param argsC the arguments' shape (see `argsOf`)
 * @param check the edit's refusal check, given arguments of the right shape
 * @param recipe the change, as an immer recipe
 * @returns an edit constructor, as `defineEdit` makes
 * @example
 * const retitle = checkedEdit('retitle', argsOf({ title: ARG.text }), () => [], (d, a) => { d.title = a.title })
 * applyEdit(mhipEvaluation, retitle({ title: 7 })) //=> left([{ where: 'retitle › title', code: 'shape', … }])
 */
export const checkedEdit = <A>(
  op: string,
  argsC: t.Type<unknown, unknown, unknown>,
  check: (ev: Evaluation, args: A) => readonly Problem[],
  recipe: (draft: Draft<Evaluation>, args: A) => void,
) =>
  defineEdit<A>(
    op,
    (ev, args) => {
      if (typeof args !== 'object' || args === null || Array.isArray(args))
        return [problem([], "the edit's arguments (an object)", args, 'shape', `${op} › arguments`)]
      const r = argsC.decode(args)
      if (r._tag === 'Left')
        return problemsFromErrors(r.left, args).map((p) => ({
          ...p,
          where: p.path.length === 0 ? `${op} › arguments` : `${op} › ${p.where}`,
        }))
      return check(ev, args)
    },
    recipe,
  )

/**
 * An argument object: required and optional fields (the values are checked again, precisely, by the edit).
 * @param required the fields that must be present, with their codecs
 * @param optional the fields that may be left out; default none
 * @returns the arguments' codec
 * @example
 * argsOf({ theory: ARG.id }, { note: ARG.text }).is({ theory: 'national' }) //=> true
 */
export const argsOf = (required: t.Props, optional: t.Props = {}): t.Type<unknown, unknown, unknown> =>
  t.intersection([t.type(required), t.partial(optional)], "the edit's arguments (an object)") as t.Type<
    unknown,
    unknown,
    unknown
  >

/** Building blocks for `argsOf`. */
export const ARG = {
  id: StringC,
  text: StringC,
  any: t.unknown,
  object: t.UnknownRecord,
  ids: t.readonlyArray(StringC),
} as const
