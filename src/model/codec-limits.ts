/**
 * Resource limits for untrusted input, checked before any decoding, so that a
 * hostile document (10,000 levels of nesting, a 10 MB string, a list of a
 * billion items) gets a clear `limit` problem instead of a stack overflow or a
 * frozen process.
 * @module
 */
import { describePath } from './codec-kit.js'
import { problem, type Problem } from './problem.js'
import { PROTO_KEY } from './own.js'

/** What a `__proto__` key is refused with, everywhere in a document. */
export const PROTO_KEY_EXPECTED = "a key other than __proto__ (refused: copying it would replace an object's prototype)"

/** Limits on the input of `decodeEvaluation`. Every field has a default. */
export interface DecodeLimits {
  /**
   * Deepest nesting of arrays and objects (the document itself is depth 1).
   * A valid document nests about 10 deep. Default 64; values are kept
   * between 16 and 1,000.
   */
  readonly maxDepth?: number
  /** Longest string (and object key), in UTF-16 code units. Default 1,000,000. */
  readonly maxStringLength?: number
  /** Most items in one array or keys in one object. Default 1,000,000. */
  readonly maxItems?: number
}

/** The defaults of `DecodeLimits`. */
export const DEFAULT_LIMITS: Required<DecodeLimits> = { maxDepth: 64, maxStringLength: 1_000_000, maxItems: 1_000_000 }

/** The recursion below is bounded by maxDepth, and this keeps it far from the stack limit. */
const DEPTH_CEILING = 1000
/** Below this a valid document could not pass (the ratings codec relies on it, see codec-ratings.ts). */
const DEPTH_FLOOR = 16

/**
 * The limits of a whole document: defaults filled in, `maxDepth` kept within 16…1,000.
 * @param limits - the limits given (any may be left out).
 * @returns every limit, with its default where none was given.
 * @example
 * resolveLimits({ maxDepth: 2 }) //=> { maxDepth: 16, maxStringLength: 1000000, maxItems: 1000000 }
 */
export const resolveLimits = (limits: DecodeLimits = {}): Required<DecodeLimits> => ({
  maxDepth: Math.max(DEPTH_FLOOR, Math.min(limits.maxDepth ?? DEFAULT_LIMITS.maxDepth, DEPTH_CEILING)),
  maxStringLength: limits.maxStringLength ?? DEFAULT_LIMITS.maxStringLength,
  maxItems: limits.maxItems ?? DEFAULT_LIMITS.maxItems,
})

/**
 * Whether a path is a unit's ratings record (`sites[i].units[j].ratings`),
 * whose contents `unitRatingsC` checks against the same limits in its own
 * pass over the ratings, so the pre-check need not walk a million ratings twice.
 * @param path - a JSON path into a document.
 * @returns true for `['sites', i, 'units', j, 'ratings']`.
 * @example
 * isUnitRatingsPath(['sites', 0, 'units', 3, 'ratings']) //=> true
 */
export const isUnitRatingsPath = (path: readonly (string | number)[]): boolean =>
  path.length === 5 &&
  path[0] === 'sites' &&
  typeof path[1] === 'number' &&
  path[2] === 'units' &&
  typeof path[3] === 'number' &&
  path[4] === 'ratings'

/** The keys under a rated entity (or its ratings on an instrument) whose contents the ratings codecs check. */
const isRatingsKey = (k: string | number | undefined): boolean => k === 'ratings' || k === 'byRater'

/**
 * Whether a path is any ratings record of a document: the counted ratings
 * (`ratings`) or the rater-keyed ones (`byRater`) of a unit or of a site
 * rated as a whole, on the default instrument or on a further one
 * (`instrumentRatings[id]`). The ratings codecs (`unitRatingsC`,
 * `raterRatingsC`) check their contents against the same limits in their own
 * pass, and copy them, so neither the pre-check nor the decoder's copy need
 * walk them first.
 * @param path - a JSON path into a document.
 * @returns true for `['sites', i, ('units', j,)? ('instrumentRatings', id,)? 'ratings' | 'byRater']`.
 * @example
 * isRatingsPath(['sites', 0, 'units', 3, 'ratings']) //=> true
 * isRatingsPath(['sites', 0, 'byRater']) //=> true
 * isRatingsPath(['sites', 0, 'units', 3, 'instrumentRatings', 'quality', 'byRater']) //=> true
 * isRatingsPath(['sites', 0, 'units', 3, 'instrumentRatings', 'quality']) //=> false
 */
export const isRatingsPath = (path: readonly (string | number)[]): boolean => {
  const n = path.length
  if (n < 3 || !isRatingsKey(path[n - 1]) || path[0] !== 'sites' || typeof path[1] !== 'number') return false
  // What lies between the site and the ratings: nothing, a unit, an instrument, or a unit and an instrument.
  let i = 2
  if (path[i] === 'units' && typeof path[i + 1] === 'number') i += 2
  if (path[i] === 'instrumentRatings' && typeof path[i + 1] === 'string') i += 2
  return i === n - 1
}
/** Stop after this many limit problems: a hostile input could have millions. */
export const MAX_LIMIT_PROBLEMS = 20
const MAX_REPORTED = MAX_LIMIT_PROBLEMS

/**
 * Check an input against the limits: one problem (code `limit`) per place that
 * exceeds one, at most 20; and refuse every `__proto__` key (code `value`),
 * which JSON.parse makes an own key and any key-by-key copy turns into a prototype. Nothing deeper than `maxDepth` is visited, so the
 * check itself cannot overflow the stack.
 * @param input - the raw input (e.g. the result of `JSON.parse`).
 * @param limits - see `DecodeLimits`; missing fields take `DEFAULT_LIMITS`.
 * @param skip - objects whose contents are not walked (their own depth is
 *   still checked), e.g. `isRatingsPath`. Default: none.
 * @returns the problems; empty when the input is within the limits.
 * @example
 * let deep = []; for (let i = 0; i < 10000; i++) deep = [deep]
 * limitProblems({ title: deep })
 * //=> [{ path: ['title', 0, 0, …], expected: 'nesting at most 64 deep', found: 'an array of 1', code: 'limit', … }]
 */
export const limitProblems = (
  input: unknown,
  limits: DecodeLimits = {},
  skip?: (path: readonly (string | number)[]) => boolean,
): Problem[] => {
  // Only the ceiling here: the floor of resolveLimits is for whole documents, and this also checks parts of one.
  const maxDepth = Math.min(limits.maxDepth ?? DEFAULT_LIMITS.maxDepth, DEPTH_CEILING)
  const maxString = limits.maxStringLength ?? DEFAULT_LIMITS.maxStringLength
  const maxItems = limits.maxItems ?? DEFAULT_LIMITS.maxItems
  const problems: Problem[] = []
  const stringExpected = `a string of at most ${maxString} characters`
  // One mutable path to the object being visited, copied only when a problem is reported.
  const path: (string | number)[] = []
  const report = (at: readonly (string | number)[], expected: string, found: unknown) => {
    if (problems.length < MAX_REPORTED) problems.push(problem(at, expected, found, 'limit', describePath(input, at)))
  }
  // A "__proto__" key (own data after JSON.parse) would give any key-by-key copy an attacker-chosen prototype.
  const refuseProtoKey = (at: readonly (string | number)[]) => {
    if (problems.length < MAX_REPORTED)
      problems.push(problem(at, PROTO_KEY_EXPECTED, PROTO_KEY, 'value', describePath(input, at)))
  }
  // Leaves are checked in place and only objects are entered, so a million
  // short strings cost one comparison each and no path bookkeeping.
  const child = (value: unknown, key: string | number, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length > maxString) report([...path, key], stringExpected, value)
    } else if (typeof value === 'object' && value !== null) {
      path.push(key)
      visit(value, depth)
      path.pop()
    }
  }
  const visit = (v: object, depth: number): void => {
    if (problems.length >= MAX_REPORTED) return
    if (depth > maxDepth) return report([...path], `nesting at most ${maxDepth} deep`, v)
    if (skip !== undefined && skip(path)) return
    if (Array.isArray(v)) {
      if (v.length > maxItems) return report([...path], `at most ${maxItems} items`, v)
      for (let i = 0; i < v.length; i++) child(v[i], i, depth + 1)
      return
    }
    let count = 0
    // for…in rather than Object.keys: no array per object. JSON objects have no inherited enumerable keys.
    for (const key in v) {
      if (++count > maxItems) return report([...path], `at most ${maxItems} keys`, v)
      if (key === PROTO_KEY) refuseProtoKey([...path, key])
      else if (key.length > maxString) report([...path, key], `a key of at most ${maxString} characters`, key)
      else child((v as Record<string, unknown>)[key], key, depth + 1)
    }
  }

  try {
    if (typeof input === 'string' && input.length > maxString) report([], stringExpected, input)
    else if (typeof input === 'object' && input !== null) visit(input, 1)
  } catch (e) {
    // Only reachable with a tiny stack (the recursion is at most 1,000 deep): say so instead of crashing.
    if (!(e instanceof RangeError)) throw e
    problems.push(
      problem([], 'a document the decoder can walk', 'nesting too deep for the call stack', 'limit', 'the document'),
    )
  }
  return problems
}
