/**
 * Immutable edits (immer) with refusal checks, and the change log (patches,
 * undo, replay).
 * @module
 */
export type * from './define.js'
export { applyEdit, applyEdits, defineEdit, edit } from './define.js'
export type * from './log.js'
export { recordEdit, replay, undo } from './log.js'
export type * from './ratings.js'
export { rate, unrate } from './ratings.js'
export type * from './sites.js'
export { addSite, removeSite, renameSite } from './sites.js'
export type * from './units.js'
export { addUnit, removeUnit, renameUnit } from './units.js'
export type * from './rounds.js'
export { addRound, removeRound, renameRound } from './rounds.js'
export type * from './declare.js'
export { declareInstrument, declareRater, removeExtension, setExtension } from './declare.js'
export { locateUnit, siteIndex, type UnitLocation } from './locate.js'
