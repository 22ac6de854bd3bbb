/**
 * Read a CSV file into a header and records that remember their line, with
 * every parse problem placed by line. The one place (with `write.ts`) that
 * uses csv-parse, so the core library does not depend on it.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
// `#csv-parse` is csv-parse's synchronous API: its Node build by default, its
// self-contained browser build under the `browser` condition (package.json `imports`).
import { parse, type CsvError } from '#csv-parse'
import { csvProblem, type CsvProblem } from './problem.js'
import { restoreFormula } from './formula-guard.js'

/** One data record, with the 1-based line where it starts. */
export interface CsvRecord {
  readonly line: number
  readonly cells: readonly string[]
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
}

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
    if (err !== undefined) problems.push(csvProblem({ line: lineOffset + (Number(err['lines']) || 1) }, 'well-formed CSV', err.message.replace(/\.$/, ''), 'shape'))
    return undefined
  },
})

const CRLF_CRLF = [0x0d, 0x0a, 0x0d, 0x0a]
const LF_LF = [0x0a, 0x0a]
const LF_CRLF = [0x0a, 0x0d, 0x0a]

/** Whether `buf` holds the byte sequence `seq` anywhere (Uint8Array has no sub-array search). */
const holds = (buf: Uint8Array, seq: readonly number[]): boolean => {
  for (let i = buf.indexOf(seq[0]!); i !== -1 && i + seq.length <= buf.length; i = buf.indexOf(seq[0]!, i + 1)) {
    let j = 1
    while (j < seq.length && buf[i + j] === seq[j]) j++
    if (j === seq.length) return true
  }
  return false
}

/**
 * Whether every record of the file is exactly one line: no double quote at
 * all (so no quoted line break), no empty line (which csv-parse would skip),
 * no lone CR line ending. Machine-written files almost always are, and they
 * can then be read with exact line numbers without csv-parse's per-record
 * context (which costs it about three times the time).
 */
const oneRecordPerLine = (buf: Uint8Array): boolean => {
  if (buf.includes(0x22)) return false
  if (isBreak(buf[0])) return false
  if (holds(buf, LF_LF) || holds(buf, LF_CRLF) || holds(buf, CRLF_CRLF)) return false
  for (let i = buf.indexOf(0x0d); i !== -1; i = buf.indexOf(0x0d, i + 1)) if (buf[i + 1] !== 0x0a) return false
  return true
}

/** Fast path: parse chunks of `progressEvery` lines; record i of the file is on line i + 1. */
const parseByLines = (buf: Uint8Array, options: ReadCsvOptions, problems: CsvProblem[]): CsvRecord[] => {
  const strip = options.stripFormulaGuard === true
  const every = Math.max(1, options.progressEvery ?? 10_000)
  const out: CsvRecord[] = []
  let line = 1
  for (let pos = 0; pos < buf.length; ) {
    let end = pos
    for (let n = 0; n < every && end < buf.length; n++) {
      const nl = buf.indexOf(0x0a, end)
      end = nl === -1 ? buf.length : nl + 1
    }
    const first = line
    const chunk = parse(buf.subarray(pos, end), parseOptions(options, problems, first - 1)) as string[][]
    for (const cells of chunk) {
      if (!isBlank(cells)) out.push({ line, cells: strip ? cells.map(restoreFormula) : cells })
      line++
    }
    if (options.onProgress !== undefined && chunk.length === every) options.onProgress(line - 1)
    pos = end
  }
  return out
}

/**
 * General path: csv-parse's `on_record` gives each record's end offset; the
 * record starts after the previous one's end plus any skipped empty lines.
 */
const parseTracked = (buf: Uint8Array, options: ReadCsvOptions, problems: CsvProblem[]): CsvRecord[] => {
  const strip = options.stripFormulaGuard === true
  const every = Math.max(1, options.progressEvery ?? 10_000)
  let lastByte = 0
  let breaksBefore = 0
  let count = 0
  const onRecord = (cells: string[], ctx: { readonly bytes: number }): CsvRecord | null => {
    let start = lastByte
    while (start < ctx.bytes && isBreak(buf[start])) start++
    const line = 1 + breaksBefore + breaksIn(buf, lastByte, start)
    breaksBefore += breaksIn(buf, lastByte, ctx.bytes)
    lastByte = ctx.bytes
    count++
    if (options.onProgress !== undefined && count % every === 0) options.onProgress(count)
    if (isBlank(cells)) return null
    return { line, cells: strip ? cells.map(restoreFormula) : cells }
  }
  return parse(buf, {
    ...parseOptions(options, problems, 0),
    // on_record replaces each record by our own; csv-parse's types assume it stays a string[].
    on_record: onRecord as unknown as (cells: string[], ctx: { readonly bytes: number }) => string[] | null,
  }) as unknown as CsvRecord[]
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
 * @example
 * parseCsv('a,b\n1,2,3\n4,5\n')
 * //=> { table: { header: ['a', 'b'], records: [{ line: 3, cells: ['4', '5'] }] }, problems: [{ where: 'line 2', … }] }
 */
export const parseCsv = (input: string | Uint8Array, options: ReadCsvOptions = {}): ParsedCsv => {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  // Drop a UTF-8 byte-order mark; it holds no line break, so line numbers are unchanged.
  const buf = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  const problems: CsvProblem[] = []
  let records: CsvRecord[]
  try {
    records = oneRecordPerLine(buf) ? parseByLines(buf, options, problems) : parseTracked(buf, options, problems)
  } catch (e) {
    const err = e as CsvError
    problems.push(csvProblem({ line: Number(err['lines']) || 1 }, 'well-formed CSV', String(err.message), 'shape'))
    return { table: undefined, problems }
  }
  const [head, ...rows] = records
  if (head === undefined) return { table: undefined, problems: [...problems, csvProblem({ line: 1 }, 'a header row', 'an empty file', 'shape')] }
  const header = head.cells
  const seen = new Map<string, number>()
  header.forEach((name, i) => {
    const at = { line: head.line, column: i + 1 }
    if (name === '') problems.push(csvProblem(at, 'a column name', name, 'shape'))
    const key = name.toLowerCase()
    const first = seen.get(key)
    if (first !== undefined && name !== '')
      problems.push(csvProblem({ ...at, columnName: name }, `a column name not already used (column ${first})`, name, 'duplicate'))
    else seen.set(key, i + 1)
  })
  const good: CsvRecord[] = []
  for (const r of rows) {
    if (r.cells.length === header.length) good.push(r)
    else problems.push(csvProblem({ line: r.line }, `${header.length} fields, as in the header`, r.cells.length, 'shape'))
  }
  return { table: { header, records: good }, problems }
}

/**
 * Parse CSV text (or UTF-8 bytes; a byte-order mark is dropped) with csv-parse.
 * The first record is the header. Cells are trimmed; empty lines and lines of
 * only delimiters (as spreadsheets write) are skipped.
 *
 * Each record keeps the line where it starts: worked out from csv-parse's byte
 * offsets rather than its line counter, so a record with a quoted line break
 * still points at its first line; or, for a file that cannot have multi-line
 * records (no `"`, no empty line), read in chunks with line = record + 1,
 * which is about twice as fast.
 *
 * Degenerate input: an empty file gives a `Left` (no header); a file with a
 * header only gives no records. Every broken quote, every record with the
 * wrong number of fields, an empty or repeated header name: all are returned
 * together in the `Left`, each with its line (and column where there is one).
 * @param input the file's text or bytes
 * @param options delimiter, formula-guard stripping, progress
 * @example
 * readCsv('site,unit,standard,level\nSSHT,Acute care,2.4,PM\n')
 * //=> right({ header: ['site', 'unit', 'standard', 'level'], records: [{ line: 2, cells: ['SSHT', 'Acute care', '2.4', 'PM'] }] })
 * readCsv('a,b\n1,2,3\n')
 * //=> left([{ where: 'line 2', expected: '2 fields, as in the header', found: '3', … }])
 */
export const readCsv = (input: string | Uint8Array, options: ReadCsvOptions = {}): E.Either<readonly CsvProblem[], CsvTable> => {
  const { table, problems } = parseCsv(input, options)
  return table === undefined || problems.length > 0 ? E.left(problems) : E.right(table)
}
