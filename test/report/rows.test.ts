import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { attainment } from '../../src/standards/attainment.js'
import { attainmentTable } from '../../src/report/attainment-table.js'
import { attainmentHeatmapData } from '../../src/report/charts/heatmap-data.js'
import { flattenRow, toRows } from '../../src/report/rows.js'
import { objectiveAttainment } from '../../src/objectives/attainment.js'
import { small } from './fixture.js'

describe('toRows', () => {
  it('turns an attainment result into the standards module’s tidy rows', () => {
    const rows = toRows(attainment(small))
    // All rounds × all sites, standard 1.1, attained: 2 of 3 (see attainment-table.test.ts).
    const r = rows.find((x) => x['round'] === null && x['site'] === null && x['standard'] === '1.1' && x['level'] === 'attained')!
    expect([r['k'], r['n']]).toEqual([2, 3])
    expect(r['pct']).toBeCloseTo(66.67, 2)
    expect(rows.every((x) => Object.values(x).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))).toBe(true)
  })

  it('turns an evaluation into its ratings in the long import layout', () => {
    const rows = toRows(small)
    expect(rows).toHaveLength(8)
    expect(rows[0]).toEqual({ site: 'south-staffordshire', unit: 'acute-care', round: 'mhip-2008', target: '1.1', level: 'met', rater: null, date: null, note: null })
    expect(toRows(mhipEvaluation)).toEqual([])
  })

  it('turns a report table into rows keyed by header, values as shown', () => {
    const rows = toRows(attainmentTable(attainment(small), small))
    expect(rows[0]).toMatchObject({ Standard: '1.1', Met: '67% (2)', n: '3', '% attained': '67%', '95% CI': '21–94%' })
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
    expect(flattenRow({ k: 3, interval: { lo: 0.07, hi: 0.45 }, ids: ['a'], f: () => 1 })).toEqual({ k: 3, 'interval.lo': 0.07, 'interval.hi': 0.45, ids: '["a"]' })
  })
})
