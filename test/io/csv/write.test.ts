import { describe, expect, it } from 'vitest'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { readCsvEither } from '../../../src/io/csv/read.js'
import { cellText, columnsOf, toCsv } from '../../../src/io/csv/write.js'
import { GUARDED_CELL } from '../../../src/io/csv/formula-guard.js'

describe('toCsv', () => {
  it('writes a header and one line per row, columns in first-seen order', () => {
    expect(
      toCsv([
        { site: 'a', k: 1 },
        { n: 2, site: 'b' },
      ]),
    ).toBe('site,k,n\na,1,\nb,,2\n')
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(['a', 'b'])
  })

  it('takes columns with their own headers, and RFC 4180 line endings and a BOM on request', () => {
    const csv = toCsv([{ pct: 20, note: 'a, "b"' }], {
      columns: [{ key: 'pct', header: '% attained' }, 'note'],
      eol: '\r\n',
      bom: true,
    })
    expect(csv).toBe('\ufeff% attained,note\r\n20,"a, ""b"""\r\n')
  })

  it('writes null and undefined as empty, numbers as JavaScript prints them (NaN, Infinity spelled out)', () => {
    expect([
      cellText(null),
      cellText(undefined),
      cellText(0.1 + 0.2),
      cellText(NaN),
      cellText(-Infinity),
      cellText(true),
    ]).toEqual(['', '', '0.30000000000000004', 'NaN', '-Infinity', 'true'])
  })

  it('gives the empty string for no rows and no columns, and the header alone for no rows', () => {
    expect(toCsv([])).toBe('')
    expect(toCsv([], { columns: ['site', 'k'] })).toBe('site,k\n')
  })
})

// The writer's quoting against csv-stringify 6 (a peer CSV writer, a dev dependency kept as the comparator):
// with `quoted_match` set to the same three patterns (guarded cells, spreadsheet separators, edge whitespace),
// csv-stringify quotes a field exactly when RFC 4180 needs it or a pattern matches, and doubles inner quotes.
// One difference, ours on purpose: csv-stringify 6 looks only for its own record delimiter, so it leaves a
// lone carriage return (unix endings) or a lone line feed (windows endings) unquoted, which readers take for
// a line break; we quote both, so the comparator is given /[\r\n]/ as a fourth pattern. And an empty text
// is written as "" while a missing value (null) is a blank cell, so that the imports read them apart: the
// comparator gets the same rule through its cast (quoted_empty for the empty string only).
describe('toCsv against csv-stringify (same quoting rules)', () => {
  const alphabet = [
    'a',
    'b',
    ' ',
    ',',
    ';',
    '\t',
    '|',
    '"',
    "'",
    '=',
    '+',
    '-',
    '@',
    '\n',
    '\r',
    '\uFF1D',
    '\u00A0',
    '\uFEFF',
    '1',
    'é',
  ]
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((cs) => cs.join(''))
  const cell = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null))
  const quotedMatch = [GUARDED_CELL, /[;\t|]/, /^\s|\s$/, /[\r\n]/]

  it.each([',', '\t', ';'] as const)(
    'writes what csv-stringify writes, delimiter %j, both line endings, with and without BOM',
    (d) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(cell, cell, cell), { maxLength: 6 }),
          fc.boolean(),
          fc.boolean(),
          (records, crlf, bom) => {
            const rows = records.map(([x, y, z]) => ({ x, y, z }))
            const ours = toCsv(rows, { columns: ['x', 'y', 'z'], delimiter: d, eol: crlf ? '\r\n' : '\n', bom })
            const cells = [['x', 'y', 'z'], ...records.map((r) => r.map((v) => (v === null ? null : cellText(v))))]
            const theirs = stringify(cells, {
              delimiter: d,
              record_delimiter: crlf ? 'windows' : 'unix',
              bom,
              quoted_match: quotedMatch,
              cast: { string: (v: string) => (v === '' ? { value: '', quoted_empty: true } : v) },
            })
            expect(ours).toBe(theirs)
          },
        ),
        { numRuns: 500 },
      )
    },
  )
})

describe('toCsv: a lone carriage return or line feed', () => {
  it('is quoted, so that a reader does not take it for a line break (RFC 4180: CR inside a field needs quotes)', () => {
    expect(toCsv([{ note: 'a\rb' }])).toBe('note\n"a\rb"\n')
    expect(toCsv([{ note: 'a\nb' }], { eol: '\r\n' })).toBe('note\r\n"a\nb"\r\n')
    const back = readCsvEither(toCsv([{ note: 'a\rb' }]))
    expect(E.isRight(back) && back.right.records.map((r) => r.cells)).toEqual([['a\rb']])
  })
})
