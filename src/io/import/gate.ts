/**
 * The integrity gate of every import: the imported document must decode.
 * @module
 */
import type { Evaluation } from '../../model/evaluation.js'
import type { Result } from '../../model/problem.js'
import { decodeEvaluation } from '../../document/decode.js'

/**
 * Run a freshly built document through `decodeEvaluation`, so an import can
 * only ever hand back a valid document. The rows were checked one by one
 * already; this catches what no row shows alone (a base that was invalid to
 * begin with, a cell beside individual objectives of the same type). Its
 * problems carry JSON paths into the document, not lines of the file. The
 * decoded value is returned, so its rating records are null-prototype
 * objects like any decoded document's.
 * @example
 * gate(applyWrites(base, additions, writes)) //=> right(…) // evaluation) or left(problems
 */
export const gate = (ev: Evaluation): Result<Evaluation> => decodeEvaluation(ev)
