/**
 * realist-eval: realist evaluation in TypeScript.
 * Each folder is one concept and re-exports its public surface here.
 * @module
 */
export * from './model/index.js'
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
