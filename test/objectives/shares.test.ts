import { describe, expect, it } from 'vitest'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'
import { objectiveTypeShares, objectiveTypeSharesEither } from '../../src/objectives/index.js'
import * as E from 'fp-ts/lib/Either.js'

describe('objectiveTypeShares', () => {
  it('half, 37% and 13% of the 84 objectives (L1908: "half … 37% … 13%")', () => {
    const rows = objectiveTypeShares(ev)
    expect(rows.map((r) => [r.type, r.objectives, r.of])).toEqual([
      ['analysis-planning', 42, 84], // MHIP OVERALL 25/42, L1906
      ['process', 31, 84], // 8/31
      ['outcome', 11, 84], // 4/11
    ])
    expect(rows.map((r) => Math.round(100 * r.share!))).toEqual([50, 37, 13])
  })

  it('per site: SWLSG mostly analysis & planning, SSHT mostly processes and outcomes (L1908)', () => {
    const rows = objectiveTypeShares(ev, { by: ['site'] })
    const share = (site: string, type: string) => rows.find((r) => r.site === site && r.type === type)!.share
    // Hand calculation from the TOTAL rows: SWL 29 of 31 (L1905); SS 15+5 = 20 of 22 (L1892).
    expect(share('south-west-london', 'analysis-planning')).toBeCloseTo(29 / 31, 12)
    expect(share('south-staffordshire', 'process')! + share('south-staffordshire', 'outcome')!).toBeCloseTo(20 / 22, 12)
    // Shares within each site add up to 1.
    for (const s of ev.sites)
      expect(rows.filter((r) => r.site === s.id).reduce((n, r) => n + r.share!, 0)).toBeCloseTo(1, 12)
  })

  it('no objectives at all: shares are null, not NaN', () => {
    expect(objectiveTypeShares({ ...ev, sites: [] }).map((r) => r.share)).toEqual([null, null, null])
  })

  it('bad options come back as problems', () => {
    const r = objectiveTypeSharesEither(ev, { by: ['county' as never] })
    expect(E.isLeft(r) && r.left[0]!.found).toBe('"county"')
  })
})
