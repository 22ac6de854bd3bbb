/**
 * Escaping of data text for HTML, SVG and Markdown output. Every string that
 * comes from a document (unit names, site names, wordings, problems) goes
 * through one of these before it is placed in markup.
 * @module
 */

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escape text for HTML or SVG (XML) element content and attribute values:
 * `& < > " '` become entities, so text can never open a tag or leave a
 * quoted attribute.
 *
 * Degenerate input: numbers and other values are converted with `String`;
 * `null` and `undefined` give the empty string.
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>') //=> '&lt;img src=x onerror=alert(1)&gt;'
 */
export const escapeHtml = (text: unknown): string =>
  text === null || text === undefined ? '' : String(text).replace(/[&<>"']/g, (c) => HTML[c] as string)

/**
 * Escape text for one Markdown table cell: Markdown punctuation is
 * backslash-escaped (so a name cannot turn into a link, emphasis or a new
 * column), `<` and `>` become HTML entities (Markdown renderers such as
 * Jupyter's pass raw HTML through), an `&` that would start an entity is
 * escaped, line breaks become spaces, and bare URLs, `www.` names and
 * e-mail addresses are broken up with a backslash escape so that GFM's
 * autolinks do not make links of them. Every piece of data in Markdown
 * output goes through this.
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
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '\\@')
        // Only an `&` that would start an entity needs escaping; "a & b" stays readable.
        .replace(/&(?=#?\w+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r\n|\r|\n/g, ' ')
