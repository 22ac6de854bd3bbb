import { describe, expect, it } from 'vitest'
import { attainment, attainmentRows, changeRows, compareRounds } from '../../src/standards/index.js'
import { evaluationOf, policyDataset, tinyFramework } from './support.js'

// The policy dataset of attainment.test.ts (overall: A1 met 1 partly 2 not 1, na 1 → 1/4).
const ev = policyDataset()

describe('attainmentRows', () => {
  const rows = attainmentRows(attainment(ev))

  it('gives one row per scope × (standard | section | total) × (level | attained), all flat primitives', () => {
    // 6 scopes × (3 standards + 2 sections + 1 total) × (3 levels + attained) = 144
    expect(rows).toHaveLength(144)
    for (const r of rows)
      for (const v of Object.values(r)) expect(v === null || ['string', 'number'].includes(typeof v)).toBe(true)
  })

  it('carries k, n, p and the interval as proportions on 0-1', () => {
    const met = rows.find((r) => r.round === null && r.site === null && r.standard === 'A1' && r.level === 'met')!
    // Wilson 95% for 1/4 = (0.0456, 0.6994): scipy 1.17 binomtest(1, 4).proportion_ci('wilson')
    expect(met).toMatchObject({
      scope: 'standard',
      section: 'A',
      k: 1,
      n: 4,
      p: 0.25,
      na: 1,
      unrated: 0,
      excluded: 1,
      total: null,
      interval: 'wilson',
      confidence: 0.95,
    })
    expect(met.lo).toBeCloseTo(0.0456, 4)
    expect(met.hi).toBeCloseTo(0.6994, 4)
    const partly = rows.find((r) => r.round === null && r.site === null && r.standard === 'A1' && r.level === 'partly')!
    expect(partly).toMatchObject({ k: 2, n: 4, p: 0.5 })
    const total = rows.find(
      (r) => r.round === null && r.site === null && r.scope === 'total' && r.level === 'attained',
    )!
    // pooled 4/10; Wilson (0.1682, 0.6873)
    expect(total).toMatchObject({ k: 4, n: 10, p: 0.4, total: 'pooled', section: null, standard: null })
    expect(total.lo).toBeCloseTo(0.1682, 4)
    expect(total.hi).toBeCloseTo(0.6873, 4)
  })

  it('can leave out levels and groups', () => {
    // 6 scopes × 3 standards × 1 row
    expect(attainmentRows(attainment(ev), { levels: false, groups: false })).toHaveLength(18)
  })

  it('gives null p and limits for n = 0 and for a mean-of-standards interval', () => {
    const crit = attainmentRows(attainment(ev, { count: 'criteria', total: 'mean-of-standards' }))
    const b1 = crit.find((r) => r.round === null && r.site === null && r.standard === 'B1' && r.level === 'attained')!
    expect(b1).toMatchObject({ k: 0, n: 0, p: null, lo: null, hi: null })
    const mean = crit.find((r) => r.round === null && r.site === null && r.scope === 'total' && r.level === 'attained')!
    expect(mean).toMatchObject({ total: 'mean-of-standards', n: 2, lo: null, hi: null })
    // mean of the standards with criteria, as attainment.test.ts: (1/3 + 2/5) / 2 = 0.366667
    expect(mean.p).toBeCloseTo(0.366667, 6)
  })
})

describe('changeRows', () => {
  it('flattens a comparison, one row per site × standard, proportions and the difference on 0-1', () => {
    const two = evaluationOf(
      tinyFramework,
      { s: { u1: { r1: { A1: 'not-met' }, r2: { A1: 'met' } }, u2: { r1: { A1: 'met' }, r2: { A1: 'met' } } } },
      ['r1', 'r2'],
    )
    const rows = changeRows(compareRounds(two, { from: 'r1', to: 'r2' }))
    // 1 site + all sites, × 3 standards
    expect(rows).toHaveLength(6)
    expect(rows[0]).toMatchObject({
      from: 'r1',
      to: 'r2',
      site: 's',
      standard: 'A1',
      kFrom: 1,
      nFrom: 2,
      kTo: 2,
      nTo: 2,
      pFrom: 0.5,
      pTo: 1,
      difference: 0.5,
      improved: 1,
      same: 1,
      declined: 0,
    })
    expect(rows[2]).toMatchObject({ standard: 'B1', difference: null, lo: null, hi: null, notComparable: 2 })
  })
})
