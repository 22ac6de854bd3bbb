/**
 * The immer instance of the edits (internal: not re-exported).
 * @module
 */
import { Immer } from 'immer'

/**
 * The library's own immer instance, so that a host application's global immer
 * settings neither change our behaviour nor are changed by us.
 *
 * `autoFreeze: false` because of the performance targets: with auto-freeze on,
 * immer deep-freezes the result of every `produce`, and the first edit on a
 * freshly decoded (unfrozen) document walks and freezes the whole tree, a
 * million ratings in the benchmark document, which costs far more than the
 * 0.1 ms an edit may take. Immutability is kept by construction instead: edits
 * only ever go through immer, which never writes to its base, and the types are
 * `readonly` all the way down. Frozen inputs are still accepted (tests edit
 * deep-frozen documents to prove nothing is written).
 */
export const immer = /*#__PURE__*/ new Immer({ autoFreeze: false })
