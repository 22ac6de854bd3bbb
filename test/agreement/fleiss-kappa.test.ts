import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { fleissKappa, fleissKappaCounts, fleissKappaCountsEither, fleissKappaEither } from '../../src/index.js'
import { DIAGNOSES, GENDER, WIKIPEDIA_FLEISS } from './fixtures.js'

const FIVE = [1, 2, 3, 4, 5]

describe('fleissKappa on Fleiss (1971) diagnoses', () => {
  const r = fleissKappa(DIAGNOSES, { scale: FIVE })

  it('κ 0.4302445, z 17.65183 (R irr kappam.fleiss(diagnoses), quoted in statsmodels test_inter_rater.py)', () => {
    expect(r.overall.value).toBeCloseTo(0.4302445, 7)
    expect(r.overall.z).toBeCloseTo(17.65183, 5)
    expect(r.overall.df).toBeNull()
    expect(r.overall.p).toBeLessThan(1e-60)
  })

  it('per level κ_j 0.245, 0.245, 0.520, 0.471, 0.566 (Fleiss 1971, p. 381)', () => {
    expect(r.levels.map((l) => l.value)).toEqual(FIVE.map(() => expect.any(Number)))
    const expected = [0.245, 0.245, 0.52, 0.471, 0.566]
    r.levels.forEach((l, j) => expect(l.value).toBeCloseTo(expected[j]!, 3))
  })

  it('per level SE under H0 is √(2 / (N m (m − 1))) = √(2/900) (Fleiss, Nee & Landis 1979)', () => {
    for (const l of r.levels) expect(l.se0).toBeCloseTo(Math.sqrt(2 / 900), 12)
    // z_j = κ_j / se0: schizophrenia 0.52 / 0.0471405 = 11.0309
    expect(r.levels[2]!.z).toBeCloseTo(0.52 / Math.sqrt(2 / 900), 10)
  })

  it('the count table of the same data gives the same figures (column totals 26, 26, 30, 55, 43 as statsmodels)', () => {
    const counts = DIAGNOSES.map((row) => FIVE.map((k) => row.filter((v) => v === k).length))
    expect(FIVE.map((_, k) => counts.reduce((s, c) => s + c[k]!, 0))).toEqual([26, 26, 30, 55, 43])
    const c = fleissKappaCounts(counts, { scale: FIVE })
    expect(c.overall.value).toBeCloseTo(r.overall.value!, 12)
    expect(c.overall.z).toBeCloseTo(r.overall.z!, 10)
  })
})

describe('fleissKappaCounts on the Wikipedia worked example (14 raters × 10 subjects)', () => {
  it('κ 0.210 (as statsmodels test_fleiss_kappa)', () => {
    const r = fleissKappaCounts(WIKIPEDIA_FLEISS, { scale: FIVE })
    expect(r.overall.value).toBeCloseTo(0.21, 3)
    expect(r.overall.observed).toBeCloseTo(0.378, 3) // P̄ = 0.378 on the Wikipedia page
    expect(r.overall.expected).toBeCloseTo(0.213, 3) // P̄e = 0.213
  })
})

describe('fleissKappa SE and interval against irrCAC fleiss.kappa.raw (afergadis/irrCAC test_fleiss.py)', () => {
  it('cac.raw.gender: κ 0.129, SE 0.141, CI (−0.172, 0.430), p 0.37449', () => {
    const r = fleissKappa(GENDER, { scale: ['a', 'b', 'c'] }).overall
    expect(r.observed).toBeCloseTo(0.456, 3)
    expect(r.expected).toBeCloseTo(0.375, 3)
    expect(r.value).toBeCloseTo(0.129, 3)
    expect(r.se).toBeCloseTo(0.141, 3)
    expect(r.lo).toBeCloseTo(-0.172, 3)
    expect(r.hi).toBeCloseTo(0.43, 3)
  })
})

describe('fleissKappa by hand', () => {
  it('3 units × 2 raters: P̄ = 2/3, p = (1/2, 1/2), P̄e = 1/2, κ = 1/3', () => {
    const r = fleissKappa(
      [
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'b'],
      ],
      { scale: ['a', 'b'] },
    )
    expect(r.overall.value).toBeCloseTo(1 / 3, 12)
  })

  it('a level nobody used has κ_j undefined with its reason, and the others are unaffected', () => {
    const r = fleissKappa(
      [
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'b'],
      ],
      { scale: ['a', 'b', 'c'] },
    )
    expect(r.overall.value).toBeCloseTo(1 / 3, 12)
    expect(r.levels[2]).toMatchObject({ level: 'c', value: null, proportion: 0 })
    expect(r.levels[2]!.reason).toMatch(/0\/0/)
  })
})

describe('fleissKappa input problems', () => {
  it('refuses a count table with unequal row sums, naming the row', () => {
    const r = fleissKappaCountsEither(
      [
        [2, 1],
        [1, 1],
      ],
      { scale: ['a', 'b'] },
    )
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['counts', 1], code: 'consistency', found: '2' })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('a row summing to 3')
  })

  it('refuses a matrix with a missing rating and points to Krippendorff or Gwet', () => {
    const r = fleissKappaEither(
      [
        ['a', 'b'],
        ['a', null],
      ],
      { scale: ['a', 'b'] },
    )
    expect(E.isLeft(r) && r.left[0]!.path).toEqual(['ratings', 1])
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('krippendorffAlpha or gwetAC')
  })

  it('refuses a category that is not on the scale', () => {
    const r = fleissKappaEither([['a', 'z']], { scale: ['a', 'b'] })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['ratings', 0, 1], code: 'value' })
  })
})
