import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { right, left } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { importObjectivesEither, readAttributionEither, readImpactEither } from '../../../src/io/import/objectives.js'
import type { Evaluation } from '../../../src/model/evaluation.js'

/** The MHIP sites and units without any objective cells or impacts. */
const bare: Evaluation = {
  ...mhipEvaluation,
  sites: mhipEvaluation.sites.map((s) => ({
    ...s,
    units: s.units.map(({ impact: _impact, ...u }) => ({ ...u, objectiveCells: [] })),
  })),
}

// E-MHIP Table 7 (reference L1883-L1906, transcribed in DOMAIN.md §3), typed in
// by hand as an evaluator would, one row per workstream × type, "-" where the
// workstream had no objectives of a type, labels as printed.
const TABLE7 = `Site,Workstream,Type,Attained,Total,Due to MHIP?,Impact
South Staffordshire,Acute care,Process changes,0,1,NA,NA
South Staffordshire,Acute care,Outcome changes,?,2,Low,NA
South Staffordshire,Transparent commissioning,Process changes,0,7,NA,None
South Staffordshire,Values-based workforce,Process changes,1,2,Medium,Low
South Staffordshire,Values-based workforce,Outcome changes,1,1,No,Low
South Staffordshire,Advocacy to exercise choice,Process changes,1,2,Medium,Low
South Staffordshire,Advocacy to exercise choice,Outcome changes,1,2,Medium,Low
South Staffordshire,Access to information,Analysis & planning,1,2,High,Low
South Staffordshire,Access to information,Process changes,2,3,Low,Low
Leicestershire,Adult community mental health services,Analysis and planning,1,3,High,None
Leicestershire,Adult community mental health services,Outcome,0,1,NA,None
Leicestershire,Psychodynamic psychotherapy services,analysis-planning,1,2,High,Low
Leicestershire,Psychodynamic psychotherapy services,process,2,3,High,Low
Leicestershire,Psychodynamic psychotherapy services,outcome,1,1,High,Low
Leicestershire,Voluntary sector,Analysis & planning,1,3,High,Low
Leicestershire,Voluntary sector,Process changes,1,1,Medium,Low
Leicestershire,Services for black and minority ethnic communities,Analysis & planning,1,2,Low,None
Leicestershire,Services for black and minority ethnic communities,Process changes,0,1,NA,None
Leicestershire,Services for black and minority ethnic communities,Outcome changes,0,1,NA,None
Leicestershire,Older persons' services,Analysis & planning,1,1,High,Low
Leicestershire,Older persons' services,Process changes,0,1,NA,Low
Leicestershire,Older persons' services,Outcome changes,0,2,NA,Low
South West Yorkshire,Service development,Process changes,0,9,Low,Low
South West London,Access,Analysis & planning,11,17,Medium,Medium
South West London,Supporting clinical teams to optimise their capacity,Analysis & planning,1,2,,Medium
South West London,Supporting clinical teams to optimise their capacity,Process changes,1,1,Low,Medium
South West London,Supporting clinical teams to optimise their capacity,Outcome changes,1,1,Low,Medium
South West London,Social care integration (Sutton adult services),Analysis & planning,4,5,,None
South West London,Supporting strategic service development,Analysis & planning,3,5,Low,None at time of MHIP; high potential
`

const cellsOf = (ev: Evaluation) =>
  ev.sites.flatMap((s) =>
    s.units.map((u) => ({
      unit: u.id,
      cells: [...u.objectiveCells].map(({ ref: _ref, ...c }) => c).sort((a, b) => a.type.localeCompare(b.type)),
      impact: u.impact === undefined ? undefined : { level: u.impact.level, qualifier: u.impact.qualifier },
    })),
  )

describe('importObjectivesEither', () => {
  it('imports Table 7 typed by hand to the same cells as the embedded dataset', () => {
    const ev = right(importObjectivesEither(bare, TABLE7))
    expect(cellsOf(ev)).toEqual(cellsOf(mhipEvaluation))
  })

  it('keeps ? as an unknown attained count and blank attribution apart from NA', () => {
    const ev = right(importObjectivesEither(bare, TABLE7))
    const acute = ev.sites[0]!.units[0]!
    expect(acute.objectiveCells.find((c) => c.type === 'outcome')).toEqual({
      type: 'outcome',
      attained: null,
      total: 2,
      attribution: 'low',
    })
    expect(acute.objectiveCells.find((c) => c.type === 'process')).toEqual({
      type: 'process',
      attained: 0,
      total: 1,
      attribution: 'na',
    })
    const teams = ev.sites[3]!.units[1]!
    expect(teams.objectiveCells.find((c) => c.type === 'analysis-planning')).toEqual({
      type: 'analysis-planning',
      attained: 1,
      total: 2,
    })
  })

  it('accepts the dashes of a Table 7 style row: no cell, impact kept', () => {
    const ev = right(
      importObjectivesEither(
        bare,
        'site,unit,type,attained,total,attribution,impact\nSouth West London,Access,process,-,-,,Medium\n',
      ),
    )
    const access = ev.sites[3]!.units[0]!
    expect(access.objectiveCells).toEqual([])
    expect(access.impact).toEqual({ level: 'medium' })
  })

  it('reports every kind of row error with its line and column, and changes nothing', () => {
    const csv = [
      'site,unit,type,attained,total,attribution,impact', // 1
      'SSHT,Acute care,outcome,3,2,Low,NA', // 2: attained > total
      'SSHT,Acute care,process,-1,2,,NA', // 3: negative count
      'SSHT,Acute care,vision,1,2,,NA', // 4: unknown type
      'SSHT,Acute care,Analysis & planning,1,2,Sometimes,NA', // 5: attribution outside the scale
      'SSHT,Transparent commissioning,process,0,7,NA,None', // 6: good
      'South Staffs,transparent commissioning,Process changes,1,7,NA,None', // 7: same unit × type as line 6
      'SSHT,Values-based workforce,process,1.5,2,,Low', // 8: not a whole number
      'SSHT,Values-based workforce,outcome,0,0,,Low', // 9: total 0
      'SSHT,Values-based workforce,analysis-planning,1,2,,High', // 10: another impact for the unit (Low on line 8)
      'SSHT,Advocacy to exercise choice,outcome,1,2,,Huge', // 11: impact outside the scale
      'Kent,Advocacy,outcome,1,2,,Low', // 12: unknown site
      'SSHT,Access to information,,1,2,,Low', // 13: counts without a type
    ].join('\n')
    const before = JSON.stringify(mhipEvaluation)
    const problems = left(importObjectivesEither(mhipEvaluation, csv))
    expect(problems.map((p) => [p.line, p.columnName, p.code])).toEqual([
      [2, 'attained', 'consistency'],
      [3, 'attained', 'value'],
      [4, 'type', 'reference'],
      [5, 'attribution', 'value'],
      [7, 'type', 'duplicate'],
      [8, 'attained', 'value'],
      [9, 'total', 'value'],
      [10, 'impact', 'consistency'],
      [11, 'impact', 'value'],
      [12, 'site', 'reference'],
      [13, 'type', 'shape'],
    ])
    expect(problems[0]!.expected).toBe('attained ≤ total (2)')
    expect(problems[4]!.expected).toContain('already on line 6')
    expect(problems[7]!.expected).toContain('line 8')
    expect(problems.every((p) => p.column !== undefined)).toBe(true)
    expect(JSON.stringify(mhipEvaluation)).toBe(before)
  })
})

describe('readAttribution and readImpact', () => {
  it('read the ordinal scales, blank and NA', () => {
    expect([readAttributionEither('HIGH'), readAttributionEither(''), readAttributionEither('n/a')]).toEqual([
      E.right('high'),
      E.right(undefined),
      E.right('na'),
    ])
    expect(readImpactEither('None at time of MHIP; high potential')).toEqual(
      E.right({ level: 'none', qualifier: 'None at time of MHIP; high potential' }),
    )
    expect(readImpactEither('Not applicable')).toEqual(E.right({ level: 'na' }))
    expect(E.isLeft(readImpactEither('Huge'))).toBe(true)
  })
})
