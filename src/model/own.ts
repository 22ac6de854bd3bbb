/**
 * Safe handling of names and objects that come from users: lookups by own
 * property only, and a search for the `__proto__` key. Every lookup of a
 * user-supplied name in a plain object goes through `ownValue` (or uses a
 * `Map`), and every input that is copied key by key is first searched with
 * `protoKeyPath`.
 * @module
 */

const hasOwnProperty = Object.prototype.hasOwnProperty

/**
 * Whether `key` is an own property of `obj`: `toString`, `constructor` and
 * the like are not found on an ordinary object.
 * @param obj - the object.
 * @param key - the property.
 * @returns true when `key` is an own property of `obj`.
 * @example
 * hasOwn({ a: 1 }, 'a')        //=> true
 * hasOwn({ a: 1 }, 'toString') //=> false
 */
export const hasOwn = (obj: object, key: PropertyKey): boolean => hasOwnProperty.call(obj, key)

/**
 * The value of an own property, or `undefined`: the lookup to use for a name a
 * user typed (`options.rollup`, a CSV header, an id), so that `'toString'`
 * finds nothing instead of `Object.prototype.toString`.
 * @param obj - a record.
 * @param key - a name from the input.
 * @returns the own value at `key`, or `undefined` (never an inherited member).
 * @example
 * ownValue({ mean: 1 }, 'mean')     //=> 1
 * ownValue({ mean: 1 }, 'toString') //=> undefined
 */
export const ownValue = <V>(obj: Readonly<Record<string, V>>, key: string): V | undefined =>
  hasOwnProperty.call(obj, key) ? obj[key] : undefined

/** The key whose assignment (`o[k] = v`) sets an object's prototype. */
export const PROTO_KEY = '__proto__'

/**
 * The path of the first own `__proto__` key inside `value` (JSON.parse makes
 * one from `{"__proto__": …}`), or `undefined` when there is none. Walks at
 * most `maxDepth` levels (default 64) and stops at the first hit.
 *
 * Copying such an object key by key (`out[k] = v[k]`, `Object.assign`,
 * immer's patch cloning) runs the `__proto__` setter and gives the copy an
 * attacker-chosen prototype, so inputs that are copied are refused when this
 * finds something.
 * @param value - parsed JSON data.
 * @param maxDepth - the depth below which the walk stops (default 64).
 * @returns the path of the first `__proto__` key, or `undefined` when there is none.
 * @example
 * protoKeyPath(JSON.parse('{"a": [{"__proto__": {"x": 1}}]}')) //=> ['a', 0, '__proto__']
 * protoKeyPath({ a: 1 })                                      //=> undefined
 */
export const protoKeyPath = (value: unknown, maxDepth = 64): (string | number)[] | undefined => {
  const path: (string | number)[] = []
  const visit = (v: unknown, depth: number): boolean => {
    if (typeof v !== 'object' || v === null || depth > maxDepth) return false
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i)
        if (visit(v[i], depth + 1)) return true
        path.pop()
      }
      return false
    }
    if (hasOwnProperty.call(v, PROTO_KEY)) return (path.push(PROTO_KEY), true)
    for (const key of Object.keys(v)) {
      path.push(key)
      if (visit((v as Record<string, unknown>)[key], depth + 1)) return true
      path.pop()
    }
    return false
  }
  return visit(value, 1) ? path : undefined
}

/** Up to this many keys, `emptyRecord` makes a record that V8 keeps in its compact (fast) form. */
const FAST_RECORD_KEYS = 8

/**
 * A new, empty null-prototype record, for about `size` keys. Every reader
 * sees the same thing whatever the size: an ordinary extensible object with
 * no prototype, so any id is a plain key (`__proto__` too) and nothing is
 * inherited. The size only chooses how V8 stores it:
 *
 * - `Object.create(null)` gives a hash-table ("dictionary mode") object: about
 *   260 bytes empty, 24 bytes per slot, slots a power of two at least 1.5 × the
 *   keys. Right for records of many keys that differ from record to record
 *   (a round's ratings, keyed by target).
 * - `Object.setPrototypeOf({}, null)` stays in V8's fast form while few keys
 *   are added: records with the same keys in the same order (rounds,
 *   instruments, raters) share one hidden class and take 60–100 bytes each.
 *   Past a dozen or so keys V8 turns such an object into a dictionary, at
 *   some cost, hence the bound.
 * @internal
 * @param size - the number of keys expected.
 * @returns a new empty record with no prototype.
 * @example
 * import { emptyRecord } from './own.js'
 * const r = emptyRecord(2)
 * Object.getPrototypeOf(r) //=> null
 * r.__proto__ = 1
 * Object.keys(r) //=> ['__proto__']
 */
export const emptyRecord = <V>(size: number): Record<string, V> =>
  (size <= FAST_RECORD_KEYS ? Object.setPrototypeOf({}, null) : Object.create(null)) as Record<string, V>

/**
 * A deep copy of JSON-like data: arrays and objects are new (objects keep a
 * null prototype if they had one, and are otherwise plain), everything else
 * is kept. `skip(path)` names objects to keep as they are (the decoder copies
 * ratings in its own pass). Run only on input already checked by
 * `limitProblems` (no cycles, bounded depth, no `__proto__` keys).
 * @param value - JSON-like data, already checked by `limitProblems`.
 * @param skip - names the paths of objects to keep as they are (default: copy everything).
 * @returns the copy.
 * @example
 * const input = { a: [{ b: 1 }] }
 * const copy = copyData(input)
 * copy.a[0] === input.a[0] //=> false
 */
export const copyData = <A>(value: A, skip?: (path: readonly (string | number)[]) => boolean): A => {
  const path: (string | number)[] = []
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v
    if (skip !== undefined && skip(path)) return v
    if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length)
      for (let i = 0; i < v.length; i++) {
        path.push(i)
        out[i] = copy(v[i])
        path.pop()
      }
      return out
    }
    const out: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {}
    for (const key of Object.keys(v)) {
      path.push(key)
      const item = copy((v as Record<string, unknown>)[key])
      // defineProperty for "__proto__": an assignment would run its setter.
      if (key === PROTO_KEY)
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true })
      else out[key] = item
      path.pop()
    }
    return out
  }
  return copy(value) as A
}
