/**
 * Documents known to be valid: those `decodeEvaluation` returned (under the
 * default limits or stricter ones), and those built from one by a step that
 * checks everything it writes (the ratings imports). Such a step can then
 * skip decoding the whole document again: a known-valid base plus checked
 * writes is a valid result.
 *
 * The mark is by object identity, kept beside the document (a `WeakSet`,
 * never in it). It relies on what the library's caches already rely on: a
 * document is never changed in place (its types are `readonly` throughout;
 * edits make new objects). A document built or changed by hand is not
 * marked, and is decoded in full wherever validity matters.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import { DEFAULT_LIMITS, resolveLimits, type DecodeLimits } from '../model/codec-limits.js'

const known = new WeakSet<object>()

/**
 * Mark a document as valid under the default limits.
 * @internal
 * @param ev a document that passed `decodeEvaluation`, or was built from a marked one with checked writes
 * @returns the same document
 * @example
 * import { isKnownValid, markValid } from './known-valid.js'
 * const built = { ...mhipEvaluation, title: 'Built with checks' }
 * isKnownValid(markValid(built)) //=> true
 */
export const markValid = (ev: Evaluation): Evaluation => {
  known.add(ev)
  return ev
}

/**
 * Whether a document is marked valid (see {@link markValid}).
 * @internal
 * @param ev any value
 * @returns true only for a marked document
 * @example
 * import { isKnownValid } from './known-valid.js'
 * const decoded = parseEvaluation(encodeEvaluation(mhipEvaluation))
 * isKnownValid(decoded) //=> true
 * isKnownValid({ ...decoded }) //=> false
 */
export const isKnownValid = (ev: unknown): boolean => typeof ev === 'object' && ev !== null && known.has(ev)

/**
 * Whether limits are the defaults or stricter, so that a document valid under
 * them is valid under the defaults too.
 * @internal
 * @param limits the limits a document was decoded with
 * @returns true when no limit is above its default
 * @example
 * import { withinDefaultLimits } from './known-valid.js'
 * withinDefaultLimits({ maxItems: 10 }) //=> true
 * withinDefaultLimits({ maxStringLength: 2_000_000 }) //=> false
 */
export const withinDefaultLimits = (limits: DecodeLimits): boolean => {
  const l = resolveLimits(limits)
  return (
    l.maxDepth <= DEFAULT_LIMITS.maxDepth &&
    l.maxStringLength <= DEFAULT_LIMITS.maxStringLength &&
    l.maxItems <= DEFAULT_LIMITS.maxItems
  )
}
