import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { agreement, agreementEither, decodeEvaluation, type Evaluation } from '../../src/index.js'
import { krippendorffDocumentJson } from './document-fixture.js'

/** The fixture document (Krippendorff's 2011 reliability data as raters' own ratings of criterion a.1), decoded. */
const document = (): Evaluation => {
  const json = krippendorffDocumentJson()
  const r = decodeEvaluation(json)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('agreement on the document', () => {
  const ev = document()

  it('per target: a.1 gives Krippendorff (2011) nominal α 0.743, ordinal 0.815; a.2 undefined, with reason', () => {
    const nominal = agreement(ev, { by: ['target'], level: 'nominal', replicates: 0 })
    expect(nominal.map((r) => r['target'])).toEqual(['a.1', 'a.2'])
    expect(nominal[0]!.value).toBeCloseTo(0.743, 3)
    expect(nominal[0]).toMatchObject({ units: 12, pairableUnits: 11, raters: 4, ratings: 40 })
    expect(nominal[1]!.value).toBeNull()
    expect(nominal[1]!.reason).toMatch(/one level/)
    const ordinal = agreement(ev, { by: ['target'], replicates: 0 })
    expect(ordinal[0]).toMatchObject({ metric: 'ordinal' })
    expect(ordinal[0]!.value).toBeCloseTo(0.815, 3)
  })

  it('interval α uses the scale’s scores: 0.849 (Krippendorff 2011 data, as irrCAC quadratic weights)', () => {
    const rows = agreement(ev, { by: ['target'], level: 'interval', replicates: 0 })
    expect(rows[0]!.value).toBeCloseTo(0.849, 3)
  })

  it('AC1 per target reproduces irrCAC 0.775 (SE 0.143); by standard both criteria form one group of 24 items', () => {
    const rows = agreement(ev, { by: ['target'], coefficient: 'gwet-ac1' })
    expect(rows[0]!.value).toBeCloseTo(0.775, 3)
    expect(rows[0]!.se).toBeCloseTo(0.143, 3)
    const std = agreement(ev, { by: ['standard'], coefficient: 'percent-agreement' })
    expect(std).toHaveLength(1)
    expect(std[0]).toMatchObject({ standard: 'a', units: 24, pairableUnits: 23 })
  })

  it('groups by site and by a site attribute', () => {
    const bySite = agreement(ev, { by: ['site', 'target'], coefficient: 'percent-agreement' })
    expect(bySite.map((r) => [r['site'], r['target'], r.units])).toEqual([
      ['north', 'a.1', 6],
      ['north', 'a.2', 6],
      ['south', 'a.1', 6],
      ['south', 'a.2', 6],
    ])
    const byRegion = agreement(ev, { by: ['region'], coefficient: 'percent-agreement' })
    expect(byRegion.map((r) => r['region'])).toEqual(['East', 'West'])
  })

  it('refuses an unknown grouping key, instrument or round, naming what exists', () => {
    const r = agreementEither(ev, { by: ['colour'] })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('region')
    const i = agreementEither(ev, { instrument: 'nope' })
    expect(E.isLeft(i) && i.left[0]!.expected).toContain('"k5"')
    const d = agreementEither(ev, { round: 'r9' })
    expect(E.isLeft(d) && d.left[0]!.expected).toContain('r1')
  })

  it('throws a RealistError, not a TypeError, for something that is not an evaluation', () => {
    expect(() => agreement(undefined as never)).toThrow(/a decoded evaluation/)
  })
})
