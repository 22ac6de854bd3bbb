import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { parseCsv, readCsv } from '../../../src/io/csv/read.js'

const right = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const left = <E>(r: E.Either<E, unknown>): E => {
  if (E.isRight(r)) throw new Error('expected a Left')
  return r.left
}

describe('readCsv', () => {
  it('gives the header and records with the line each starts on', () => {
    // Lines: 1 header, 2 a row, 3 empty (skipped), 4-5 one record with a quoted line break, 6 a row.
    const t = right(readCsv('site,note\nSSHT,plain\n\nLeics,"two\nlines"\nSWL,last\n'))
    expect(t.header).toEqual(['site', 'note'])
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 6])
    expect(t.records[1]!.cells).toEqual(['Leics', 'two\nlines'])
  })

  it('counts CRLF and lone CR as one line break each', () => {
    const t = right(readCsv('a,b\r\n1,2\r\n\r\n"p\r\nq",3\r\n4,5'))
    // 1: header, 2: 1,2, 3: empty, 4-5: the quoted record, 6: 4,5
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 6])
  })

  it('drops a UTF-8 byte-order mark, reads bytes, and trims cells', () => {
    const bytes = new TextEncoder().encode('\ufeffsite , unit\n Leicestershire ,  Voluntary sector \n')
    const t = right(readCsv(bytes))
    expect(t.header).toEqual(['site', 'unit'])
    expect(t.records[0]).toEqual({ line: 2, cells: ['Leicestershire', 'Voluntary sector'] })
  })

  it('skips rows of only delimiters, as spreadsheets write them', () => {
    const t = right(readCsv('a,b\n,\n1,2\n , \n'))
    expect(t.records).toEqual([{ line: 3, cells: ['1', '2'] }])
  })

  it('reads another delimiter', () => {
    expect(right(readCsv('a;b\n1;2\n', { delimiter: ';' })).records[0]!.cells).toEqual(['1', '2'])
  })

  it('reports every record with the wrong number of fields, by line', () => {
    const problems = left(readCsv('a,b,c\n1,2,3\n1,2\n1,2,3,4\n'))
    expect(problems.map((p) => [p.line, p.expected, p.found])).toEqual([
      [3, '3 fields, as in the header', '2'],
      [4, '3 fields, as in the header', '4'],
    ])
  })

  it('reports a quote that is never closed, with its line', () => {
    const problems = left(readCsv('a,b\n1,2\n3,"open\n'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'shape', expected: 'well-formed CSV' })
    expect(problems[0]!.found).toMatch(/Quote Not Closed/)
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3)
  })

  it('refuses an empty file, an empty column name and a repeated column name', () => {
    expect(left(readCsv(''))[0]).toMatchObject({ line: 1, expected: 'a header row' })
    const problems = left(readCsv('site,,Site\n1,2,3\n'))
    expect(problems.map((p) => [p.where, p.code])).toEqual([
      ['line 1, column 2', 'shape'],
      ['line 1, column 3 (Site)', 'duplicate'],
    ])
  })

  it('strips the formula guard only when asked', () => {
    const text = `unit\n"'=1+1"\n'tis\n`
    expect(right(readCsv(text)).records.map((r) => r.cells[0])).toEqual(["'=1+1", "'tis"])
    expect(right(readCsv(text, { stripFormulaGuard: true })).records.map((r) => r.cells[0])).toEqual(['=1+1', "'tis"])
  })

  it('reports parse progress', () => {
    const calls: number[] = []
    right(readCsv('a\n' + '1\n'.repeat(25), { progressEvery: 10, onProgress: (n) => calls.push(n) }))
    // 26 records including the header: progress at 10 and 20.
    expect(calls).toEqual([10, 20])
  })

  describe('the one-line-per-record fast path and the general path agree', () => {
    // A file without any double quote or empty line is read in chunks with line = record + 1;
    // one quoted cell anywhere sends the whole file down the general (on_record) path.
    const cell = fc.stringMatching(/^[A-Za-z0-9 .=+@-]{0,8}$/)
    it('gives the same records and lines either way', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 7 }), (rows, crlf, every) => {
          const eol = crlf ? '\r\n' : '\n'
          const text = ['a,b', ...rows.map(([x, y]) => `${x},${y}`)].join(eol) + eol
          const fast = parseCsv(text, { progressEvery: every })
          const general = parseCsv(text + '"q",r' + eol, { progressEvery: every })
          const blank = (r: readonly string[]) => r.every((c) => c.trim() === '')
          const expected = rows.map(([x, y], i) => ({ line: i + 2, cells: [x.trim(), y.trim()] })).filter((r) => !blank(r.cells))
          expect(fast.table!.records).toEqual(expected)
          expect(general.table!.records.slice(0, -1)).toEqual(expected)
        }),
        { numRuns: 200 },
      )
    })
    it('places field-count problems across chunk boundaries', () => {
      const { problems } = parseCsv('a,b\n1,2\n3,4\n5\n6,7\n8,9,10\n', { progressEvery: 2 })
      expect(problems.map((p) => p.line)).toEqual([4, 6])
    })
  })
})
