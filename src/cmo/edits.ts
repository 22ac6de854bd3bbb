/**
 * The CMO edits: values built by constructors and applied with `applyEdit`
 * (or recorded in the change log), each refusing bad input before anything
 * is touched.
 * @module
 */
export * from './edits/elements.js'
export * from './edits/configurations.js'
export * from './edits/theories.js'
export * from './edits/evidence.js'
export * from './edits/links.js'
export type { PlainIds, ChangeStamp } from './edits/support.js'
