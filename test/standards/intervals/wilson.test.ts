import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { wilson, wilsonEither } from '../../../src/standards/intervals/wilson.js'
import { RealistError } from '../../../src/model/problem.js'

// Reference values: R `prop.test(k, n, correct = FALSE)$conf.int`, cross-checked
// with scipy 1.17 `binomtest(k, n).proportion_ci(method='wilson')`. The issue
// quotes the first two (0/10 and 3/15 at 95%). Newcombe (1998) Table I lists
// the same Wilson limits for 0/10 (0, 0.2775).
const cases: readonly [number, number, number, number, number][] = [
  // k, n, confidence, lo, hi
  [0, 10, 0.95, 0, 0.2775],
  [3, 15, 0.95, 0.0705, 0.4519],
  [5, 15, 0.95, 0.1518, 0.5829],
  [10, 10, 0.95, 0.7225, 1],
  [1, 1, 0.95, 0.2065, 1],
  [7, 20, 0.95, 0.1812, 0.5671],
  [0, 10, 0.9, 0, 0.2129],
  [3, 15, 0.9, 0.0829, 0.4088],
  [5, 15, 0.9, 0.1728, 0.5448],
]

describe('wilson', () => {
  it.each(cases)('%i/%i at %f is (%f, %f) to 4 dp', (k, n, confidence, lo, hi) => {
    const r = wilson(k, n, { confidence })
    expect(r.lo).toBeCloseTo(lo, 4)
    expect(r.hi).toBeCloseTo(hi, 4)
    expect(r.estimate).toBe(k / n)
    expect(r).toMatchObject({ method: 'wilson', confidence, k, n })
  })

  it('defaults to 95%', () => {
    expect(wilson(3, 15).confidence).toBe(0.95)
  })

  it('gives no estimate for n = 0 and says why (no NaN)', () => {
    const r = wilson(0, 0)
    expect(r).toEqual({
      method: 'wilson',
      confidence: 0.95,
      k: 0,
      n: 0,
      estimate: null,
      lo: null,
      hi: null,
      reason: 'n = 0: nothing was counted, so there is no estimate',
    })
  })

  it('refuses k > n, negative or fractional n, NaN and bad confidence, naming each', () => {
    const r = wilsonEither(16, 15)
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual(['wilson › k'])
    const bad = wilsonEither(NaN, -3, { confidence: 1.5 })
    expect(E.isLeft(bad) && bad.left.map((p) => [p.where, p.found])).toEqual([
      ['wilson › n', '-3'],
      ['wilson › k', 'NaN'],
      ['wilson › confidence', '1.5'],
    ])
    expect(() => wilson(1, 2.5)).toThrow(RealistError)
    expect(() => wilson(1, 2.5)).toThrow(
      '[realist-eval] wilson: 1 problem\n  - wilson › n: expected n: a non-negative integer, found 2.5',
    )
  })

  it('accepts a fractional k (partly met as half) and stays inside [0, 1]', () => {
    const r = wilson(7.5, 15)
    expect(r.estimate).toBe(0.5)
    expect(r.lo! + r.hi!).toBeCloseTo(1, 12) // symmetric about 1/2
  })
})
