/**
 * Problems found in a CSV file, placed by line and column. They are ordinary
 * `Problem`s (so every reporter prints them) with the position also kept as
 * numbers, for tools that highlight the cell.
 * @module
 */
import { problem, type Problem, type ProblemCode } from '../../model/problem.js'

/** A problem in one cell (or one line) of a CSV file. */
export interface CsvProblem extends Problem {
  /** 1-based line of the file where the record starts (the header is line 1). */
  readonly line: number
  /** 1-based column (field number), when the problem is in one cell. */
  readonly column?: number
  /** The header of that column, when the file has one. */
  readonly columnName?: string
}

/** Where a cell is, for a problem. */
export interface CellPosition {
  readonly line: number
  readonly column?: number
  readonly columnName?: string
}

/**
 * Render a cell position in domain terms: `line 12, column 4 (level)`.
 * @example
 * showCell({ line: 12, column: 4, columnName: 'level' }) //=> 'line 12, column 4 (level)'
 * showCell({ line: 3 })                                  //=> 'line 3'
 */
export const showCell = (at: CellPosition): string =>
  at.column === undefined
    ? `line ${at.line}`
    : `line ${at.line}, column ${at.column}${at.columnName === undefined ? '' : ` (${at.columnName})`}`

/**
 * Build a CSV problem at a cell. The JSON-style `path` is `[line, column name
 * or number]`, so `showPath` gives `$[12].level`.
 * @example
 * csvProblem({ line: 12, column: 4, columnName: 'level' }, 'a level of scale emhip (met | partly | not-met) or "na"', 'sort of', 'value')
 * //=> { line: 12, column: 4, columnName: 'level', where: 'line 12, column 4 (level)', found: '"sort of"', … }
 */
export const csvProblem = (at: CellPosition, expected: string, found: unknown, code: ProblemCode = 'value'): CsvProblem => {
  const path: (string | number)[] = at.column === undefined ? [at.line] : [at.line, at.columnName ?? at.column]
  const p = problem(path, expected, found, code, showCell(at))
  return { ...p, line: at.line, ...(at.column === undefined ? {} : { column: at.column }), ...(at.columnName === undefined ? {} : { columnName: at.columnName }) }
}

/**
 * Re-home a problem from a lookup (which knows nothing of the file) at a cell,
 * keeping its expectation and code and prefixing its `where` with the cell.
 * @example
 * atCell({ line: 5, column: 2, columnName: 'unit' }, { where: 'site ss › unit', expected: 'a unit of site ss', … })
 * //=> { where: 'line 5, column 2 (unit) › site ss › unit', line: 5, column: 2, … }
 */
export const atCell = (at: CellPosition, p: Problem): CsvProblem => {
  const base = csvProblem(at, p.expected, undefined, p.code)
  // A lookup's own `where` is kept only when it adds context ("site x › unit"), not a bare word ("unit").
  const context = /\s/.test(p.where) && !p.where.startsWith('$')
  return { ...base, found: p.found, where: context ? `${base.where} › ${p.where}` : base.where }
}

/**
 * Problems in file order: by line, then column (a line's own problems first).
 * A stable sort, so problems of one cell keep their order.
 * @example
 * inFileOrder([{ line: 7 }, { line: 3, column: 2 }]) //=> [{ line: 3, column: 2 }, { line: 7 }]
 */
export const inFileOrder = <P extends Pick<CsvProblem, 'line' | 'column'>>(problems: readonly P[]): P[] =>
  [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
