/**
 * The full decoder: the model's shape codecs plus every concept's cross-field
 * checks. The model defines the check interface (`DocumentCheck`) and knows no
 * concept; each concept keeps its checks in its own folder; this layer, above
 * them all, puts them together.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, type Result } from '../model/problem.js'
import { decodeEvaluationWith, parseJson, type DecodeOptions, type DocumentCheck } from '../model/codec.js'
import { documentProblems } from '../model/codec-checks.js'
import { attributeProblems, observationProblems } from '../model/attribute-checks.js'
import { objectiveProblems } from '../objectives/validate.js'
import { evidenceProblems, theoryProblems } from '../cmo/validate.js'
import { costProblems } from '../economics/validate.js'
import { markValid, withinDefaultLimits } from './known-valid.js'

/** Every concept's cross-field checks, in the order `decodeEvaluation` runs them. */
export const DOCUMENT_CHECKS: readonly DocumentCheck[] = [
  documentProblems,
  objectiveProblems,
  evidenceProblems,
  theoryProblems,
  costProblems,
  attributeProblems,
  observationProblems,
]

/**
 * Decode and fully validate an evaluation document: the input limits, the
 * shape of every part (unknown fields refused), every reference (ratings to
 * their instrument, its scale, the rounds, the excerpts and the raters;
 * duplicate ids; objectives; evidence and CMO references; costs; attributes;
 * observations) and the schema version (1 is read and upgraded to 2).
 *
 * It is the model's shape decoder (`decodeEvaluationWith`) with every
 * concept's cross-field checks, in this order: the foundation's
 * (`documentProblems`), objectives, evidence, theories, costs, attributes,
 * observations (`DOCUMENT_CHECKS`).
 *
 * Degenerate input: anything that is not an object is one problem at `$`; an
 * input over a limit outside the ratings gets only its `limit` problems (at
 * most 20, and at most `maxProblems` of them listed; nothing else is looked at; limits inside ratings are reported with
 * the other problems); otherwise every problem is returned, not just the
 * first, up to `maxProblems` (default 1,000) and then one `limit` problem
 * counting the rest (the cross-field checks stop building problems at the
 * bound, so their count is then given as a lower bound: `found N more at least`) (`the document: expected at most 1000 problems listed
 * (the maxProblems option), found 998,999 more`). Duplicate ids are listed
 * up to 100 per namespace, then summed up in one problem. The input is never
 * mutated, and the result shares no object with it (a copy is decoded, so a
 * later change to the input cannot reach the document or its caches). A
 * `__proto__` key anywhere is refused. The result's rating records are null-prototype objects, and a
 * rating that holds only a level is one shared, frozen object per level.
 * @param input - a parsed JSON value (or a value built in code).
 * @param options - input limits (defaults in `DEFAULT_LIMITS`) and `maxProblems`; each an integer
 *   (a bad option is a problem at `['options', name]`).
 * @returns `right(evaluation)` or `left(problems)`, each with a JSON path and a domain `where`.
 * @example
 * const doc = JSON.parse(JSON.stringify(encodeEvaluation(mhipEvaluation)))
 * decodeEvaluation(doc) //=> right(mhipEvaluation)
 * doc.sites[0].units[0].ratings = { 'mhip-2008': { '9.9': { level: 'met' } } }
 * decodeEvaluation(doc)
 * //=> left([{ path: ['sites', 0, 'units', 0, 'ratings', 'mhip-2008', '9.9'],
 * //           where: 'site south-staffordshire › unit acute-care › round mhip-2008 › rating 9.9',
 * //           expected: 'a standard or criterion id of framework emhip', found: '"9.9"', code: 'reference' }])
 */
export const decodeEvaluation = (input: unknown, options: DecodeOptions = {}): Result<Evaluation> => {
  const decoded = decodeEvaluationWith(input, DOCUMENT_CHECKS, options)
  // A document valid under the default limits (or stricter ones) is marked so, for the steps that check only what they write.
  if (E.isRight(decoded) && withinDefaultLimits(options)) markValid(decoded.right)
  return decoded
}

/**
 * Decode an evaluation from JSON text or a parsed value, throwing on any
 * problem: the throwing convenience of `decodeEvaluation`, for notebooks.
 * @param input - JSON text, or a parsed value.
 * @param options - input limits (defaults in `DEFAULT_LIMITS`) and `maxProblems` (default 1,000), as for `decodeEvaluation`.
 * @returns the decoded `Evaluation` (a new value; the input is not mutated).
 * @throws {RealistError} listing every problem, one per line.
 * @example
 * parseEvaluation(JSON.stringify(encodeEvaluation(mhipEvaluation))).sites.length //=> 4
 * parseEvaluation('{"schemaVersion": 3}')
 * //=> throws 'expected schemaVersion 1 or 2 (the versions this library reads), found 3'
 */
export const parseEvaluation = (input: unknown, options: DecodeOptions = {}): Evaluation =>
  orThrow(
    'parseEvaluation',
    typeof input === 'string'
      ? E.chain((value: unknown) => decodeEvaluation(value, options))(parseJson(input))
      : decodeEvaluation(input, options),
  )
