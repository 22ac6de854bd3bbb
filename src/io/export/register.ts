/**
 * Write a quote register back out, in the layout it was read from: CSV, TSV
 * or the plain-text list form.
 * @module
 */
import * as E from '../../model/either.js'
import type { QuoteRegister, RegisterEntry } from '../../evidence/register.js'
import { orThrow, problem, type Result } from '../../model/problem.js'
import { toCsv } from '../csv/write.js'
import type { RegisterFormat } from '../import/register.js'

/** Options of {@link writeRegisterEither}. */
export interface WriteRegisterOptions {
  /** Default `'csv'`. */
  readonly format?: RegisterFormat
}

const COLUMNS = ['label', 'text', 'section', 'theme', 'attribution', 'informant', 'source'] as const

const writeText = (entries: readonly RegisterEntry[]): string => {
  const out: string[] = []
  let section: string | undefined
  let theme: string | undefined
  for (const e of entries) {
    if (e.section !== section && e.section !== undefined) {
      out.push(`# ${e.section}`)
      section = e.section
      theme = undefined
    }
    if (e.theme !== theme && e.theme !== undefined) {
      out.push(`Theme: ${e.theme}`)
      theme = e.theme
    }
    out.push(`${[e.label, e.attribution].filter((x) => x !== undefined && x !== '').join(' ')}\n${e.text}`)
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`
}

/**
 * Write a quote register as CSV, TSV or the printed plain-text list, so that
 * `readRegister` reads it back to the same excerpts. CSV and TSV carry every
 * field (label, text, section, theme, attribution, informant, source) with
 * the formula guard of `toCsv`; read them back with `stripFormulaGuard: true`.
 * The text form writes `# section` and `Theme: …` paragraphs where they
 * change, then each excerpt as its label and attribution on one line and its
 * words on the next; it has no informant or source column, and a theme once
 * set lasts until the next heading, so use CSV to keep those exactly.
 * @param register the register
 * @param options `{ format = 'csv' }`
 * @returns the file's text
 * @example
 * writeRegisterEither({ entries: [{ label: 'LPT_7', text: 'We were not consulted.', attribution: '[Manager] Trust B', line: 2, lines: [2] }] }, { format: 'text' })
 * //=> right('LPT_7 [Manager] Trust B\nWe were not consulted.\n')
 */
export const writeRegisterEither = (register: QuoteRegister, options: WriteRegisterOptions = {}): Result<string> => {
  if (typeof register !== 'object' || register === null || !Array.isArray(register.entries))
    return E.left([problem(['register'], 'a quote register { entries: [...] }', register, 'shape', 'register')])
  const format = options.format ?? 'csv'
  if (format === 'text') return E.right(writeText(register.entries))
  if (format !== 'csv' && format !== 'tsv')
    return E.left([problem(['options', 'format'], "'csv' | 'tsv' | 'text'", format, 'value', 'options › format')])
  return E.right(toCsv(register.entries, { columns: [...COLUMNS], delimiter: format === 'tsv' ? '\t' : ',' }))
}

/**
 * Throwing twin of {@link writeRegisterEither}: write a quote register as
 * CSV, TSV or the printed plain-text list.
 * @param register the register
 * @param options `{ format = 'csv' }`
 * @returns the file's text
 * @throws {RealistError} when the register is not a register or the format is unknown
 * @example
 * writeRegister({ entries: [{ label: 'HPT_1', text: 'It worked.', line: 2, lines: [2] }] })
 * //=> 'label,text,section,theme,attribution,informant,source\nHPT_1,It worked.,,,,,\n'
 */
export const writeRegister = (register: QuoteRegister, options: WriteRegisterOptions = {}): string =>
  orThrow('writeRegister', writeRegisterEither(register, options))
