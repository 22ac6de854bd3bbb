import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { attainmentEither } from '../../src/standards/attainment.js'
import { twoInstrumentDocument } from '../model/instruments-fixture.js'

// A document built in code (not decoded) can hold a level its scale lacks. The problem must name the place
// in the document, even though attainment counts a view in which a site rated as a whole is one more entity
// first among its units and another instrument's ratings sit in `ratings`.
const built = (): Evaluation => {
  const ev = parseEvaluation(twoInstrumentDocument()) as any
  const site = ev.sites[0]
  return {
    ...ev,
    sites: [
      {
        ...site,
        ratings: { r1: { '2.4': { level: 'sort-of' } } },
        units: [
          site.units[0],
          {
            ...site.units[1],
            ratings: { r1: { '1.1': { level: 'nearly' } } },
            instrumentRatings: { compliance: { ratings: { r1: { c2: { level: 'meh' } } } } },
          },
        ],
      },
    ],
  }
}

const places = (
  r: E.Either<readonly { path: readonly (string | number)[]; where: string; found: string }[], unknown>,
) => (E.isLeft(r) ? r.left.map((p) => `${p.path.join('.')} | ${p.where} | ${p.found}`) : 'accepted')

describe('problem paths of a ratings view name the real document position', () => {
  it('a site rated as a whole, and the unit after it (whose index in the view is shifted by one)', () => {
    expect(places(attainmentEither(built()))).toEqual([
      'sites.0.ratings.r1.2.4.level | site ss (as a whole) › round r1 › rating 2.4 | "sort-of"',
      'sites.0.units.1.ratings.r1.1.1.level | site ss › unit crisis › round r1 › rating 1.1 | "nearly"',
    ])
  })

  it('ratings on a further instrument', () => {
    expect(places(attainmentEither(built(), { instrument: 'compliance' }))).toEqual([
      'sites.0.units.1.instrumentRatings.compliance.ratings.r1.c2.level | site ss › unit crisis › instrument compliance › round r1 › rating c2 | "meh"',
    ])
  })

  it('unrated items under unrated: "error" on a site rated as a whole', () => {
    const r = attainmentEither(parseEvaluation(twoInstrumentDocument()), { unrated: 'error', instrument: 'compliance' })
    expect(E.isLeft(r) && r.left.map((p) => p.path.join('.'))).toContain(
      'sites.0.instrumentRatings.compliance.ratings.r1.c1',
    )
  })
})
