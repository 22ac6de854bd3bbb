import { describe, expect, it } from 'vitest'
import { right } from '../support.js'
import { mhipEvaluation } from '../../../src/data/mhip/index.js'
import { objectiveCellRows, ratingRows } from '../../../src/io/export/document-rows.js'
import { toCsv } from '../../../src/io/csv/write.js'
import { importObjectivesEither, importRatingsLong, importRatingsLongEither } from '../../../src/io/index.js'
import type { Evaluation } from '../../../src/model/evaluation.js'

const RATED = `site,unit,standard,level,rater,date,note
SSHT,Acute care,1.1,met,=cmd|' /C calc'!A0,2007-03-01,-2+3
SSHT,Acute care,2.4.1,partly,@SUM(1),,+1
Leics,Voluntary sector,4.1,na,,,plain note
`

describe('ratingRows', () => {
  it('exports ratings in the long layout, which imports back to the same ratings', () => {
    const ev = importRatingsLong(mhipEvaluation, RATED)
    const rows = ratingRows(ev)
    expect(rows).toEqual([
      {
        site: 'south-staffordshire',
        unit: 'acute-care',
        round: 'mhip-2008',
        target: '1.1',
        level: 'met',
        rater: "=cmd|' /C calc'!A0",
        date: '2007-03-01',
        note: '-2+3',
        instrument: 'emhip',
        by: null,
        evidence: null,
        extensions: null,
      },
      {
        site: 'south-staffordshire',
        unit: 'acute-care',
        round: 'mhip-2008',
        target: '2.4.1',
        level: 'partly',
        rater: '@SUM(1)',
        date: null,
        note: '+1',
        instrument: 'emhip',
        by: null,
        evidence: null,
        extensions: null,
      },
      {
        site: 'leicestershire',
        unit: 'voluntary-sector',
        round: 'mhip-2008',
        target: '4.1',
        level: 'na',
        rater: null,
        date: null,
        note: 'plain note',
        instrument: 'emhip',
        by: null,
        evidence: null,
        extensions: null,
      },
    ])
    const csv = toCsv(rows)
    // Formula-like cells are guarded in the file…
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`)
    expect(csv).toContain(`"'-2+3"`)
    // …and come back exactly when the import strips the guard,
    expect(ratingRows(right(importRatingsLongEither(mhipEvaluation, csv, { stripFormulaGuard: true })))).toEqual(rows)
    // but keep their quote when it does not (the default: a value may really start with ').
    const kept = ratingRows(right(importRatingsLongEither(mhipEvaluation, csv)))
    expect(kept[0]!.rater).toBe(`'=cmd|' /C calc'!A0`)
    expect(kept[2]).toEqual(rows[2])
  })
})

describe('objectiveCellRows', () => {
  it('exports Table 7 cells and impacts in the import layout; importing them rebuilds the dataset', () => {
    const bare: Evaluation = {
      ...mhipEvaluation,
      sites: mhipEvaluation.sites.map((s) => ({
        ...s,
        units: s.units.map(({ impact: _i, ...u }) => ({ ...u, objectiveCells: [] })),
      })),
    }
    const rows = objectiveCellRows(mhipEvaluation)
    // Table 7, acute care × outcome: "?/2", attribution Low, impact NA (E-MHIP report, Table 7).
    expect(rows[1]).toMatchObject({
      site: 'south-staffordshire',
      unit: 'acute-care',
      type: 'outcome',
      attained: '?',
      total: 2,
      attribution: 'low',
      impact: 'na',
      impactQualifier: null,
    })
    const back = right(importObjectivesEither(bare, toCsv(rows)))
    // Everything comes back, source references and impact qualifiers included.
    const cells = (ev: Evaluation) =>
      ev.sites.map((s) => s.units.map((u) => ({ cells: u.objectiveCells, impact: u.impact })))
    expect(cells(back)).toEqual(cells(mhipEvaluation))
  })
})
