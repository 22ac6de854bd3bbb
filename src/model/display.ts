/**
 * Notebook display, the ground part: the symbol Deno's Jupyter kernel looks up,
 * the MIME bundle it expects, a way to give a value its display, and a small
 * grid renderer (plain text and HTML with inline alignment) that results of
 * every layer use for their compact tables. `realist-eval/report` builds its
 * tables' displays on these.
 * @module
 */
import { escapeHtml } from './escape.js'

/** The symbol Deno's Jupyter kernel looks up (`Symbol.for`, so it is the same symbol in every realm and copy). */
export const JUPYTER_DISPLAY: unique symbol = /*#__PURE__*/ Symbol.for('Jupyter.display') as never

/**
 * A MIME bundle as a Jupyter kernel sends it: MIME type → content. Every bundle
 * of the library carries `text/plain` (what a console, a text front end or a
 * notebook without a richer renderer shows), and may carry `text/html`,
 * `text/markdown`, `image/svg+xml` or a Vega-Lite spec
 * (`application/vnd.vegalite.v5+json`).
 */
export interface MimeBundle {
  readonly 'text/plain': string
  readonly 'text/html'?: string
  readonly 'text/markdown'?: string
  readonly 'image/svg+xml'?: string
  readonly 'application/vnd.vegalite.v5+json'?: object
}

/** A value that displays itself in a Jupyter notebook (Deno's kernel calls the method). */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle
}

/**
 * Give an object its notebook display, in place: a non-enumerable
 * `[Symbol.for('Jupyter.display')]()` method that returns `bundle(value)`. The
 * method is invisible to `JSON.stringify`, `Object.keys` and spreads, so the
 * value stays plain data. For objects the library has just made; to leave an
 * input untouched, use `displayable` from `realist-eval/report`, which copies.
 * @param value a fresh object or array, not frozen
 * @param bundle the bundle of the value, built when the notebook asks for it
 * @returns the same value, now {@link Displayable}
 * @example
 * const shown = withDisplay({ k: 3 }, (v) => ({ 'text/plain': `k = ${v.k}` }))
 * shown[Symbol.for('Jupyter.display')]() //=> { 'text/plain': 'k = 3' }
 */
export const withDisplay = <A extends object>(value: A, bundle: (value: A) => MimeBundle): A & Displayable => {
  Object.defineProperty(value, JUPYTER_DISPLAY, {
    value(this: A): MimeBundle {
      return bundle(this)
    },
    enumerable: false,
    configurable: true,
    writable: true,
  })
  return value as A & Displayable
}

/**
 * Whether a value displays itself in a notebook.
 * @param value any value
 * @returns true when it has a `[Symbol.for('Jupyter.display')]` method
 * @example
 * isDisplayable(withDisplay({}, () => ({ 'text/plain': '' }))) //=> true
 * isDisplayable('<svg/>') //=> false
 */
export const isDisplayable = (value: unknown): value is Displayable =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Displayable>)[JUPYTER_DISPLAY] === 'function'

/** A column's alignment: text left, numbers right. */
export type Align = 'left' | 'right' | 'center'

/** A table already formatted as text: what {@link gridText} and {@link gridHtml} render. */
export interface Grid {
  /** A line above the table. */
  readonly caption?: string
  /** The column headers. */
  readonly header: readonly string[]
  /** The cells, one array per row, as many as the headers. */
  readonly rows: readonly (readonly string[])[]
  /** Each column's alignment [left]. */
  readonly align?: readonly Align[]
  /** A line under the table. */
  readonly note?: string
}

/** Options of {@link gridHtml}. */
export interface GridHtmlOptions {
  /**
   * How cells are aligned: `"inline"` [default] writes `style="text-align: …"` on every
   * cell, which a notebook's own table styling cannot override (Jupyter right-aligns
   * every cell unless told otherwise); `"class"` writes `class="right"` or
   * `class="center"` (left is bare), for a page with its own style sheet whose
   * content security policy forbids inline styles.
   */
  readonly alignment?: 'inline' | 'class'
  /** A class attribute for the `<table>`. */
  readonly className?: string
}

const alignAt = (grid: Grid, i: number): Align => grid.align?.[i] ?? 'left'

/**
 * Render a grid as an HTML `<table>`: a `<caption>`, a `<thead>` whose cells have
 * `scope="col"`, a `<tbody>`, and the note in a `<p>` after the table. Every text
 * is escaped (`escapeHtml`).
 * @param grid the formatted table
 * @param options alignment as inline styles [default] or classes, and a table class
 * @returns the HTML text
 * @example
 * gridHtml({ header: ['site', 'k'], rows: [['Leics', '1']], align: ['left', 'right'] })
 * //=> '<table><thead><tr><th scope="col" style="text-align: left">site</th><th scope="col" style="text-align: right">k</th></tr></thead><tbody><tr><td style="text-align: left">Leics</td><td style="text-align: right">1</td></tr></tbody></table>'
 */
export const gridHtml = (grid: Grid, options: GridHtmlOptions = {}): string => {
  const inline = (options.alignment ?? 'inline') === 'inline'
  const attr = (i: number): string => {
    const a = alignAt(grid, i)
    return inline ? ` style="text-align: ${a}"` : a === 'left' ? '' : ` class="${a}"`
  }
  const cls = options.className === undefined ? '' : ` class="${escapeHtml(options.className)}"`
  const caption = grid.caption === undefined ? '' : `<caption>${escapeHtml(grid.caption)}</caption>`
  const head = `<thead><tr>${grid.header.map((h, i) => `<th scope="col"${attr(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
  const body = `<tbody>${grid.rows.map((r) => `<tr>${r.map((c, i) => `<td${attr(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`
  const note = grid.note === undefined ? '' : `<p${inline ? '' : ' class="note"'}>${escapeHtml(grid.note)}</p>`
  return `<table${cls}>${caption}${head}${body}</table>${note}`
}

/** Characters in a string as a monospace terminal shows them (code points; no East Asian widths). */
const width = (s: string): number => [...s].length

/**
 * Render a grid as plain text: columns padded to their widest cell (text
 * left, numbers right), a rule under the header, the caption above and the note
 * below. Line breaks inside a cell become spaces.
 * @param grid the formatted table
 * @returns the text, lines joined by `\n`
 * @example
 * gridText({ header: ['site', 'k'], rows: [['Leics', '1'], ['Kent', '12']], align: ['left', 'right'] })
 * //=> 'site    k\n-----  --\nLeics   1\nKent   12'
 */
export const gridText = (grid: Grid): string => {
  const flat = (s: string) => s.replace(/\r\n|\r|\n/g, ' ')
  const header = grid.header.map(flat)
  const rows = grid.rows.map((r) => r.map(flat))
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const pad = (s: string, i: number): string => {
    const gap = ' '.repeat(widths[i]! - width(s))
    const a = alignAt(grid, i)
    if (a === 'right') return gap + s
    if (a === 'center') return gap.slice(0, gap.length >> 1) + s + gap.slice(gap.length >> 1)
    return s + gap
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, i))
      .join('  ')
      .trimEnd()
  return [
    ...(grid.caption === undefined ? [] : [flat(grid.caption), '']),
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(grid.note === undefined ? [] : ['', flat(grid.note)]),
  ].join('\n')
}

/**
 * The notebook bundle of a grid: `text/plain` ({@link gridText}) and `text/html`
 * ({@link gridHtml} with inline alignment).
 * @param grid the formatted table
 * @returns `{ 'text/plain', 'text/html' }`
 * @example
 * gridBundle({ header: ['k'], rows: [['1']], align: ['right'] })['text/plain'] //=> 'k\n-\n1'
 */
export const gridBundle = (grid: Grid): MimeBundle => ({ 'text/plain': gridText(grid), 'text/html': gridHtml(grid) })
