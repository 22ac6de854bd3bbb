import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { gwetAC, gwetACCounts, gwetACCountsEither, gwetACEither, RealistError } from '../../src/index.js'
import { FIVE_OBSERVERS, GENDER, KRIPPENDORFF_2011 } from './fixtures.js'

const SCALE5 = [1, 2, 3, 4, 5]

// Reference: R irrCAC 1.0 `gwet.ac1.raw`, as reproduced to 3 dp by the Python port irrCAC
// (afergadis/irrCAC, test/unit/irrCAC/raw/test_gwet.py; two-sided p from t(n − 1)).
describe('gwetAC on cac.raw4raters (Gwet 2014, p. 120; irrCAC gwet.ac1.raw)', () => {
  it.each([
    // weights, p_a, p_e, AC, SE, CI low, p
    ['identity', 0.818, 0.19, 0.775, 0.143, 0.461, 0.00021],
    ['linear', 0.939, 0.571, 0.859, 0.117, 0.6, 0.00002],
    ['quadratic', 0.975, 0.714, 0.914, 0.104, 0.685, 0.000003],
  ] as const)('%s weights: p_a %s, p_e %s, AC %s, SE %s, CI (%s, 1)', (weights, pa, pe, value, se, lo, p) => {
    const r = gwetAC(KRIPPENDORFF_2011, { scale: SCALE5, weights })
    expect(r.coefficient).toBe(weights === 'identity' ? 'gwet-ac1' : 'gwet-ac2')
    expect(r.observed).toBeCloseTo(pa, 3)
    expect(r.expected).toBeCloseTo(pe, 3)
    expect(r.value).toBeCloseTo(value, 3)
    expect(r.se).toBeCloseTo(se, 3)
    expect(r.lo).toBeCloseTo(lo, 3)
    expect(r.hi).toBe(1)
    expect(r.intervalMethod).toBe('t')
    expect(r.df).toBe(11)
    expect(r.p).toBeCloseTo(p, weights === 'quadratic' ? 6 : 5)
  })

  it('counts 12 units, 11 of them pairable, 41 ratings from 4 raters', () => {
    const r = gwetAC(KRIPPENDORFF_2011, { scale: SCALE5 })
    expect([r.units, r.pairableUnits, r.ratings, r.raters]).toEqual([12, 11, 41, 4])
  })

  it('gives the same figures from the count table of the same data (irrCAC gwet.ac1.dist)', () => {
    const counts = KRIPPENDORFF_2011.map((row) => SCALE5.map((k) => row.filter((v) => v === k).length))
    const a = gwetAC(KRIPPENDORFF_2011, { scale: SCALE5, weights: 'quadratic' })
    const b = gwetACCounts(counts, { scale: SCALE5, weights: 'quadratic' })
    expect(b.value).toBeCloseTo(a.value!, 12)
    expect(b.se).toBeCloseTo(a.se!, 12)
  })
})

describe('gwetAC on other irrCAC data sets (afergadis/irrCAC test_gwet.py)', () => {
  it('cac.raw.gender (4 raters, complete): AC1 0.208, SE 0.091, CI (0.014, 0.403), p 0.03776', () => {
    const r = gwetAC(GENDER, { scale: ['a', 'b', 'c'] })
    expect(r.observed).toBeCloseTo(0.456, 3)
    expect(r.expected).toBeCloseTo(0.3125, 12) // printed 0.312: exactly 0.3125, rounded half to even
    expect(r.value).toBeCloseTo(0.208, 3)
    expect(r.se).toBeCloseTo(0.091, 3)
    expect(r.lo).toBeCloseTo(0.014, 3)
    expect(r.hi).toBeCloseTo(0.403, 3)
    expect(r.p).toBeCloseTo(0.03776, 5)
  })

  it('cac.raw5obser (5 observers, missing values): AC1 0.497, SE 0.122, CI (0.235, 0.758)', () => {
    const r = gwetAC(FIVE_OBSERVERS, { scale: [0, 1, 2, 3] })
    expect(r.observed).toBeCloseTo(0.616, 3)
    expect(r.expected).toBeCloseTo(0.236, 3)
    expect(r.value).toBeCloseTo(0.497, 3)
    expect(r.se).toBeCloseTo(0.122, 3)
    expect(r.lo).toBeCloseTo(0.235, 3)
    expect(r.hi).toBeCloseTo(0.758, 3)
  })
})

describe('gwetAC by hand', () => {
  it('three units, two raters, one disagreement: p_a = 2/3, π = (5/6, 1/6), p_e = 2·(5/6)(1/6) = 5/18, AC1 = 7/13', () => {
    // p_a = (1 + 1 + 0)/3; Σ π(1 − π) = 2 · 5/36 = 10/36; p_e = 2/(2·1) · 10/36 = 5/18.
    const r = gwetAC(
      [
        ['a', 'a'],
        ['a', 'a'],
        ['a', 'b'],
      ],
      { scale: ['a', 'b'] },
    )
    expect(r.expected).toBeCloseTo(5 / 18, 12)
    expect(r.value).toBeCloseTo((2 / 3 - 5 / 18) / (1 - 5 / 18), 12)
  })

  it('an unused level on the declared scale changes AC1 (chance agreement counts q levels)', () => {
    const data = [
      ['a', 'a'],
      ['a', 'a'],
      ['a', 'b'],
    ]
    const two = gwetAC(data, { scale: ['a', 'b'] }).value!
    const three = gwetAC(data, { scale: ['a', 'b', 'c'] }).value!
    // q = 3: p_e = 3/(3·2) · 10/36 = 5/36.
    expect(three).toBeCloseTo((2 / 3 - 5 / 36) / (1 - 5 / 36), 12)
    expect(three).not.toBeCloseTo(two, 3)
  })
})

describe('gwetAC input problems', () => {
  it('refuses a level that is not on the scale, naming the cell', () => {
    const r = gwetACEither([['a', 'x']], { scale: ['a', 'b'] })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['ratings', 0, 1], code: 'value', found: '"x"' })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('"a" | "b"')
  })

  it('refuses a ragged matrix', () => {
    const r = gwetACEither([['a', 'b'], ['a']], { scale: ['a', 'b'] })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['ratings', 1], code: 'shape' })
  })

  it('refuses a count row without one count per level, and a negative count', () => {
    const r = gwetACCountsEither(
      [
        [1, 1, 0],
        [1, -1],
      ],
      { scale: ['a', 'b'] },
    )
    expect(E.isLeft(r) && r.left.map((p) => p.path)).toEqual([
      ['counts', 0],
      ['counts', 1, 1],
    ])
  })

  it('throws a RealistError (never a TypeError) for undefined input or options', () => {
    expect(() => gwetAC(undefined as never, { scale: ['a', 'b'] })).toThrow(RealistError)
    expect(() => gwetAC([], undefined as never)).toThrow(/options object with the declared scale/)
  })
})
