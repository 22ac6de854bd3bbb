/**
 * realist-eval: realist evaluation in TypeScript.
 * Each folder is one concept and re-exports its public surface here.
 * @module
 */
export * from './model/index.js'
export * from './document/index.js'
export * from './edit/index.js'
export * from './standards/index.js'
export * from './objectives/index.js'
export * from './cmo/index.js'
export * from './economics/index.js'
export * from './agreement/index.js'
export * from './evidence/index.js'
export * from './qca/index.js'
export * from './gas/index.js'
export * from './attributes/index.js'
export * from './observations/index.js'
// The embedded E-MHIP data sits above the concepts it instantiates; no concept re-exports it.
export { emhipFramework, emhipScale } from './data/emhip-framework.js'
export {
  emhipTable5,
  emhipTable5Total,
  emhipOverallSplit,
  emhipTable5Figures,
  EMHIP_WORKSTREAMS,
} from './data/emhip-table5.js'
export type { Table5Row } from './data/emhip-table5.js'
export {
  MHIP_THEME,
  mhipThemes,
  mhipStakeholderGroups,
  mhipStartingConfigurations,
  mhipStartingTheory,
  withMhipTheory,
} from './data/mhip-theory.js'
