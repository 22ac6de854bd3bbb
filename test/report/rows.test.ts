import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { attainment } from '../../src/standards/attainment.js'
import { attainmentTable } from '../../src/report/attainment-table.js'
import { attainmentHeatmapData } from '../../src/report/charts/heatmap-data.js'
import { columnNames, flattenRow, toRows } from '../../src/report/rows.js'
import { objectivesTable } from '../../src/report/objectives-table.js'
import { ratingRows } from '../../src/io/export/document-rows.js'
import { objectiveAttainment } from '../../src/objectives/attainment.js'
import { small } from './fixture.js'

describe('toRows', () => {
  it('turns an attainment result into the standards module’s tidy rows', () => {
    const rows = toRows(attainment(small))
    // All rounds × all sites, standard 1.1, attained: 2 of 3 (see attainment-table.test.ts).
    const r = rows.find(
      (x) => x['round'] === null && x['site'] === null && x['standard'] === '1.1' && x['level'] === 'attained',
    )!
    expect([r['k'], r['n']]).toEqual([2, 3])
    expect(r['p']).toBeCloseTo(2 / 3, 10)
    expect(
      rows.every((x) =>
        Object.values(x).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)),
      ),
    ).toBe(true)
  })

  it('turns an evaluation into its ratings in the long import layout', () => {
    const rows = toRows(small)
    expect(rows).toHaveLength(8)
    // The long layout is io's ratingRows (which importRatingsLong reads back); its columns are io's to set.
    expect(rows).toEqual(ratingRows(small))
    expect(rows[0]).toMatchObject({
      site: 'south-staffordshire',
      unit: 'acute-care',
      round: 'mhip-2008',
      target: '1.1',
      level: 'met',
    })
    expect(toRows(mhipEvaluation)).toEqual([])
  })

  it('turns a report table into rows keyed by header, values as shown', () => {
    const rows = toRows(attainmentTable(attainment(small), small))
    expect(rows[0]).toMatchObject({ Standard: '1.1', Met: '67% (2)', n: '3', '% attained': '67%', '95% CI': '21–94%' })
  })

  it('keeps every column of a table whose headers repeat (the objectives table: one attribution per type)', () => {
    // E-MHIP Table 7, South Staffordshire, Acute care: analysis & planning -, process changes 0/1 attributed NA,
    // outcome changes ?/2 attributed Low (the objectives table's own Markdown example prints the same row).
    const rows = toRows(objectivesTable(mhipEvaluation, { unknown: 'not-attained' }))
    const row = rows.find((r) => r['Site'] === 'South Staffordshire' && r['Unit'] === 'Acute care')!
    expect(row).toEqual({
      Site: 'South Staffordshire',
      Unit: 'Acute care',
      'Analysis & planning': '-',
      'Analysis & planning: due to programme?': '',
      'Process changes': '0/1',
      'Process changes: due to programme?': 'NA',
      'Outcome changes': '?/2',
      'Outcome changes: due to programme?': 'Low',
      Impact: 'NA',
    })
    // Every row has every column (3 types × 2 + site, unit, impact).
    for (const r of rows) expect(Object.keys(r)).toHaveLength(9)
  })

  it('names repeated headers apart by their column keys', () => {
    const table = {
      rows: [{ a: 1, b: 2 }],
      columns: [
        { key: 'a' as const, header: 'x' },
        { key: 'b' as const, header: 'x' },
      ],
    }
    expect(toRows(table)).toEqual([{ 'x (a)': '1', 'x (b)': '2' }])
    expect(columnNames([{ key: 'a', header: 'x' }, { key: 'b', header: 'x' }, { key: 'c' }])).toEqual([
      'x (a)',
      'x (b)',
      'c',
    ])
  })

  it('passes arrays of rows through, flattening nested values', () => {
    const rows = toRows(objectiveAttainment(mhipEvaluation, { unknown: 'not-attained' }))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ attained: 37, total: 84, low: 37, high: 37 })
  })

  it('gives heatmap cells', () => {
    expect(toRows(attainmentHeatmapData(attainment(small), small))).toHaveLength(60)
  })

  it('handles degenerate input', () => {
    expect([toRows(null), toRows(undefined), toRows(3)]).toEqual([[], [], [{ value: 3 }]])
    expect(flattenRow({ k: 3, interval: { lo: 0.07, hi: 0.45 }, ids: ['a'], f: () => 1 })).toEqual({
      k: 3,
      'interval.lo': 0.07,
      'interval.hi': 0.45,
      ids: '["a"]',
    })
  })
})
