/**
 * Small hand-built documents for the CMO tests, on top of the embedded MHIP
 * dataset (its 4 sites and 15 workstreams, the E-MHIP framework, one round).
 */
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { orThrow } from '../../src/model/problem.js'
import { applyEdits, type Edit } from '../../src/edit/define.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { addCmoElement, addConfiguration, addStakeholderGroup } from '../../src/cmo/index.js'

export const SS = 'south-staffordshire'
export const LE = 'leicestershire'
export const SY = 'south-west-yorkshire'
export const SL = 'south-west-london'

/** Apply edits or fail the test with the problems. */
export const apply = (ev: Evaluation, ...edits: Edit[]): Evaluation => orThrow('test', applyEdits(ev, edits))

/**
 * Elements: contexts ready (tagged 1.1), lead; mechanisms events, train;
 * outcome low. Configuration c1: ready + events/train → low, fires, everywhere.
 * Groups g1..g4.
 */
export const base = (): Evaluation =>
  apply(
    mhipEvaluation,
    addCmoElement({ element: { id: 'ready', label: 'Readiness', role: 'context', standards: ['1.1'] } }),
    addCmoElement({ element: { id: 'lead', label: 'Leadership', role: 'context' } }),
    addCmoElement({
      element: {
        id: 'events',
        label: 'Consultation events',
        role: 'mechanism',
        resource: 'events',
        reasoning: 'enthusiasm',
      },
    }),
    addCmoElement({ element: { id: 'train', label: 'Training', role: 'mechanism', resource: null, reasoning: null } }),
    addCmoElement({
      element: { id: 'low', label: 'Low impact', role: 'outcome', intended: false, valence: 'negative' },
    }),
    addConfiguration({
      configuration: {
        id: 'c1',
        label: 'C1',
        contexts: ['ready'],
        mechanisms: ['events', 'train'],
        outcome: 'low',
        direction: 'fires',
      },
    }),
    ...['g1', 'g2', 'g3', 'g4'].map((id) => addStakeholderGroup({ item: { id, label: `Group ${id}` } })),
  )
