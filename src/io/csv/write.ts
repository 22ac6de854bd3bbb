/**
 * Write tidy rows as CSV (RFC 4180 quoting), every text cell passed through
 * the formula-injection guard.
 * @module
 */
import { GUARDED_CELL, neutraliseFormula } from './formula-guard.js'
import { listArgProblems } from '../../model/options.js'
import { RealistError } from '../../model/problem.js'

/** A value a tidy row may hold. */
export type Cell = string | number | boolean | null | undefined

/** A tidy row: a flat object of primitive values. */
export type TidyRow = Readonly<Record<string, Cell>>

/** A column of a CSV export: the row key, and its header when it differs. */
export type CsvColumn = string | { readonly key: string; readonly header: string }

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Columns in order. Default: every key of the rows, in first-seen order. */
  readonly columns?: readonly CsvColumn[]
  /** Record delimiter. Default `"\n"`; use `"\r\n"` for RFC 4180 strictness. */
  readonly eol?: '\n' | '\r\n'
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. Default `false`. */
  readonly bom?: boolean
  /** Field delimiter. Default `","`; `"\t"` writes TSV. */
  readonly delimiter?: ',' | '\t' | ';'
}

/**
 * Every key of the rows, in first-seen order.
 * @param rows - the rows.
 * @returns the keys.
 * @example
 * columnsOf([{ a: 1 }, { b: 2, a: 3 }]) //=> ['a', 'b']
 */
export const columnsOf = (rows: readonly object[]): string[] => {
  const keys = new Set<string>()
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k)
  return [...keys]
}

/**
 * One cell as CSV text: blank for `null`/`undefined`, numbers as JavaScript
 * writes them (`NaN` and `Infinity` spelled out), text through
 * `neutraliseFormula`. Numbers are never prefixed: a JavaScript number cannot
 * carry a formula, and `-0.13` must stay a number for the reader.
 * @param v - a cell's value.
 * @returns the cell's CSV text (before quoting).
 * @example
 * cellText(-0.5)     //=> '-0.5'
 * cellText('-0.5')   //=> "'-0.5"
 * cellText(null)     //=> ''
 */
export const cellText = (v: Cell): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormula(v) : String(v)

/** Separators some spreadsheets split on besides the comma. */
const SEPARATORS = /[;\t|]/
/** Leading or trailing whitespace (JavaScript's \s: spaces, NBSP, BOM, line separators). */
const EDGE_SPACE = /^\s|\s$/

/**
 * Export tidy rows as CSV text with a header row.
 *
 * Formula injection (OWASP): every text cell, header included, that starts
 * with `=`, `+`, `-`, `@`, tab, carriage return, line feed or a full-width
 * `＝ ＋ － ＠` (after any leading whitespace or BOM) is prefixed with `'` and
 * quoted, so a spreadsheet shows it as text. Cells holding `;`, a tab or `|`
 * (separators some locales split on) and cells with leading or trailing
 * whitespace are quoted too. An empty text is written as `""` and a
 * missing value (`null`, `undefined`) as a blank cell, so the imports can
 * tell them apart. Read such a file back with
 * `readCsvEither(text, { stripFormulaGuard: true })` to get the original strings;
 * numbers come back as the same digits.
 *
 * Degenerate input: no rows and no `columns` gives the empty string; no rows
 * with `columns` gives just the header.
 * @param rows the tidy rows (flat objects of primitives; other values are written with `String`)
 * @param options columns, line ending, byte-order mark
 * @returns the CSV text.
 * @throws {RealistError} when `rows` is not a list.
 * @example
 * toCsv([{ unit: '=HYPERLINK("http://evil")', k: 3 }])
 * //=> 'unit,k\n"\'=HYPERLINK(""http://evil"")",3\n'
 */
export const toCsv = (rows: readonly object[], options: ToCsvOptions = {}): string => {
  const notRows = listArgProblems('toCsv', 'rows', rows)
  if (notRows.length > 0) throw new RealistError('toCsv', notRows)
  const columns = (options.columns ?? columnsOf(rows)).map((c) => (typeof c === 'string' ? { key: c, header: c } : c))
  if (columns.length === 0) return ''
  const delimiter = options.delimiter ?? ','
  const eol = options.eol === '\r\n' ? '\r\n' : '\n'
  const lines: string[] = [options.bom === true ? '\uFEFF' : '']
  const record = (cells: readonly (string | null)[]): void => {
    lines.push(cells.map((t) => (t === null ? '' : t === '' ? '""' : csvField(t, delimiter))).join(delimiter), eol)
  }
  // A missing value (null, undefined) is a blank cell; an empty text is a quoted empty cell (""), so the two read back apart.
  const cell = (v: Cell): string | null => (v === null || v === undefined ? null : cellText(v))
  record(columns.map((c) => cellText(c.header)))
  for (const row of rows) record(columns.map((c) => cell((row as TidyRow)[c.key])))
  return lines.join('')
}

// One field of a record (RFC 4180, section 2): quoted, inner quotes doubled, when it holds the delimiter,
// a quote, a carriage return or a line feed. Quoted as well: the cells the formula guard prefixed, as OWASP
// advises; cells holding a separator a spreadsheet may split on (";" in many European locales, tab, "|"),
// so that no part of one becomes a cell of its own that starts a formula; and cells with leading or
// trailing whitespace, which the reader trims unless the cell is quoted (so the round trip keeps them).
// The empty string is written by `toCsv` itself: quoted (an empty text) or not (a missing value).
const csvField = (text: string, delimiter: string): string =>
  text.includes(delimiter) ||
  /["\r\n]/.test(text) ||
  GUARDED_CELL.test(text) ||
  SEPARATORS.test(text) ||
  EDGE_SPACE.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text
