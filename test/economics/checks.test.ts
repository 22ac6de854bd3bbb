import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import {
  fteClaim,
  fteClaimEither,
  impliedNonRespondents,
  impliedNonRespondentsEither,
  shareSums,
  shareSumsEither,
} from '../../src/economics/checks.js'
import { RealistError } from '../../src/model/problem.js'

// Table 8's hours row (E-MHIP L2132): 1290 / 1650 / -- / 2690.
const TABLE8_HOURS = [1290, 1650, null, 2690]

describe('shareSums', () => {
  it('accepts a whole-percent column summing to 100 and gives the interval the unrounded shares can take', () => {
    expect(shareSums([{ id: 'ss', percents: [6, 26, 44, 20, 4] }])).toEqual([
      { id: 'ss', sum: 1, shares: 5, missing: 0, low: 0.975, high: 1.025, consistent: true },
    ])
  })

  it('accepts 99 and 101 from five rounded shares (33.4 + 33.3 + 33.3 prints 33 + 33 + 33 = 99), refuses 103 from five', () => {
    expect(shareSums([{ id: 'a', percents: [33, 33, 33] }])[0]!.consistent).toBe(true) // 99 ± 1.5
    expect(shareSums([{ id: 'b', percents: [21, 21, 21, 20, 20] }])[0]!.consistent).toBe(false) // 103 − 2.5 = 100.5 > 100
    expect(shareSums([{ id: 'c', percents: [60, 45] }])[0]!.consistent).toBe(false)
  })

  it('with a cell left out, asks only that the rest not pass 100 %; one decimal place narrows the interval', () => {
    expect(shareSums([{ id: 'x', percents: [40, null, 30] }])[0]).toMatchObject({ missing: 1, consistent: true })
    expect(shareSums([{ id: 'y', percents: [50.2, 49.9] }], { digits: 1 })[0]).toMatchObject({
      consistent: true,
      low: 1,
      high: 1.002,
    })
  })

  it('names a share over 100 %, a negative or too precise one by column and cell', () => {
    const r = shareSumsEither([{ id: 'ss', percents: [6, 126, -1, 2.5] }])
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where])).toEqual([
      ['columns.0.percents.1', 'shareSums › column ss › cell 1'],
      ['columns.0.percents.2', 'shareSums › column ss › cell 2'],
      ['columns.0.percents.3', 'shareSums › column ss › cell 3'],
    ])
    expect(() => shareSums(undefined as never)).toThrow(RealistError)
    expect(() => shareSums([], { digits: 9 })).toThrow(/digits/)
  })

  it('property: shares that sum to 100 exactly, rounded half-up to whole percents, always pass', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), (weights) => {
        const total = weights.reduce((s, w) => s + w, 0)
        const percents = weights.map((w) => Math.floor((100 * w) / total + 0.5))
        expect(shareSums([{ id: 'p', percents }])[0]!.consistent).toBe(true)
      }),
    )
  })
})

describe('fteClaim: "at least one full-time member of staff in three of the four sites" (E-MHIP L2118)', () => {
  it('is proven only up to 1,290 contracted hours a year, and possible up to 1,650 (South West Yorkshire unknown)', () => {
    // Known hours sorted: 2690, 1650, 1290. Three sites need 1290 ≥ H; with SW Yorks meeting it, two known suffice: 1650 ≥ H.
    expect(fteClaim(TABLE8_HOURS, { contractedHours: 1290, sites: 3 })).toMatchObject({
      holds: true,
      sitesMeetingLow: 3,
      sitesMeetingHigh: 4,
    })
    expect(fteClaim(TABLE8_HOURS, { contractedHours: 1500, sites: 3 })).toMatchObject({
      holds: null,
      sitesMeetingLow: 2,
      sitesMeetingHigh: 3,
    })
    const afc = fteClaim(TABLE8_HOURS, { contractedHours: 37.5 * 52, sites: 3 }) // 1,950 h: 37.5 h a week, 52 weeks
    expect(afc).toMatchObject({
      holds: false,
      sitesMeetingLow: 1,
      sitesMeetingHigh: 2,
      holdsUpTo: 1290,
      possibleUpTo: 1650,
      of: 4,
    })
  })

  it('scales with the posts claimed and refuses bad input by name', () => {
    expect(fteClaim(TABLE8_HOURS, { contractedHours: 1000, sites: 1, fte: 2 })).toMatchObject({
      holds: true,
      holdsUpTo: 1345,
    })
    const r = fteClaimEither([1290, -3], { contractedHours: 0, sites: 5 })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'fteClaim › hours[1]',
      'fteClaim › contractedHours',
      'fteClaim › sites',
    ])
    expect(() => fteClaim(TABLE8_HOURS, undefined as never)).toThrow(RealistError)
  })
})

describe('impliedNonRespondents: "12 hours … an additional one-third of a full-time post per site" (E-MHIP L2118)', () => {
  it('at 1,950 contracted hours: 650 h per site = 54.17 non-respondents; at 40 % response, 90.28 invited and 36.11 respondents', () => {
    // 1950 / 3 = 650 h; 650 / 12 = 54.1667; 54.1667 / 0.6 = 90.2778; × 0.4 = 36.1111
    const r = impliedNonRespondents({ hoursEach: 12, postFraction: 1 / 3, contractedHours: 1950, responseRate: 0.4 })
    expect(r.hoursPerSite).toBeCloseTo(650, 9)
    expect(r.nonRespondents).toBeCloseTo(54.1667, 4)
    expect(r.invited).toBeCloseTo(90.2778, 4)
    expect(r.respondents).toBeCloseTo(36.1111, 4)
  })

  it('without a rate gives no counts of invited or respondents; refuses zero hours and a rate of 1', () => {
    expect(impliedNonRespondents({ hoursEach: 12, postFraction: 1 / 3, contractedHours: 1290 })).toMatchObject({
      invited: null,
      respondents: null,
    })
    const r = impliedNonRespondentsEither({ hoursEach: 0, postFraction: 1 / 3, contractedHours: 1290, responseRate: 1 })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'impliedNonRespondents › hoursEach',
      'impliedNonRespondents › responseRate',
    ])
    expect(() => impliedNonRespondents(undefined as never)).toThrow(RealistError)
  })
})
