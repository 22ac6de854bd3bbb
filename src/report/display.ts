/**
 * Notebook display. Deno's Jupyter kernel (and tools following it) shows a
 * value by calling its `[Symbol.for('Jupyter.display')]()` method, which
 * returns a bundle of MIME type → content. Report tables carry that method,
 * so evaluating one in a cell shows the table; so do attainment results,
 * objective rows and Vega-Lite specs. `displayable` adds it to any value, and
 * `svgImage` shows an SVG chart's markup as the picture.
 *
 * Every bundle carries `text/plain`. HTML tables align their cells with inline
 * styles, because a notebook's own table styling right-aligns every cell.
 * @module
 */
import { withDisplay, type Displayable } from '../model/display.js'
import { RealistError, type Problem } from '../model/problem.js'
import { listArgProblems } from '../model/options.js'
import { renderHtml, renderMarkdown, renderText, type Table } from './table.js'

export { JUPYTER_DISPLAY, isDisplayable, type Displayable, type MimeBundle } from '../model/display.js'

/** How to render a value for a notebook. */
export interface Renderers<A> {
  readonly html: (value: A) => string
  readonly markdown: (value: A) => string
  /** The `text/plain` form [the Markdown]. */
  readonly text?: (value: A) => string
}

/**
 * A copy of `value` that displays itself in a notebook: it gains a
 * non-enumerable `[Symbol.for('Jupyter.display')]()` method returning
 * `{ 'text/plain', 'text/html', 'text/markdown' }` from the renderers. The
 * input is not changed; the copy is shallow (arrays stay arrays, objects keep
 * their prototype), and the method is invisible to `JSON.stringify`,
 * `Object.keys` and spreads.
 * @param value an object or array, e.g. a result or tidy rows
 * @param render an HTML and a Markdown renderer, and a plain-text one [the Markdown]
 * @returns the displayable copy
 * @example
 * const shown = displayable([{ k: 1 }], { html: (r) => htmlTable(r), markdown: (r) => markdownTable(r) })
 * shown[Symbol.for('Jupyter.display')]()['text/plain'] //=> '| k |\n| --: |\n| 1 |'
 */
export const displayable = <A extends object>(value: A, render: Renderers<A>): A & Displayable => {
  const copy = (
    Array.isArray(value)
      ? [...value]
      : Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value)
  ) as A
  return withDisplay(copy, (v) => {
    const markdown = render.markdown(v)
    return { 'text/plain': render.text?.(v) ?? markdown, 'text/html': render.html(v), 'text/markdown': markdown }
  })
}

/**
 * A table that displays itself in a notebook: `text/plain` (columns padded,
 * `renderText`), `text/html` (cells aligned by inline styles: text left,
 * numbers right) and `text/markdown`.
 * @param table the table
 * @returns a displayable copy of the table
 * @example
 * displayTable({ rows: [{ site: 'Leics' }], columns: [{ key: 'site' }] })[Symbol.for('Jupyter.display')]()['text/html']
 * //=> '<table><thead><tr><th scope="col" style="text-align: left">site</th></tr></thead><tbody><tr><td style="text-align: left">Leics</td></tr></tbody></table>'
 */
export const displayTable = <R extends object>(table: Table<R>): Table<R> & Displayable =>
  displayable(table, {
    html: (t) => renderHtml(t, { alignment: 'inline' }),
    markdown: renderMarkdown,
    text: renderText,
  })

/** An SVG chart that displays as the picture in a notebook; its markup stays at hand. */
export interface SvgImage extends Displayable {
  /** The SVG markup, as the chart function returned it. */
  readonly svg: string
  /** The markup again, so that `${image}` and `String(image)` give the SVG. */
  toString(): string
}

/** A chart's title as its SVG states it (`<title>`), for the plain-text form. */
const svgTitle = (svg: string): string | undefined => /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1]

/**
 * An SVG chart that shows as the picture in a notebook: the bundle holds
 * `image/svg+xml` and, as `text/plain`, the chart's title (its `<title>`) or
 * "SVG image". The chart functions (`heatmapSvg`, `objectivesBarSvg`,
 * `qcaXyPlotSvg`) return plain strings, which a file, a page or a test takes
 * as they are; wrap one in `svgImage` to see it in a notebook.
 * @param svg SVG markup
 * @returns the image, whose `svg` (and `toString()`) is the markup
 * @example
 * svgImage('<svg xmlns="http://www.w3.org/2000/svg"><title>Heatmap</title></svg>')[Symbol.for('Jupyter.display')]()
 * //=> { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg"><title>Heatmap</title></svg>', 'text/plain': 'Heatmap (SVG image)' }
 */
export const svgImage = (svg: string): SvgImage =>
  withDisplay(
    {
      svg: String(svg),
      toString(this: { svg: string }): string {
        return this.svg
      },
    },
    (v) => {
      const title = svgTitle(v.svg)
      return { 'image/svg+xml': v.svg, 'text/plain': title === undefined ? 'SVG image' : `${title} (SVG image)` }
    },
  )

/** Options of {@link problemsTable}. */
export interface ProblemsTableOptions {
  /** A caption [`"N problems"`]. */
  readonly caption?: string
  /** At most this many rows, the rest counted in the note [200]. */
  readonly max?: number
}

/** One row of {@link problemsTable}: a problem's parts as text. */
export interface ProblemRow {
  readonly where: string
  readonly expected: string
  readonly found: string
  readonly code: string
}

/**
 * A list of problems as a table (where, expected, found, code), which
 * displays as a compact table in a notebook; `formatProblems` gives the same
 * problems as one message string.
 *
 * Degenerate input: no problems gives an empty table captioned "0 problems".
 * @param problems the problems, e.g. the `left` of an `Either` or a `RealistError`'s `problems`
 * @param options caption and a row limit
 * @returns the table, displayable
 * @throws {RealistError} when `problems` is not an array
 * @example
 * problemsTable([{ path: ['title'], where: 'title', expected: 'a string', found: '42', code: 'shape' }]).rows
 * //=> [{ where: 'title', expected: 'a string', found: '42', code: 'shape' }]
 */
export const problemsTable = (
  problems: readonly Problem[],
  options: ProblemsTableOptions = {},
): Table<ProblemRow> & Displayable => {
  const max = options.max ?? 200
  const notList = listArgProblems('problemsTable', 'problems', problems, 'problems')
  if (notList.length > 0) throw new RealistError('problemsTable', notList)
  const list = problems
  const rows = list.slice(0, max).map((p) => ({
    where: p.where === '' ? '(document)' : p.where,
    expected: p.expected,
    found: p.found,
    code: p.code,
  }))
  return displayTable<ProblemRow>({
    rows,
    columns: [
      { key: 'where', header: 'Where' },
      { key: 'expected', header: 'Expected' },
      { key: 'found', header: 'Found' },
      { key: 'code', header: 'Code' },
    ],
    caption: options.caption ?? `${list.length} problem${list.length === 1 ? '' : 's'}`,
    ...(list.length > max ? { note: `… and ${list.length - max} more` } : {}),
  })
}
