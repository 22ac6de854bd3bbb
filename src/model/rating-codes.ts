/**
 * Rating codes: a compact byte index of one unit's ratings in one round, one
 * byte per framework slot (every criterion in framework order, then every
 * standard), holding the level's index on the scale, not applicable, unrated,
 * or "not on the scale".
 *
 * Why: counting a million ratings by looking each criterion up in its unit's
 * rating record is memory-bound (a hash probe into 5,000 records of 200 keys,
 * about 35 ns a rating). The decoder already visits every rating, so it writes
 * the code of each into a byte array as it goes; the counting engine then
 * scans 200 bytes per unit instead of probing 200 keys.
 *
 * The index lives beside the document, never in it: a `WeakMap` per framework
 * object, keyed by the rating record. Records are immutable, and an edit
 * (immer) gives the records it touches new identities, so an entry can never
 * describe other contents than its record's; a record without an entry (made
 * in code, or by an edit) is simply looked up key by key, as before. Encoding,
 * equality and every other reading of the document ignore the index.
 * @module
 */
import type { Framework } from './framework.js'
import { NOT_APPLICABLE } from './scale.js'

/** The code of a rating whose level is not on the scale (the result is refused). */
export const CODE_INVALID = 255

/**
 * Where each target of a framework sits in a code array, and the code of
 * each level. Built once per framework object (cached).
 */
export interface FrameworkLayout {
  /** Criterion ids in framework order (sections, standards, criteria): slots 0 … criteria − 1. */
  readonly criterionIds: readonly string[]
  /** Standard ids in framework order: slots criteria … criteria + standards − 1. */
  readonly standardIds: readonly string[]
  /** Section index of each standard. */
  readonly sectionOf: readonly number[]
  /** Criteria of standard s are criterionIds[criteriaStart[s] … criteriaStart[s+1]). */
  readonly criteriaStart: readonly number[]
  /** Target id (criterion or standard) → slot. A `Map`, so no id can reach a prototype. */
  readonly slotOf: ReadonlyMap<string, number>
  /** The scale's level ids (best first) then `"na"`: index = code. */
  readonly levelKeys: readonly string[]
  /** Level id (and `"na"`) → code. */
  readonly codeOf: ReadonlyMap<string, number>
  /** The code of an unrated slot: levels + 1 (na is levels). */
  readonly unrated: number
  /** Slots in a code array: criteria + standards. */
  readonly slots: number
  /** False when the scale has too many levels for one byte (codes are then never stored). */
  readonly codable: boolean
}

const layouts = new WeakMap<Framework, FrameworkLayout>()

/**
 * The slot layout of a framework (cached per framework object).
 * @param framework - the framework.
 * @returns its layout: slot per target id, code per level id, the slot order.
 * @example
 * const l = frameworkLayout(emhipFramework)
 * l.slotOf.get('1.1') //=> 38 // after the 38 criteria
 * l.codeOf.get('partly') //=> 1
 */
export const frameworkLayout = (framework: Framework): FrameworkLayout => {
  const hit = layouts.get(framework)
  if (hit !== undefined) return hit
  const criterionIds: string[] = []
  const standardIds: string[] = []
  const sectionOf: number[] = []
  const criteriaStart: number[] = []
  framework.sections.forEach((section, si) => {
    for (const standard of section.standards) {
      standardIds.push(standard.id)
      sectionOf.push(si)
      criteriaStart.push(criterionIds.length)
      for (const c of standard.criteria) criterionIds.push(c.id)
    }
  })
  criteriaStart.push(criterionIds.length)
  const slotOf = new Map<string, number>()
  criterionIds.forEach((id, i) => slotOf.set(id, i))
  standardIds.forEach((id, s) => slotOf.set(id, criterionIds.length + s))
  const levelKeys = [...framework.scale.levels.map((l): string => l.id), NOT_APPLICABLE]
  const codeOf = new Map(levelKeys.map((id, i) => [id, i]))
  const layout: FrameworkLayout = {
    criterionIds,
    standardIds,
    sectionOf,
    criteriaStart,
    slotOf,
    levelKeys,
    codeOf,
    unrated: levelKeys.length,
    slots: criterionIds.length + standardIds.length,
    // Codes 0 … levels + 1 must stay below CODE_INVALID.
    codable: levelKeys.length + 1 < CODE_INVALID,
  }
  layouts.set(framework, layout)
  return layout
}

// framework → (rating record → codes). Weak on both: the index never keeps a document alive.
const index = new WeakMap<Framework, WeakMap<object, Uint8Array>>()

/**
 * The code index of one framework: rating record → its codes. The decoder
 * writes to it; the counting engine reads it.
 * @internal
 * @example
 * // ev is decoded: each rating record has its codes. Acute care in r1: 2.4.1 met,
 * // 2.4.2 partly, 2.4.3 met (slots 17 to 19); code 4 is unrated
 * const codes = codeIndex(ev.framework).get(ev.sites[0].units[0].ratings.r1)
 * codes?.slice(16, 21) //=> [4, 0, 1, 0, 4]
 */
export const codeIndex = (framework: Framework): WeakMap<object, Uint8Array> => {
  let byRecord = index.get(framework)
  if (byRecord === undefined) index.set(framework, (byRecord = new WeakMap()))
  return byRecord
}

/**
 * The stored codes of a rating record under a framework, if the decoder made them.
 * @internal
 * @example
 * storedCodes(ev.framework, ev.sites[0].units[0].ratings.r1)?.length //=> 49 // 38 criteria + 11 standards
 * storedCodes(ev.framework, { '1.1': { level: 'met' } }) //=> undefined // not made by the decoder
 */
export const storedCodes = (framework: Framework, record: object): Uint8Array | undefined =>
  index.get(framework)?.get(record)

/** Bytes per shared buffer of the decoder's code arrays (about 300 units of E-MHIP size). */
const CHUNK = 64 * 1024

/** A typed-array class: made with a length, or as a view of a buffer. */
interface ViewClass<T> {
  new (length: number): T
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T
  readonly BYTES_PER_ELEMENT: number
}

/**
 * Hands out zero-filled typed arrays as views of shared buffers of `chunkBytes`
 * each, so thousands of small per-record arrays cost small views and a few
 * buffers, not thousands of separate backing stores. An array larger than a
 * buffer gets its own.
 * @internal
 * @param View the typed-array class (`Uint8Array`, `Int32Array`, …).
 * @param chunkBytes bytes per shared buffer; a multiple of the element size.
 * @returns a function from a length to a fresh zero-filled array of that length.
 * @example
 * const next = viewAllocator(Int32Array, 1024)
 * next(10).length //=> 10
 * next(10).byteOffset //=> 40
 */
export const viewAllocator = <T>(View: ViewClass<T>, chunkBytes: number): ((slots: number) => T) => {
  let buffer = new ArrayBuffer(0)
  let used = 0
  return (slots) => {
    const bytes = View.BYTES_PER_ELEMENT * slots
    if (bytes > chunkBytes) return new View(slots)
    if (used + bytes > buffer.byteLength) {
      buffer = new ArrayBuffer(chunkBytes)
      used = 0
    }
    const view = new View(buffer, used, slots)
    used += bytes
    return view
  }
}

/**
 * The decoder's code arrays: views of shared 64 KB buffers (a document's 5,000
 * code arrays cost 5,000 small views and about 20 buffers).
 * @internal
 * @returns a function from a number of slots to a fresh zero-filled byte array.
 * @example
 * const next = codeAllocator()
 * next(49).length //=> 49
 */
export const codeAllocator = (): ((slots: number) => Uint8Array) => viewAllocator(Uint8Array, CHUNK)
