import { describe, expect, it } from 'vitest'
import { right, left } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { importRatingsLongEither, importRatingsLong } from '../../../src/io/import/ratings.js'
import type { Evaluation } from '../../../src/model/evaluation.js'
import { RealistError } from '../../../src/model/problem.js'

const ratingsOf = (ev: Evaluation, site: string, unit: string, round = 'mhip-2008') => ({
  ...(
    ev.sites.find((s) => s.id === site)!.units.find((u) => u.id === unit)!.ratings as Record<
      string,
      Record<string, unknown>
    >
  )[round],
})

// Messy labels as they come out of real spreadsheets: site aliases, unit names
// in another case with stray spaces, targets as ids, "Standard 2.4", criterion
// ids and Table 5 wordings, and levels spelled every which way.
const MESSY = [
  'Site,Workstream,Standard,Rating,Rater,Date',
  'SSHT,Acute care,1.1,Met,A. Rater,2007-03-01',
  'South Staffs,acute CARE,Standard 2.4,partly met,,',
  'South Staffordshire, Acute care ,3.2.2,Partly-met,,',
  'Leics,Voluntary sector,The organisation is ready for change,PM,,',
  'Leicestershire,Voluntary Sector,2.4,NOT MET,,',
  'Leicestershire,voluntary sector,1.2,n/a,,',
  'Leicestershire,Voluntary sector,2.1,,,',
  'Leicestershire,BME,"all resource and budget implications of the desired change have been considered (beforehand)",nm,,',
].join('\n')

describe('importRatingsLongEither', () => {
  it('reads messy site, unit, target and level labels with the framework data', () => {
    const ev = right(importRatingsLongEither(mhipEvaluation, MESSY))
    // Expected by hand from the rows above and the E-MHIP scale: Met → met; partly met,
    // Partly-met, PM → partly; NOT MET, nm → not-met; n/a → the na marker; blank → unrated.
    expect(ratingsOf(ev, 'south-staffordshire', 'acute-care')).toEqual({
      '1.1': { level: 'met', rater: 'A. Rater', date: '2007-03-01' },
      '2.4': { level: 'partly' },
      '3.2.2': { level: 'partly' },
    })
    expect(ratingsOf(ev, 'leicestershire', 'voluntary-sector')).toEqual({
      '1.1': { level: 'partly' },
      '2.4': { level: 'not-met' },
      '1.2': { level: 'na' },
    })
    expect(ratingsOf(ev, 'leicestershire', 'services-for-bme-communities')).toEqual({ '2.4': { level: 'not-met' } })
  })

  it('does not mutate the base and shares untouched parts', () => {
    const before = JSON.stringify(mhipEvaluation)
    const ev = right(importRatingsLongEither(mhipEvaluation, MESSY))
    expect(JSON.stringify(mhipEvaluation)).toBe(before)
    expect(ev).not.toBe(mhipEvaluation)
    expect(ev.framework).toEqual(mhipEvaluation.framework)
  })

  it('uses a column mapping for unusual headers', () => {
    const csv = 'Trust,Team,Std,Score,Wave\nSSHT,Acute care,2.4,M,mhip-2008\n'
    const ev = right(
      importRatingsLongEither(mhipEvaluation, csv, {
        mapping: { site: 'Trust', unit: 'Team', target: 'Std', level: 'Score', round: 'Wave' },
      }),
    )
    expect(ratingsOf(ev, 'south-staffordshire', 'acute-care')).toEqual({ '2.4': { level: 'met' } })
  })

  it('takes the unit alone when its name is unique', () => {
    const ev = right(
      importRatingsLongEither(mhipEvaluation, 'unit,standard,level\nOlder persons services,4.1,not met\n'),
    )
    expect(ratingsOf(ev, 'leicestershire', 'older-persons-services')).toEqual({ '4.1': { level: 'not-met' } })
  })

  it('creates sites, units and rounds only when asked', () => {
    const csv =
      'site,unit,round,standard,level\nKent,Crisis team,baseline,2.4,met\nKent,Crisis team,follow-up,2.4,partly\n'
    const refused = left(importRatingsLongEither(mhipEvaluation, csv))
    expect(refused.map((p) => p.where)).toEqual([
      'line 2, column 1 (site)',
      'line 2, column 3 (round)',
      'line 3, column 1 (site)',
      'line 3, column 3 (round)',
    ])
    const ev = right(importRatingsLongEither(mhipEvaluation, csv, { create: true }))
    expect(ev.rounds.map((r) => r.id)).toEqual(['mhip-2008', 'baseline', 'follow-up'])
    const kent = ev.sites.find((s) => s.id === 'kent')!
    expect(kent.units.map((u) => [u.id, u.name])).toEqual([['crisis-team', 'Crisis team']])
    expect(ratingsOf(ev, 'kent', 'crisis-team', 'follow-up')).toEqual({ '2.4': { level: 'partly' } })
  })

  it('creates no default round when the file has a round column', () => {
    // A base with no rounds: the round column names every round, so no `baseline` appears beside them.
    const base: Evaluation = { ...mhipEvaluation, rounds: [] }
    const csv = 'site,unit,round,standard,level\nSSHT,Acute care,2007,2.4,met\nSSHT,Acute care,2008,2.4,partly\n'
    const ev = right(importRatingsLongEither(base, csv, { create: true }))
    expect(ev.rounds.map((r) => r.id)).toEqual(['2007', '2008'])
    // Without a round column the default round is still created.
    const one = right(
      importRatingsLongEither(base, 'site,unit,standard,level\nSSHT,Acute care,2.4,met\n', { create: true }),
    )
    expect(one.rounds.map((r) => r.id)).toEqual(['baseline'])
  })

  it('replaces a rating already in the base', () => {
    const once = right(importRatingsLongEither(mhipEvaluation, 'site,unit,standard,level\nSSHT,Acute care,2.4,met\n'))
    const twice = right(importRatingsLongEither(once, 'site,unit,standard,level\nSSHT,Acute care,2.4,not met\n'))
    expect(ratingsOf(twice, 'south-staffordshire', 'acute-care')).toEqual({ '2.4': { level: 'not-met' } })
    expect(ratingsOf(once, 'south-staffordshire', 'acute-care')).toEqual({ '2.4': { level: 'met' } })
  })

  it('gives null-prototype rating records, as decoded documents have', () => {
    const ev = right(importRatingsLongEither(mhipEvaluation, 'site,unit,standard,level\nSSHT,Acute care,2.4,met\n'))
    const ratings = ev.sites[0]!.units[0]!.ratings
    expect(Object.getPrototypeOf(ratings)).toBe(null)
  })

  describe('row errors: every one, with its line and column, and nothing changed', () => {
    // One file with every kind of row error. Line numbers are the file's lines (header = 1).
    const BAD = [
      'site,unit,standard,level,round,date', // 1
      'SSHT,Acute care,2.4,met,mhip-2008,2007-01-01', // 2: good
      'Kent,Acute care,2.4,met,,', // 3: unknown site
      'SSHT,Nowhere,2.4,met,,', // 4: unknown unit in a known site
      'SSHT,Acute care,9.9,met,,', // 5: unknown standard
      'SSHT,Acute care,1.1,sort of,,', // 6: unknown level
      'SSHT,Acute care,1.2,met,round 7,', // 7: unknown round
      'SSHT,Acute care,2.1,met,,01/02/2007', // 8: not an ISO date
      'South Staffs,acute care,2.4,PM,,', // 9: 2.4 again for the same unit and round as line 2
      'SSHT,Acute care,2.2', // 10: too few fields
    ].join('\n')

    it('reports each problem at its cell', () => {
      const cells = left(importRatingsLongEither(mhipEvaluation, BAD))
      // In file order; the short line 10 is reported with the others.
      expect(cells.map((p) => [p.line, p.column, p.columnName, p.code])).toEqual([
        [3, 1, 'site', 'reference'],
        [4, 2, 'unit', 'reference'],
        [5, 3, 'standard', 'reference'],
        [6, 4, 'level', 'value'],
        [7, 5, 'round', 'reference'],
        [8, 6, 'date', 'value'],
        [9, 3, 'standard', 'duplicate'],
        [10, undefined, undefined, 'shape'],
      ])
      expect(cells[7]!.expected).toBe('6 fields, as in the header')
      expect(cells[6]!.expected).toContain('already rated on line 2')
      expect(cells[0]!.where).toBe('line 3, column 1 (site)')
      expect(cells[3]!.found).toBe('"sort of"')
    })

    it('names missing columns on the header line', () => {
      const problems = left(importRatingsLongEither(mhipEvaluation, 'site,unit,rating\nSSHT,Acute care,met\n'))
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({ line: 1, code: 'reference' })
      expect(problems[0]!.expected).toContain('field target')
      const mapped = left(
        importRatingsLongEither(mhipEvaluation, 'site,unit,std,level\n', {
          mapping: { target: 'Standard', levle: 'x' },
        }),
      )
      expect(mapped.map((p) => p.found)).toEqual(['"levle"', '"Standard"'])
    })

    it('wants a round when the base has several and the file has none', () => {
      const two: Evaluation = {
        ...mhipEvaluation,
        rounds: [...mhipEvaluation.rounds, { id: 'r2' as never, label: 'Follow-up' }],
      }
      const problems = left(importRatingsLongEither(two, 'site,unit,standard,level\nSSHT,Acute care,2.4,met\n'))
      expect(problems[0]).toMatchObject({ line: 1, code: 'reference' })
      expect(problems[0]!.expected).toContain('round column or the round option')
      const ev = right(
        importRatingsLongEither(two, 'site,unit,standard,level\nSSHT,Acute care,2.4,met\n', { round: 'Follow-up' }),
      )
      expect(ratingsOf(ev, 'south-staffordshire', 'acute-care', 'r2')).toEqual({ '2.4': { level: 'met' } })
    })

    it('refuses an ambiguous unit name without a site', () => {
      const ev = right(
        importRatingsLongEither(mhipEvaluation, 'site,unit,standard,level\nLeics,Access,2.4,met\n', { create: true }),
      )
      const problems = left(importRatingsLongEither(ev, 'unit,standard,level\nAccess,2.4,met\n'))
      expect(problems[0]).toMatchObject({ line: 2, column: 1, code: 'duplicate' })
      expect(problems[0]!.expected).toContain('south-west-london › access')
    })

    it('throws a RealistError with the same problems from the throwing form', () => {
      expect(() => importRatingsLong(mhipEvaluation, 'site,unit,standard,level\nSSHT,Acute care,9.9,met\n')).toThrow(
        RealistError,
      )
      expect(() => importRatingsLong(mhipEvaluation, 'site,unit,standard,level\nSSHT,Acute care,9.9,met\n')).toThrow(
        /importRatingsLong: 1 problem\n {2}- line 2, column 3 \(standard\): expected a standard or criterion/,
      )
    })
  })

  it('reports progress in both phases', () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) => `SSHT,Acute care,${['1.1', '1.2', '2.1', '2.2', '2.3'][i % 5]},met,r${Math.floor(i / 5)}`,
    )
    const seen: string[] = []
    right(
      importRatingsLongEither(mhipEvaluation, ['site,unit,standard,level,round', ...rows].join('\n'), {
        create: true,
        progressEvery: 10,
        onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total ?? '?'}`),
      }),
    )
    // 26 records read (with the header), each row resolved as it is read: parse at records 10 and 20,
    // rows at 10 and 20 (their count known only at the end), and the end (25 of 25).
    expect(seen).toEqual(['parse:10/?', 'rows:10/?', 'parse:20/?', 'rows:20/?', 'rows:25/25'])
  })
})
