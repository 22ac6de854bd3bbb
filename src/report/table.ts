/**
 * Generic tables: rows plus column definitions, rendered as Markdown or HTML.
 * The specific tables (attainment, objectives, site comparison) are built as
 * a `Table` and rendered by these two functions.
 * @module
 */
import { escapeMarkdown } from './escape.js'
import { gridHtml, gridText, type Grid } from '../model/display.js'
import { listArgProblems } from '../model/options.js'
import { RealistError } from '../model/problem.js'

/** A value a table cell may hold before formatting. */
export type TableValue = string | number | boolean | null | undefined

/** One column: which row key it shows, its header, and how to format and align it. */
export interface TableColumn<R> {
  /** Row key shown in this column. */
  readonly key: keyof R & string
  /** Header text [the key]. */
  readonly header?: string
  /**
   * The column's name in tidy rows (`toRows`) [the header]: set it where a header repeats, as the
   * objectives table's "Due to programme?" does once per objective type.
   */
  readonly name?: string
  /** Format a value as text [numbers as they are, null/undefined as empty]. */
  readonly format?: (value: R[keyof R & string], row: R) => string
  /** [`'left'`; numbers right by default] */
  readonly align?: 'left' | 'right' | 'center'
}

/** A table: its rows, its columns, and an optional caption and footnote. */
export interface Table<R> {
  readonly rows: readonly R[]
  readonly columns: readonly TableColumn<R>[]
  readonly caption?: string
  /** A note under the table (e.g. the denominator policy). */
  readonly note?: string
}

/**
 * The text of one cell: the column's format, else the value as a string
 * (blank for null and undefined).
 * @param row - the row.
 * @param column - the column (its key and format).
 * @returns the cell's text.
 * @example
 * cellText({ k: 3 }, { key: 'k', header: 'k', format: (v) => `${v} units` }) //=> '3 units'
 * cellText({ k: null }, { key: 'k', header: 'k' }) //=> ''
 */
export const cellText = <R>(row: R, column: TableColumn<R>): string => {
  const value = row[column.key]
  if (column.format !== undefined) return column.format(value, row)
  return value === null || value === undefined ? '' : String(value)
}

const alignOf = <R>(rows: readonly R[], column: TableColumn<R>): 'left' | 'right' | 'center' =>
  column.align ??
  (rows.length > 0 && rows.every((r) => typeof r[column.key] === 'number' || r[column.key] === null) ? 'right' : 'left')

/**
 * Every key of the rows as a column, for tables without column definitions.
 * @param rows - the rows.
 * @returns one column per key, in first-seen order.
 * @example
 * columnsFromRows([{ site: 'a', k: 1 }]) //=> [{ key: 'site' }, { key: 'k' }]
 */
export const columnsFromRows = <R extends object>(rows: readonly R[]): TableColumn<R>[] => {
  const keys = new Set<string>()
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k)
  return [...keys].map((key) => ({ key: key as keyof R & string }))
}

/**
 * Render rows as a GitHub-flavoured Markdown table. Every cell is escaped
 * (`escapeMarkdown`), so data text cannot break the table or inject markup.
 *
 * Degenerate input: no rows gives the header and the rule only; no columns
 * (and none given) gives the empty string.
 * @param rows the rows (flat objects)
 * @param columns the columns [every key of the rows]
 * @returns the Markdown text.
 * @throws {RealistError} when `rows` is not a list.
 * @example
 * markdownTable([{ standard: '2.4', pct: 13 }], [{ key: 'standard', header: 'Standard' }, { key: 'pct', header: '%' }])
 * //=> '| Standard | % |\n| :-- | --: |\n| 2.4 | 13 |'
 */
export const markdownTable = <R extends object>(rows: readonly R[], columns?: readonly TableColumn<R>[]): string => {
  const notRows = listArgProblems('markdownTable', 'rows', rows)
  if (notRows.length > 0) throw new RealistError('markdownTable', notRows)
  columns ??= columnsFromRows(rows)
  if (columns.length === 0) return ''
  const rule = { left: ':--', right: '--:', center: ':-:' }
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [
    line(columns.map((c) => escapeMarkdown(c.header ?? c.key))),
    line(columns.map((c) => rule[alignOf(rows, c)])),
    ...rows.map((r) => line(columns.map((c) => escapeMarkdown(cellText(r, c))))),
  ].join('\n')
}

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions {
  /** A caption, shown above the table. */
  readonly caption?: string
  /** A class attribute for the `<table>`. */
  readonly className?: string
  /**
   * How cells are aligned [`"class"`]: `class="right"` for a page with its own style sheet
   * (the HTML report, whose content security policy forbids inline styles), or `"inline"`
   * styles (`style="text-align: left"` on every cell), which Jupyter's table styling
   * cannot override; notebook displays use inline styles.
   */
  readonly alignment?: 'class' | 'inline'
}

/**
 * A table's rows as formatted text: headers, cells (`cellText`) and each
 * column's alignment, with the caption and note.
 * @param table the table
 * @returns the grid that `gridText` and `gridHtml` render
 * @example
 * tableGrid({ rows: [{ site: 'Leics', k: 1 }], columns: [{ key: 'site' }, { key: 'k', header: 'k' }] })
 * //=> { header: ['site', 'k'], rows: [['Leics', '1']], align: ['left', 'right'] }
 */
export const tableGrid = <R extends object>(table: Table<R>): Grid => ({
  ...(table.caption === undefined ? {} : { caption: table.caption }),
  header: table.columns.map((c) => c.header ?? c.key),
  rows: table.rows.map((r) => table.columns.map((c) => cellText(r, c))),
  align: table.columns.map((c) => alignOf(table.rows, c)),
  ...(table.note === undefined ? {} : { note: table.note }),
})

/**
 * Render rows as an HTML `<table>` with a `<thead>` and `<tbody>` (header
 * cells have `scope="col"`). Every cell, header and caption is escaped
 * (`escapeHtml`), so data text is always shown as text.
 *
 * Degenerate input: no rows gives an empty `<tbody>`.
 * @param rows the rows (flat objects)
 * @param columns the columns [every key of the rows]
 * @param options caption, class and alignment (classes by default)
 * @returns the HTML text.
 * @example
 * htmlTable([{ unit: '<b>x</b>' }])
 * //=> '<table><thead><tr><th scope="col">unit</th></tr></thead><tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td></tr></tbody></table>'
 */
export const htmlTable = <R extends object>(
  rows: readonly R[],
  columns: readonly TableColumn<R>[] = columnsFromRows(rows),
  options: HtmlTableOptions = {},
): string =>
  gridHtml(tableGrid({ rows, columns, ...(options.caption === undefined ? {} : { caption: options.caption }) }), {
    alignment: options.alignment ?? 'class',
    ...(options.className === undefined ? {} : { className: options.className }),
  })

/**
 * Render a {@link Table} as plain text: columns padded to their widest cell,
 * text left and numbers right, the caption above and the note below (what a
 * console or a notebook's `text/plain` shows).
 * @param table the table
 * @returns the text
 * @example
 * renderText({ rows: [{ site: 'Leics', k: 1 }], columns: [{ key: 'site' }, { key: 'k' }] })
 * //=> 'site   k\n-----  -\nLeics  1'
 */
export const renderText = <R extends object>(table: Table<R>): string => gridText(tableGrid(table))

/**
 * Render a {@link Table} as Markdown: the caption in bold above, the note in
 * italics below.
 * @param table - the rows, columns, caption and note.
 * @returns the Markdown text.
 * @example
 * const rows = [{ unit: 'Acute care', met: 3 }, { unit: 'Access', met: 1 }]
 * renderMarkdown({ rows, columns: [{ key: 'unit', header: 'Unit' }, { key: 'met', header: 'Met' }], caption: 'Met by unit' })
 * //=> '**Met by unit**\n\n| Unit | Met |\n| :-- | --: |\n| Acute care | 3 |\n| Access | 1 |'
 */
export const renderMarkdown = <R extends object>(table: Table<R>): string =>
  [
    ...(table.caption === undefined ? [] : [`**${escapeMarkdown(table.caption)}**`, '']),
    markdownTable(table.rows, table.columns),
    ...(table.note === undefined ? [] : ['', `_${escapeMarkdown(table.note)}_`]),
  ].join('\n')

/**
 * Render a {@link Table} as HTML: a `<table>` with its caption, and the note
 * in a `<p class="note">` after it (a bare `<p>` with inline alignment).
 * @param table the table
 * @param options alignment: classes [default] or inline styles
 * @returns the HTML text
 * @example
 * const rows = [{ unit: 'Acute care', met: 3 }]
 * renderHtml({ rows, columns: [{ key: 'unit', header: 'Unit' }, { key: 'met', header: 'Met' }], caption: 'Met by unit' })
 * //=> '<table><caption>Met by unit</caption><thead><tr><th scope="col">Unit</th>…<td>Acute care</td>…3</td></tr></tbody></table>'
 */
export const renderHtml = <R extends object>(
  table: Table<R>,
  options: Pick<HtmlTableOptions, 'alignment'> = {},
): string => gridHtml(tableGrid(table), { alignment: options.alignment ?? 'class' })
