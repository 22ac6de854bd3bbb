/**
 * Get-or-make, for the caches the library keeps in a `Map` or a `WeakMap`.
 * @module
 */

/** What `cached` needs of a map: a `Map` or a `WeakMap`. */
export interface CacheStore<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/**
 * The value kept under `key`; when there is none, the one `make` makes, kept
 * there first. (`undefined` is never kept: make a value.)
 * @param store - the map the values are kept in.
 * @param key - the key (for a `WeakMap`, an object).
 * @param make - makes the value on the first request.
 * @returns the value kept under `key`.
 * @internal
 * @example
 * const lists = new Map<string, number[]>()
 * cached(lists, 'a', () => []).push(1)
 * cached(lists, 'a', () => []) //=> [1]
 */
export const cached = <K, V>(store: CacheStore<K, V>, key: K, make: () => NoInfer<V>): V => {
  let value = store.get(key)
  if (value === undefined) store.set(key, (value = make()))
  return value
}
