import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cellTally, objectiveTally, sumTallies, tallyMonoid, type ObjectiveTally } from '../../src/objectives/index.js'

const tallyArb: fc.Arbitrary<ObjectiveTally> = fc
  .tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000))
  .map(([attained, notAttained, unknown]) => ({
    attained,
    notAttained,
    unknown,
    total: attained + notAttained + unknown,
  }))

describe('tally monoid', () => {
  it('is associative with the zero tally as identity (monoid laws)', () => {
    fc.assert(
      fc.property(tallyArb, tallyArb, tallyArb, (a, b, c) => {
        expect(tallyMonoid.concat(tallyMonoid.concat(a, b), c)).toEqual(tallyMonoid.concat(a, tallyMonoid.concat(b, c)))
        expect(tallyMonoid.concat(tallyMonoid.empty, a)).toEqual(a)
        expect(tallyMonoid.concat(a, tallyMonoid.empty)).toEqual(a)
      }),
    )
  })
  it('sums to total = attained + not attained + unknown', () => {
    fc.assert(
      fc.property(fc.array(tallyArb), (ts) => {
        const s = sumTallies(ts)
        expect(s.attained + s.notAttained + s.unknown).toBe(s.total)
      }),
    )
  })
  it('sums nothing to zero', () =>
    expect(sumTallies([])).toEqual({ attained: 0, notAttained: 0, unknown: 0, total: 0 }))
})

describe('cells and objectives as tallies', () => {
  it('a known cell splits its total; ?/2 makes both unknown (Table 7, L1887)', () => {
    expect(cellTally({ attained: 2, total: 3 })).toEqual({ attained: 2, notAttained: 1, unknown: 0, total: 3 })
    expect(cellTally({ attained: null, total: 2 })).toEqual({ attained: 0, notAttained: 0, unknown: 2, total: 2 })
  })
  it('k attained of n equals n listed objectives, k of them attained', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), (k, rest) => {
        const statuses = [...Array<'attained'>(k).fill('attained'), ...Array<'not-attained'>(rest).fill('not-attained')]
        expect(sumTallies(statuses.map((status) => objectiveTally({ status })))).toEqual(
          cellTally({ attained: k, total: k + rest }),
        )
      }),
    )
  })
  it('an unknown objective is a ?/1 cell', () =>
    expect(objectiveTally({ status: 'unknown' })).toEqual(cellTally({ attained: null, total: 1 })))
})
