/**
 * CSV imports on bad files and bad arguments: bytes that are not UTF-8 are a
 * problem at their line and byte offset (or read in the `encoding` given),
 * problem lists are bounded like the decoder's, options and arguments are
 * checked like data, and values come back exactly (an empty text is not a
 * missing one, edge whitespace is kept).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { left, right } from '../support.js'
import { decodeEvaluation } from '../../../src/document/decode.js'
import { importObjectivesEither, importRatingsLongEither, importRatingsWideEither } from '../../../src/io/index.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { ratingRows } from '../../../src/io/export/document-rows.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { sampleDocument } from '../../support/arbitraries.js'

const base = (): Evaluation => {
  const d = sampleDocument()
  d.sites[0]!.units[1]!.name = 'Café'
  for (const u of d.sites[0]!.units) u.ratings = {}
  return right(decodeEvaluation(d))
}
const ev = base()
const ratingOf = (x: Evaluation, unit: string, target: string) =>
  (x.sites[0]!.units.find((u) => u.id === unit)!.ratings as Record<string, Record<string, unknown>>)['r1']?.[target]

// "Café" in ISO 8859-1 / Windows-1252: é is the single byte 0xE9, which is never valid alone in UTF-8 (RFC 3629).
const latin1 = Uint8Array.from([
  ...Buffer.from('site,unit,standard,level\nss,Caf', 'ascii'),
  0xe9,
  ...Buffer.from(',1.1,met\n', 'ascii'),
])

describe('encodings', () => {
  it('bytes that are not UTF-8 are one problem at their line and byte offset, not U+FFFD in the data', () => {
    const problems = left(importRatingsLongEither(ev, latin1))
    expect(problems).toHaveLength(1)
    // The header is 25 bytes (line 1), "ss,Caf" 6 more: é is byte 31, on line 2.
    expect(problems[0]).toMatchObject({ line: 2, code: 'value' })
    expect(problems[0]!.expected).toContain('offset 31')
    expect(problems[0]!.expected).toContain('encoding')
  })

  it('the encoding option reads a Windows-1252 or Latin-1 file as it was written', () => {
    for (const encoding of ['windows-1252', 'latin1'])
      expect(ratingOf(right(importRatingsLongEither(ev, latin1, { encoding })), 'crisis', '1.1')).toEqual({
        level: 'met',
      })
    // UTF-8 bytes of the same file import without the option.
    expect(
      ratingOf(
        right(importRatingsLongEither(ev, new TextEncoder().encode('site,unit,standard,level\nss,Café,1.1,met\n'))),
        'crisis',
        '1.1',
      ),
    ).toEqual({ level: 'met' })
  })

  it('an encoding TextDecoder does not know is a problem naming the option', () => {
    expect(left(importRatingsLongEither(ev, latin1, { encoding: 'klingon' }))[0]!.expected).toContain('encoding option')
  })
})

describe('bounded problem lists', () => {
  // 50,000 rows, each with an unknown unit and an unknown level: 100,000 problems if nothing bounded them.
  const bad = [
    'site,unit,standard,level',
    ...Array.from({ length: 50_000 }, (_, i) => `ss,nobody-${i},1.1,sort of`),
  ].join('\n')

  it('lists at most maxProblems (default 1,000), then one limit problem saying where checking stopped', () => {
    const problems = left(importRatingsLongEither(ev, bad))
    expect(problems).toHaveLength(1001)
    const last = problems[1000]!
    expect(last.code).toBe('limit')
    expect(last.expected).toBe('at most 1000 problems listed (the maxProblems option)')
    // Two problems per row: rows 2–501 fill the list; checking stops before line 502 with 49,500 records left.
    expect(last.found).toContain('checking stopped before line 502: 49,500 records not checked')
    expect(problems.slice(0, 1000).every((p) => p.code !== 'limit')).toBe(true)
  })

  it('maxProblems sets the bound', () => {
    const problems = left(
      importObjectivesEither(
        ev,
        ['site,unit,type,attained,total', ...Array.from({ length: 100 }, () => 'ss,acute,process,x,y')].join('\n'),
        { maxProblems: 5 },
      ),
    )
    expect(problems).toHaveLength(6)
    expect(problems[5]).toMatchObject({ code: 'limit' })
  })

  it('a broken file with many bad records is bounded too', () => {
    const broken = ['a,b', ...Array.from({ length: 5_000 }, () => '1,2,3')].join('\n')
    const problems = left(importRatingsWideEither(ev, broken, { maxProblems: 10 }))
    expect(problems.length).toBeLessThanOrEqual(11)
  })
})

describe('arguments and options are checked like data', () => {
  it.each([
    ['maxProblems NaN', { maxProblems: NaN }, 'importRatingsLong › options › maxProblems'],
    ['maxProblems "abc"', { maxProblems: 'abc' }, 'importRatingsLong › options › maxProblems'],
    ['progressEvery 0', { progressEvery: 0 }, 'importRatingsLong › options › progressEvery'],
    ['create "yes"', { create: 'yes' }, 'importRatingsLong › options › create'],
    ['delimiter ""', { delimiter: '' }, 'importRatingsLong › options › delimiter'],
    ['mapping a string', { mapping: 'site' }, 'importRatingsLong › options › mapping'],
    ['notes "drop"', { notes: 'drop' }, 'importRatingsLong › options › notes'],
  ])('%s is a problem naming the option', (_, options, where) => {
    const problems = left(importRatingsLongEither(ev, 'site,unit,standard,level\nss,acute,1.1,met\n', options as never))
    expect(problems.map((p) => p.where)).toContain(where)
  })

  it('a file that is not text or bytes, and a base that is not an evaluation, are problems, never a TypeError', () => {
    expect(left(importRatingsLongEither(ev, undefined as never))[0]!.where).toBe('importRatingsLong › csv')
    expect(left(importRatingsWideEither({} as never, 'a,b\n'))[0]!.where).toBe('importRatingsWide › ev')
    expect(E.isLeft(importObjectivesEither(ev, 'a,b\n', null as never))).toBe(true)
  })
})

describe('values come back exactly', () => {
  it('an empty rater is written "" and read back empty; a missing one stays missing; edge whitespace is kept', () => {
    const csv =
      'site,unit,standard,level,rater,note\nss,acute,1.1,met,"",\nss,acute,1.1.1,partly," JB ","  two spaces"\n'
    const got = right(importRatingsLongEither(ev, csv))
    expect(ratingOf(got, 'acute', '1.1')).toEqual({ level: 'met', rater: '' })
    expect(ratingOf(got, 'acute', '1.1.1')).toEqual({ level: 'partly', rater: ' JB ', note: '  two spaces' })
    // And the export writes them so: "" for the empty text, nothing for the missing note, quotes around edge spaces.
    expect(toCsv(ratingRows(got), { columns: ['target', 'rater', 'note'] })).toBe(
      'target,rater,note\n1.1,"",\n1.1.1," JB ","  two spaces"\n',
    )
  })

  it('evidence is read as excerpt ids, checked against the evaluation', () => {
    const got = right(
      importRatingsLongEither(ev, 'site,unit,standard,level,evidence\nss,acute,1.1,met,q1\nss,acute,2.4,na,[]\n'),
    )
    expect(ratingOf(got, 'acute', '1.1')).toEqual({ level: 'met', evidence: ['q1'] })
    expect(ratingOf(got, 'acute', '2.4')).toEqual({ level: 'na', evidence: [] })
    expect(
      left(importRatingsLongEither(ev, 'site,unit,standard,level,evidence\nss,acute,1.1,met,q9\n'))[0],
    ).toMatchObject({ line: 2, column: 5, code: 'reference' })
  })

  it('an impact\'s level and qualifier come back apart: a low impact qualified "high potential" stays low', () => {
    const csv = toCsv([
      {
        site: 'ss',
        unit: 'acute',
        type: null,
        attained: '-',
        total: '-',
        impact: 'low',
        impactQualifier: 'high potential',
      },
    ])
    // The export guards "-" as "'-" (a formula prefix); stripFormulaGuard reads it back.
    const got = right(importObjectivesEither(ev, csv, { stripFormulaGuard: true }))
    expect(got.sites[0]!.units[0]!.impact).toEqual({ level: 'low', qualifier: 'high potential' })
    // Without the qualifier column the Table 7 reading holds: the first word is the level, the cell the qualifier.
    const table7 = right(
      importObjectivesEither(
        ev,
        'site,unit,type,attained,total,impact\nss,acute,,-,-,None at time of MHIP; high potential\n',
      ),
    )
    expect(table7.sites[0]!.units[0]!.impact).toEqual({
      level: 'none',
      qualifier: 'None at time of MHIP; high potential',
    })
  })
})
