/**
 * A new evaluation document from the parts a user has, checked like any
 * document from outside.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import { assembleEvaluation, type NewEvaluationInput } from '../model/new-evaluation.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import type { DecodeOptions } from '../model/codec.js'
import { decodeEvaluation } from './decode.js'

/**
 * Build an evaluation document from the parts you have, and check it: a
 * title, the programme and the framework are required; every collection left
 * out (rounds, sites, objective types, evidence, CMO elements, configurations,
 * theories) starts empty, and every other part given (instruments, raters,
 * attributes, observations, costs, extensions) is kept. The result is run
 * through `decodeEvaluation`, so a framework written by hand with a field
 * missing or misspelt is a problem naming its path, not a failure later in an
 * import or a count.
 *
 * Degenerate input: anything that is not an object is one problem at `input`.
 * @param input - the title, programme and framework, and any collections.
 * @param options - input limits and `maxProblems`, as for `decodeEvaluation`.
 * @returns `right(evaluation)` (a new value sharing nothing with `input`), or `left(problems)`.
 * @example
 * const made = newEvaluationEither({ title: 'Audit 2026', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * made._tag //=> 'Right'
 * const bad = newEvaluationEither({ title: 'Audit', programme: { id: 'p', name: 'P' }, framework: { ...emhipFramework, scale: undefined } })
 * bad._tag //=> 'Left'
 */
export const newEvaluationEither = (input: NewEvaluationInput, options: DecodeOptions = {}): Result<Evaluation> =>
  typeof input !== 'object' || input === null
    ? E.left([
        problem(
          ['input'],
          'the parts of an evaluation: { title, programme, framework, … }',
          input,
          'shape',
          'newEvaluation › input',
        ),
      ])
    : decodeEvaluation(assembleEvaluation(input), options)

/**
 * Build and check an evaluation document (the throwing twin of
 * {@link newEvaluationEither}): a title, the programme and the framework are
 * required, every collection left out starts empty, every other part given
 * is kept, and the result must decode.
 * @param input - the title, programme and framework, and any collections.
 * @param options - input limits and `maxProblems`, as for `decodeEvaluation`.
 * @returns the checked document (sharing nothing with `input`).
 * @throws {RealistError} listing every problem of the assembled document, each with its path.
 * @example
 * const ev = newEvaluation({ title: 'Audit 2026', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * ev.sites //=> []
 * ev.schemaVersion //=> 2
 */
export const newEvaluation = (input: NewEvaluationInput, options: DecodeOptions = {}): Evaluation =>
  orThrow('newEvaluation', newEvaluationEither(input, options))
