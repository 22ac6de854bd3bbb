/**
 * Read a CSV file into a header and records that remember their line, with
 * every parse problem placed by line. The one place (with `write.ts`) that
 * uses csv-parse, so the core library does not depend on it. Well-formed
 * files are read by a scanner of its own and handed to csv-parse otherwise.
 * @module
 */
import * as E from '../../model/either.js'
// `#csv-parse` is csv-parse's synchronous API: its Node build by default, its
// self-contained browser build under the `browser` condition (package.json `imports`).
import { parse, type CsvError } from '#csv-parse'
import { orThrow } from '../../model/problem.js'
import { BoundedProblems, csvProblem, inFileOrder, type CsvProblem } from './problem.js'
import { restoreFormula } from './formula-guard.js'

/** One data record, with the 1-based line where it starts. */
export interface CsvRecord {
  readonly line: number
  readonly cells: readonly string[]
  /**
   * Columns (0-based) whose cell was written as a quoted empty string `""`,
   * which the exports write for an empty text and a blank cell never is.
   * Absent when there are none.
   */
  readonly quotedEmpty?: readonly number[]
}

/** A parsed CSV file: its header row and its data records. */
export interface CsvTable {
  readonly header: readonly string[]
  readonly records: readonly CsvRecord[]
}

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Field delimiter. Default `","`. */
  readonly delimiter?: string
  /**
   * Remove the single quote that `toCsv` puts in front of a cell starting with
   * `=`, `+`, `-`, `@`, tab or CR (see `neutraliseFormula`). Default `false`:
   * a value may really start with a quote, so only a file known to come from
   * `toCsv` should be read with it.
   */
  readonly stripFormulaGuard?: boolean
  /** Called every `progressEvery` records while parsing. */
  readonly onProgress?: (records: number) => void
  /** Default 10 000. */
  readonly progressEvery?: number
  /**
   * The encoding of byte input [`'utf-8'`, checked: a byte sequence that is
   * not UTF-8 is a problem at its line and byte offset]. Any label
   * `TextDecoder` knows, e.g. `'windows-1252'` or `'latin1'` for files
   * saved by spreadsheets in Western European locales. Text input is
   * already decoded and is read as it is.
   */
  readonly encoding?: string
  /** The most problems listed; past it they are counted [1,000]. */
  readonly maxProblems?: number
}

/** The default of `ReadCsvOptions.maxProblems`, as the document decoder's. */
export const DEFAULT_MAX_CSV_PROBLEMS = 1000

const isBreak = (b: number | undefined): boolean => b === 0x0a || b === 0x0d

/**
 * Count line breaks (`\r\n`, `\n` or `\r`, each one break) in `buf[from, to)`.
 * A `\r\n` split by `from` is counted once, where its `\r` is.
 */
const breaksIn = (buf: Uint8Array, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const b = buf[i]
    if (b === 0x0a) {
      if (i === from || buf[i - 1] !== 0x0d) n++
    } else if (b === 0x0d) n++
  }
  return n
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '')

const parseOptions = (options: ReadCsvOptions, problems: CsvProblem[], lineOffset: number) => ({
  // The byte-order mark is dropped before parsing (see parseCsv), so the parser
  // only ever sees a Uint8Array, which its Node and browser builds both read.
  bom: false,
  delimiter: options.delimiter ?? ',',
  trim: true,
  skip_empty_lines: true,
  relax_column_count: true,
  skip_records_with_error: true,
  on_skip: (err: CsvError | undefined) => {
    if (err !== undefined)
      problems.push(
        csvProblem(
          { line: lineOffset + (Number(err['lines']) || 1) },
          'well-formed CSV',
          err.message.replace(/\.$/, ''),
          'shape',
        ),
      )
    return undefined
  },
})

/**
 * A record's cells and the 1-based line where it starts (the cells array is
 * the caller's to keep), and the columns written as a quoted empty string
 * (`""`), when there are any.
 */
export type CsvVisit = (cells: string[], line: number, quotedEmpty?: number[]) => void

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a
/** Space, tab, form feed: what csv-parse's `trim` removes around a field besides CR and LF. */
const isSpace = (ch: number): boolean => ch === 0x20 || ch === 0x09 || ch === 0x0c
const trimmable = (ch: number): boolean => isSpace(ch) || ch === CR || ch === LF

/**
 * Line breaks (`\r\n`, `\n` or `\r`, each one) in `text[from, to)`, as
 * `breaksIn` counts them in bytes. It reads only the range: a search for
 * the next break with `indexOf` would run on to the end of the file when
 * the range has none, once per quoted field (quadratic on a file of quoted
 * fields).
 */
const breaksInText = (text: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i)
    if (ch === LF) n++
    else if (ch === CR && (i + 1 >= to || text.charCodeAt(i + 1) !== LF)) n++
  }
  return n
}

/** What the scanner returns when it hands the file to csv-parse. */
const GIVE_UP = -1

/**
 * A record whose every field is text as written in the file (no doubled
 * quote, no quoted empty field), as the scanner read it: field `k` is
 * `text.slice(starts[k], ends[k])` for `k < count` (trimmed, or the text
 * inside a field's quotes). The arrays are the scanner's and are reused for
 * the next record: read them before returning.
 */
export type CsvPlainVisit = (text: string, starts: Int32Array, ends: Int32Array, count: number, line: number) => void

/**
 * What `visitCsvRecords` hands records to: every record as cells, or, when
 * `plain` is given, the records whose fields are all text as written as
 * positions in the text (no string made for a field the caller can resolve
 * without one), and only the others as cells.
 */
export interface CsvRecordVisitor {
  readonly cells: CsvVisit
  readonly plain?: CsvPlainVisit
}

/** Whether a plain record's fields are all blank (empty, or only what `String.prototype.trim` removes). */
const blankFields = (text: string, starts: Int32Array, ends: Int32Array, count: number): boolean => {
  for (let k = 0; k < count; k++) {
    const s = starts[k]!
    const e = ends[k]!
    if (e === s) continue
    const ch = text.charCodeAt(s)
    // Printable ASCII other than the space is never white space; anything else is asked of trim.
    if ((ch > 0x20 && ch < 0x7f) || text.slice(s, e).trim() !== '') return false
  }
  return true
}

/**
 * The fast reader of well-formed files: one pass over the text with RFC 4180
 * quoting (a field in double quotes may hold the delimiter, line breaks and
 * doubled quotes), each record handed to the visitor as soon as it is read,
 * with the line where it starts; blank records (empty lines, lines of only
 * delimiters and spaces) are skipped. On a well-formed file it gives exactly
 * what csv-parse gives with the options of {@link parseCsv} (a property test
 * compares the two). It gives up (returns `GIVE_UP`, having maybe visited
 * some records) on anything csv-parse reports or reads its own way: a quote
 * inside an unquoted field, text after a closing quote, an unclosed quote, a
 * lone CR, a bare LF in a CRLF file. Returns the number of records read.
 *
 * Each field is first read as its position in the text (inside the quotes
 * of a quoted field), or as its value when a doubled quote makes it another
 * string; a record is then handed over as positions (`plain`, when the
 * visitor takes them and no field is such a value or a quoted empty field)
 * or as cells.
 */
const scan = (
  text: string,
  delimiter: number,
  strip: boolean,
  visitor: CsvRecordVisitor,
  every: number,
  progress?: (records: number) => void,
): number => {
  const n = text.length
  const plain = strip ? undefined : visitor.plain
  // Each field's [start, end) in the text (inside the quotes of a quoted field); start -1 for a field
  // with a doubled quote, whose value is in `values`.
  let starts = new Int32Array(16)
  let ends = new Int32Array(16)
  const values: string[] = []
  // The record delimiter is the first line break (as csv-parse discovers it): 0 not yet seen, 1 LF, 2 CRLF.
  let ending = 0
  let line = 1
  let records = 0
  let i = 0
  while (i < n) {
    const first = line
    let count = 0
    // Whether the record must go as cells: a field with a doubled quote, or a quoted empty one.
    let cellsOnly = false
    let quotedEmpty: number[] | undefined
    for (;;) {
      if (count === starts.length) {
        const grownStarts = new Int32Array(2 * count)
        grownStarts.set(starts)
        starts = grownStarts
        const grownEnds = new Int32Array(2 * count)
        grownEnds.set(ends)
        ends = grownEnds
      }
      let j = i
      while (j < n && isSpace(text.charCodeAt(j))) j++
      let m: number
      if (j < n && text.charCodeAt(j) === QUOTE) {
        // The value is the text between the quotes, unless a doubled quote makes it another string.
        let value: string | undefined
        let from = j + 1
        for (;;) {
          const q = text.indexOf('"', from)
          if (q === -1) return GIVE_UP
          if (text.charCodeAt(q + 1) === QUOTE) {
            value = (value ?? '') + text.slice(from, q + 1)
            from = q + 2
            continue
          }
          line += breaksInText(text, j + 1, q)
          m = q + 1
          if (value === undefined) {
            starts[count] = j + 1
            ends[count] = q
            // A quoted empty field ("") is told apart from a blank one: such a record goes as cells.
            if (q === j + 1) {
              ;(quotedEmpty ??= []).push(count)
              cellsOnly = true
            }
          } else {
            starts[count] = -1
            values[count] = value + text.slice(from, q)
            cellsOnly = true
          }
          break
        }
        while (m < n && isSpace(text.charCodeAt(m))) m++
        const next = text.charCodeAt(m)
        if (m < n && next !== delimiter && next !== LF && next !== CR) return GIVE_UP
      } else {
        m = j
        for (; m < n; m++) {
          const ch = text.charCodeAt(m)
          if (ch === delimiter || ch === LF || ch === CR) break
          if (ch === QUOTE) return GIVE_UP
        }
        let e = m
        while (e > j && trimmable(text.charCodeAt(e - 1))) e--
        starts[count] = j
        ends[count] = e
      }
      count++
      if (m >= n) {
        i = n
        break
      }
      if (text.charCodeAt(m) === delimiter) {
        i = m + 1
        continue
      }
      // A line break: CRLF, or LF (a CR must be followed by LF; the file keeps one kind).
      const crlf = text.charCodeAt(m) === CR
      if (crlf && text.charCodeAt(m + 1) !== LF) return GIVE_UP
      if (ending === 0) ending = crlf ? 2 : 1
      else if (ending === 2 && !crlf) return GIVE_UP
      i = m + (crlf ? 2 : 1)
      line++
      break
    }
    records++
    if (progress !== undefined && records % every === 0) progress(records)
    if (plain !== undefined && !cellsOnly) {
      if (!blankFields(text, starts, ends, count)) plain(text, starts, ends, count, first)
      continue
    }
    const cells: string[] = []
    for (let k = 0; k < count; k++) {
      const value = starts[k] === -1 ? values[k]! : text.slice(starts[k], ends[k])
      cells.push(strip ? restoreFormula(value) : value)
    }
    if (!isBlank(cells) || quotedEmpty !== undefined) visitor.cells(cells, first, quotedEmpty)
  }
  return records
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Where the first byte sequence that is not UTF-8 starts, or -1 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
const firstInvalidUtf8 = (b: Uint8Array): number => {
  for (let i = 0; i < b.length;) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (n < 0 || i + n >= b.length) return i
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf
    if (b[i + 1]! < lo || b[i + 1]! > hi) return i
    for (let k = 2; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i
    i += n + 1
  }
  return -1
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8'])

/**
 * The input as text: text as it is; UTF-8 bytes decoded when valid (once:
 * the scanner reads the text); bytes in another `encoding` decoded. Bytes that are not
 * UTF-8 (a Latin-1 or Windows-1252 file read as UTF-8) are one problem at
 * their line and byte offset, rather than U+FFFD characters read into the data.
 */
const decodeInput = (
  input: string | Uint8Array,
  encoding: string | undefined,
): E.Either<CsvProblem, string | Uint8Array> => {
  if (typeof input === 'string') return E.right(input)
  const label = (encoding ?? 'utf-8').trim().toLowerCase()
  if (!UTF8_LABELS.has(label)) {
    let decoder: InstanceType<typeof TextDecoder>
    try {
      decoder = new TextDecoder(label)
    } catch {
      return E.left(
        csvProblem(
          { line: 1 },
          'an encoding TextDecoder knows (utf-8, windows-1252, latin1, utf-16le, …) in the encoding option',
          encoding,
          'value',
        ),
      )
    }
    return E.right(decoder.decode(input))
  }
  const text = textOf(input)
  if (text !== null) return E.right(text)
  const at = Math.max(0, firstInvalidUtf8(input))
  let line = 1
  for (let i = input.indexOf(LF); i !== -1 && i < at; i = input.indexOf(LF, i + 1)) line++
  const bytes = Array.from(input.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ')
  return E.left(
    csvProblem(
      { line },
      `UTF-8 text (the bytes at offset ${at} are not: give the file's encoding in the encoding option, e.g. 'windows-1252' for a spreadsheet saved in a Western European locale)`,
      `bytes ${bytes}`,
      'value',
    ),
  )
}

/** The file as text for the scanner: a string as given (less a byte-order mark), bytes only when valid UTF-8 (else null). */
const textOf = (input: string | Uint8Array): string | null => {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  try {
    // The decoder drops a byte-order mark.
    return fatalUtf8.decode(input)
  } catch {
    return null
  }
}

/**
 * The reference path: csv-parse, whose `on_record` gives each record's end
 * offset; the record starts after the previous one's end plus any skipped
 * empty lines. Each record goes to `visit` as it is read (none is kept).
 */
const parseTracked = (buf: Uint8Array, options: ReadCsvOptions, problems: CsvProblem[], visit: CsvVisit): void => {
  const strip = options.stripFormulaGuard === true
  const every = Math.max(1, options.progressEvery ?? 10_000)
  let lastByte = 0
  let breaksBefore = 0
  let count = 0
  // Quoted empty cells ("") of the record being read; looked for only when the file has "" at all.
  let quotedEmpty: number[] | undefined
  const cast = buf.includes(QUOTE)
    ? {
        cast: (value: string, ctx: { readonly quoting: boolean; readonly index: number }) => {
          if (value === '' && ctx.quoting) (quotedEmpty ??= []).push(ctx.index)
          return value
        },
      }
    : {}
  const onRecord = (cells: string[], ctx: { readonly bytes: number }): null => {
    const quoted = quotedEmpty
    quotedEmpty = undefined
    let start = lastByte
    // Blank lines and the spaces csv-parse trims before the record's first character (a line of only spaces is skipped).
    while (start < ctx.bytes && (isBreak(buf[start]) || isSpace(buf[start] ?? 0))) start++
    const line = 1 + breaksBefore + breaksIn(buf, lastByte, start)
    breaksBefore += breaksIn(buf, lastByte, ctx.bytes)
    lastByte = ctx.bytes
    count++
    if (options.onProgress !== undefined && count % every === 0) options.onProgress(count)
    if (!isBlank(cells) || quoted !== undefined) visit(strip ? cells.map(restoreFormula) : cells, line, quoted)
    return null
  }
  parse(buf, {
    ...parseOptions(options, problems, 0),
    ...cast,
    // on_record returns null for every record, so csv-parse keeps none; its types assume a string[].
    on_record: onRecord as unknown as (cells: string[], ctx: { readonly bytes: number }) => string[] | null,
  })
}

/** What `visitCsv` found besides the records. */
export interface VisitedCsv {
  readonly problems: CsvProblem[]
  /** Reading stopped before the end (csv-parse threw: an unclosed quote): not every record was visited. */
  readonly stopped: boolean
}

const isOneChar = (d: string): boolean => d.length === 1 && !trimmable(d.charCodeAt(0)) && d.charCodeAt(0) !== QUOTE

/**
 * Read a CSV file record by record, handing each non-blank record (the header
 * first) to `visit` with the line where it starts, and return every parse
 * problem placed by line. No record is kept here, so a caller that resolves
 * records as they come never holds the whole file as objects.
 *
 * A well-formed UTF-8 file with a one-character delimiter is read by a
 * scanner of its own (several times faster than csv-parse, the same
 * records). Anything else, and any file the scanner does not read to its end
 * (a broken quote, a lone CR…), is read by csv-parse from the start, whose
 * reports are exact: `begin` is called before each reading, so the caller
 * starts afresh.
 * @param input the file's text or bytes (a byte-order mark is dropped)
 * @param options delimiter, formula-guard stripping, progress
 * @param begin called before a reading starts; returns the visitor of its records
 * @returns the parse problems (broken quotes…), each placed by line, and whether
 *   csv-parse stopped before the end (then not every record was visited)
 * @example
 * const seen: string[] = []
 * visitCsv('a,b\n1,2\n', {}, () => (cells, line) => void seen.push(`${line}:${cells.join('|')}`)) //=> { problems: [], stopped: false }
 * seen //=> ['1:a|b', '2:1|2']
 */
export const visitCsv = (input: string | Uint8Array, options: ReadCsvOptions, begin: () => CsvVisit): VisitedCsv =>
  visitCsvRecords(input, options, () => ({ cells: begin() }))

/**
 * {@link visitCsv} with a choice of how records come: a visitor with a
 * `plain` function is handed every record whose fields are text as written
 * (no doubled quote, no quoted empty field `""`) as the positions of its
 * fields in the text (read by the scanner; no string is made), and every
 * other record as cells. Records read by csv-parse, and every record when
 * `stripFormulaGuard` is on, come as cells. The records, their lines and the
 * problems are those of {@link visitCsv}.
 * @internal
 * @param input the file's text or bytes (a byte-order mark is dropped)
 * @param options delimiter, formula-guard stripping, progress
 * @param begin called before a reading starts; returns the visitor of its records
 * @returns the parse problems, each placed by line, and whether csv-parse stopped before the end
 * @example
 * const seen: string[] = []
 * visitCsvRecords('a,b\n"x ""y""",2\n"z",3\n', {}, () => ({
 *   cells: (cells, line) => void seen.push(`${line} cells ${cells.join('|')}`),
 *   plain: (text, starts, ends, count, line) => void seen.push(`${line} plain ${text.slice(starts[0], ends[count - 1])}`),
 * })) //=> { problems: [], stopped: false }
 * seen //=> ['1 plain a,b', '2 cells x "y"|2', '3 plain z",3']
 */
export const visitCsvRecords = (
  input: string | Uint8Array,
  options: ReadCsvOptions,
  begin: () => CsvRecordVisitor,
): VisitedCsv => {
  const problems: CsvProblem[] = new BoundedProblems(options.maxProblems ?? DEFAULT_MAX_CSV_PROBLEMS)
  const decoded = decodeInput(input, options.encoding)
  if (E.isLeft(decoded)) return { problems: [decoded.left], stopped: true }
  input = decoded.right
  const delimiter = options.delimiter ?? ','
  const text = isOneChar(delimiter) ? textOf(input) : null
  if (text !== null) {
    const every = Math.max(1, options.progressEvery ?? 10_000)
    if (
      scan(text, delimiter.charCodeAt(0), options.stripFormulaGuard === true, begin(), every, options.onProgress) !==
      GIVE_UP
    )
      return { problems, stopped: false }
  }
  return visitCsvWithCsvParse(input, options, begin().cells)
}

/**
 * The reference reading of `visitCsv`: csv-parse alone.
 * @internal
 */
export const visitCsvWithCsvParse = (
  input: string | Uint8Array,
  options: ReadCsvOptions,
  visit: CsvVisit,
): VisitedCsv => {
  const problems: CsvProblem[] = new BoundedProblems(options.maxProblems ?? DEFAULT_MAX_CSV_PROBLEMS)
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  // Drop a UTF-8 byte-order mark; it holds no line break, so line numbers are unchanged.
  const buf = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    parseTracked(buf, options, problems, visit)
  } catch (e) {
    const err = e as CsvError
    problems.push(csvProblem({ line: Number(err['lines']) || 1 }, 'well-formed CSV', String(err.message), 'shape'))
    return { problems, stopped: true }
  }
  return { problems, stopped: false }
}

/**
 * The header checks of a file: a name for every column, no name used twice
 * (ignoring case).
 * @internal
 */
export const headerProblems = (header: readonly string[], line: number): CsvProblem[] => {
  const problems: CsvProblem[] = []
  const seen = new Map<string, number>()
  header.forEach((name, i) => {
    const at = { line, column: i + 1 }
    if (name === '') problems.push(csvProblem(at, 'a column name', name, 'shape'))
    const key = name.toLowerCase()
    const first = seen.get(key)
    if (first !== undefined && name !== '')
      problems.push(
        csvProblem({ ...at, columnName: name }, `a column name not already used (column ${first})`, name, 'duplicate'),
      )
    else seen.set(key, i + 1)
  })
  return problems
}

/** What {@link parseCsv} found: the table (when there is a header) and every problem. */
export interface ParsedCsv {
  /** `undefined` when the file has no header row at all. Records with the wrong number of fields are left out. */
  readonly table: CsvTable | undefined
  readonly problems: readonly CsvProblem[]
}

/**
 * The work of {@link readCsv}, keeping the good records of a file that has
 * problems, so an import can go on to check their cells and report every
 * problem at once.
 * @param input - the file's text or bytes.
 * @param options - delimiter, encoding, formula-guard stripping, progress.
 * @returns the table (unless the header is unusable) and every problem found.
 * @example
 * parseCsv('a,b\n1,2,3\n4,5\n')
 * //=> { table: { header: ['a', 'b'], records: [{ line: 3, cells: ['4', '5'] }] }, problems: [{ where: 'line 2', … }] }
 */
export const parseCsv = (input: string | Uint8Array, options: ReadCsvOptions = {}): ParsedCsv => {
  let records: CsvRecord[] = []
  const read = visitCsv(input, options, () => {
    records = []
    return (cells, line, quotedEmpty) =>
      void records.push(quotedEmpty === undefined ? { line, cells } : { line, cells, quotedEmpty })
  })
  // A file csv-parse stopped reading (an unclosed quote) has no table: its records are not all there.
  if (read.stopped) return { table: undefined, problems: read.problems }
  const problems = new BoundedProblems(options.maxProblems ?? DEFAULT_MAX_CSV_PROBLEMS)
  problems.push(...read.problems)
  if (read.problems instanceof BoundedProblems) problems.omitted += read.problems.omitted
  const [head, ...rows] = records
  if (head === undefined) {
    problems.push(csvProblem({ line: 1 }, 'a header row', 'an empty file', 'shape'))
    return { table: undefined, problems }
  }
  const header = head.cells
  problems.push(...headerProblems(header, head.line))
  const good: CsvRecord[] = []
  for (const r of rows) {
    if (r.cells.length === header.length) good.push(r)
    else
      problems.push(csvProblem({ line: r.line }, `${header.length} fields, as in the header`, r.cells.length, 'shape'))
  }
  return { table: { header, records: good }, problems }
}

/**
 * Parse CSV text (or UTF-8 bytes; a byte-order mark is dropped) with csv-parse.
 * The first record is the header. Cells are trimmed; empty lines and lines of
 * only delimiters (as spreadsheets write) are skipped.
 *
 * Each record keeps the line where it starts, so a record with a quoted line
 * break points at its first line. A well-formed UTF-8 file is read by the
 * library's own scanner (the same records as csv-parse, several times
 * faster); any other file by csv-parse, whose reports place every broken
 * quote (see `visitCsv`).
 *
 * Degenerate input: an empty file gives a `Left` (no header); a file with a
 * header only gives no records. Every broken quote, every record with the
 * wrong number of fields, an empty or repeated header name: all are returned
 * together in the `Left`, each with its line (and column where there is one).
 * @param input the file's text or bytes
 * @param options delimiter, formula-guard stripping, progress
 * @returns `Right` with the header and records, or `Left` with every problem, in file order.
 * @example
 * readCsvEither('site,unit,standard,level\nSSHT,Acute care,2.4,PM\n')
 * //=> right({ header: ['site', 'unit', 'standard', 'level'], records: [{ line: 2, cells: ['SSHT', 'Acute care', '2.4', 'PM'] }] })
 * readCsvEither('a,b\n1,2,3\n')
 * //=> left([{ where: 'line 2', expected: '2 fields, as in the header', found: '3', … }])
 */
export const readCsvEither = (
  input: string | Uint8Array,
  options: ReadCsvOptions = {},
): E.Either<readonly CsvProblem[], CsvTable> => {
  const { table, problems } = parseCsv(input, options)
  return table === undefined || problems.length > 0 ? E.left(inFileOrder(problems)) : E.right(table)
}

/**
 * Parse CSV text (or UTF-8 bytes; a byte-order mark is dropped) with csv-parse.
 * The first record is the header. Cells are trimmed; empty lines and lines of
 * only delimiters (as spreadsheets write) are skipped.
 *
 * The throwing form of {@link readCsvEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an empty file throws (no header); a file with a
 * header only gives no records. Every broken quote, every record with the
 * wrong number of fields, an empty or repeated header name: all are returned
 * together in the an error, each with its line (and column where there is one).
 * @param input the file's text or bytes
 * @param options delimiter, formula-guard stripping, progress
 * @returns the result (`CsvTable`), as {@link readCsvEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link readCsvEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] readCsv: …`).
 * @example
 * readCsv('site,level\nss,met\n').records.length //=> 1
 */
export const readCsv = (input: string | Uint8Array, options: ReadCsvOptions = {}): CsvTable =>
  orThrow('readCsv', readCsvEither(input, options))
