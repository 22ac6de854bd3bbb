/**
 * A map from texts to values, read by a text's position in a larger string
 * (`text[start, end)`) so that a reader of a large file can resolve a field
 * it has seen before without making a string of it. A file of a million
 * ratings names a few hundred distinct sites, units, rounds, targets and
 * levels; each is resolved once (as a string) and found again by its
 * characters.
 *
 * Open addressing over a power-of-two table, FNV-1a hashes of the UTF-16
 * code units, keys compared code unit by code unit. A map holds at most
 * `limit` keys; past it `set` declines (the caller resolves such texts the
 * ordinary way).
 * @module
 */

/** FNV-1a (32-bit) of `text[start, end)`, by UTF-16 code unit. */
const hashOf = (text: string, start: number, end: number): number => {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * Texts → values, found by position in another string.
 * @internal
 * @example
 * import { SpanMap } from './span-map.js'
 * const m = new SpanMap<number>()
 * m.set('met', 0)
 * m.get('x,met,y', 2, 5) //=> 0
 * m.get('x,mat,y', 2, 5) //=> undefined
 */
export class SpanMap<V> {
  private readonly keys: string[] = []
  private readonly values: V[] = []
  /** Entry index + 1 per bucket; 0 is empty. */
  private table = new Int32Array(64)
  private mask = 63

  /**
   * @param limit the most keys held (past it `set` declines) [65,536]
   */
  constructor(private readonly limit = 65_536) {}

  /** The number of keys held. */
  get size(): number {
    return this.keys.length
  }

  /**
   * The value of the text `text[start, end)`, or undefined when it is not held.
   * @param text the string the text is part of
   * @param start its first code unit
   * @param end one past its last code unit
   * @returns the value, or undefined
   */
  get(text: string, start: number, end: number): V | undefined {
    const length = end - start
    const table = this.table
    const mask = this.mask
    for (let b = hashOf(text, start, end) & mask; ; b = (b + 1) & mask) {
      const entry = table[b]!
      if (entry === 0) return undefined
      const key = this.keys[entry - 1]!
      if (key.length !== length) continue
      let k = 0
      while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++
      if (k === length) return this.values[entry - 1]
    }
  }

  /**
   * Hold a value for a text (a text already held keeps its value).
   * @param key the text
   * @param value its value
   * @returns false when the map is full (nothing held), else true
   */
  set(key: string, value: V): boolean {
    if (this.get(key, 0, key.length) !== undefined) return true
    if (this.keys.length >= this.limit) return false
    if (2 * (this.keys.length + 1) > this.table.length) this.grow()
    this.keys.push(key)
    this.values.push(value)
    this.place(this.table, this.mask, key, this.keys.length)
    return true
  }

  private place(table: Int32Array, mask: number, key: string, entry: number): void {
    let b = hashOf(key, 0, key.length) & mask
    while (table[b] !== 0) b = (b + 1) & mask
    table[b] = entry
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2)
    const mask = table.length - 1
    this.keys.forEach((key, i) => this.place(table, mask, key, i + 1))
    this.table = table
    this.mask = mask
  }
}
