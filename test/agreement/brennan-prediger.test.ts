import { describe, expect, it } from 'vitest'
import { brennanPrediger, brennanPredigerCounts } from '../../src/index.js'
import { FIVE_OBSERVERS, GENDER, KRIPPENDORFF_2011 } from './fixtures.js'

const FIVE = [1, 2, 3, 4, 5]

// Reference: R irrCAC 1.0 `bp.coeff.raw` to 3 dp, via the Python port's tests (afergadis/irrCAC test_bp.py).
describe('brennanPrediger against irrCAC bp.coeff.raw', () => {
  it.each([
    ['identity', 0.818, 0.2, 0.773, 0.145, 0.454],
    ['linear', 0.939, 0.6, 0.848, 0.123, 0.577],
    ['quadratic', 0.975, 0.75, 0.902, 0.111, 0.657],
  ] as const)('cac.raw4raters, %s: p_a %s, p_e %s, BP %s, SE %s, CI (%s, 1)', (weights, pa, pe, value, se, lo) => {
    const r = brennanPrediger(KRIPPENDORFF_2011, { scale: FIVE, weights })
    expect(r.observed).toBeCloseTo(pa, 3)
    expect(r.expected).toBeCloseTo(pe, 3)
    expect(r.value).toBeCloseTo(value, 3)
    expect(r.se).toBeCloseTo(se, 3)
    expect(r.lo).toBeCloseTo(lo, 3)
    expect(r.hi).toBe(1)
  })

  it('cac.raw4raters with an asymmetric custom weight matrix: p_a 0.886, p_e 0.500, BP 0.773, SE 0.145', () => {
    const weights = [
      [1, 0.75, 0.5, 0.25, 0],
      [0, 1, 0.75, 0.5, 0.25],
      [0.25, 0, 1, 0.75, 0.5],
      [0.5, 0.25, 0, 1, 0.75],
      [0.75, 0.5, 0.25, 0, 1],
    ]
    const r = brennanPrediger(KRIPPENDORFF_2011, { scale: FIVE, weights })
    expect(r.weights).toBe('custom')
    expect(r.observed).toBeCloseTo(0.886, 3)
    expect(r.expected).toBeCloseTo(0.5, 12)
    expect(r.value).toBeCloseTo(0.773, 3)
    expect(r.se).toBeCloseTo(0.145, 3)
  })

  it('cac.raw5obser: BP 0.487, SE 0.121, CI (0.228, 0.747), one-sided p 0.00062', () => {
    const r = brennanPrediger(FIVE_OBSERVERS, { scale: [0, 1, 2, 3] })
    expect(r.value).toBeCloseTo(0.487, 3)
    expect(r.se).toBeCloseTo(0.121, 3)
    expect(r.lo).toBeCloseTo(0.228, 3)
    expect(r.hi).toBeCloseTo(0.747, 3)
    // bp.coeff.raw prints the one-sided p (1 − pt(BP/SE, n − 1)); ours is two-sided, twice that.
    expect(r.p! / 2).toBeCloseTo(0.00062, 5)
  })

  it('cac.raw.gender: BP 0.183, SE 0.102, CI (−0.035, 0.402), one-sided p 0.04688', () => {
    const r = brennanPrediger(GENDER, { scale: ['a', 'b', 'c'] })
    expect(r.expected).toBeCloseTo(1 / 3, 12)
    expect(r.value).toBeCloseTo(0.183, 3)
    expect(r.se).toBeCloseTo(0.102, 3)
    expect(r.lo).toBeCloseTo(-0.035, 3)
    expect(r.hi).toBeCloseTo(0.402, 3)
    expect(r.p! / 2).toBeCloseTo(0.04688, 5) // one-sided in bp.coeff.raw, as above
  })
})

describe('brennanPrediger by hand', () => {
  it('p_e = 1/q from the declared scale: an unused third level moves p_e from 1/2 to 1/3', () => {
    const counts = [
      [2, 0, 0],
      [2, 0, 0],
      [1, 1, 0],
    ]
    // p_a = 2/3; q = 3: (2/3 − 1/3)/(2/3) = 1/2.
    expect(brennanPredigerCounts(counts, { scale: ['a', 'b', 'c'] }).value).toBeCloseTo(0.5, 12)
    // q = 2: (2/3 − 1/2)/(1/2) = 1/3.
    expect(
      brennanPredigerCounts(
        counts.map((r) => r.slice(0, 2)),
        { scale: ['a', 'b'] },
      ).value,
    ).toBeCloseTo(1 / 3, 12)
  })
})
