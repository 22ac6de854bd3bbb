import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { gasTScore, gasTScoreEither } from '../../src/gas/tscore.js'
import { RealistError } from '../../src/model/problem.js'

const equal = (...xs: (number | null)[]) => xs.map((score) => ({ score, weight: 1 }))
const levels = fc.constantFrom(-2, -1, 0, 1, 2)

// The formula: Kiresuk & Sherman (1968), Community Mental Health Journal 4:443-453; as printed (and corrected in the
// erratum) by Turner-Stokes (2009), "Goal attainment scaling (GAS) in rehabilitation: a practical guide", Clinical
// Rehabilitation 23:362-370: Overall GAS = 50 + 10 Σ(wᵢxᵢ) / √(0.7 Σwᵢ² + 0.3 (Σwᵢ)²) for ρ = 0.3.
describe('gasTScore: hand-worked values', () => {
  it('x = (2, 1, 0), equal weights, ρ = 0.3 → 63.6931', () => {
    // Σwx = 2 + 1 + 0 = 3; Σw² = 3; (Σw)² = 9
    // denominator √(0.7 · 3 + 0.3 · 9) = √(2.1 + 2.7) = √4.8 = 2.190890
    // T = 50 + 10 · 3 / 2.190890 = 50 + 13.693064 = 63.693064
    const r = gasTScore(equal(2, 1, 0))
    expect(r.t).toBeCloseTo(63.693064, 6)
    expect(r).toMatchObject({ goals: 3, excluded: 0, rho: 0.3 })
  })

  it('weights importance × difficulty: x = (−1, 1), w = (6, 2) → 50 + 10 · (−4) / √(0.7 · 40 + 0.3 · 64) = 44.1778', () => {
    // Σwx = −6 + 2 = −4; Σw² = 36 + 4 = 40; (Σw)² = 64; √(28 + 19.2) = √47.2 = 6.870226; T = 50 − 40 / 6.870226 = 50 − 5.822225 = 44.177775
    expect(
      gasTScore([
        { score: -1, weight: 6 },
        { score: 1, weight: 2 },
      ]).t,
    ).toBeCloseTo(44.177775, 6)
  })

  it('ρ is configurable: x = (2, 1, 0) with ρ = 0 → 50 + 30 / √3 = 67.3205; with ρ = 0.5 → 50 + 30 / √6 = 62.2474', () => {
    expect(gasTScore(equal(2, 1, 0), { rho: 0 }).t).toBeCloseTo(67.320508, 6)
    expect(gasTScore(equal(2, 1, 0), { rho: 0.5 }).t).toBeCloseTo(62.247449, 6)
  })

  it('a single goal gives T = 50 + 10x, whatever its weight (Kiresuk & Sherman: one scale has mean 50, SD 10)', () => {
    for (const x of [-2, -1, 0, 1, 2])
      for (const w of [0.5, 1, 9]) expect(gasTScore([{ score: x, weight: w }]).t).toBeCloseTo(50 + 10 * x, 12)
  })

  it('all goals one level below expected: 3 goals → 50 − 30 / √4.8 = 36.3069 (the usual baseline when goals start at −1)', () => {
    expect(gasTScore(equal(-1, -1, -1)).t).toBeCloseTo(36.306936, 6)
  })
})

describe('gasTScore: properties', () => {
  it('T = 50 exactly when every goal is at the expected level, whatever the weights and ρ', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 })
          .filter((ws) => ws.some((w) => w > 0)),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (weights, rho) => {
          expect(
            gasTScore(
              weights.map((weight) => ({ score: 0, weight })),
              { rho },
            ).t,
          ).toBe(50)
        },
      ),
    )
  })

  it('T is symmetric about 50 (x → −x) and scaling all weights leaves it unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(levels, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 10 }),
        (goals) => {
          const t = gasTScore(goals.map(([score, weight]) => ({ score, weight }))).t
          const mirrored = gasTScore(goals.map(([score, weight]) => ({ score: -score, weight }))).t
          const scaled = gasTScore(goals.map(([score, weight]) => ({ score, weight: weight * 3 }))).t
          expect(t - 50).toBeCloseTo(50 - mirrored, 9)
          expect(scaled).toBeCloseTo(t, 9)
        },
      ),
    )
  })
})

describe('gasTScore: missing scores and degenerate sets', () => {
  it('excludes unscored goals by default and counts them; refuses them under missing: "error"', () => {
    expect(gasTScore(equal(2, null, 1, 0))).toMatchObject({ goals: 3, excluded: 1 })
    expect(gasTScore(equal(2, null, 1, 0)).t).toBeCloseTo(63.693064, 6)
    const r = gasTScoreEither(equal(2, null), { missing: 'error' })
    expect(E.isLeft(r) && r.left.map((p) => [p.path, p.where])).toEqual([
      [['goals', 1, 'score'], 'gasTScore › goal 2 › score'],
    ])
  })

  it('refuses no goals, all-unscored goals and all weights 0 (never silently equal weights)', () => {
    expect(() => gasTScore([])).toThrow(/at least one scored goal, found "no goals"/)
    expect(() => gasTScore(equal(null, null))).toThrow(/2 goal\(s\), none scored/)
    expect(() =>
      gasTScore([
        { score: 1, weight: 0 },
        { score: 2, weight: 0 },
      ]),
    ).toThrow(/weights are never replaced by equal weights/)
  })

  it('names a score off the scale, a half level, a negative weight and a bad ρ; never a TypeError', () => {
    const r = gasTScoreEither([
      { score: 3, weight: 1 },
      { score: 0.5, weight: 1 },
      { score: 0, weight: -2 },
    ])
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'gasTScore › goal 1 › score',
      'gasTScore › goal 2 › score',
      'gasTScore › goal 3 › weight',
    ])
    expect(() => gasTScore(equal(1), { rho: 1 })).toThrow(/rho/)
    expect(() => gasTScore(undefined as never)).toThrow(RealistError)
    expect(() => gasTScore([null as never])).toThrow(RealistError)
  })
})
