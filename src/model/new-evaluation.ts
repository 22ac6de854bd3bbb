import type { Evaluation } from './evaluation.js'
import { SCHEMA_VERSION } from './evaluation.js'

/** What `newEvaluation` needs; every collection left out starts empty. */
export type NewEvaluationInput = Pick<Evaluation, 'title' | 'programme' | 'framework'> &
  Partial<Omit<Evaluation, 'schemaVersion' | 'title' | 'programme' | 'framework'>>

/**
 * Assemble an evaluation document from its parts, unchecked: every collection
 * left out starts empty. One place, so that a new field of the document needs
 * a default here only. The public, checked form is `newEvaluation` (in
 * `document/`), which decodes the result; this one is for values the library
 * builds itself and checks in its tests (the embedded MHIP data).
 * @internal
 * @param input - the title, programme and framework, and any collections.
 * @returns the document, sharing the parts it was given.
 * @example
 * assembleEvaluation({ title: 'Audit', programme: { id: 'p', name: 'P' }, framework: emhipFramework }).sites //=> []
 */
export const assembleEvaluation = (input: NewEvaluationInput): Evaluation => {
  // Every optional part given (instruments, raters, attributes, observations, costs, extensions, …) is kept:
  // a part left out here would be lost without a word.
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
  return {
    ...given,
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
  }
}
