import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { parseCsv, readCsvEither, visitCsv, visitCsvRecords, visitCsvWithCsvParse } from '../../../src/io/csv/read.js'

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
    const t = right(readCsvEither('site,note\nSSHT,plain\n\nLeics,"two\nlines"\nSWL,last\n'))
    expect(t.header).toEqual(['site', 'note'])
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 6])
    expect(t.records[1]!.cells).toEqual(['Leics', 'two\nlines'])
  })

  it('counts CRLF and lone CR as one line break each', () => {
    const t = right(readCsvEither('a,b\r\n1,2\r\n\r\n"p\r\nq",3\r\n4,5'))
    // 1: header, 2: 1,2, 3: empty, 4-5: the quoted record, 6: 4,5
    expect(t.records.map((r) => r.line)).toEqual([2, 4, 6])
  })

  it('drops a UTF-8 byte-order mark, reads bytes, and trims cells', () => {
    const bytes = new TextEncoder().encode('\ufeffsite , unit\n Leicestershire ,  Voluntary sector \n')
    const t = right(readCsvEither(bytes))
    expect(t.header).toEqual(['site', 'unit'])
    expect(t.records[0]).toEqual({ line: 2, cells: ['Leicestershire', 'Voluntary sector'] })
  })

  it('skips rows of only delimiters, as spreadsheets write them', () => {
    const t = right(readCsvEither('a,b\n,\n1,2\n , \n'))
    expect(t.records).toEqual([{ line: 3, cells: ['1', '2'] }])
  })

  it('reads another delimiter', () => {
    expect(right(readCsvEither('a;b\n1;2\n', { delimiter: ';' })).records[0]!.cells).toEqual(['1', '2'])
  })

  it('reports every record with the wrong number of fields, by line', () => {
    const problems = left(readCsvEither('a,b,c\n1,2,3\n1,2\n1,2,3,4\n'))
    expect(problems.map((p) => [p.line, p.expected, p.found])).toEqual([
      [3, '3 fields, as in the header', '2'],
      [4, '3 fields, as in the header', '4'],
    ])
  })

  it('reports a quote that is never closed, with its line', () => {
    const problems = left(readCsvEither('a,b\n1,2\n3,"open\n'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'shape', expected: 'well-formed CSV' })
    expect(problems[0]!.found).toMatch(/Quote Not Closed/)
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3)
  })

  it('refuses an empty file, an empty column name and a repeated column name', () => {
    expect(left(readCsvEither(''))[0]).toMatchObject({ line: 1, expected: 'a header row' })
    const problems = left(readCsvEither('site,,Site\n1,2,3\n'))
    expect(problems.map((p) => [p.where, p.code])).toEqual([
      ['line 1, column 2', 'shape'],
      ['line 1, column 3 (Site)', 'duplicate'],
    ])
  })

  it('strips the formula guard only when asked', () => {
    const text = `unit\n"'=1+1"\n'tis\n`
    expect(right(readCsvEither(text)).records.map((r) => r.cells[0])).toEqual(["'=1+1", "'tis"])
    expect(right(readCsvEither(text, { stripFormulaGuard: true })).records.map((r) => r.cells[0])).toEqual([
      '=1+1',
      "'tis",
    ])
  })

  it('reports parse progress', () => {
    const calls: number[] = []
    right(readCsvEither('a\n' + '1\n'.repeat(25), { progressEvery: 10, onProgress: (n) => calls.push(n) }))
    // 26 records including the header: progress at 10 and 20.
    expect(calls).toEqual([10, 20])
  })

  describe('the one-line-per-record fast path and the general path agree', () => {
    // A file without any double quote or empty line is read in chunks with line = record + 1;
    // one quoted cell anywhere sends the whole file down the general (on_record) path.
    const cell = fc.stringMatching(/^[A-Za-z0-9 .=+@-]{0,8}$/)
    it('gives the same records and lines either way', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 }),
          fc.boolean(),
          fc.integer({ min: 1, max: 7 }),
          (rows, crlf, every) => {
            const eol = crlf ? '\r\n' : '\n'
            const text = ['a,b', ...rows.map(([x, y]) => `${x},${y}`)].join(eol) + eol
            const fast = parseCsv(text, { progressEvery: every })
            const general = parseCsv(text + '"q",r' + eol, { progressEvery: every })
            const blank = (r: readonly string[]) => r.every((c) => c.trim() === '')
            const expected = rows
              .map(([x, y], i) => ({ line: i + 2, cells: [x.trim(), y.trim()] }))
              .filter((r) => !blank(r.cells))
            expect(fast.table!.records).toEqual(expected)
            expect(general.table!.records.slice(0, -1)).toEqual(expected)
          },
        ),
        { numRuns: 200 },
      )
    })
    it('places field-count problems across chunk boundaries', () => {
      const { problems } = parseCsv('a,b\n1,2\n3,4\n5\n6,7\n8,9,10\n', { progressEvery: 2 })
      expect(problems.map((p) => p.line)).toEqual([4, 6])
    })
  })
})

describe('visitCsv: its own scanner gives what csv-parse gives', () => {
  type Seen = { cells: string[]; line: number }[]
  const fast = (text: string | Uint8Array, options = {}) => {
    let seen: Seen = []
    let readings = 0
    const r = visitCsv(text, options, () => {
      readings++
      seen = []
      return (cells, line) => void seen.push({ cells, line })
    })
    return { seen, readings, ...r }
  }
  const reference = (text: string | Uint8Array, options = {}) => {
    const seen: Seen = []
    const r = visitCsvWithCsvParse(text, options, (cells, line) => void seen.push({ cells, line }))
    return { seen, ...r }
  }
  // Pieces that make every case of RFC 4180 and of csv-parse's trimming: quotes, doubled quotes,
  // delimiters and line breaks inside and outside quotes, spaces and tabs around fields, empty lines.
  const piece = fc.constantFrom(
    'a',
    'b c',
    ' ',
    '\t',
    ',',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    'é',
    '"x,y"',
    '"p\nq"',
    '"say ""hi"""',
    ';',
    '\f',
  )
  const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''))

  it('on any text: the same records, lines and problems (the scanner hands what it cannot read to csv-parse)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, delimiter) => {
        const a = fast(t, { delimiter })
        const b = reference(t, { delimiter })
        expect(a.seen).toEqual(b.seen)
        expect(a.problems).toEqual(b.problems)
        expect(a.stopped).toBe(b.stopped)
      }),
      { numRuns: 3000 },
    )
  })

  it('visitCsvRecords: records with no quoted field handed as positions are the cells visitCsv gives', () => {
    // The records, lines and problems of visitCsv on any text; a plain record's positions, sliced, are its
    // cells (a quoted field without a doubled quote is a position inside its quotes).
    // Blank plain records are skipped as blank cells are: a field of only U+00A0 (what trim removes, the
    // scanner's own trimming does not) makes one.
    const withNbsp = fc.array(fc.oneof(piece, fc.constant('\u00a0')), { maxLength: 40 }).map((xs) => xs.join(''))
    fc.assert(
      fc.property(withNbsp, fc.constantFrom(',', ';'), (t, delimiter) => {
        type Record = { cells: string[]; line: number; quotedEmpty?: number[] }
        let expected: Record[] = []
        const a = visitCsv(t, { delimiter }, () => {
          expected = []
          return (cells, line, quotedEmpty) => void expected.push({ cells, line, quotedEmpty })
        })
        let seen: Record[] = []
        const b = visitCsvRecords(t, { delimiter }, () => {
          seen = []
          return {
            cells: (cells, line, quotedEmpty) => void seen.push({ cells, line, quotedEmpty }),
            plain: (text, starts, ends, count, line) => {
              const cells: string[] = []
              for (let k = 0; k < count; k++) cells.push(text.slice(starts[k], ends[k]))
              // Text as written: no quote character in any field of a plain record (a doubled one makes it cells).
              expect(cells.some((c) => c.includes('"'))).toBe(false)
              seen.push({ cells, line, quotedEmpty: undefined })
            },
          }
        })
        // The same records, lines and quoted empty fields ("" is handed as cells, where it is told from a blank).
        expect(seen).toEqual(expected)
        expect(b.problems).toEqual(a.problems)
        expect(b.stopped).toBe(a.stopped)
      }),
      { numRuns: 3000 },
    )
  })

  it('visitCsvRecords: hands every record as cells when the formula guard is stripped', () => {
    const plain: number[] = []
    const cells: string[][] = []
    visitCsvRecords("a,b\n'=1,x\n", { stripFormulaGuard: true }, () => ({
      cells: (c) => void cells.push(c),
      plain: (_t, _s, _e, _c, line) => void plain.push(line),
    }))
    // toCsv writes =1 as '=1; read back with the guard stripped it is =1 again.
    expect(plain).toEqual([])
    expect(cells).toEqual([
      ['a', 'b'],
      ['=1', 'x'],
    ])
  })

  it('reads well-formed files in one pass: quoted delimiters, doubled quotes, quoted line breaks, CRLF, BOM', () => {
    const cell = fc.constantFrom(
      'plain',
      ' padded ',
      '',
      '"x,y"',
      '"say ""hi"""',
      '"two\nlines"',
      '"two\r\nlines"',
      'é ü',
      '"  kept  "',
    )
    const file = fc.tuple(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    fc.assert(
      fc.property(file, ([rows, eol, bom]) => {
        const t = (bom ? '\uFEFF' : '') + rows.map((r) => r.join(',')).join(eol) + eol
        const bytes = new TextEncoder().encode(t)
        const a = fast(bytes)
        expect(a.readings).toBe(1)
        expect(a.seen).toEqual(reference(bytes).seen)
      }),
      { numRuns: 500 },
    )
  })

  it('reads a file of quoted fields in linear time (each field looks for line breaks in itself only)', () => {
    // 50,000 rows of five quoted fields, as spreadsheets export them (1.9 MB). Searching each field's
    // line breaks to the end of the file made this quadratic: about 10^11 characters read, minutes.
    // The last row is i = 49,999: site 49,999 mod 200 = 199, unit mod 25 = 24, criterion 1.(49,999 mod 9 = 4).
    const rows = Array.from({ length: 50_000 }, (_, i) => `"site ${i % 200}","unit ${i % 25}","r1","1.${i % 9}","met"`)
    const text = ['"site","unit","round","target","level"', ...rows].join('\n') + '\n'
    let last = { line: 0, cells: [] as string[] }
    const t0 = performance.now()
    const read = visitCsv(text, {}, () => (cells, line) => void (last = { line, cells }))
    expect(performance.now() - t0).toBeLessThan(5_000)
    expect(read.problems).toHaveLength(0)
    expect(last).toEqual({ line: 50_001, cells: ['site 199', 'unit 24', 'r1', '1.4', 'met'] })
  })

  it('hands a file with an unclosed quote to csv-parse, whose report places it; refuses bytes that are not UTF-8', () => {
    const broken = fast('a,b\n1,2\n"open,3\n4,5\n')
    expect(broken.readings).toBe(2)
    expect(broken.problems[0]).toMatchObject({ expected: 'well-formed CSV' })
    expect(broken.problems).toEqual(reference('a,b\n1,2\n"open,3\n4,5\n').problems)
    // Not UTF-8 (0xff never occurs in UTF-8, RFC 3629 §1): no reading at all, one problem at line 2, byte offset 4.
    const bytes = Uint8Array.of(0x61, 0x2c, 0x62, 0x0a, 0xff, 0x2c, 0x31, 0x0a)
    const notUtf8 = fast(bytes)
    expect(notUtf8.readings).toBe(0)
    expect(notUtf8.problems).toHaveLength(1)
    expect(notUtf8.problems[0]).toMatchObject({ line: 2 })
    expect(notUtf8.problems[0]!.found).toContain('bytes ff 2c 31 0a')
    expect(notUtf8.problems[0]!.expected).toContain('offset 4')
  })
})
