import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { agreementFromRatings, agreementFromRatingsEither, type RaterRating } from '../../src/index.js'
import { DIAGNOSES, KRIPPENDORFF_2011 } from './fixtures.js'

const RATERS = ['A', 'B', 'C', 'D']
/** A units × raters matrix as tidy rater ratings of one target (missing cells are absent rows). */
const tidy = (
  matrix: readonly (readonly (number | string | null)[])[],
  extra: Partial<RaterRating> & { target: string },
  raters = RATERS,
): RaterRating[] =>
  matrix.flatMap((row, u) =>
    row.flatMap((level, r) =>
      level === null ? [] : [{ unit: `u${u + 1}`, rater: raters[r]!, level, ...extra } as RaterRating],
    ),
  )

describe('agreementFromRatings', () => {
  const k2011 = tidy(KRIPPENDORFF_2011, { target: '2.4', site: 'north' })

  it('reproduces Krippendorff (2011) α 0.743 and irrCAC AC1 0.775 from rater-keyed rows, with units and raters behind each', () => {
    const rows = agreementFromRatings(k2011, {
      scale: [1, 2, 3, 4, 5],
      coefficient: ['krippendorff-alpha', 'gwet-ac1'],
      level: 'nominal',
      replicates: 0,
    })
    expect(rows.map((r) => [r.coefficient, r.value !== null && Number(r.value.toFixed(3))])).toEqual([
      ['krippendorff-alpha', 0.743],
      ['gwet-ac1', 0.775],
    ])
    expect(rows[0]).toMatchObject({ metric: 'nominal', units: 12, pairableUnits: 11, raters: 4, ratings: 40 })
    expect(rows[1]).toMatchObject({ metric: null, units: 12, pairableUnits: 11, raters: 4, ratings: 41 })
  })

  it('groups by any rating field: one row per target, in first-seen order, the group value as a column', () => {
    const both = [...k2011, ...tidy(DIAGNOSES, { target: 'dx', site: 'south' }, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'])]
    const rows = agreementFromRatings(both, { scale: [1, 2, 3, 4, 5], coefficient: 'fleiss-kappa', by: ['target'] })
    expect(rows.map((r) => r['target'])).toEqual(['2.4', 'dx'])
    // 2.4 has missing ratings: Fleiss' kappa is undefined there, with the reason.
    expect(rows[0]!.value).toBeNull()
    expect(rows[0]!.reason).toMatch(/needs every rater on every item: 4 of 12 items lack a rating/)
    // dx is Fleiss (1971): κ 0.430 (irr kappam.fleiss 0.4302445).
    expect(rows[1]!.value).toBeCloseTo(0.4302445, 7)
    expect(rows[1]).toMatchObject({ units: 30, raters: 6, ratings: 180 })
    const bySite = agreementFromRatings(both, {
      scale: [1, 2, 3, 4, 5],
      coefficient: 'percent-agreement',
      by: ['site'],
    })
    expect(bySite.map((r) => r['site'])).toEqual(['north', 'south'])
  })

  it('Cohen’s kappa on a group of four raters is undefined, with the reason; on two it is computed', () => {
    const rows = agreementFromRatings(k2011, { scale: [1, 2, 3, 4, 5], coefficient: 'cohen-kappa' })
    expect(rows[0]!.reason).toMatch(/compares two raters; this group has 4/)
    const two = k2011.filter((r) => r.rater === 'A' || r.rater === 'B')
    // Raters A and B agree on 8 of the 9 units both rated (unit 6: 1 vs 2).
    const k = agreementFromRatings(two, { scale: [1, 2, 3, 4, 5], coefficient: ['cohen-kappa', 'percent-agreement'] })
    expect(k[1]!.value).toBeCloseTo(8 / 9, 12)
    expect(k[0]).toMatchObject({ raters: 2, pairableUnits: 9 })
  })

  it('treats "na" and null as no rating', () => {
    const rows: RaterRating[] = [
      { unit: 'a', target: 't', rater: 'x', level: 'met' },
      { unit: 'a', target: 't', rater: 'y', level: 'na' },
      { unit: 'b', target: 't', rater: 'x', level: 'met' },
      { unit: 'b', target: 't', rater: 'y', level: 'met' },
      { unit: 'c', target: 't', rater: 'x', level: null },
    ]
    const r = agreementFromRatings(rows, { scale: ['met', 'not-met'], coefficient: 'percent-agreement' })[0]!
    expect(r).toMatchObject({ value: 1, units: 2, pairableUnits: 1, ratings: 3 })
  })

  it('refuses a rater rating one item twice, a level not on the scale, and a figure name as a group key', () => {
    const twice = agreementFromRatingsEither(
      [
        { unit: 'a', target: 't', rater: 'x', level: 'met' },
        { unit: 'a', target: 't', rater: 'x', level: 'met' },
      ],
      { scale: ['met', 'not-met'] },
    )
    expect(E.isLeft(twice) && twice.left[0]).toMatchObject({ path: ['ratings', 1], code: 'duplicate' })
    const off = agreementFromRatingsEither([{ unit: 'a', target: 't', rater: 'x', level: 'partly' }], {
      scale: ['met', 'not-met'],
    })
    expect(E.isLeft(off) && off.left[0]).toMatchObject({ path: ['ratings', 0, 'level'], code: 'value' })
    const by = agreementFromRatingsEither([], { scale: ['met', 'not-met'], by: ['value'] })
    expect(E.isLeft(by) && by.left[0]!.path).toEqual(['by', 0])
    const coef = agreementFromRatingsEither([], {
      scale: ['met', 'not-met'],
      coefficient: 'kappa' as never,
      level: 'circular' as never,
    })
    expect(E.isLeft(coef) && coef.left.map((p) => p.path[0])).toEqual(['coefficient', 'level'])
  })
})
