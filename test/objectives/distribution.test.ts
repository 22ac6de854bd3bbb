import { describe, expect, it } from 'vitest'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'
import { attributionDistribution, impactDistribution } from '../../src/objectives/index.js'

describe('impactDistribution', () => {
  const all = impactDistribution(ev)
  const units = (impact: string) => all.find((r) => r.impact === impact)!.units

  it('two workstreams had a medium impact (L1912)', () => expect(units('medium')).toBe(2))
  it('the remainder had low or no impact (L1912), apart from one NA (Acute care, L1887)', () => {
    // Impact column of Table 7, L1887-L1904: None ×5, Low ×7, Medium ×2, NA ×1.
    expect([units('none'), units('low'), units('high'), units('na'), units('not-recorded')]).toEqual([5, 7, 0, 1, 0])
    expect(all.every((r) => r.of === 15)).toBe(true)
  })
  it('the free-text impact counts as None and is flagged as qualified (L1904)', () => {
    expect(all.find((r) => r.impact === 'none')!.qualified).toBe(1)
  })
  it('per site: both medium impacts are South West London (L1901-L1902)', () => {
    const bySite = impactDistribution(ev, { by: ['site'] }).filter((r) => r.impact === 'medium' && r.units > 0)
    expect(bySite.map((r) => [r.site, r.units, r.of])).toEqual([['south-west-london', 2, 4]])
  })
  it('a unit without impact is "not-recorded", kept apart from NA', () => {
    const ev2 = { ...ev, sites: [{ ...ev.sites[0]!, units: [{ ...ev.sites[0]!.units[1]!, impact: undefined }] }] }
    expect(
      impactDistribution(ev2)
        .filter((r) => r.units > 0)
        .map((r) => r.impact),
    ).toEqual(['not-recorded'])
  })
})

describe('attributionDistribution (attribution × attainment)', () => {
  const rows = attributionDistribution(ev)
  const row = (a: string) => rows.find((r) => r.attribution === a)!

  it('blank is not NA: the two blank cells are SW London 1/2 and 4/5 (L1902-L1903)', () => {
    expect(row('blank')).toMatchObject({ records: 2, attained: 5, notAttained: 2, total: 7 })
  })
  it('every NA stands beside 0 attained (Table 7: 0/1, 0/7, 0/1, 0/1, 0/1, 0/1, 0/2)', () => {
    expect(row('na')).toMatchObject({ records: 7, attained: 0, notAttained: 14, unknown: 0 })
  })
  it('an attribution beside 0 attained is kept: Low includes SWY 0/9 and the ?/2 (L1899, L1887)', () => {
    // Low cells: ?/2, 2/3, 1/2 (Leics BME), 0/9, 1/1, 1/1, 3/5 → 8 attained, 13 not, 2 unknown of 23.
    expect(row('low')).toMatchObject({ records: 7, attained: 8, notAttained: 13, unknown: 2, total: 23 })
  })
  it('covers all 29 cells and 84 objectives exactly once', () => {
    expect(rows.reduce((n, r) => n + r.records, 0)).toBe(29)
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(84)
  })
  it('per site × type: South Staffordshire process is all NA or Medium or Low (L1887-L1891)', () => {
    const ss = attributionDistribution(ev, { by: ['site', 'type'] }).filter(
      (r) => r.site === 'south-staffordshire' && r.type === 'process' && r.records > 0,
    )
    expect(ss.map((r) => [r.attribution, r.records, r.attained, r.total])).toEqual([
      ['medium', 2, 2, 4],
      ['low', 1, 2, 3],
      ['na', 2, 0, 8],
    ])
  })
})
