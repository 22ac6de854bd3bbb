import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { krippendorffAlpha, krippendorffAlphaCounts, krippendorffAlphaEither } from '../../src/index.js'
import { FIVE_OBSERVERS, KRIPPENDORFF_2011, KRIPPENDORFF_3X15, KRIPPENDORFF_BINARY, unitsByCoders } from './fixtures.js'

const FIVE = [1, 2, 3, 4, 5]

describe('krippendorffAlpha on Krippendorff (2011) section C: 4 coders × 12 units, missing values', () => {
  it.each([
    // Krippendorff (2011) gives nominal α = 0.743; Python `krippendorff` tests: ordinal 0.815,
    // ratio 0.797; irrCAC krippen.alpha.raw with quadratic weights (the interval metric) 0.849.
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s α = %s', (level, value) => {
    const r = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, level, replicates: 0 })
    expect(r.value).toBeCloseTo(value, 3)
  })

  it('uses the 11 pairable units and their 40 values (unit 12 has one value)', () => {
    const r = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, replicates: 0 })
    expect([r.units, r.pairableUnits, r.ratings]).toEqual([12, 11, 40])
  })

  it('nominal by hand from the paper’s coincidence matrix: n_c = 9, 13, 10, 5, 3; 8 off-diagonal coincidences', () => {
    // D_o = 8/40 = 0.2; D_e = (40² − Σ n_c²)/(40 · 39) = 1216/1560; α = 1 − 39 · 8/1216 = 0.743421…
    const r = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, replicates: 0 })
    expect(r.observed).toBeCloseTo(1 - 0.2, 12)
    expect(r.expected).toBeCloseTo(1 - 1216 / 1560, 12)
    expect(r.value).toBeCloseTo(1 - (39 * 8) / 1216, 12)
  })
})

describe('krippendorffAlpha on other published examples', () => {
  it('3 coders × 15 units: nominal 0.691358, interval 0.810845 (Python krippendorff tests; Wikipedia example)', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_3X15, { scale: [1, 2, 3, 4], replicates: 0 }).value).toBeCloseTo(0.691358, 6)
    expect(
      krippendorffAlpha(KRIPPENDORFF_3X15, { scale: [1, 2, 3, 4], level: 'interval', replicates: 0 }).value,
    ).toBeCloseTo(0.810845, 6)
  })

  it('binary data, 2 coders × 10 units: α = 0.095 (Krippendorff 2011, section A)', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_BINARY, { scale: [0, 1], replicates: 0 }).value).toBeCloseTo(0.095, 3)
  })

  it('nominal data, 2 coders × 12 units: α = 0.692 (Krippendorff 2011, section B)', () => {
    const data = unitsByCoders(['a a b b d c c c e d d a', 'b a b b b c c c e d d d'].map((r) => r.split(' ')))
    expect(krippendorffAlpha(data, { scale: ['a', 'b', 'c', 'd', 'e'], replicates: 0 }).value).toBeCloseTo(0.692, 3)
  })

  it('cac.raw5obser: nominal α 0.481 (irrCAC krippen.alpha.raw, afergadis/irrCAC test_krippendorff.py)', () => {
    expect(krippendorffAlpha(FIVE_OBSERVERS, { scale: [0, 1, 2, 3], replicates: 0 }).value).toBeCloseTo(0.481, 3)
  })

  it('the count table of the 3 × 15 example (Python krippendorff value_counts test) gives 0.691358', () => {
    const counts = [
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 1],
      [0, 0, 0, 3],
      [1, 0, 1, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 1],
    ]
    expect(krippendorffAlphaCounts(counts, { scale: [1, 2, 3, 4], replicates: 0 }).value).toBeCloseTo(0.691358, 6)
  })
})

describe('krippendorffAlpha by hand', () => {
  it('3 units × 2 coders, one disagreement: D_o = 2/6, D_e = 2·9/30, α = 4/9', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [1, 2],
        ],
        { scale: [1, 2], replicates: 0 },
      ).value,
    ).toBeCloseTo(4 / 9, 12)
  })

  it('interval α uses the declared scores: scores 0, 1, 10 change it, ordinal α does not depend on scores', () => {
    const data = [
      [1, 2],
      [2, 2],
      [3, 3],
      [1, 1],
      [3, 2],
    ]
    const equal = krippendorffAlpha(data, { scale: [1, 2, 3], level: 'interval', replicates: 0 }).value!
    const stretched = krippendorffAlpha(data, {
      scale: {
        levels: [
          { id: 1, score: 0 },
          { id: 2, score: 1 },
          { id: 3, score: 10 },
        ],
      },
      level: 'interval',
      replicates: 0,
    }).value!
    expect(stretched).not.toBeCloseTo(equal, 3)
    const ordA = krippendorffAlpha(data, { scale: [1, 2, 3], level: 'ordinal', replicates: 0 }).value!
    const ordB = krippendorffAlpha(data, {
      scale: {
        levels: [
          { id: 1, score: 0 },
          { id: 2, score: 1 },
          { id: 3, score: 10 },
        ],
      },
      level: 'ordinal',
      replicates: 0,
    }).value!
    expect(ordB).toBeCloseTo(ordA, 12)
  })
})

describe('krippendorffAlpha bootstrap', () => {
  it('gives a percentile interval around α with its SE, and notes the seed', () => {
    const r = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, replicates: 2000, seed: 7 })
    expect(r.intervalMethod).toBe('bootstrap-percentile')
    expect(r.lo!).toBeLessThan(r.value!)
    expect(r.hi!).toBeGreaterThan(r.value!)
    expect(r.hi!).toBeLessThanOrEqual(1)
    // irrCAC's jackknife-type SE for the same data is 0.146 (test_krippendorff.py); a bootstrap SE is of that size.
    expect(r.se!).toBeGreaterThan(0.08)
    expect(r.se!).toBeLessThan(0.25)
    expect(r.notes.join(' ')).toContain('seed 7')
  })

  it('is reproducible: the same seed gives the same interval, another seed another', () => {
    const a = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, level: 'ordinal', seed: 42, replicates: 500 })
    const b = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, level: 'ordinal', seed: 42, replicates: 500 })
    const c = krippendorffAlpha(KRIPPENDORFF_2011, { scale: FIVE, level: 'ordinal', seed: 43, replicates: 500 })
    expect([b.lo, b.hi, b.se]).toEqual([a.lo, a.hi, a.se])
    expect([c.lo, c.hi]).not.toEqual([a.lo, a.hi])
  })

  it('refuses a bad level, replicate count or seed', () => {
    const r = krippendorffAlphaEither([[1, 1]], {
      scale: [1, 2],
      level: 'circular' as never,
      replicates: -1,
      seed: 0.5,
    })
    expect(E.isLeft(r) && r.left.map((p) => p.path[0])).toEqual(['level', 'replicates', 'seed'])
  })

  it('refuses negative scores for the ratio metric', () => {
    const r = krippendorffAlphaEither([[1, 1]], { scale: [-1, 1], level: 'ratio' })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('non-negative scores')
  })
})
