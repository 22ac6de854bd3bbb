/**
 * Edits applied without a draft: for the commonest edit (a rating), the new
 * document is built by hand, copying exactly the objects immer would copy and
 * sharing everything else, so the result is the one the recipe gives, made
 * without proxies and with a faster copy of the rating record.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { Edit } from './define.js'

/** A hand-built application of an edit: the new document, or `undefined` to let immer apply the recipe. */
export type Direct = (ev: Evaluation) => Evaluation | undefined

// Keyed by the edit's recipe: an edit object copied with another recipe has no entry and goes through immer.
const directs = new WeakMap<Edit['recipe'], Direct>()

/**
 * Give an edit a direct application, used by `applyEdit` in place of immer
 * when it returns a document. It must give a document deep-equal to the
 * recipe's, copying the same objects (every object on the path to the change
 * is new, everything else is shared), and return `undefined` for any input it
 * does not handle exactly as immer would.
 * @internal
 * @param edit an edit made by a constructor built with `defineEdit`
 * @param direct the hand-built application
 * @returns the same edit
 */
export const withDirect = (edit: Edit, direct: Direct): Edit => {
  directs.set(edit.recipe, direct)
  return edit
}

/**
 * The edit applied by its direct application, when it has one that handles `ev`.
 * @internal
 * @param ev an evaluation the edit's check accepted
 * @param edit the edit
 * @returns the new document, or `undefined` when immer must apply the recipe
 */
export const applyDirect = (ev: Evaluation, edit: Edit): Evaluation | undefined => directs.get(edit.recipe)?.(ev)

const objectProto = Object.prototype
const arrayProto = Array.prototype

/**
 * A copy of a plain object (prototype `Object.prototype`) as immer makes it
 * (`{ ...base }`), or `undefined` for any other object.
 * @internal
 * @param base the object
 * @returns the copy, or `undefined`
 */
export const copyPlain = <A extends object>(base: A): A | undefined =>
  typeof base === 'object' && base !== null && Object.getPrototypeOf(base) === objectProto ? { ...base } : undefined

/**
 * A copy of a plain array as immer makes it (`slice`), or `undefined` for
 * anything else.
 * @internal
 * @param base the array
 * @returns the copy, or `undefined`
 */
export const copyArray = <A>(base: readonly A[]): A[] | undefined =>
  Array.isArray(base) && Object.getPrototypeOf(base) === arrayProto ? base.slice() : undefined

/**
 * Whether `o` is a null-prototype record without symbol keys: one whose
 * key-by-key copy below equals immer's `Object.assign(Object.create(null), o)`.
 * @internal
 * @param o the value
 * @returns true for such a record
 */
export const isNullRecord = (o: unknown): o is Readonly<Record<string, unknown>> =>
  typeof o === 'object' &&
  o !== null &&
  Object.getPrototypeOf(o) === null &&
  Object.getOwnPropertySymbols(o).length === 0

/**
 * A null-prototype copy of a record checked with `isNullRecord`, key by key
 * (see `recordWith`).
 * @internal
 * @param base the record
 * @returns the copy
 */
export const copyNull = <A>(base: Readonly<Record<string, A>>): Record<string, A> => {
  const out = Object.create(null) as Record<string, A>
  const keys = Object.keys(base)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!
    out[k] = base[k]!
  }
  return out
}

/**
 * A copy of a record as immer makes it: a null-prototype record key by key
 * (`copyNull`), a plain object spread (`copyPlain`); `undefined` for anything else.
 * @internal
 * @param o the record
 * @returns the copy, or `undefined`
 */
export const copyRecord = <A = unknown>(o: unknown): Record<string, A> | undefined =>
  isNullRecord(o) ? (copyNull(o) as Record<string, A>) : (copyPlain(o as object) as Record<string, A> | undefined)

/**
 * A null-prototype copy of a record with one key set (added last when new,
 * replaced in place otherwise), as immer's copy and assignment make it. A
 * loop over `Object.keys` copies a null-prototype record of 200 keys about
 * three times faster than `Object.assign` (which takes V8's generic path for
 * a dictionary-mode source), with the same keys in the same order.
 * @internal
 * @param base a record checked with `isNullRecord`, or `undefined` for a new record
 * @param key the key to set
 * @param value its value
 * @returns the new record
 */
export const recordWith = <A>(
  base: Readonly<Record<string, A>> | undefined,
  key: string,
  value: A,
): Record<string, A> => {
  const out = base === undefined ? (Object.create(null) as Record<string, A>) : copyNull(base)
  out[key] = value
  return out
}
