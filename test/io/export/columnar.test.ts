/**
 * Parquet and Arrow IPC writers: read back by independent readers (DuckDB
 * for Parquet, apache-arrow's own reader for IPC), the columns have the
 * declared types, the values are the rows' values and nulls are nulls
 * (never NaN); bad values are refused with the row and column named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as arrow from 'apache-arrow'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { generateEvaluation } from '../../../bench/generate.js'
import { attainment, attainmentRows } from '../../../src/standards/index.js'
import {
  ATTAINMENT_COLUMNS,
  RATING_COLUMNS,
  REGISTER_COLUMNS,
  ratingRows,
  readRegister,
  toArrowIpc,
  toArrowIpcEither,
  toParquet,
  toParquetEither,
  type ColumnSpec,
} from '../../../src/io/index.js'

let dir: string
let db: DuckDBConnection
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-columnar-'))
  db = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => {
  db?.closeSync()
  rmSync(dir, { recursive: true, force: true })
})

const COLUMNS: readonly ColumnSpec[] = [
  { name: 's', type: 'string' },
  { name: 'i', type: 'int32' },
  { name: 'f', type: 'float64' },
  { name: 'b', type: 'boolean' },
]
const ROWS = [
  { s: 'a', i: 1, f: 0.25, b: true },
  { s: null, i: null, f: null, b: null },
  { s: 'c', i: -7, f: 1e-9, b: false },
]

describe('toParquet', () => {
  it('writes the declared Parquet types, the values, and nulls as nulls (read back by DuckDB)', async () => {
    const file = join(dir, 'typed.parquet')
    writeFileSync(file, toParquet(ROWS, COLUMNS, { parquetWriteBuffer }))
    const types = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjects()
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual([
      ['s', 'VARCHAR'],
      ['i', 'INTEGER'],
      ['f', 'DOUBLE'],
      ['b', 'BOOLEAN'],
    ])
    const back = (await db.runAndReadAll(`SELECT *, isnan(f) AS nan FROM read_parquet('${file}')`)).getRowObjects()
    expect(back).toEqual([
      { ...ROWS[0], nan: false },
      { ...ROWS[1], nan: null },
      { ...ROWS[2], nan: false },
    ])
  })

  it('writes the ratings of a generated document that DuckDB counts as the document does', async () => {
    const ev = generateEvaluation({ sites: 3, unitsPerSite: 2, rounds: 2 })
    const rows = ratingRows(ev)
    const file = join(dir, 'ratings.parquet')
    writeFileSync(file, toParquet(rows, RATING_COLUMNS, { parquetWriteBuffer }))
    const [c] = (
      await db.runAndReadAll(
        `SELECT count(*) AS n, count(rater) AS raters, count(DISTINCT unit) AS units FROM read_parquet('${file}')`,
      )
    ).getRowObjects()
    // The generator writes no raters: the column is all null, not the text "null".
    expect(c).toEqual({ n: BigInt(rows.length), raters: 0n, units: 6n })
  })

  it('refuses NaN, Infinity, wrong types and nulls in non-nullable columns, naming row and column', () => {
    const r = toParquetEither(
      [
        { s: 'a', i: 1.5, f: Number.NaN, b: 'yes' },
        { s: 3, i: 2 ** 31, f: Infinity, b: true },
      ],
      COLUMNS,
      { parquetWriteBuffer },
    )
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'toParquet › row 0 › i',
      'toParquet › row 0 › f',
      'toParquet › row 0 › b',
      'toParquet › row 1 › s',
      'toParquet › row 1 › i',
      'toParquet › row 1 › f',
    ])
    const notNull = toParquetEither([{ site: null }], [{ name: 'site', type: 'string', nullable: false }], {
      parquetWriteBuffer,
    })
    expect(E.isLeft(notNull) && notNull.left[0]!.expected).toMatch(/not nullable/)
    expect(() => toParquet(ROWS, COLUMNS, undefined as never)).toThrow(/toParquet › encoder/)
    expect(() => toParquet(undefined as never, COLUMNS, { parquetWriteBuffer })).toThrow(/toParquet › rows/)
  })
})

describe('toArrowIpc', () => {
  it('writes Utf8, Int32, Float64 and Bool columns with nulls in the validity bitmap (read back by apache-arrow)', () => {
    for (const format of ['file', 'stream'] as const) {
      const table = arrow.tableFromIPC(toArrowIpc(ROWS, COLUMNS, arrow, { format }))
      expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
        ['s', 'Utf8'],
        ['i', 'Int32'],
        ['f', 'Float64'],
        ['b', 'Bool'],
      ])
      expect(table.toArray().map((r) => r.toJSON())).toEqual(ROWS)
      expect(table.getChild('f')!.nullCount).toBe(1)
    }
  })

  it('writes attainment rows whose figures read back unchanged', () => {
    const ev = generateEvaluation({ sites: 2, unitsPerSite: 2 })
    const rows = attainmentRows(attainment(ev))
    const table = arrow.tableFromIPC(toArrowIpc(rows, ATTAINMENT_COLUMNS, arrow))
    expect(table.numRows).toBe(rows.length)
    expect(table.toArray().map((r) => r.toJSON())).toEqual(rows)
  })

  it('writes a quote register read from text, absent fields as nulls', () => {
    // Two excerpts as printed in a register: one attributed, one not (hand-made, in the printed-list layout).
    const { register } = readRegister(
      'LPT_7 [Service Director_3] Trust B\n"We were not consulted,\nnot once."\n\nHPT_1\n"It worked."\n',
    )
    const table = arrow.tableFromIPC(toArrowIpc(register.entries, REGISTER_COLUMNS, arrow))
    const rows = table.toArray().map((r) => r.toJSON())
    expect(rows.map((r) => [r.label, r.attribution, r.line])).toEqual([
      ['LPT_7', '[Service Director_3] Trust B', 1],
      ['HPT_1', null, 5],
    ])
    expect(rows[0]!.theme).toBeNull()
  })

  it('refuses bad values and a wrong format, naming the place', () => {
    const r = toArrowIpcEither([{ s: 'a', i: 'x', f: 1, b: true }], COLUMNS, arrow)
    expect(E.isLeft(r) && r.left[0]!.where).toBe('toArrowIpc › row 0 › i')
    const f = toArrowIpcEither(ROWS, COLUMNS, arrow, { format: 'json' as never })
    expect(E.isLeft(f) && f.left[0]!.where).toBe('toArrowIpc › format')
    expect(() => toArrowIpc(ROWS, COLUMNS, {} as never)).toThrow(/toArrowIpc › arrow/)
  })
})
