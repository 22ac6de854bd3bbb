/**
 * The CSV formula-injection guard (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection). A spreadsheet runs a
 * cell that starts with `=`, `+`, `-` or `@` as a formula, and tab and carriage
 * return can hide such a start; a data value like `=HYPERLINK(...)` in a unit
 * name would then run on the analyst's machine. On export such a cell gets a
 * leading single quote (and the writer quotes it), so the spreadsheet shows it
 * as text. On import, the quote is removed only when asked, because a value can
 * legitimately start with `'`.
 * @module
 */

/** The first characters that make a spreadsheet read a cell as a formula (OWASP). */
export const FORMULA_PREFIXES: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
]

// Full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20) are read as formulas by some spreadsheets too,
// and leading whitespace (spaces, NBSP, a BOM, U+2028 …: JavaScript's \s) is skipped before the check.
const DANGER = '[=+\\-@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20]'
const DANGEROUS = new RegExp(`^\\s*${DANGER}`)
// Quotes already in front of a prefix are guarded too (one more quote), so that
// restore(neutralise(s)) === s even for a value like `'=x`.
const NEEDS_GUARD = new RegExp(`^'*\\s*${DANGER}`)
/** A cell as `neutraliseFormula` leaves it when it guarded it; `toCsv` quotes exactly these. */
export const GUARDED_CELL = new RegExp(`^'+\\s*${DANGER}`)

/**
 * Whether a cell would be read as a formula by a spreadsheet.
 * @param cell - a cell's text.
 * @returns true when a spreadsheet would run the cell as a formula.
 * @example
 * isFormulaLike('=1+1') //=> true
 * isFormulaLike('1+1')  //=> false
 */
export const isFormulaLike = (cell: string): boolean => DANGEROUS.test(cell)

/**
 * Neutralise one cell: prefix a single quote when it starts with one of
 * {@link FORMULA_PREFIXES} (or with quotes followed by one, so that the round
 * trip is exact), else return it unchanged. Quoting the cell is the writer's
 * job (`toCsv` quotes every guarded cell).
 *
 * Degenerate input: the empty string is returned as is.
 * @param cell - a cell's text.
 * @returns the text, with a single quote in front when it needs one.
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') //=> `'=HYPERLINK("http://x")`
 * neutraliseFormula('-3')                      //=> "'-3"
 * neutraliseFormula('Acute care')              //=> 'Acute care'
 */
export const neutraliseFormula = (cell: string): string => (NEEDS_GUARD.test(cell) ? `'${cell}` : cell)

/**
 * Undo {@link neutraliseFormula}: drop one single quote from quotes in front
 * of a formula prefix, leaving any other leading quote alone.
 * `restoreFormula(neutraliseFormula(s)) === s` for every string `s`.
 * @param cell - a cell as read from a file written with the guard.
 * @returns the text as it was before {@link neutraliseFormula}.
 * @example
 * restoreFormula("'=1+1")  //=> '=1+1'
 * restoreFormula("''=1+1") //=> "'=1+1"
 * restoreFormula("'tis")   //=> "'tis"
 */
export const restoreFormula = (cell: string): string => (GUARDED_CELL.test(cell) ? cell.slice(1) : cell)
