/**
 * The integrity gates of the imports: the imported document must be valid.
 * @module
 */
import * as E from '../../model/either.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { Result } from '../../model/problem.js'
import { DEFAULT_LIMITS } from '../../model/codec-limits.js'
import { observationProblems } from '../../model/attribute-checks.js'
import { decodeEvaluation } from '../../document/decode.js'
import { isKnownValid, markValid } from '../../document/known-valid.js'
import { instrumentsOf } from '../../model/instruments.js'
import { frameworkLayout } from '../../model/rating-codes.js'

/**
 * Run a freshly built document through `decodeEvaluation`, so an import can
 * only ever hand back a valid document. The rows were checked one by one
 * already; this catches what no row shows alone (a base that was invalid to
 * begin with, a cell beside individual objectives of the same type). Its
 * problems carry JSON paths into the document, not lines of the file. The
 * decoded value is returned, so its rating records are null-prototype
 * objects like any decoded document's.
 * @param ev - the built document.
 * @returns `Right` with the decoded document, or `Left` with the decoder's problems.
 * @example
 * isRight(gate(ev)) //=> true
 * // ev without its second round: every rating of r2 now names an unknown round
 * gate({ ...ev, rounds: [ev.rounds[0]] })
 * //=> left([{ path: ['sites', 0, 'units', 0, 'ratings', 'r2'], where: 'site ss › unit acute › round r2', expected: 'a round id of this evaluation (r1)', … }, …])
 */
export const gate = (ev: Evaluation): Result<Evaluation> => decodeEvaluation(ev)

/** What a ratings import wrote besides values it resolved against the document. */
export interface RatingsWritten {
  /** The longest cell of the file's records (texts written as they are: rater, note, names). */
  readonly longestCell: number
  /** Observations added (notes without a level). */
  readonly observations: number
}

/**
 * The gate of the ratings imports, by construction. Every value they write
 * is checked as it is resolved: the unit or site (found, or added by the
 * checked edits `addSite`, `addUnit`, `addRound`), the round, the instrument
 * and its standard or criterion, the level on that instrument's scale (or
 * not applicable), the declared rater, the evidence's excerpts, the date. So
 * when the base is known valid (it came out of `decodeEvaluation`, or out of
 * an import checked so), the result is valid without decoding it again; a
 * property test decodes every result of the imports to prove it.
 *
 * What the cells cannot show is checked here: observations (an impossible
 * calendar date, which the date pattern lets through) and the input limits
 * (a text cell near the longest string allowed, an instrument with more
 * items than a record may hold keys). When any of these fails, or
 * the base is not known valid, the whole document is decoded (`gate`), so the
 * problems reported are exactly the full decoder's.
 * @param base the document the import started from
 * @param built the base with the import's writes
 * @param written what the import wrote besides resolved values
 * @returns the built document (marked valid), or the full gate's verdict
 * @example
 * import { ratingsGate } from './gate.js'
 * const base = parseEvaluation(encodeEvaluation(mhipEvaluation))
 * const built = { ...base, title: 'Imported' }
 * ratingsGate(base, built, { longestCell: 12, observations: 0 }).right === built //=> true
 */
export const ratingsGate = (base: Evaluation, built: Evaluation, written: RatingsWritten): Result<Evaluation> => {
  // An observation's source joins up to three cells with a few words.
  const textsFit = 3 * written.longestCell + 200 <= DEFAULT_LIMITS.maxStringLength
  const observationsFit =
    written.observations === 0 ||
    ((built.observations?.length ?? 0) <= DEFAULT_LIMITS.maxItems && observationProblems(built).length === 0)
  // A record of ratings holds at most one key per standard and criterion of its instrument.
  const recordsFit = instrumentsOf(built).every((f) => frameworkLayout(f).slots <= DEFAULT_LIMITS.maxItems)
  if (!isKnownValid(base) || !textsFit || !observationsFit || !recordsFit) return gate(built)
  return E.right(markValid(built))
}
