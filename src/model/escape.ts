/**
 * Escaping of text for HTML, SVG and XML: the ground layer's part of escaping,
 * which notebook displays of results (built below the report layer) and the
 * report's tables and charts share. `realist-eval/report` re-exports both.
 * @module
 */

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Characters XML 1.0 does not allow in a document (its `Char` production): the C0 controls other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF, and lone surrogates (with the `u` flag a surrogate
 * range matches only a surrogate that is not half of a pair). No entity can stand for them either.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu

/**
 * Replace the characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE and
 * U+FFFF; lone surrogates) with U+FFFD, the replacement character, so that an SVG or XHTML document
 * stays well-formed whatever a name holds.
 * @param text the text
 * @returns the text with each such character replaced
 * @example
 * xmlSafe('Ward\u0007 A') //=> 'Ward\uFFFD A'
 * xmlSafe('tab\tkept')    //=> 'tab\tkept'
 */
export const xmlSafe = (text: string): string => text.replace(XML_ILLEGAL, '\uFFFD')

/**
 * Escape text for HTML or SVG (XML) element content and attribute values:
 * `& < > " '` become entities, so text can never open a tag or leave a
 * quoted attribute; characters XML does not allow become U+FFFD (`xmlSafe`),
 * so an SVG stays well-formed.
 *
 * Degenerate input: numbers and other values are converted with `String`;
 * `null` and `undefined` give the empty string.
 * @param text the text (any value)
 * @returns the escaped text
 * @example
 * escapeHtml('<img src=x onerror=alert(1)>') //=> '&lt;img src=x onerror=alert(1)&gt;'
 */
export const escapeHtml = (text: unknown): string =>
  text === null || text === undefined ? '' : xmlSafe(String(text)).replace(/[&<>"']/g, (c) => HTML[c] as string)
