/**
 * Notebook display. Deno's Jupyter kernel (and tools following it) shows a
 * value by calling its `[Symbol.for('Jupyter.display')]()` method, which
 * returns a bundle of MIME type → content. Report tables carry that method,
 * so evaluating one in a cell shows the table; `displayable` adds it to any
 * value.
 * @module
 */
import { renderHtml, renderMarkdown, type Table } from './table.js'

/** The symbol Deno's Jupyter kernel looks up (`Symbol.for`, so it is the same symbol in every realm). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never

/** A MIME bundle as the Jupyter kernel expects it. */
export interface MimeBundle {
  readonly 'text/html': string
  readonly 'text/markdown': string
}

/** A value that displays itself in a Jupyter notebook. */
export interface Displayable {
  [JUPYTER_DISPLAY](): MimeBundle
}

/** How to render a value for a notebook. */
export interface Renderers<A> {
  readonly html: (value: A) => string
  readonly markdown: (value: A) => string
}

/**
 * A copy of `value` that displays itself in a notebook: it gains a
 * non-enumerable `[Symbol.for('Jupyter.display')]()` method returning
 * `{ 'text/html', 'text/markdown' }` from the renderers. The input is not
 * changed; the copy is shallow (arrays stay arrays, objects keep their
 * prototype), and the method is invisible to `JSON.stringify`, `Object.keys`
 * and spreads.
 * @param value an object or array, e.g. a result or tidy rows
 * @param render an HTML and a Markdown renderer
 * @example
 * const shown = displayable(rows, { html: (r) => htmlTable(r), markdown: (r) => markdownTable(r) })
 * shown[Symbol.for('Jupyter.display')]() //=> { 'text/html': '<table>…', 'text/markdown': '| … |' }
 */
export const displayable = <A extends object>(value: A, render: Renderers<A>): A & Displayable => {
  const copy = (
    Array.isArray(value)
      ? [...value]
      : Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value)
  ) as A
  Object.defineProperty(copy, JUPYTER_DISPLAY, {
    value(this: A): MimeBundle {
      return { 'text/html': render.html(this), 'text/markdown': render.markdown(this) }
    },
    enumerable: false,
  })
  return copy as A & Displayable
}

/**
 * A table that displays itself as HTML and Markdown in a notebook.
 * @example
 * displayTable({ rows, columns })[Symbol.for('Jupyter.display')]()['text/markdown'] //=> '| … |'
 */
export const displayTable = <R extends object>(table: Table<R>): Table<R> & Displayable =>
  displayable(table, { html: renderHtml, markdown: renderMarkdown })

/**
 * Whether a value displays itself in a notebook.
 * @example
 * isDisplayable(attainmentTable(result, ev)) //=> true
 */
export const isDisplayable = (value: unknown): value is Displayable =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Displayable>)[JUPYTER_DISPLAY] === 'function'
