import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { describeCounts, documentCounts, reportInputsEither } from '../../src/report/report-inputs.js'
import { small } from './fixture.js'

describe('documentCounts', () => {
  it('counts the MHIP dataset: 4 sites, 15 workstreams, 84 objectives (L1910: "37 of the 84 objectives")', () => {
    expect(documentCounts(mhipEvaluation)).toEqual({ sites: 4, units: 15, rounds: 1, ratings: 0, objectives: 84 })
    expect(describeCounts(documentCounts(mhipEvaluation))).toBe('4 sites, 15 units, 1 round, 0 ratings, 84 objectives')
  })
  it('counts the ratings of the small fixture (8, one of them not applicable)', () => {
    expect(documentCounts(small).ratings).toBe(8)
  })
})

describe('reportInputsEither', () => {
  it('fills the defaults and knows whether there is anything to show', () => {
    const inputs = reportInputsEither(small)
    expect(
      E.isRight(inputs) && [inputs.right.unknown, inputs.right.round, inputs.right.hasRatings, inputs.right.problems],
    ).toEqual(['bounds', null, true, []])
    const mhip = reportInputsEither(mhipEvaluation)
    expect(E.isRight(mhip) && mhip.right.hasRatings).toBe(false)
  })
  it('refuses an invalid policy', () => {
    expect(E.isLeft(reportInputsEither(small, { policy: { total: 'median' as never } }))).toBe(true)
  })
})
