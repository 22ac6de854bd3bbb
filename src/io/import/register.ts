/**
 * Read a quote register from a CSV or TSV file, or from the plain-text list
 * that reports print. The reader keeps every excerpt it can, as it stood, and
 * places each reading problem by line: a register with defects is loaded, and
 * its defects are for `registerProblems` to list.
 * @module
 */
import * as E from '../../model/either.js'
import type { QuoteRegister, RegisterEntry } from '../../evidence/register.js'
import { orThrow, problem, type Result } from '../../model/problem.js'
import { csvProblem, inFileOrder, type CsvProblem } from '../csv/problem.js'
import { parseCsv } from '../csv/read.js'
import { resolveColumnsEither, type ColumnMapping, type FieldSpec } from './columns.js'

/** The columns of a register file, and the header names each is found by. */
export const REGISTER_FIELDS: readonly FieldSpec[] = [
  { field: 'label', required: false, names: ['quote id', 'excerpt id', 'ref', 'reference', 'code', 'id', 'no'] },
  { field: 'text', required: true, names: ['quote', 'excerpt', 'quotation', 'words'] },
  { field: 'section', required: false, names: ['chapter', 'heading'] },
  { field: 'theme', required: false, names: ['themes', 'topic', 'category'] },
  { field: 'attribution', required: false, names: ['attributed to', 'speaker', 'respondent', 'who'] },
  { field: 'informant', required: false, names: ['informant id', 'participant id', 'participant'] },
  { field: 'source', required: false, names: ['source id', 'document'] },
]

/** The layouts a register is read from. */
export type RegisterFormat = 'csv' | 'tsv' | 'text'

/** Options of {@link readRegisterEither}. */
export interface ReadRegisterOptions {
  /** Default: `'tsv'` when the first line has a tab, `'csv'` when it has a comma and names a text column, else `'text'`. */
  readonly format?: RegisterFormat
  /** CSV/TSV: field → header name, for columns not found by their usual names. */
  readonly columns?: ColumnMapping
  /** CSV/TSV: remove the guard quote `writeRegister` puts before a cell starting with `=`, `+`, `-`, `@`. Default `false`. */
  readonly stripFormulaGuard?: boolean
  /**
   * Text: what a label looks like at the start of a line. Default: letters,
   * an optional `_` or `-`, then digits (`LPT_7`, `HPT-12`, `Q17`), followed
   * by the end of the line, a space, `:` or `.`.
   */
  readonly labelPattern?: RegExp
}

/** What {@link readRegisterEither} read: the register, and every reading problem with its line. */
export interface RegisterRead {
  readonly register: QuoteRegister
  readonly format: RegisterFormat
  readonly problems: readonly CsvProblem[]
}

const DEFAULT_LABEL = /^([A-Za-z]{1,12}[_-]?\d{1,6}[a-z]?)(?=$|[\s:.])[:.]?\s*/
// An attribution line: opens with a bracket, or a dash then text.
const ATTRIBUTION_LINE = /^(?:[[(]|[-\u2013\u2014]\s*\S)/
const HEADING = /^(?:#+\s*(.+)|section:\s*(.+)|theme:\s*(.+))$/i

const detect = (text: string): RegisterFormat => {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (first.includes('\t')) return 'tsv'
  if (first.includes(',')) {
    const names = first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase())
    const text = REGISTER_FIELDS.find((f) => f.field === 'text')!
    if ([text.field, ...text.names].some((n) => names.includes(n))) return 'csv'
  }
  return 'text'
}

const readTable = (input: string, format: 'csv' | 'tsv', options: ReadRegisterOptions): Result<RegisterRead> => {
  const { table, problems } = parseCsv(input, {
    delimiter: format === 'tsv' ? '\t' : ',',
    stripFormulaGuard: options.stripFormulaGuard === true,
  })
  if (table === undefined) return E.left(problems)
  const cols = resolveColumnsEither(table.header, REGISTER_FIELDS, options.columns ?? {})
  if (E.isLeft(cols)) return E.left([...cols.left, ...problems])
  const at = cols.right
  const get = (cells: readonly string[], field: string): string | undefined => {
    const i = at[field]
    const v = i === undefined ? undefined : cells[i]
    return v === undefined || v === '' ? undefined : v
  }
  const entries = table.records.map((r): RegisterEntry => {
    const section = get(r.cells, 'section')
    const theme = get(r.cells, 'theme')
    const attribution = get(r.cells, 'attribution')
    const informant = get(r.cells, 'informant')
    const source = get(r.cells, 'source')
    const lines = [r.line]
    // A quoted cell spanning lines: keep every line it came from.
    const text = get(r.cells, 'text') ?? ''
    const breaks = (text.match(/\r\n|\n|\r/g) ?? []).length
    for (let k = 1; k <= breaks; k++) lines.push(r.line + k)
    return {
      label: get(r.cells, 'label') ?? '',
      text:
        breaks > 0
          ? text
              .split(/\r\n|\n|\r/)
              .map((s) => s.trim())
              .filter((s) => s !== '')
              .join(' ')
          : text,
      ...(section === undefined ? {} : { section }),
      ...(theme === undefined ? {} : { theme }),
      ...(attribution === undefined ? {} : { attribution }),
      ...(informant === undefined ? {} : { informant }),
      ...(source === undefined ? {} : { source }),
      line: r.line,
      lines,
    }
  })
  return E.right({ register: { entries }, format, problems: inFileOrder(problems) })
}

interface Line {
  readonly no: number
  readonly text: string
}

const readText = (input: string, options: ReadRegisterOptions): RegisterRead => {
  const label = options.labelPattern ?? DEFAULT_LABEL
  const lines = input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((text, i): Line => ({ no: i + 1, text: text.trim() }))
  const paragraphs: Line[][] = []
  let current: Line[] = []
  for (const l of lines) {
    if (l.text === '') {
      if (current.length > 0) paragraphs.push(current)
      current = []
    } else current.push(l)
  }
  if (current.length > 0) paragraphs.push(current)

  const entries: RegisterEntry[] = []
  const problems: CsvProblem[] = []
  let section: string | undefined
  let theme: string | undefined
  const labelOf = (l: Line | undefined): { label: string; rest: string } | undefined => {
    if (l === undefined) return undefined
    const m = label.exec(l.text)
    if (m === null) return undefined
    return { label: m[1] ?? m[0].trim(), rest: l.text.slice(m[0].length).trim() }
  }
  for (const para of paragraphs) {
    const heading = para.length === 1 ? HEADING.exec(para[0]!.text) : null
    if (heading !== null) {
      if (heading[3] !== undefined) theme = heading[3].trim()
      else {
        section = (heading[1] ?? heading[2])!.trim()
        theme = undefined
      }
      continue
    }
    let body = para
    let found: { label: string; rest: string } | undefined
    const head = labelOf(body[0])
    const tail = body.length > 1 ? labelOf(body[body.length - 1]) : undefined
    if (head !== undefined) {
      found = head
      body = body.slice(1)
    } else if (tail !== undefined) {
      found = tail
      body = body.slice(0, -1)
    }
    let attribution = found?.rest === '' ? undefined : found?.rest.replace(/^[-\u2013\u2014]\s*/, '')
    if (attribution === undefined && body.length > 1) {
      if (ATTRIBUTION_LINE.test(body[body.length - 1]!.text)) {
        attribution = body[body.length - 1]!.text.replace(/^[-\u2013\u2014]\s*/, '')
        body = body.slice(0, -1)
      } else if (ATTRIBUTION_LINE.test(body[0]!.text) && !/^[-\u2013\u2014]/.test(body[0]!.text)) {
        attribution = body[0]!.text
        body = body.slice(1)
      }
    }
    if (found === undefined)
      problems.push(
        csvProblem(
          { line: para[0]!.no },
          `a label line (matching ${label.source}) before or after the excerpt`,
          para[0]!.text,
          'shape',
        ),
      )
    entries.push({
      label: found?.label ?? '',
      text: body.map((l) => l.text).join(' '),
      ...(section === undefined ? {} : { section }),
      ...(theme === undefined ? {} : { theme }),
      ...(attribution === undefined ? {} : { attribution }),
      line: para[0]!.no,
      lines: para.map((l) => l.no),
    })
  }
  return { register: { entries }, format: 'text', problems }
}

/**
 * Read a quote register, as it stands, from a CSV or TSV file or from the
 * plain-text list form reports print. Labels, texts, sections, themes and
 * attributions are kept as written; an excerpt over several lines is joined
 * with single spaces and keeps every line it came from.
 *
 * CSV/TSV: one excerpt per row; the columns are found by name (`label`,
 * `text`, `section`, `theme`, `attribution`, `informant`, or their usual
 * synonyms) or mapped with `columns`. Only `text` is required.
 *
 * Text: paragraphs separated by blank lines, one excerpt per paragraph. The
 * label starts the first or the last line of the paragraph, with the
 * attribution after it on the same line (`LPT_7 [Service Director_3] Trust B`);
 * or the attribution has a line of its own, first or last, that opens with a
 * bracket or a dash. A one-line paragraph `# Heading` or `Section: …` sets the
 * section of the excerpts after it, and `Theme: …` their theme.
 *
 * It never refuses a register for its defects: a paragraph with no label line
 * is kept with an empty label and reported; a malformed CSV row is reported
 * with its line. Only input that is not a register at all (not text, no text
 * column, an unknown format) is a `Left`.
 *
 * @param input the file's text
 * @param options `{ format?, columns?, labelPattern? }`
 * @returns `Right({ register, format, problems })`, or `Left(problems)` for input that is not a register
 * @example
 * readRegisterEither('LPT_7 [Service Director_3] Trust B\n"We were not consulted,\nnot once."\n')
 * //=> right({ register: { entries: [{ label: 'LPT_7', text: '"We were not consulted, not once."',
 * //     attribution: '[Service Director_3] Trust B', line: 1, lines: [1, 2, 3] }] }, format: 'text', problems: [] })
 */
export const readRegisterEither = (input: string, options: ReadRegisterOptions = {}): Result<RegisterRead> => {
  if (typeof input !== 'string')
    return E.left([problem(['input'], 'the register file as text', input, 'shape', 'input')])
  if (options === null || typeof options !== 'object')
    return E.left([problem(['options'], 'an options object', options, 'shape', 'options')])
  const format = options.format ?? detect(input)
  if (format !== 'csv' && format !== 'tsv' && format !== 'text')
    return E.left([problem(['options', 'format'], "'csv' | 'tsv' | 'text'", format, 'value', 'options › format')])
  if (options.labelPattern !== undefined && !(options.labelPattern instanceof RegExp))
    return E.left([
      problem(
        ['options', 'labelPattern'],
        'a regular expression',
        options.labelPattern,
        'shape',
        'options › labelPattern',
      ),
    ])
  return format === 'text' ? E.right(readText(input, options)) : readTable(input, format, options)
}

/**
 * Throwing twin of {@link readRegisterEither}: read a quote register from
 * CSV, TSV or the printed plain-text list, keeping every excerpt as written.
 * @param input the file's text
 * @param options `{ format?, columns?, labelPattern? }`
 * @returns `{ register, format, problems }`: reading problems are returned, not thrown
 * @throws {RealistError} only when the input is not a register at all (not text, no text column, unknown format)
 * @example
 * readRegister('label,text,attribution\nHPT_1,It worked.,(Nurse) Trust A\n').register.entries[0].attribution
 * //=> '(Nurse) Trust A'
 */
export const readRegister = (input: string, options: ReadRegisterOptions = {}): RegisterRead =>
  orThrow('readRegister', readRegisterEither(input, options))
