import { describe, expect, it } from 'vitest'
import { normalQuantile } from '../../../src/standards/intervals/normal-quantile.js'
import { betaQuantile, logGamma, regularizedBeta } from '../../../src/standards/intervals/beta.js'

// Reference values: R qnorm / pbeta / qbeta, cross-checked with scipy 1.17
// norm.ppf, beta.cdf, beta.ppf.
describe('normalQuantile (AS 241)', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.95, 1.6448536269514722],
    [1e-10, -6.361340902404056],
    [0.5, 0],
  ])('qnorm(%f) = %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12)
  })
  it('is odd about 1/2 and infinite at the ends', () => {
    expect(normalQuantile(0.025)).toBeCloseTo(-normalQuantile(0.975), 14)
    expect(normalQuantile(0)).toBe(-Infinity)
    expect(normalQuantile(1)).toBe(Infinity)
    expect(normalQuantile(1.2)).toBeNaN()
  })
})

describe('regularizedBeta / betaQuantile', () => {
  it('matches pbeta and qbeta', () => {
    // by hand: I_x(2, 3) = P(Bin(4, x) ≥ 2); at x = 0.5 that is (6 + 4 + 1)/16 = 0.6875
    expect(regularizedBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14)
    expect(betaQuantile(0.025, 3, 13)).toBeCloseTo(0.0433120051058366, 10)
    expect(betaQuantile(0.975, 4, 12)).toBeCloseTo(0.48089113380685305, 10)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
  })
  it('inverts: I(q(p)) = p', () => {
    for (const [a, b] of [
      [1, 1],
      [2.5, 7],
      [30, 3],
      [0.5, 0.5],
    ] as const) {
      for (const p of [0.001, 0.1, 0.5, 0.9, 0.999])
        expect(regularizedBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 10)
    }
  })
})
