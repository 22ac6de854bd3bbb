/**
 * The full decoder of an evaluation document: the model's shape codecs and
 * every concept's cross-field checks.
 * @module
 */
export { decodeEvaluation, parseEvaluation, DOCUMENT_CHECKS } from './decode.js'
export { newEvaluation, newEvaluationEither } from './new-evaluation.js'
