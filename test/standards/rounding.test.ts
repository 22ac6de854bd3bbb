import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  largestRemainder,
  largestRemainderEither,
  roundBy,
  roundHalfEven,
  roundHalfUp,
} from '../../src/standards/index.js'

describe('roundHalfUp / roundHalfEven', () => {
  it('differ exactly at halves', () => {
    // half-up: halves away from zero; half-even: to the even neighbour (R round(c(0.5, 1.5, 2.5, 3.5)) = 0 2 2 4)
    expect([0.5, 1.5, 2.5, 3.5, -2.5].map((x) => roundHalfUp(x))).toEqual([1, 2, 3, 4, -3])
    expect([0.5, 1.5, 2.5, 3.5, -2.5].map((x) => roundHalfEven(x))).toEqual([0, 2, 2, 4, -2])
    expect([2.4, 2.6, 18.75].map((x) => roundHalfEven(x))).toEqual([2, 3, 19])
  })
  it('read numbers as the decimals they print as', () => {
    // 1.005 is stored as 1.00499999999999989…, but prints (and was published) as 1.005
    expect(roundHalfUp(1.005, 2)).toBe(1.01)
    expect(roundHalfEven(1.005, 2)).toBe(1.0)
    expect(roundHalfEven(0.125, 2)).toBe(0.12)
    expect(roundHalfUp(33.3333, 1)).toBe(33.3)
  })
  it('name their rule in roundBy, and pass NaN and Infinity through', () => {
    expect(roundBy(12.5, 'half-up')).toBe(13)
    expect(roundBy(12.5, 'half-even')).toBe(12)
    expect(roundHalfUp(NaN)).toBeNaN()
    expect(roundHalfEven(Infinity)).toBe(Infinity)
  })
})

describe('largestRemainder', () => {
  it('makes shares sum to 100', () => {
    // 1/3 each = 33.33: floors 33+33+33 = 99, the missing 1 goes to the first (tie)
    expect(largestRemainder([1, 1, 1])).toEqual([34, 33, 33])
    // E-MHIP L1242 read as 165 ratings: 35 / 102 / 28 = 21.21 / 61.82 / 16.97 →
    // floors 21 + 61 + 16 = 98; largest remainders .97 then .82 get the 2 → 21 / 62 / 17
    expect(largestRemainder([35, 102, 28])).toEqual([21, 62, 17])
    // plain rounding of 1/6 each gives 17 × 6 = 102; largest remainder gives 100
    const sixths = largestRemainder([1, 1, 1, 1, 1, 1])
    expect(sixths).toEqual([17, 17, 17, 17, 16, 16])
    expect(sixths.reduce((a, b) => a + b)).toBe(100)
  })
  it('rounds to decimals and to other totals', () => {
    expect(largestRemainder([1, 1, 1], { digits: 1 })).toEqual([33.4, 33.3, 33.3])
    expect(largestRemainder([2, 1], { total: 1, digits: 2 })).toEqual([0.67, 0.33])
  })
  it('refuses counts summing to 0 and negative or NaN counts', () => {
    const zero = largestRemainderEither([0, 0, 0])
    expect(E.isLeft(zero) && zero.left[0]).toMatchObject({
      expected: 'counts with a positive sum',
      found: '"all counts 0"',
    })
    const bad = largestRemainderEither([1, -1, NaN])
    expect(E.isLeft(bad) && bad.left.map((p) => p.found)).toEqual(['-1', 'NaN'])
    expect(() => largestRemainder([])).toThrow(/largestRemainder: 1 problem/)
  })
  it('does not mutate its input', () => {
    const counts = Object.freeze([3, 2, 1])
    largestRemainder(counts)
    expect(counts).toEqual([3, 2, 1])
  })
})
