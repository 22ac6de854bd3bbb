import { describe, expect, it } from 'vitest'
import {
  brennanPrediger,
  cohenKappa,
  cohenKappaTable,
  fleissKappa,
  gwetAC,
  krippendorffAlpha,
  percentAgreement,
  type AgreementEstimate,
} from '../../src/index.js'

const AB = { scale: ['a', 'b'] }
const noNaN = (e: AgreementEstimate) => {
  for (const v of [e.value, e.se, e.se0, e.lo, e.hi, e.z, e.p, e.observed, e.expected]) {
    if (v !== null) expect(Number.isFinite(v)).toBe(true)
  }
}

describe('all ratings in one level (on a two-level scale)', () => {
  const data = [
    ['a', 'a', 'a'],
    ['a', 'a', 'a'],
    ['a', 'a', 'a'],
  ]

  it('AC1 = 1: the π have no spread, so p_e = 0 and AC1 = p_a = 1', () => {
    const r = gwetAC(data, AB)
    expect(r.value).toBe(1)
    expect(r.expected).toBe(0)
    noNaN(r)
  })

  it('Brennan–Prediger = 1 and percent agreement = 1', () => {
    expect(brennanPrediger(data, AB).value).toBe(1)
    expect(percentAgreement(data, AB).value).toBe(1)
  })

  it('Fleiss κ is undefined: observed and chance agreement are both 1 (0/0), never NaN', () => {
    const r = fleissKappa(data, AB)
    expect(r.overall).toMatchObject({ defined: false, value: null, observed: 1, expected: 1 })
    expect(!r.overall.defined && r.overall.reason).toMatch(/0\/0/)
    expect(r.levels[0]!.reason).toMatch(/every rating is in this level/)
    expect(r.levels[1]!.reason).toMatch(/no rating is in this level/)
    noNaN(r.overall)
  })

  it('Cohen κ is undefined with the same reason, from a matrix and from a table', () => {
    const m = cohenKappa(
      [
        ['a', 'a'],
        ['a', 'a'],
      ],
      AB,
    )
    const t = cohenKappaTable(
      [
        [5, 0],
        [0, 0],
      ],
      AB,
    )
    for (const r of [m, t]) {
      expect(r.defined).toBe(false)
      expect(!r.defined && r.reason).toMatch(/all ratings are in one level.*0\/0/)
      noNaN(r)
    }
  })

  it('Krippendorff α is undefined: D_o = D_e = 0, so α = 1 − 0/0', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const r = krippendorffAlpha(data, { ...AB, level })
      expect(r.defined).toBe(false)
      expect(!r.defined && r.reason).toMatch(/1 − 0\/0/)
      noNaN(r)
    }
  })
})

describe('one unit', () => {
  it('AC1 and Fleiss κ have a value but no standard error, and say why', () => {
    const g = gwetAC([['a', 'b', 'a']], AB)
    // p_a = 1/3 (one agreeing pair of three); π = (2/3, 1/3); p_e = 2/(2·1) · 2·(2/9) = 4/9; AC1 = −1/5.
    expect(g.value).toBeCloseTo(-0.2, 12)
    expect(g.se).toBeNull()
    expect(g.notes.join()).toMatch(/one unit/)
    const f = fleissKappa([['a', 'b', 'a']], AB).overall
    expect(f.value).toBeCloseTo(-0.5, 12) // p_a = 1/3, p_e = 5/9
    expect([f.se, f.z]).toEqual([null, null])
  })

  it('Krippendorff α has a value and no bootstrap interval', () => {
    const r = krippendorffAlpha([['a', 'b']], AB)
    expect(r.value).toBeCloseTo(0, 12) // D_o = D_e = 1
    expect(r.lo).toBeNull()
    expect(r.notes.join()).toMatch(/one pairable unit/)
  })

  it('Cohen κ on one unit rated alike by both is undefined (p_e = 1)', () => {
    expect(cohenKappa([['b', 'b']], AB).defined).toBe(false)
  })
})

describe('one rater', () => {
  const data = [['a'], ['b'], ['a']]
  it.each([
    ['gwetAC', () => gwetAC(data, AB)],
    ['brennanPrediger', () => brennanPrediger(data, AB)],
    ['percentAgreement', () => percentAgreement(data, AB)],
    ['krippendorffAlpha', () => krippendorffAlpha(data, AB)],
    ['fleissKappa', () => fleissKappa(data, AB).overall],
  ])('%s is undefined: one rater, no pair of ratings', (_, f) => {
    const r = f()
    expect(r.defined).toBe(false)
    expect(!r.defined && r.reason).toMatch(/^one rater/)
    expect(r.units).toBe(3)
  })
})

describe('no pairable values', () => {
  const data = [
    ['a', null],
    [null, 'b'],
    [null, null],
  ]
  it.each([
    ['gwetAC', () => gwetAC(data, AB)],
    ['krippendorffAlpha', () => krippendorffAlpha(data, AB)],
    ['percentAgreement', () => percentAgreement(data, AB)],
  ])('%s is undefined: no unit has two ratings', (_, f) => {
    const r = f()
    expect(r).toMatchObject({ defined: false, value: null, units: 2, pairableUnits: 0 })
    expect(!r.defined && r.reason).toMatch(/no pairable values/)
  })

  it('Cohen κ with no unit rated by both raters is undefined', () => {
    const r = cohenKappa(data, AB)
    expect(!r.defined && r.reason).toMatch(/no unit was rated by both raters/)
  })

  it('an empty matrix is undefined: no units', () => {
    expect(gwetAC([], AB)).toMatchObject({ defined: false, reason: 'no units: there is nothing to compare' })
    expect(krippendorffAlpha([], AB)).toMatchObject({ defined: false, reason: 'no units: there is nothing to compare' })
  })
})
