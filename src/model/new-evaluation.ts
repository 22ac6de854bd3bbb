import type { Evaluation } from './evaluation.js'
import { SCHEMA_VERSION } from './evaluation.js'
import { problem, RealistError } from './problem.js'

/** What `newEvaluation` needs; every collection left out starts empty. */
export type NewEvaluationInput = Pick<Evaluation, 'title' | 'programme' | 'framework'> &
  Partial<Omit<Evaluation, 'schemaVersion' | 'title' | 'programme' | 'framework'>>

/**
 * Build an evaluation document from the parts you have: a title, the
 * programme and the framework are required, and every collection you leave out
 * (rounds, sites, objective types, evidence, CMO elements, configurations,
 * theories) starts empty. One place, so that a new field of the document needs
 * a default here only. No checks are made: pass the result to
 * `decodeEvaluation` when the parts come from outside.
 * @example
 * const ev = newEvaluation({ title: 'Audit 2026', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * ev.sites //=> []
 * ev.schemaVersion //=> 2
 * @throws RealistError when `input` is not an object
 */
export const newEvaluation = (input: NewEvaluationInput): Evaluation => {
  if (typeof input !== 'object' || input === null)
    throw new RealistError('newEvaluation', [
      problem(
        ['input'],
        'the parts of an evaluation: { title, programme, framework, … }',
        input,
        'shape',
        'newEvaluation › input',
      ),
    ])
  return newEvaluationFrom(input)
}

const newEvaluationFrom = (input: NewEvaluationInput): Evaluation => ({
  schemaVersion: SCHEMA_VERSION,
  title: input.title,
  programme: input.programme,
  framework: input.framework,
  rounds: input.rounds ?? [],
  sites: input.sites ?? [],
  objectiveTypes: input.objectiveTypes ?? [],
  stakeholderGroups: input.stakeholderGroups ?? [],
  informants: input.informants ?? [],
  sources: input.sources ?? [],
  excerpts: input.excerpts ?? [],
  elements: input.elements ?? [],
  configurations: input.configurations ?? [],
  theories: input.theories ?? [],
})
