import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { cohenKappa, cohenKappaEither, cohenKappaTable, cohenKappaTableEither } from '../../src/index.js'
import { ABSTRACTORS, ANXIETY, DIAGNOSIS_4X4, SAS_TABLE } from './fixtures.js'

describe('cohenKappaTable against SAS PROC FREQ (printout quoted in statsmodels test_inter_rater.py)', () => {
  it('simple kappa 0.4842, ASE 0.1380, 95% CI (0.2137, 0.7547), ASE under H0 0.1484, Z 3.2626, two-sided p 0.0011', () => {
    const r = cohenKappaTable(SAS_TABLE, { scale: [1, 2, 3] })
    expect(r.value).toBeCloseTo(0.4842, 4)
    expect(r.se).toBeCloseTo(0.138, 4)
    expect(r.lo).toBeCloseTo(0.2137, 4)
    expect(r.hi).toBeCloseTo(0.7547, 4)
    expect(r.se0).toBeCloseTo(0.1484, 4)
    expect(r.z).toBeCloseTo(3.2626, 4)
    expect(r.p).toBeCloseTo(0.0011, 4)
    expect(r.intervalMethod).toBe('normal')
  })

  it('weighted kappa (linear weights over scores 0, 1, 2) 0.4701, ASE 0.1457, CI (0.1845, 0.7558), ASE under H0 0.1426, Z 3.2971', () => {
    const r = cohenKappaTable(SAS_TABLE, { scale: [0, 1, 2], weights: 'linear' })
    expect(r.weights).toBe('linear')
    expect(r.value).toBeCloseTo(0.4701, 4)
    expect(r.se).toBeCloseTo(0.1457, 4)
    expect(r.lo).toBeCloseTo(0.1845, 4)
    expect(r.hi).toBeCloseTo(0.7558, 4)
    expect(r.se0).toBeCloseTo(0.1426, 4)
    expect(r.z).toBeCloseTo(3.2971, 4)
    expect(r.p).toBeCloseTo(0.001, 4)
  })

  it('custom weights equal to the linear ones give the linear result', () => {
    const custom = [
      [1, 0.5, 0],
      [0.5, 1, 0.5],
      [0, 0.5, 1],
    ]
    const a = cohenKappaTable(SAS_TABLE, { scale: [0, 1, 2], weights: custom })
    expect(a.weights).toBe('custom')
    expect(a.value).toBeCloseTo(0.4701195219123504, 12)
  })
})

describe('cohenKappa on R irr anxiety, raters 2 and 3 (values quoted in statsmodels test_inter_rater.py)', () => {
  const pairs = ANXIETY.map((row) => [row[1]!, row[2]!])
  // irr builds its levels from the observed values (1, 2, 3, 4, 6: nobody chose 5) and spaces
  // them evenly. Declaring that scale reproduces irr; the declared 1–6 scale is the right one.
  const irrLevels = { levels: [1, 2, 3, 4, 6].map((id, i) => ({ id, score: i + 1 })) }

  it.each([
    ['identity', -0.006289308, -0.0604067, 0.9518317],
    ['linear', 0.1459075, 1.282472, 0.1996772],
    ['quadratic', 0.2520325, 1.437451, 0.1505898],
  ] as const)('kappa2(anxiety[, 2:3], %s): κ %s, z %s, p %s', (weights, value, z, p) => {
    const r = cohenKappa(pairs, { scale: irrLevels, weights })
    expect(r.value).toBeCloseTo(value, 6)
    expect(r.z).toBeCloseTo(z, 5)
    expect(r.p).toBeCloseTo(p, 6)
  })

  it('on the declared 1–6 scale the unused level 5 widens the 4–6 distance: linear κ 0.1262 instead of irr 0.1459', () => {
    // Hand check: scores 1..6 put 4 and 6 two steps apart; irr puts them one step apart.
    const declared = cohenKappa(pairs, { scale: [1, 2, 3, 4, 5, 6], weights: 'linear' })
    expect(declared.value).toBeCloseTo(0.12621359223300957, 12)
    const unweighted = cohenKappa(pairs, { scale: [1, 2, 3, 4, 5, 6] })
    expect(unweighted.value).toBeCloseTo(-0.006289308, 6) // unweighted kappa does not depend on spacing
  })
})

describe('cohenKappaTable against irrCAC kappa2.table (values; irrCAC uses another SE)', () => {
  it('cont3x3abstractors: κ 0.7964094 (irrCAC overview vignette)', () => {
    expect(cohenKappaTable(ABSTRACTORS, { scale: ['ectopic', 'aiu', 'niu'] }).value).toBeCloseTo(0.7964094, 7)
  })

  it.each([
    ['identity', 0.432],
    ['linear', 0.407],
    ['quadratic', 0.383],
  ] as const)('cont4x4diagnosis, %s weights: κ %s (afergadis/irrCAC test_cohen.py)', (weights, value) => {
    const r = cohenKappaTable(DIAGNOSIS_4X4, { scale: ['schizophrenia', 'bipolar', 'depression', 'other'], weights })
    expect(r.value).toBeCloseTo(value, 3)
  })
})

describe('cohenKappa by hand', () => {
  it('2 × 2: p_o = 2/3, p_e = 4/9, κ = 0.4; the unit with a missing rating is left out', () => {
    const r = cohenKappa(
      [
        ['a', 'a'],
        ['b', 'b'],
        ['a', 'b'],
        ['b', null],
      ],
      { scale: ['a', 'b'] },
    )
    expect(r.observed).toBeCloseTo(2 / 3, 12)
    expect(r.expected).toBeCloseTo(4 / 9, 12)
    expect(r.value).toBeCloseTo(0.4, 12)
    expect([r.units, r.pairableUnits]).toEqual([4, 3])
  })

  it('an unused level between used ones changes linear weighted kappa (weights from the declared scale)', () => {
    const t = [
      [1, 2],
      [2, 2],
      [1, 1],
      [4, 2],
      [4, 4],
      [2, 4],
    ]
    // Observed levels only (1, 2, 4 spaced evenly, as irr does): 2–4 is one step. Declared 1–4: two steps.
    const observedOnly = cohenKappa(t, {
      scale: {
        levels: [
          { id: 1, score: 1 },
          { id: 2, score: 2 },
          { id: 4, score: 3 },
        ],
      },
      weights: 'linear',
    })
    const declared = cohenKappa(t, { scale: [1, 2, 3, 4], weights: 'linear' })
    // Hand, declared: w(1,2) = 2/3, w(2,4) = 1/3, w(1,4) = 0; p_o = 13/18, p_e = 31/54, κ = 8/23.
    expect(declared.value).toBeCloseTo(8 / 23, 12)
    // Hand, observed only: w(1,2) = w(2,4) = 1/2; p_o = 3/4, p_e = 7/12, κ = 2/5.
    expect(observedOnly.value).toBeCloseTo(0.4, 12)
  })
})

describe('cohenKappa input problems', () => {
  it('refuses a table that is not square, saying what was expected', () => {
    const r = cohenKappaTableEither(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { scale: [1, 2, 3] },
    )
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('square 3 × 3 contingency table')
    const s = cohenKappaTableEither(
      [
        [1, 2],
        [4, 5, 6],
      ],
      { scale: [1, 2] },
    )
    expect(E.isLeft(s) && s.left.map((p) => p.path)).toEqual([['table', 1]])
  })

  it('refuses a units × raters matrix with three raters', () => {
    const r = cohenKappaEither([['a', 'a', 'b']], { scale: ['a', 'b'] })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('exactly two raters')
  })

  it('refuses fractional and negative cells', () => {
    const r = cohenKappaTableEither(
      [
        [1.5, 0],
        [0, -1],
      ],
      { scale: ['a', 'b'] },
    )
    expect(E.isLeft(r) && r.left.map((p) => p.path)).toEqual([
      ['table', 0, 0],
      ['table', 1, 1],
    ])
  })

  it('refuses a custom weight matrix with a diagonal other than 1 or a weight above 1', () => {
    const r = cohenKappaTableEither(
      [
        [1, 0],
        [0, 1],
      ],
      {
        scale: ['a', 'b'],
        weights: [
          [0.9, 0],
          [2, 1],
        ],
      },
    )
    expect(E.isLeft(r) && r.left.map((p) => p.path)).toEqual([
      ['weights', 0, 0],
      ['weights', 1, 0],
    ])
  })
})
