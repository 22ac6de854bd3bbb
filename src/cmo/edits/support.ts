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

/** Copy `at` / `by` only when given, so encoded documents carry no `undefined` keys. */
export const stamp = ({ at, by }: ChangeStamp): ChangeStamp => ({
  ...(at !== undefined ? { at } : {}),
  ...(by !== undefined ? { by } : {}),
})

/**
 * Decode an edit's input item with the document codec, reporting problems at
 * the place the item would take in the document (`["elements", 3, "role"]`),
 * named in domain terms (`element m1 › role`).
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

/** A reason is required for status and role changes: it is what makes the history useful. */
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

/** Find an item by id, or the problem that it does not exist. */
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

/** A duplicate-id refusal for an item being added. */
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
 * The evaluation a recipe started from. Only valid before the recipe changes
 * anything, which is how the recipes here use it: read first, then write.
 */
export const baseOf = (draft: Draft<Evaluation>): Evaluation => (isDraft(draft) ? original(draft) : draft) as Evaluation

/**
 * `defineEdit` with the arguments checked first against `argsC`, so an edit
 * called by hand with arguments of the wrong shape (`null`, a number for an
 * id, a missing field) is refused with problems named `op › argument` instead
 * of failing inside the check or the recipe.
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

/** An argument object: required and optional fields (the values are checked again, precisely, by the edit). */
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
