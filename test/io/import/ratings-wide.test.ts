import { describe, expect, it } from 'vitest'
import { right, left } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { importRatingsWideEither } from '../../../src/io/import/ratings.js'
import type { Evaluation } from '../../../src/model/evaluation.js'

const ratingsOf = (ev: Evaluation, site: string, unit: string, round = 'mhip-2008') => ({
  ...(
    ev.sites.find((s) => s.id === site)!.units.find((u) => u.id === unit)!.ratings as Record<
      string,
      Record<string, unknown>
    >
  )[round],
})

describe('importRatingsWideEither', () => {
  it('reads one column per standard, headers as ids or wordings, messy levels', () => {
    const csv = [
      'Site,Workstream,1.1,Standard 2.4,The existing organisational structure is supportive of change,3.2.2',
      'SSHT,Acute care,Met,partly met,N/A,',
      'Leics,Voluntary sector,PM,Partly-met,NOT MET,m',
    ].join('\n')
    const ev = right(importRatingsWideEither(mhipEvaluation, csv))
    // By hand: column 4 is standard 1.2 by its Table 5 wording; blank cells are unrated.
    expect(ratingsOf(ev, 'south-staffordshire', 'acute-care')).toEqual({
      '1.1': { level: 'met' },
      '2.4': { level: 'partly' },
      '1.2': { level: 'na' },
    })
    expect(ratingsOf(ev, 'leicestershire', 'voluntary-sector')).toEqual({
      '1.1': { level: 'partly' },
      '2.4': { level: 'partly' },
      '1.2': { level: 'not-met' },
      '3.2.2': { level: 'met' },
    })
  })

  it('carries the row rater and round to every rating of the row, and honours ignore', () => {
    const csv = 'site,unit,rater,round,comments about it,2.4,4.1\nSSHT,Acute care,R1,mhip-2008,ignore me,met,not met\n'
    const ev = right(importRatingsWideEither(mhipEvaluation, csv, { ignore: ['comments about it'] }))
    expect(ratingsOf(ev, 'south-staffordshire', 'acute-care')).toEqual({
      '2.4': { level: 'met', rater: 'R1' },
      '4.1': { level: 'not-met', rater: 'R1' },
    })
  })

  it('rates only the listed target columns', () => {
    const ev = right(
      importRatingsWideEither(mhipEvaluation, 'site,unit,2.4,4.1,notes on x\nSSHT,Acute care,met,met,free text\n', {
        targets: ['4.1'],
        ignore: ['2.4'],
      }),
    )
    expect(ratingsOf(ev, 'south-staffordshire', 'acute-care')).toEqual({ '4.1': { level: 'met' } })
  })

  it('reports an unknown header at line 1 and its column, and a repeated standard', () => {
    const problems = left(
      importRatingsWideEither(mhipEvaluation, 'site,unit,2.4,Standard 2.4,bogus\nSSHT,Acute care,met,met,met\n'),
    )
    expect(problems.map((p) => [p.line, p.column, p.columnName, p.code])).toEqual([
      [1, 4, 'Standard 2.4', 'duplicate'],
      [1, 5, 'bogus', 'reference'],
    ])
  })

  it('reports every bad level at its own line and column, and changes nothing', () => {
    const csv = [
      'site,unit,1.1,1.2,2.1', // 1
      'SSHT,Acute care,met,maybe,', // 2: column 4
      'Leics,Voluntary sector,,,sort of', // 3: column 5
      'Leics,Nowhere,met,,', // 4: unknown unit, column 2
      'Leics,Voluntary sector,met,,', // 5: good
      'SSHT,Acute care,,met,', // 6: 1.2 again for acute care (line 2 had a bad level, so only line 6 rates it) → fine
    ].join('\n')
    const before = JSON.stringify(mhipEvaluation)
    const problems = left(importRatingsWideEither(mhipEvaluation, csv))
    expect(problems.map((p) => [p.line, p.column, p.columnName, p.code, p.found])).toEqual([
      [2, 4, '1.2', 'value', '"maybe"'],
      [3, 5, '2.1', 'value', '"sort of"'],
      [4, 2, 'unit', 'reference', '"Nowhere"'],
    ])
    expect(JSON.stringify(mhipEvaluation)).toBe(before)
  })

  it('refuses the same unit and round on two rows rating the same standard', () => {
    const problems = left(
      importRatingsWideEither(mhipEvaluation, 'site,unit,2.4\nSSHT,Acute care,met\nSouth Staffs,ACUTE CARE,PM\n'),
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 3, column: 3, columnName: '2.4', code: 'duplicate' })
    expect(problems[0]!.expected).toContain('already rated on line 2')
  })

  it('wants at least one standard column', () => {
    expect(left(importRatingsWideEither(mhipEvaluation, 'site,unit\nSSHT,Acute care\n'))[0]).toMatchObject({
      line: 1,
      expected: 'at least one standard or criterion column',
    })
  })
})
