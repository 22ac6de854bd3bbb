/**
 * Qualitative Comparative Analysis: configurations as sets. Calibration
 * (direct, indirect, crisp), truth tables, sufficiency and necessity
 * measures, Boolean minimisation into conservative, parsimonious and
 * intermediate solutions with every model of an ambiguous solution, and the
 * links to sites, attainment and CMO configurations.
 * @module
 */
export {
  parseExpressionEither,
  parseExpression,
  formatTerm,
  formatExpression,
  termMembership,
  sopMembership,
  expressionConditions,
} from './expression.js'
export type { Literal, Term, Sop } from './expression.js'
export {
  ANCHOR_LOG_ODDS,
  anchorProblems,
  calibrateEither,
  calibrate,
  calibrateCrispEither,
  calibrateCrisp,
  calibrateIndirectEither,
  calibrateIndirect,
} from './calibrate.js'
export type { CalibrationAnchors, Calibrated, CrispOptions } from './calibrate.js'
export { MAX_CONDITIONS } from './data.js'
export type { QcaRow, SetData } from './data.js'
export { sufficiencyFit, necessityFit, sufficiencyEither, sufficiency, necessityEither, necessity } from './measures.js'
export type { SufficiencyFit, NecessityFit, TermSufficiency, Sufficiency, Necessity, FitOptions } from './measures.js'
export { truthTableEither, truthTable, configurationText } from './truth-table.js'
export type { TruthTableOptions, OutputValue, TruthTableRow, UnassignedCase, TruthTable } from './truth-table.js'
export { SOLUTION_KINDS, minimiseEither, minimise } from './minimise.js'
export type { SolutionKind, Expectation, MinimiseOptions, QcaTerm, QcaModel, QcaSolution } from './minimise.js'
export { truthTableRows, solutionRows, assumptionRows } from './rows.js'
export type { TruthTableTidyRow, TruthTableRowsOptions, SolutionTidyRow, AssumptionTidyRow } from './rows.js'
export { qcaRowsEither, qcaRows } from './sources.js'
export type { SetSource, QcaRowsOptions, QcaRows } from './sources.js'
export { qcaEvidenceText, qcaHypothesisEditsEither, qcaHypothesisEdits } from './hypothesis.js'
export type { QcaHypothesisOptions } from './hypothesis.js'
