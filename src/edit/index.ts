/**
 * Immutable edits (immer) with refusal checks, and the change log (patches,
 * undo, replay).
 * @module
 */
export * from './define.js'
export * from './log.js'
export * from './ratings.js'
export * from './sites.js'
export * from './units.js'
export * from './rounds.js'
export * from './declare.js'
export { locateUnit, siteIndex, type UnitLocation } from './locate.js'
