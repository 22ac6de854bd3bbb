/**
 * `realist-eval/io`: tidy CSV in and out. Import ratings (long or wide
 * tables) and objective counts onto an evaluation, all or nothing, with every
 * row problem placed by line and column; export any tidy rows as CSV with the
 * OWASP formula-injection guard. The only part of the library that uses
 * csv-parse.
 * @module
 */
export { readCsvEither, readCsv, type CsvRecord, type CsvTable, type ReadCsvOptions } from './csv/read.js'
export { toCsv, cellText, columnsOf, type Cell, type TidyRow, type CsvColumn, type ToCsvOptions } from './csv/write.js'
export { FORMULA_PREFIXES, isFormulaLike, neutraliseFormula, restoreFormula } from './csv/formula-guard.js'
export { csvProblem, showCell, inFileOrder, type CsvProblem, type CellPosition } from './csv/problem.js'
export {
  resolveColumnsEither,
  resolveColumns,
  type ColumnMapping,
  type ColumnIndex,
  type FieldSpec,
} from './import/columns.js'
export { DEFAULT_NA_LABELS, levelReader, targetReader } from './import/cell-values.js'
export type { ImportOptions, ImportProgress, RatingsImportOptions } from './import/options.js'
export {
  importRatingsLongEither,
  importRatingsLong,
  importRatingsWideEither,
  importRatingsWide,
  LONG_RATING_FIELDS,
  WIDE_RATING_FIELDS,
  type WideRatingsImportOptions,
} from './import/ratings.js'
export {
  importObjectivesEither,
  importObjectives,
  readAttributionEither,
  readAttribution,
  readImpactEither,
  readImpact,
  OBJECTIVE_FIELDS,
  type ObjectivesImportOptions,
} from './import/objectives.js'
export {
  importObjectiveListEither,
  importObjectiveList,
  readObjectiveStatusEither,
  readObjectiveStatus,
  OBJECTIVE_LIST_FIELDS,
  type ObjectiveListImportOptions,
} from './import/objective-list.js'
export {
  importAttributesEither,
  importAttributes,
  ATTRIBUTE_FIELDS,
  type AttributesImportOptions,
} from './import/attributes.js'
export { attributeTable, type AttributeTableRow } from './export/attributes.js'
export {
  ratingRows,
  objectiveCellRows,
  objectiveListRows,
  type RatingRow,
  type ObjectiveCellRow,
  type ObjectiveListRow,
} from './export/document-rows.js'
export {
  readRegisterEither,
  readRegister,
  REGISTER_FIELDS,
  type ReadRegisterOptions,
  type RegisterRead,
  type RegisterFormat,
} from './import/register.js'
export { writeRegisterEither, writeRegister, type WriteRegisterOptions } from './export/register.js'
export {
  importCostEntriesEither,
  importCostEntries,
  readCostAmountEither,
  readCostAmount,
  costEntryRows,
  COST_ENTRY_FIELDS,
  type CostImportOptions,
  type CostEntryRow,
} from './import/costs.js'
export {
  toParquetEither,
  toParquet,
  toArrowIpcEither,
  toArrowIpc,
  RATING_COLUMNS,
  ATTAINMENT_COLUMNS,
  OBJECTIVE_CELL_COLUMNS,
  OBJECTIVE_LIST_COLUMNS,
  REGISTER_COLUMNS,
  type ColumnSpec,
  type ColumnType,
  type ParquetEncoder,
  type ArrowEncoder,
  type ArrowIpcOptions,
} from './export/columnar.js'
