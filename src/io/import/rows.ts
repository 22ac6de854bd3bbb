/**
 * The record loop every import shares: walk the records, report progress, and
 * read the common cells (site and unit, round, optional text) with their
 * problems placed by line and column.
 * @module
 */
import * as E from '../../model/either.js'
import type { Problem, Result } from '../../model/problem.js'
import { parseCsv, type CsvRecord, type CsvTable } from '../csv/read.js'
import { atCell, BoundedProblems, csvProblem, inFileOrder, type CellPosition, type CsvProblem } from '../csv/problem.js'
import type { Catalog, UnitRef } from './catalog.js'
import type { ColumnIndex } from './columns.js'
import type { EntityRef } from '../../model/attribute-values.js'
import { csvOptions, type ImportOptions } from './options.js'

/** A record with its header, for placing problems. */
export interface Row {
  readonly record: CsvRecord
  readonly header: readonly string[]
  readonly columns: ColumnIndex
  readonly problems: CsvProblem[]
}

/**
 * The position of a field's cell in a row.
 * @param row - a row of the file.
 * @param field - the field.
 * @returns the cell's line, and its column when the file has the field.
 */
export const cellAt = (row: Row, field: string): CellPosition => {
  const col = row.columns[field]
  return col === undefined
    ? { line: row.record.line }
    : { line: row.record.line, column: col + 1, columnName: row.header[col] ?? '' }
}

/**
 * The (trimmed) text of a field's cell, or `undefined` when the file has no such column.
 * @param row - a row of the file.
 * @param field - the field.
 * @returns the cell's text, or `undefined`.
 */
export const cellOf = (row: Row, field: string): string | undefined => {
  const col = row.columns[field]
  return col === undefined ? undefined : (row.record.cells[col] ?? '')
}

/**
 * Keep a lookup's value, or file its problems at the field's cell.
 * @param row - the row, which collects problems.
 * @param field - the field whose cell was read.
 * @param result - the lookup's result.
 * @returns the value, or `undefined` when the lookup failed (its problems now filed on the row).
 */
export const take = <A>(row: Row, field: string, result: Result<A>): A | undefined => {
  if (E.isRight(result)) return result.right
  for (const p of result.left) row.problems.push(atCell(cellAt(row, field), p))
  return undefined
}

/**
 * The unit a row names: a site problem is filed at the site cell, any other at the unit cell.
 * @param row - the row, which collects problems.
 * @param catalog - the sites and units known (and those the import adds).
 * @returns the unit, or `undefined` when the row names none (its problems now filed on the row).
 */
export const unitOf = (row: Row, catalog: Catalog): UnitRef | undefined => {
  const unit = cellOf(row, 'unit') ?? ''
  const site = cellOf(row, 'site')
  const found = catalog.unit(site === '' ? undefined : site, unit)
  if (E.isRight(found)) return found.right
  for (const p of found.left) row.problems.push(atCell(cellAt(row, p.where === 'site' ? 'site' : 'unit'), p))
  return undefined
}

/**
 * The rated entity a ratings row names: its unit, or, when the unit cell is
 * blank and the site cell is not, the site as a whole (`unit: null`).
 * @param row - the row, which collects problems.
 * @param catalog - the sites and units known (and those the import adds).
 * @returns the unit or the site as a whole, or `undefined` (its problems now filed on the row).
 */
export const entityOf = (row: Row, catalog: Catalog): EntityRef | undefined => {
  const unit = cellOf(row, 'unit') ?? ''
  const site = cellOf(row, 'site') ?? ''
  if (unit !== '' || site === '') return unitOf(row, catalog)
  const found = catalog.site(site)
  if (E.isRight(found)) return { site: found.right, unit: null }
  for (const p of found.left) row.problems.push(atCell(cellAt(row, 'site'), p))
  return undefined
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * An optional ISO 8601 date cell: blank → undefined; anything else must be `YYYY-MM-DD[Thh:mm…]`.
 * @param row - the row, which collects problems.
 * @param field - the field.
 * @returns the date as written, or `undefined` when blank or invalid (a problem filed for an
 * invalid one).
 */
export const dateOf = (row: Row, field: string): string | undefined => {
  const text = cellOf(row, field)
  if (text === undefined || text === '') return undefined
  if (ISO_DATE.test(text)) return text
  row.problems.push(csvProblem(cellAt(row, field), 'an ISO 8601 date (YYYY-MM-DD)', text, 'value'))
  return undefined
}

/**
 * An optional text cell: blank → undefined.
 * @param row - a row of the file.
 * @param field - the field.
 * @returns the text, or `undefined` when blank or absent.
 */
export const textOf = (row: Row, field: string): string | undefined => {
  const text = cellOf(row, field)
  return text === undefined || text === '' ? undefined : text
}

/**
 * An optional free-text value as written: blank → undefined, a quoted empty
 * cell (`""`, as the exports write an empty text) → `''`, anything else kept
 * exactly (a quoted cell keeps its spaces).
 * @param row - a row of the file.
 * @param field - the field.
 * @returns the text as written, or `undefined`.
 */
export const exactTextOf = (row: Row, field: string): string | undefined => {
  const col = row.columns[field]
  if (col === undefined) return undefined
  const text = row.record.cells[col] ?? ''
  if (text !== '') return text
  return row.record.quotedEmpty?.includes(col) === true ? '' : undefined
}

/**
 * Walk the records, calling `each` with a row that collects problems, and
 * reporting `rows` progress every `progressEvery` records and at the end.
 * @param records - the file's records.
 * @param header - the header cells.
 * @param columns - each field's column index.
 * @param options - the import's options (`progressEvery`, `onProgress`).
 * @param problems - the list every row files its problems in (when bounded, the walk stops once it
 * is full).
 * @param each - what to do with each row.
 * @returns nothing: `each` has seen every row (or every row up to the problem bound).
 */
export const eachRow = (
  records: readonly CsvRecord[],
  header: readonly string[],
  columns: ColumnIndex,
  options: ImportOptions,
  problems: CsvProblem[],
  each: (row: Row) => void,
): void => {
  const every = Math.max(1, options.progressEvery ?? 10_000)
  const total = records.length
  for (let i = 0; i < total; i++) {
    // Past the problem bound nothing more would be listed: stop, and say where.
    if (problems instanceof BoundedProblems && problems.full) {
      problems.stopAt(records[i]!.line, total - i)
      break
    }
    each({ record: records[i]!, header, columns, problems })
    if (options.onProgress !== undefined && (i + 1) % every === 0)
      options.onProgress({ phase: 'rows', done: i + 1, total })
  }
  options.onProgress?.({ phase: 'rows', done: total, total })
}

/**
 * Problems without a cell (e.g. no default round) placed on the header line.
 * @param problems - problems with no cell.
 * @param line - the header's line (default 1).
 * @returns the problems at that line.
 */
export const onHeader = (problems: readonly Problem[], line = 1): CsvProblem[] =>
  problems.map((p) => atCell({ line }, p))

/**
 * Read the file and find the columns: how every import starts. A file whose
 * header or columns are unusable stops here; otherwise its parse problems
 * (broken records) are carried on, so the cells of the good records are still
 * checked and every problem is reported at once.
 * @param csv - the file's text or bytes.
 * @param options - the import's options (CSV reading, mapping, progress).
 * @param columns finds the columns in the table (a `resolveColumns` call, or more)
 * @returns `Right` with the table, its columns and the parse problems carried on, or `Left` with
 * the problems that stop the import.
 * @example
 * import { resolveColumnsEither } from './columns.js'
 * const specs = [{ field: 'site', required: true, names: ['site'] }, { field: 'level', required: true, names: ['level'] }]
 * prepare('site,level\nss,met\n', {}, (t) => resolveColumnsEither(t.header, specs))
 * //=> right({ table: { header: ['site', 'level'], records: [{ line: 2, cells: ['ss', 'met'] }] }, columns: { site: 0, level: 1 }, problems: [] })
 * prepare('site\nss\n', {}, (t) => resolveColumnsEither(t.header, specs))
 * //=> left([{ where: 'line 1', expected: 'a column for field level (a header named one of "level", or mapped)', found: '"site"', … }])
 */
export const prepare = <A>(
  csv: string | Uint8Array,
  options: ImportOptions,
  columns: (table: CsvTable) => E.Either<readonly CsvProblem[], A>,
): E.Either<readonly Problem[], { table: CsvTable; columns: A; problems: CsvProblem[] }> => {
  const { table, problems } = parseCsv(csv, csvOptions(options))
  if (table === undefined) return E.left(inFileOrder(problems))
  const cols = columns(table)
  if (E.isLeft(cols)) return E.left(inFileOrder([...problems, ...cols.left]))
  // With a table, the parser's problems are its bounded list: the rows' problems share its bound.
  return E.right({ table, columns: cols.right, problems: problems as BoundedProblems })
}
