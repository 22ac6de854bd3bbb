/**
 * Tidy tables as Parquet (hyparquet-writer) and Arrow IPC (apache-arrow), with
 * explicit column types and nulls written as nulls.
 *
 * The encoders are passed in, not imported: `hyparquet-writer` and
 * `apache-arrow` are optional peer dependencies, so `realist-eval/io` loads
 * neither (Arrow alone is several megabytes) unless the caller has chosen
 * one, and the same code runs in Node and browsers, in the ESM and CommonJS
 * builds (hyparquet-writer is ESM only).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { orThrow, problem, type Problem, type Result } from '../../model/problem.js'

/** A column's type in the written file. */
export type ColumnType = 'string' | 'int32' | 'float64' | 'boolean'

/** One column of a tidy table: its name (the row key) and type, and whether it may hold nulls. */
export interface ColumnSpec {
  readonly name: string
  readonly type: ColumnType
  /** Default true. A null in a column that is not nullable is refused. */
  readonly nullable?: boolean
}

/** The ratings table (`ratingRows`): the long import layout. */
export const RATING_COLUMNS: readonly ColumnSpec[] = [
  { name: 'site', type: 'string', nullable: false },
  // null: a rating of the site as a whole.
  { name: 'unit', type: 'string' },
  { name: 'round', type: 'string', nullable: false },
  { name: 'target', type: 'string', nullable: false },
  { name: 'level', type: 'string', nullable: false },
  { name: 'rater', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'note', type: 'string' },
  { name: 'instrument', type: 'string', nullable: false },
  { name: 'by', type: 'string' },
  { name: 'evidence', type: 'string' },
  // JSON text: a rating's own data has no fixed shape.
  { name: 'extensions', type: 'string' },
]

/** The attainment rows (`attainmentRows`). */
export const ATTAINMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'round', type: 'string' },
  { name: 'site', type: 'string' },
  { name: 'section', type: 'string' },
  { name: 'standard', type: 'string' },
  { name: 'scope', type: 'string', nullable: false },
  { name: 'level', type: 'string', nullable: false },
  { name: 'k', type: 'float64', nullable: false },
  { name: 'n', type: 'int32', nullable: false },
  { name: 'p', type: 'float64' },
  { name: 'lo', type: 'float64' },
  { name: 'hi', type: 'float64' },
  { name: 'na', type: 'int32', nullable: false },
  { name: 'unrated', type: 'int32', nullable: false },
  { name: 'excluded', type: 'int32', nullable: false },
  { name: 'total', type: 'string' },
  { name: 'interval', type: 'string', nullable: false },
  { name: 'confidence', type: 'float64', nullable: false },
]

/**
 * The objective cells (`objectiveCellRows`). `attained` and `total` are text
 * because the layout prints `?` (unknown) and `-` (no objectives of the type)
 * beside counts, as Table 7 does.
 */
export const OBJECTIVE_CELL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'site', type: 'string', nullable: false },
  { name: 'unit', type: 'string', nullable: false },
  { name: 'type', type: 'string' },
  { name: 'attained', type: 'string', nullable: false },
  { name: 'total', type: 'string', nullable: false },
  { name: 'attribution', type: 'string' },
  { name: 'ref', type: 'string' },
  { name: 'impact', type: 'string' },
  { name: 'impactQualifier', type: 'string' },
  { name: 'impactRef', type: 'string' },
]

/** The listed objectives (`objectiveListRows`). */
export const OBJECTIVE_LIST_COLUMNS: readonly ColumnSpec[] = [
  { name: 'site', type: 'string', nullable: false },
  { name: 'unit', type: 'string', nullable: false },
  { name: 'id', type: 'string', nullable: false },
  { name: 'type', type: 'string', nullable: false },
  { name: 'status', type: 'string', nullable: false },
  { name: 'text', type: 'string' },
  { name: 'attribution', type: 'string' },
  { name: 'ref', type: 'string' },
]

/**
 * The quote register's entries (`readRegister(…).register.entries`): one row
 * per excerpt. The list of every line an entry spans (`lines`) is left out;
 * `line` is its first line.
 */
export const REGISTER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'label', type: 'string', nullable: false },
  { name: 'text', type: 'string', nullable: false },
  { name: 'section', type: 'string' },
  { name: 'theme', type: 'string' },
  { name: 'attribution', type: 'string' },
  { name: 'informant', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'line', type: 'int32', nullable: false },
]

/** The part of `hyparquet-writer` used: pass `{ parquetWriteBuffer }` from it. */
export interface ParquetEncoder {
  readonly parquetWriteBuffer: (options: {
    columnData: { name: string; data: unknown[]; type: 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN'; nullable: boolean }[]
  }) => ArrayBuffer
}

/** The part of `apache-arrow` used: pass the module (`import * as arrow from 'apache-arrow'`). */
export interface ArrowEncoder {
  readonly vectorFromArray: (...args: never[]) => unknown
  readonly Utf8: new () => unknown
  readonly Int32: new () => unknown
  readonly Float64: new () => unknown
  readonly Bool: new () => unknown
  readonly Table: new (...args: never[]) => unknown
  readonly tableToIPC: (...args: never[]) => Uint8Array | null
}

/** Options of {@link toArrowIpcEither}. */
export interface ArrowIpcOptions {
  /** `'file'` (random access, `.arrow`) or `'stream'`. Default `'file'`. */
  readonly format?: 'file' | 'stream'
}

const fits = (type: ColumnType, v: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof v === 'string'
    case 'boolean':
      return typeof v === 'boolean'
    case 'int32':
      return typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31
    default:
      return typeof v === 'number' && Number.isFinite(v)
  }
}

const EXPECTED: Record<ColumnType, string> = {
  string: 'a string',
  boolean: 'true or false',
  int32: 'a whole number from -2^31 to 2^31 - 1',
  float64: 'a finite number (NaN and Infinity are not data; write null for a missing value)',
}

/** Problems past this many are counted, not listed. */
const MAX_LISTED = 100

/**
 * The columns of `rows` as arrays, each value checked against its column's
 * type: every problem names the row, the column and what was found.
 */
const columnsOf = (fn: string, rows: readonly object[], columns: readonly ColumnSpec[]): Result<unknown[][]> => {
  const out: Problem[] = []
  let more = 0
  if (!Array.isArray(rows)) return E.left([problem(['rows'], 'an array of row objects', rows, 'shape', `${fn} › rows`)])
  if (!Array.isArray(columns) || columns.length === 0)
    return E.left([
      problem(['columns'], 'a non-empty list of { name, type } columns', columns, 'shape', `${fn} › columns`),
    ])
  const seen = new Set<string>()
  columns.forEach((c, i) => {
    if (c === null || typeof c !== 'object' || typeof c.name !== 'string' || c.name === '' || !(c.type in EXPECTED))
      out.push(
        problem(
          ['columns', i],
          `a column { name, type: ${Object.keys(EXPECTED).join(' | ')} }`,
          c,
          'shape',
          `${fn} › columns[${i}]`,
        ),
      )
    else if (seen.has(c.name))
      out.push(
        problem(['columns', i, 'name'], 'a column name not already used', c.name, 'duplicate', `${fn} › columns[${i}]`),
      )
    else seen.add(c.name)
  })
  if (out.length > 0) return E.left(out)
  const data = columns.map(() => new Array<unknown>(rows.length))
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown> | null
    if (row === null || typeof row !== 'object') {
      if (out.length < MAX_LISTED) out.push(problem(['rows', r], 'a row object', row, 'shape', `${fn} › row ${r}`))
      else more++
      continue
    }
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c] as ColumnSpec
      const v = Object.hasOwn(row, col.name) ? row[col.name] : undefined
      if (v === null || v === undefined) {
        if (col.nullable === false) {
          if (out.length < MAX_LISTED)
            out.push(
              problem(
                ['rows', r, col.name],
                `${EXPECTED[col.type]} (the column is not nullable)`,
                v,
                'value',
                `${fn} › row ${r} › ${col.name}`,
              ),
            )
          else more++
        }
        ;(data[c] as unknown[])[r] = null
      } else if (!fits(col.type, v)) {
        if (out.length < MAX_LISTED)
          out.push(problem(['rows', r, col.name], EXPECTED[col.type], v, 'value', `${fn} › row ${r} › ${col.name}`))
        else more++
      } else (data[c] as unknown[])[r] = v
    }
  }
  if (more > 0)
    out.push(problem(['rows'], `no more problems (${MAX_LISTED} listed)`, `${more} more`, 'value', `${fn} › rows`))
  return out.length > 0 ? E.left(out) : E.right(data)
}

const PARQUET_TYPE = { string: 'STRING', int32: 'INT32', float64: 'DOUBLE', boolean: 'BOOLEAN' } as const

const encoderProblem = (fn: string, name: string, expected: string, found: unknown): Problem[] => [
  problem([name], expected, found, 'shape', `${fn} › ${name}`),
]

/**
 * A tidy table as a Parquet file: one column per spec, with its Parquet
 * type (`string` → BYTE_ARRAY UTF8, `int32` → INT32, `float64` → DOUBLE,
 * `boolean` → BOOLEAN) and nulls as Parquet nulls (definition levels), never
 * NaN. Every value is checked against its column first.
 *
 * Degenerate input: no rows give a file with the columns and no rows; a
 * value of the wrong type, NaN, Infinity, or a null in a column that is not
 * nullable gives a `Left` naming each row and column (the first 100).
 * @param rows the tidy rows (e.g. `ratingRows(ev)`)
 * @param columns the column specs (e.g. {@link RATING_COLUMNS})
 * @param encoder `{ parquetWriteBuffer }` from `hyparquet-writer`
 * @returns the file's bytes
 * @example
 * import { parquetWriteBuffer } from 'hyparquet-writer'
 * const bytes = toParquetEither([{ site: 'a', n: 3 }], [{ name: 'site', type: 'string' }, { name: 'n', type: 'int32' }], { parquetWriteBuffer })
 * isRight(bytes) && bytes.right.slice(0, 4) //=> [80, 65, 82, 49] // 'PAR1', the Parquet magic number
 * toParquetEither([{ site: 'a' }], [{ name: 'site', type: 'text' }], { parquetWriteBuffer }) //=> left([{ code: 'shape', … }]) // no column type text
 */
export const toParquetEither = (
  rows: readonly object[],
  columns: readonly ColumnSpec[],
  encoder: ParquetEncoder,
): Result<Uint8Array> => {
  if (encoder === null || typeof encoder !== 'object' || typeof encoder.parquetWriteBuffer !== 'function')
    return E.left(encoderProblem('toParquet', 'encoder', "{ parquetWriteBuffer } from 'hyparquet-writer'", encoder))
  return E.map((data: unknown[][]) => {
    const buffer = encoder.parquetWriteBuffer({
      columnData: columns.map((c, i) => ({
        name: c.name,
        data: data[i] as unknown[],
        type: PARQUET_TYPE[c.type],
        nullable: c.nullable !== false,
      })),
    })
    return new Uint8Array(buffer)
  })(columnsOf('toParquet', rows, columns))
}

/**
 * A tidy table as a Parquet file: one column per spec, with its Parquet
 * type (`string` → BYTE_ARRAY UTF8, `int32` → INT32, `float64` → DOUBLE,
 * `boolean` → BOOLEAN) and nulls as Parquet nulls (definition levels), never
 * NaN. Every value is checked against its column first.
 *
 * The throwing form of {@link toParquetEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no rows give a file with the columns and no rows; a
 * value of the wrong type, NaN, Infinity, or a null in a column that is not
 * nullable throws naming each row and column (the first 100).
 * @param rows the tidy rows (e.g. `ratingRows(ev)`)
 * @param columns the column specs (e.g. {@link RATING_COLUMNS})
 * @param encoder `{ parquetWriteBuffer }` from `hyparquet-writer`
 * @returns the result (`Uint8Array`), as {@link toParquetEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link toParquetEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] toParquet: …`).
 * @example
 * import { parquetWriteBuffer } from 'hyparquet-writer'
 * import { parquetReadObjects } from 'hyparquet'
 * // ev's 33 rating rows: 27 counted ratings, 2 raters' own ratings, 4 on the quality instrument
 * const bytes = toParquet(ratingRows(ev), RATING_COLUMNS, { parquetWriteBuffer })
 * const back = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })
 * back.length //=> 33
 * back[0] //=> { site: 'ss', unit: 'acute', round: 'r1', target: '1.1', level: 'met', instrument: 'emhip', rater: null, … }
 */
export const toParquet = (
  rows: readonly object[],
  columns: readonly ColumnSpec[],
  encoder: ParquetEncoder,
): Uint8Array => orThrow('toParquet', toParquetEither(rows, columns, encoder))

/**
 * A tidy table as Arrow IPC (file format by default): one column per spec,
 * typed `Utf8`, `Int32`, `Float64` or `Bool`, with nulls in the validity
 * bitmap, never NaN. Every value is checked against its column first.
 *
 * Degenerate input: as {@link toParquetEither}.
 * @param rows the tidy rows
 * @param columns the column specs
 * @param arrow the `apache-arrow` module
 * @param options `format`: `'file'` (default) or `'stream'`
 * @returns the IPC bytes
 * @example
 * import * as arrow from 'apache-arrow'
 * const bytes = toArrowIpcEither([{ site: 'a', n: null }], [{ name: 'site', type: 'string' }, { name: 'n', type: 'int32' }], arrow)
 * isRight(bytes) && arrow.tableFromIPC(bytes.right).get(0)?.toJSON() //=> { site: 'a', n: null }
 */
export const toArrowIpcEither = (
  rows: readonly object[],
  columns: readonly ColumnSpec[],
  arrow: ArrowEncoder,
  options: ArrowIpcOptions = {},
): Result<Uint8Array> => {
  if (
    arrow === null ||
    typeof arrow !== 'object' ||
    typeof arrow.tableToIPC !== 'function' ||
    typeof arrow.vectorFromArray !== 'function'
  )
    return E.left(encoderProblem('toArrowIpc', 'arrow', "the 'apache-arrow' module", arrow))
  const format = options?.format ?? 'file'
  if (format !== 'file' && format !== 'stream')
    return E.left([problem(['options', 'format'], "'file' or 'stream'", format, 'value', 'toArrowIpc › format')])
  return E.map((data: unknown[][]) => {
    const types = { string: arrow.Utf8, int32: arrow.Int32, float64: arrow.Float64, boolean: arrow.Bool }
    const fromArray = arrow.vectorFromArray as unknown as (values: unknown[], type: unknown) => unknown
    const vectors: Record<string, unknown> = {}
    columns.forEach((c, i) => (vectors[c.name] = fromArray(data[i] as unknown[], new types[c.type]())))
    const Table = arrow.Table as unknown as new (vectors: Record<string, unknown>) => unknown
    const toIpc = arrow.tableToIPC as unknown as (table: unknown, format: 'file' | 'stream') => Uint8Array
    return toIpc(new Table(vectors), format)
  })(columnsOf('toArrowIpc', rows, columns))
}

/**
 * A tidy table as Arrow IPC (file format by default): one column per spec,
 * typed `Utf8`, `Int32`, `Float64` or `Bool`, with nulls in the validity
 * bitmap, never NaN. Every value is checked against its column first.
 *
 * The throwing form of {@link toArrowIpcEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: as {@link toParquetEither}.
 * @param rows the tidy rows
 * @param columns the column specs
 * @param arrow the `apache-arrow` module
 * @param options `format`: `'file'` (default) or `'stream'`
 * @returns the result (`Uint8Array`), as {@link toArrowIpcEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link toArrowIpcEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] toArrowIpc: …`).
 * @example
 * import * as arrow from 'apache-arrow'
 * // ev's 33 rating rows (27 counted, 2 raters' own, 4 on the quality instrument)
 * arrow.tableFromIPC(toArrowIpc(ratingRows(ev), RATING_COLUMNS, arrow)).numRows //=> 33
 */
export const toArrowIpc = (
  rows: readonly object[],
  columns: readonly ColumnSpec[],
  arrow: ArrowEncoder,
  options?: ArrowIpcOptions,
): Uint8Array => orThrow('toArrowIpc', toArrowIpcEither(rows, columns, arrow, options))
