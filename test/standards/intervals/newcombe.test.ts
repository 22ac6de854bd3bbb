import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { newcombe, newcombeEither } from '../../../src/standards/intervals/newcombe.js'

// Newcombe RG (1998) Statistics in Medicine 17:873-890, Table II, method 10
// (hybrid score). Each was recomputed independently from scipy 1.17 Wilson
// limits combined by the paper's formula. NB: example (a) is 56/70 − 48/80 =
// 0.8 − 0.6 = 0.2000 with CI (0.0524, 0.3339); a difference of 0.15 would not be
// 56/70 − 48/80.
const cases: readonly [string, number, number, number, number, number, number, number][] = [
  ['(a)', 56, 70, 48, 80, 0.2, 0.0524, 0.3339],
  ['(b)', 9, 10, 3, 10, 0.6, 0.1705, 0.809],
  ['(c)', 6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
  ['(d)', 5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
]

describe('newcombe (hybrid score, method 10)', () => {
  it.each(cases)('example %s %i/%i − %i/%i', (_, k1, n1, k2, n2, d, lo, hi) => {
    const r = newcombe(k1, n1, k2, n2)
    expect(r.difference).toBeCloseTo(d, 4)
    expect(r.lo).toBeCloseTo(lo, 4)
    expect(r.hi).toBeCloseTo(hi, 4)
  })

  it('is antisymmetric: swapping the groups negates and swaps the ends', () => {
    const a = newcombe(3, 15, 7, 15)
    const b = newcombe(7, 15, 3, 15)
    expect(a.lo).toBeCloseTo(-b.hi!, 12)
    expect(a.hi).toBeCloseTo(-b.lo!, 12)
  })

  it('gives no estimate when a group has n = 0, saying which', () => {
    expect(newcombe(0, 0, 3, 15)).toMatchObject({
      difference: null,
      lo: null,
      hi: null,
      reason: expect.stringContaining('group 1'),
    })
    expect(newcombe(0, 0, 0, 0).reason).toContain('both groups')
  })

  it('refuses invalid counts', () => {
    const r = newcombeEither(5, 4, 1, 2)
    expect(E.isLeft(r) && r.left[0]?.where).toBe('newcombe › group 1 › k')
  })
})
