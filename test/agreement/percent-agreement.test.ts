import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  percentAgreement,
  percentAgreementCounts,
  percentAgreementTable,
  percentAgreementTableEither,
} from '../../src/index.js'
import { ABSTRACTORS, FIVE_OBSERVERS, GENDER, KRIPPENDORFF_2011 } from './fixtures.js'

describe('percentAgreement against irrCAC (p_a of gwet.ac1.raw, afergadis/irrCAC tests)', () => {
  it.each([
    ['cac.raw4raters', KRIPPENDORFF_2011, [1, 2, 3, 4, 5], 0.818],
    ['cac.raw5obser', FIVE_OBSERVERS, [0, 1, 2, 3], 0.616],
    ['cac.raw.gender', GENDER, ['a', 'b', 'c'], 0.456],
  ] as const)('%s: p_a %s', (_, data, scale, pa) => {
    const r = percentAgreement(data as never, { scale: scale as never })
    expect(r.value).toBeCloseTo(pa, 3)
    expect(r.expected).toBe(0)
  })

  it('weighted p_a of cac.raw4raters: linear 0.939, quadratic 0.975', () => {
    expect(percentAgreement(KRIPPENDORFF_2011, { scale: [1, 2, 3, 4, 5], weights: 'linear' }).value).toBeCloseTo(
      0.939,
      3,
    )
    expect(percentAgreement(KRIPPENDORFF_2011, { scale: [1, 2, 3, 4, 5], weights: 'quadratic' }).value).toBeCloseTo(
      0.975,
      3,
    )
  })

  it('cont3x3abstractors: 89 of 100 on the diagonal, 0.89 (irrCAC pa2.table)', () => {
    const r = percentAgreementTable(ABSTRACTORS, { scale: ['ectopic', 'aiu', 'niu'] })
    expect(r.value).toBeCloseTo(0.89, 12)
    expect([r.units, r.raters, r.ratings]).toEqual([100, 2, 200])
  })
})

describe('percentAgreement by hand', () => {
  it('three raters: unit agreement is the share of agreeing pairs (1, 1/3, 1/3); a lone rating is not pairable', () => {
    const r = percentAgreement(
      [
        ['a', 'a', 'a'],
        ['a', 'a', 'b'],
        ['b', 'a', 'b'],
        ['b', null, null],
      ],
      { scale: ['a', 'b'] },
    )
    expect(r.value).toBeCloseTo((1 + 1 / 3 + 1 / 3) / 3, 12)
    expect([r.units, r.pairableUnits]).toEqual([4, 3])
  })

  it('a count table gives the same as the matrix it counts', () => {
    const r = percentAgreementCounts(
      [
        [3, 0],
        [2, 1],
        [1, 2],
      ],
      { scale: ['a', 'b'] },
    )
    expect(r.value).toBeCloseTo(5 / 9, 12)
  })

  it('refuses a contingency table of more than ten million units (each becomes a row)', () => {
    const r = percentAgreementTableEither(
      [
        [1e9, 0],
        [0, 1],
      ],
      { scale: ['a', 'b'] },
    )
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['table'], code: 'limit' })
  })

  it('refuses a contingency table with a row too short', () => {
    const r = percentAgreementTableEither([[1, 2], [3]], { scale: ['a', 'b'] })
    expect(E.isLeft(r) && r.left[0]!.path).toEqual(['table', 1])
  })
})
