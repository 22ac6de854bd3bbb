import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cohenKappa, fleissKappa, gwetAC, krippendorffAlpha, type AgreementEstimate } from '../../src/index.js'

const runs = Number(process.env.FUZZ_RUNS ?? 100)
const LEVELS = ['p', 'q', 'r', 's']

/** Units × raters matrices over LEVELS, optionally with missing cells. */
const matrix = (raters: number, missing: boolean) =>
  fc.array(
    fc.array(missing ? fc.option(fc.constantFrom(...LEVELS), { nil: null, freq: 4 }) : fc.constantFrom(...LEVELS), {
      minLength: raters,
      maxLength: raters,
    }),
    {
      minLength: 1,
      maxLength: 40,
    },
  )

const relabel = (perm: readonly string[]) => (m: (string | null)[][]) =>
  m.map((row) => row.map((v) => (v === null ? null : perm[LEVELS.indexOf(v)]!)))

const same = (a: AgreementEstimate, b: AgreementEstimate) => {
  expect(b.defined).toBe(a.defined)
  if (a.value !== null) expect(b.value).toBeCloseTo(a.value, 10)
}

describe('agreement properties', () => {
  it('nominal coefficients are invariant under relabelling the levels (scale relabelled alike)', () => {
    fc.assert(
      fc.property(matrix(3, true), fc.shuffledSubarray(LEVELS, { minLength: 4, maxLength: 4 }), (m, perm) => {
        const relabelled = relabel(perm)(m)
        const scale = { scale: LEVELS }
        const scale2 = { scale: LEVELS.map((l) => perm[LEVELS.indexOf(l)]!) }
        same(
          krippendorffAlpha(m, { ...scale, replicates: 0 }),
          krippendorffAlpha(relabelled, { ...scale2, replicates: 0 }),
        )
        same(gwetAC(m, scale), gwetAC(relabelled, scale2))
        // The scale order need not follow the relabelling for nominal data: use the original order too.
        same(
          krippendorffAlpha(m, { ...scale, replicates: 0 }),
          krippendorffAlpha(relabelled, { ...scale, replicates: 0 }),
        )
      }),
      { numRuns: runs },
    )
  })

  it('Cohen and Fleiss κ are invariant under relabelling', () => {
    fc.assert(
      fc.property(matrix(2, false), fc.shuffledSubarray(LEVELS, { minLength: 4, maxLength: 4 }), (m, perm) => {
        const relabelled = relabel(perm)(m)
        same(cohenKappa(m, { scale: LEVELS }), cohenKappa(relabelled, { scale: LEVELS }))
        same(fleissKappa(m, { scale: LEVELS }).overall, fleissKappa(relabelled, { scale: LEVELS }).overall)
      }),
      { numRuns: runs },
    )
  })

  it('swapping the two raters leaves Cohen κ, its SEs and z unchanged (weighted too)', () => {
    fc.assert(
      fc.property(
        matrix(2, true),
        fc.constantFrom('identity', 'linear', 'quadratic') as fc.Arbitrary<'identity'>,
        (m, weights) => {
          const a = cohenKappa(m, { scale: LEVELS, weights })
          const b = cohenKappa(
            m.map(([x, y]) => [y!, x!]),
            { scale: LEVELS, weights },
          )
          same(a, b)
          if (a.defined && b.defined) {
            if (a.se !== null) expect(b.se).toBeCloseTo(a.se, 8)
            if (a.z !== null) expect(b.z).toBeCloseTo(a.z, 8)
          }
        },
      ),
      { numRuns: runs },
    )
  })

  it('2 coders, nominal, complete: α = π + (1 − π)/(2n), so α → Scott’s π as n grows (Krippendorff 2004, §11.3)', () => {
    fc.assert(
      fc.property(matrix(2, false), (m) => {
        const n = m.length
        const agree = m.filter(([x, y]) => x === y).length / n
        const pe = LEVELS.reduce((s, l) => s + (m.flat().filter((v) => v === l).length / (2 * n)) ** 2, 0)
        fc.pre(pe < 1)
        const pi = (agree - pe) / (1 - pe)
        const alpha = krippendorffAlpha(m, { scale: LEVELS, replicates: 0 }).value!
        expect(alpha - pi).toBeCloseTo((1 - pi) / (2 * n), 10)
      }),
      { numRuns: runs },
    )
    // And the gap shrinks: the same table at 10× the units brings α within 1/(20n) of π.
    const base = [
      ['p', 'p'],
      ['p', 'q'],
      ['q', 'q'],
      ['r', 'r'],
      ['q', 'r'],
    ]
    const gaps = [1, 10, 100].map((k) => {
      const m = Array.from({ length: k }, () => base).flat()
      const a = krippendorffAlpha(m, { scale: LEVELS, replicates: 0 }).value!
      // Scott's π of this table (hand): p_a = 3/5, p = (3, 4, 3)/10, p_e = 0.34, π = 0.26/0.66.
      return Math.abs(a - 0.26 / 0.66)
    })
    expect(gaps[1]!).toBeLessThan(gaps[0]! / 9)
    expect(gaps[2]!).toBeLessThan(1e-3)
  })

  it('a bootstrap with a fixed seed is reproducible', () => {
    fc.assert(
      fc.property(
        matrix(3, true),
        fc.integer(),
        fc.constantFrom('nominal', 'ordinal', 'interval') as fc.Arbitrary<'nominal'>,
        (m, seed, level) => {
          const scale = { scale: [1, 2, 3, 4] }
          const num = m.map((row) => row.map((v) => (v === null ? null : LEVELS.indexOf(v) + 1)))
          const a = krippendorffAlpha(num, { ...scale, level, seed, replicates: 50 })
          const b = krippendorffAlpha(num, { ...scale, level, seed, replicates: 50 })
          expect([b.lo, b.hi, b.se]).toEqual([a.lo, a.hi, a.se])
        },
      ),
      { numRuns: Math.min(runs, 50) },
    )
  })

  it('no coefficient ever returns NaN or Infinity: undefined values are null with a reason', () => {
    fc.assert(
      fc.property(matrix(3, true), (m) => {
        for (const e of [gwetAC(m, { scale: LEVELS }), krippendorffAlpha(m, { scale: LEVELS, replicates: 20 })]) {
          for (const v of [e.value, e.se, e.lo, e.hi, e.z, e.p]) if (v !== null) expect(Number.isFinite(v)).toBe(true)
          if (!e.defined) expect(e.reason.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: runs },
    )
  })
})
