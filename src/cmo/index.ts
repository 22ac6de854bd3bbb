export { STATUS_TRANSITIONS, canTransition, describeNextStatuses } from './lifecycle.js'
export { evidenceProblems, theoryProblems } from './validate.js'
export { snapshotTheory } from './snapshot.js'
export * from './edits.js'
