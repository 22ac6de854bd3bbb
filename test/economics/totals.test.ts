import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { costTotals, costTotalsEither, spendShares, spendSharesEither } from '../../src/economics/totals.js'
import { costInterval, shareInterval, sumIntervals, type CostInterval } from '../../src/economics/interval.js'
import { costPerAttainedObjective, costPerAttainedObjectiveEither } from '../../src/economics/per-objective.js'
import type { CostAmount, CostEntry } from '../../src/model/costs.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { RealistError } from '../../src/model/problem.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'

const entry = (id: string, over: Partial<Record<keyof CostEntry, unknown>>): CostEntry =>
  ({
    id,
    site: 'south-staffordshire',
    funder: 'programme-grant',
    area: 'implementation-team',
    kind: 'cash',
    amount: 0,
    currency: 'GBP',
    priceYear: 2005,
    ...over,
  }) as CostEntry
const withEntries = (entries: readonly CostEntry[]): Evaluation => ({ ...mhipEvaluation, costs: { entries } })

// A hand-made ledger (figures invented for the arithmetic, not E-MHIP's):
// South Staffordshire: grant 40,000 (implementation team), SHA 10,000-30,000 (governance), trust staff time 5,000.
// Leicestershire: grant 60,000, partners at least 20,000, trust unknown.
const ledger = withEntries([
  entry('ss-grant', { amount: 40000 }),
  entry('ss-sha', { funder: 'sha', area: 'governance', amount: { low: 10000, high: 30000 } }),
  entry('ss-trust', { funder: 'host-trust', area: 'governance', kind: 'staff-time', amount: 5000 }),
  entry('le-grant', { site: 'leicestershire', amount: 60000 }),
  entry('le-partners', { site: 'leicestershire', funder: 'partners', area: 'training', amount: { atLeast: 20000 } }),
  entry('le-trust', { site: 'leicestershire', funder: 'host-trust', area: 'governance', amount: 'unknown' }),
])

describe('costTotals', () => {
  it('totals each site as a range: 55,000-75,000 and 80,000-unbounded (hand sums)', () => {
    expect(costTotals(ledger).map((r) => [r.site, r.low, r.high, r.entries, r.unknown, r.lowerBoundOnly])).toEqual([
      ['south-staffordshire', 55000, 75000, 3, 0, 0], // 40,000 + 10,000 + 5,000; 40,000 + 30,000 + 5,000
      ['leicestershire', 80000, null, 3, 1, 1], // 60,000 + 20,000 + 0; "20,000+" and unknown leave it open
    ])
  })

  it('groups by funder, kind and any combination, and gives one row for []', () => {
    expect(costTotals(ledger, { by: ['funder'] }).map((r) => [r.funder, r.low, r.high])).toEqual([
      ['programme-grant', 100000, 100000],
      ['sha', 10000, 30000],
      ['host-trust', 5000, null],
      ['partners', 20000, null],
    ])
    expect(costTotals(ledger, { by: ['site', 'kind'] }).find((r) => r.kind === 'staff-time')).toMatchObject({
      site: 'south-staffordshire',
      low: 5000,
      high: 5000,
    })
    expect(costTotals(ledger, { by: [] })).toMatchObject([
      { site: null, funder: null, low: 135000, high: null, entries: 6 },
    ])
    expect(costTotals(mhipEvaluation)).toEqual([])
  })

  it('refuses mixed currencies and price years, and bad options, with paths', () => {
    const mixed = withEntries([entry('a', { amount: 1 }), entry('b', { amount: 1, currency: 'EUR', priceYear: 2006 })])
    const r = costTotalsEither(mixed)
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['costs.entries.1.currency', 'consistency'],
      ['costs.entries.1.priceYear', 'consistency'],
    ])
    const o = costTotalsEither(ledger, { by: ['site', 'colour' as never] })
    expect(E.isLeft(o) && o.left[0]!.where).toBe('costTotals › by[1]')
    expect(() => costTotals(ledger, { by: 'site' as never })).toThrow(RealistError)
    expect(() => costTotals(undefined as never)).toThrow(RealistError)
  })

  it('property: bounds propagate (low ≤ high; the total is the interval sum of the entries)', () => {
    const amount: fc.Arbitrary<CostAmount> = fc.oneof(
      fc.integer({ min: 0, max: 1e6 }),
      fc
        .tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }))
        .map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) })),
      fc.integer({ min: 0, max: 1e6 }).map((atLeast) => ({ atLeast })),
      fc.constant('unknown' as const),
    )
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (amounts) => {
        const [row] = costTotals(withEntries(amounts.map((a, i) => entry(`e${i}`, { amount: a }))))
        const lows = amounts.map((a) => costInterval(a).low)
        expect(row!.low).toBe(lows.reduce((s, x) => s + x, 0))
        if (row!.high !== null) expect(row!.low).toBeLessThanOrEqual(row!.high)
        const open = amounts.some((a) => a === 'unknown' || (typeof a === 'object' && 'atLeast' in a))
        expect(row!.high === null).toBe(open)
        // Every choice of values within the entries' ranges gives a total within the row's range.
        const pick = amounts.map((a) => {
          const x = costInterval(a)
          return x.high === null ? x.low + 7 : (x.low + x.high) / 2
        })
        const total = pick.reduce((s, x) => s + x, 0)
        expect(total).toBeGreaterThanOrEqual(row!.low)
        if (row!.high !== null) expect(total).toBeLessThanOrEqual(row!.high)
      }),
    )
  })
})

describe('interval arithmetic', () => {
  it('adds ranges as intervals (Moore 1966): [1,2] + [10,10] = [11,12]; an open bound stays open', () => {
    expect(
      sumIntervals([
        { low: 1, high: 2 },
        { low: 10, high: 10 },
      ]),
    ).toEqual({ low: 11, high: 12 })
    expect(
      sumIntervals([
        { low: 1, high: 2 },
        { low: 5, high: null },
      ]),
    ).toEqual({ low: 6, high: null })
    expect(sumIntervals([])).toEqual({ low: 0, high: 0 })
  })

  it('property: sums are associative and the share of a part lies within [0, 1] with low ≤ high', () => {
    const iv: fc.Arbitrary<CostInterval> = fc
      .tuple(fc.integer({ min: 0, max: 1e6 }), fc.option(fc.integer({ min: 0, max: 1e6 })))
      .map(([a, b]) => (b === null ? { low: a, high: null } : { low: Math.min(a, b), high: Math.max(a, b) }))
    fc.assert(
      fc.property(iv, iv, iv, (a, b, c) => {
        expect(sumIntervals([sumIntervals([a, b]), c])).toEqual(sumIntervals([a, sumIntervals([b, c])]))
        const s = shareInterval(a, b)
        if (s === null) return expect([a.high, b.high]).toEqual([0, 0])
        expect(s.low).toBeGreaterThanOrEqual(0)
        expect(s.high).toBeLessThanOrEqual(1)
        expect(s.low).toBeLessThanOrEqual(s.high!)
      }),
    )
  })
})

describe('spendShares', () => {
  it('gives shares from the entries as ranges: governance 15,000-35,000 of 55,000-75,000', () => {
    const ss = spendShares(ledger).filter((r) => r.site === 'south-staffordshire')
    // Implementation team 40,000 against governance 15,000-35,000:
    // low 40,000 / (40,000 + 35,000) = 0.5333…, high 40,000 / (40,000 + 15,000) = 0.7272…
    expect(ss.find((r) => r.category === 'implementation-team')).toMatchObject({
      source: 'entries',
      low: 40000 / 75000,
      high: 40000 / 55000,
    })
    expect(ss.find((r) => r.category === 'governance')).toMatchObject({ low: 15000 / 55000, high: 35000 / 75000 })
    const byFunder = spendShares(withEntries([entry('a', { amount: 30 }), entry('b', { funder: 'sha', amount: 10 })]), {
      dimension: 'funder',
    })
    expect(byFunder.map((r) => [r.category, r.low, r.high])).toEqual([
      ['programme-grant', 0.75, 0.75],
      ['sha', 0.25, 0.25],
    ])
    expect(E.isLeft(spendSharesEither(ledger, { dimension: 'colour' as never }))).toBe(true)
  })
})

describe('costPerAttainedObjective', () => {
  it("uses the objectives' bounds: South Staffordshire 7-9 attained of 22 (Table 7 TOTAL L1892: 1/2, 4/15, 2/5 with one ?/2) → 90,000 costs 10,000-12,857", () => {
    const rows = costPerAttainedObjective(withEntries([entry('ss', { amount: 90000 })]))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      site: 'south-staffordshire',
      attainedLow: 7,
      attainedHigh: 9,
      objectives: 22,
      perObjectiveLow: 10000,
    })
    expect(rows[0]!.perObjectiveHigh).toBeCloseTo(90000 / 7, 9)
  })

  it('combines a cost range with the attained range, and leaves an open cost open', () => {
    const [ss, le] = costPerAttainedObjective(ledger)
    expect([ss!.perObjectiveLow, ss!.perObjectiveHigh]).toEqual([55000 / 9, 75000 / 7])
    // Leicestershire: 9 of 22 attained, none unknown (Table 7 TOTAL row, L1898: 5/11, 3/6, 1/5)
    expect([le!.attainedLow, le!.attainedHigh, le!.perObjectiveLow, le!.perObjectiveHigh]).toEqual([
      9,
      9,
      80000 / 9,
      null,
    ])
    expect(E.isLeft(costPerAttainedObjectiveEither(withEntries([entry('x', { funder: 'lottery' })])))).toBe(true)
  })
})
