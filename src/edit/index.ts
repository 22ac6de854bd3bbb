/**
 * Immutable edits (immer) with refusal checks, and the change log (patches,
 * undo, replay).
 * @module
 */
export type { Edit } from './define.js'
export { applyEdit, applyEdits, defineEdit, edit } from './define.js'
export type { LogEntry, ChangeLog, RecordOptions } from './log.js'
export { recordEditEither, recordEdit, replayEither, replay, undoEither, undo } from './log.js'
export type { RatedPlace, RateArgs, UnrateArgs } from './ratings.js'
export { rate, unrate } from './ratings.js'
export type { AddSiteArgs, RenameSiteArgs, RemoveSiteArgs } from './sites.js'
export { addSite, removeSite, renameSite } from './sites.js'
export type { AddUnitArgs, RenameUnitArgs, RemoveUnitArgs } from './units.js'
export { addUnit, removeUnit, renameUnit } from './units.js'
export type { AddRoundArgs, RemoveRoundArgs, RenameRoundArgs } from './rounds.js'
export { addRound, removeRound, renameRound } from './rounds.js'
export type { DeclareInstrumentArgs, DeclareRaterArgs, ExtensionHolderArgs, SetExtensionArgs } from './declare.js'
export { declareInstrument, declareRater, removeExtension, setExtension } from './declare.js'
export { locateUnit, siteIndex, type UnitLocation } from './locate.js'
