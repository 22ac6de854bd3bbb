/**
 * Escaping of data text for HTML, SVG and Markdown output. Every string that
 * comes from a document (unit names, site names, wordings, problems) goes
 * through one of these before it is placed in markup.
 * @module
 */

export { escapeHtml, xmlSafe } from '../model/escape.js'

/**
 * JSON text of a value, as `JSON.stringify` writes it but with U+2028 and U+2029 (line and paragraph
 * separator) written as `\u2028` and `\u2029` escapes: JSON allows them raw, JavaScript before
 * ES2019 and script-embedded JSON do not. `JSON.parse` gives back the same value.
 * @param value the value
 * @param indent spaces of indentation [none]
 * @returns the JSON text.
 * @example
 * jsonText({ name: 'a\u2028b' }) //=> '{"name":"a\\u2028b"}'
 */
export const jsonText = (value: unknown, indent?: number): string =>
  (JSON.stringify(value, null, indent) ?? 'null').replace(/[\u2028\u2029]/g, (c) =>
    c === '\u2028' ? '\\u2028' : '\\u2029',
  )

/**
 * Escape text for one Markdown table cell: Markdown punctuation is
 * backslash-escaped (so a name cannot turn into a link, emphasis or a new
 * column), `<` and `>` become HTML entities (Markdown renderers such as
 * Jupyter's pass raw HTML through), an `&` that would start an entity is
 * escaped, line breaks become spaces, and bare URLs, `www.` names and
 * e-mail addresses are broken up with a backslash escape so that GFM's
 * autolinks do not make links of them. Every piece of data in Markdown
 * output goes through this.
 * @param text - the cell's value (`null` and `undefined` give an empty cell).
 * @returns the escaped text.
 * @example
 * escapeMarkdown('a|b *c* <script>') //=> 'a\\|b \\*c\\* &lt;script&gt;'
 */
export const escapeMarkdown = (text: unknown): string =>
  text === null || text === undefined
    ? ''
    : String(text)
        .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
        // GFM autolinks bare URLs, www. names and e-mail addresses: an escaped ":" "." or "@" stops them.
        .replace(/:(?=\/\/)/g, '\\:')
        // Every "www." (not only at a word boundary: GFM also links one after "_", "*" or "~").
        .replace(/(www)\./gi, '$1\\.')
        .replace(/@/g, '\\@')
        // Only an `&` that would start an entity needs escaping; "a & b" stays readable.
        .replace(/&(?=#?\w+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r\n|\r|\n/g, ' ')
