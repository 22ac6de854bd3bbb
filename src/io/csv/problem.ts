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
 * @param at - the cell's line, and its column number and header when known.
 * @returns the position in words.
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
 * @param at - the cell's line, and its column number and header when known.
 * @param expected - what the cell should hold, in words.
 * @param found - what it holds.
 * @param code - the kind of problem (default `'value'`).
 * @returns the problem, with its line and column.
 * @example
 * csvProblem({ line: 12, column: 4, columnName: 'level' }, 'a level of scale emhip (met | partly | not-met) or "na"', 'sort of', 'value')
 * //=> { line: 12, column: 4, columnName: 'level', where: 'line 12, column 4 (level)', found: '"sort of"', … }
 */
export const csvProblem = (
  at: CellPosition,
  expected: string,
  found: unknown,
  code: ProblemCode = 'value',
): CsvProblem => {
  const path: (string | number)[] = at.column === undefined ? [at.line] : [at.line, at.columnName ?? at.column]
  const p = problem(path, expected, found, code, showCell(at))
  return {
    ...p,
    line: at.line,
    ...(at.column === undefined ? {} : { column: at.column }),
    ...(at.columnName === undefined ? {} : { columnName: at.columnName }),
  }
}

/**
 * Re-home a problem from a lookup (which knows nothing of the file) at a cell,
 * keeping its expectation and code and prefixing its `where` with the cell.
 * @param at - the cell's line, and its column number and header when known.
 * @param p - the lookup's problem.
 * @returns the problem at the cell.
 * @example
 * const lookup = { path: ['unit'], where: 'site ss › unit', expected: 'a unit of site ss', found: '"icu"', code: 'reference' }
 * atCell({ line: 5, column: 2, columnName: 'unit' }, lookup)
 * //=> { path: [5, 'unit'], where: 'line 5, column 2 (unit) › site ss › unit', expected: 'a unit of site ss', found: '"icu"',
 * //     code: 'reference', line: 5, column: 2, columnName: 'unit' }
 */
export const atCell = (at: CellPosition, p: Problem): CsvProblem => {
  const base = csvProblem(at, p.expected, undefined, p.code)
  // A lookup's own `where` is kept only when it adds context ("site x › unit"), not a bare word ("unit").
  const context = /\s/.test(p.where) && !p.where.startsWith('$')
  return { ...base, found: p.found, where: context ? `${base.where} › ${p.where}` : base.where }
}

/**
 * Problems in file order: by line, then column (a line's own problems first).
 * A stable sort, so problems of one cell keep their order. A
 * `BoundedProblems` list ends with its `limit` problem (how many more).
 * @param problems - problems with a line (and a column when known).
 * @returns a sorted copy.
 * @example
 * inFileOrder([{ line: 7 }, { line: 3, column: 2 }]) //=> [{ line: 3, column: 2 }, { line: 7 }]
 */
export const inFileOrder = <P extends Pick<CsvProblem, 'line' | 'column'>>(problems: readonly P[]): P[] => {
  const sorted = [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
  // A bounded list ends with the count of the problems it left out.
  const more = problems instanceof BoundedProblems ? problems.summary() : undefined
  if (more !== undefined) sorted.push(more as unknown as P)
  return sorted
}

/**
 * A list of CSV problems that keeps at most `max` and counts the rest, so a
 * bad 20 MB file cannot build millions of problems. An ordinary array to
 * every reader (`length`, iteration, spread); only `push` is bounded. When a
 * caller stops checking at the bound (`stopAt`), the final summary says
 * where. {@link inFileOrder} appends the summary problem.
 * @example
 * const list = new BoundedProblems(2)
 * const p = csvProblem({ line: 2 }, 'a level', 'x')
 * list.push(p, p, p)
 * list.length  //=> 2
 * list.omitted //=> 1
 */
export class BoundedProblems extends Array<CsvProblem> {
  /** Problems found past the bound, only counted. */
  omitted = 0
  /** Where checking stopped at the bound: its line and the records left unchecked. */
  stopped: { readonly line: number; readonly unchecked: number } | undefined = undefined
  readonly max: number

  // Array methods that build a new array (map, filter, slice) build plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }

  constructor(max: number, items: readonly CsvProblem[] = []) {
    super()
    this.max = max
    this.push(...items)
  }

  /** Add problems up to the bound; count the rest. */
  override push(...items: CsvProblem[]): number {
    for (const p of items) {
      if (this.length < this.max) super.push(p)
      else this.omitted++
    }
    return this.length
  }

  /** Whether the bound is reached (checking may stop). */
  get full(): boolean {
    return this.length >= this.max
  }

  /** Record that checking stopped before `line`, with `unchecked` records left. */
  stopAt(line: number, unchecked: number): void {
    this.stopped = { line, unchecked }
  }

  /**
   * One bounded list of several: their problems up to `max`, the counts of
   * those they left out, and where checking stopped (the first stop).
   * @example
   * BoundedProblems.merge(1, [[csvProblem({ line: 2 }, 'a level', 'x')], [csvProblem({ line: 3 }, 'a level', 'y')]]).omitted //=> 1
   */
  static merge(max: number, lists: readonly (readonly CsvProblem[])[]): BoundedProblems {
    const out = new BoundedProblems(max)
    for (const list of lists) {
      out.push(...list)
      if (list instanceof BoundedProblems) {
        out.omitted += list.omitted
        if (out.stopped === undefined && list.stopped !== undefined) out.stopped = list.stopped
      }
    }
    return out
  }

  /** The `limit` problem that ends the list, when problems were left out or checking stopped. */
  summary(): CsvProblem | undefined {
    if (this.omitted === 0 && this.stopped === undefined) return undefined
    const stop = this.stopped
    const found = `${this.omitted.toLocaleString('en')} more${stop === undefined ? '' : ` at least (checking stopped before line ${stop.line}: ${stop.unchecked.toLocaleString('en')} records not checked)`}`
    return {
      ...csvProblem(
        { line: stop?.line ?? this[this.length - 1]?.line ?? 1 },
        `at most ${this.max} problems listed (the maxProblems option)`,
        null,
        'limit',
      ),
      found,
    }
  }
}
