import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { agreement, agreementEither, decodeEvaluation, type Evaluation } from '../../src/index.js'
import { KRIPPENDORFF_2011 } from './fixtures.js'

const RATERS = ['A', 'B', 'C', 'D']

/**
 * A version 2 document on a five-level scale (scores 5–1, listed best first) whose rater-keyed ratings of
 * criterion a.1 are Krippendorff's (2011) 4 coders × 12 units, spread over two sites;
 * criterion a.2 is rated "l3" by every rater (no variation); site "south" is in region West.
 */
const document = (): Evaluation => {
  const byRaterOf = (u: number) => {
    const a1: Record<string, { level: string }> = {}
    KRIPPENDORFF_2011[u]!.forEach((v, r) => {
      if (v !== null) a1[RATERS[r]!] = { level: `l${v}` }
    })
    return { r1: { 'a.1': a1, 'a.2': { A: { level: 'l3' }, B: { level: 'l3' } } } }
  }
  const unit = (u: number) => ({
    id: `u${u + 1}`,
    name: `Unit ${u + 1}`,
    ratings: {},
    objectives: [],
    objectiveCells: [],
    byRater: byRaterOf(u),
  })
  const json = {
    schemaVersion: 2,
    title: 'Agreement fixture',
    programme: { id: 'p', name: 'P' },
    framework: {
      id: 'k5',
      title: 'Five levels',
      scale: {
        id: 'k5',
        label: 'five',
        levels: [5, 4, 3, 2, 1].map((i) => ({ id: `l${i}`, label: `Level ${i}`, score: i })),
      },
      sections: [
        {
          id: 'S',
          title: 'S',
          standards: [
            {
              id: 'a',
              title: 'A',
              variants: [],
              criteria: [
                { id: 'a.1', text: 'one' },
                { id: 'a.2', text: 'two' },
              ],
            },
          ],
        },
      ],
    },
    rounds: [{ id: 'r1', label: 'Baseline' }],
    ...Object.fromEntries(
      [
        'objectiveTypes',
        'stakeholderGroups',
        'informants',
        'sources',
        'excerpts',
        'elements',
        'configurations',
        'theories',
      ].map((k) => [k, []]),
    ),
    raters: RATERS.map((id) => ({ id, name: `Rater ${id}` })),
    attributes: [{ id: 'region', label: 'Region', on: 'site', kind: 'categorical', categories: ['East', 'West'] }],
    sites: [
      { id: 'north', name: 'North', aliases: [], attributes: { region: 'East' }, units: [0, 1, 2, 3, 4, 5].map(unit) },
      {
        id: 'south',
        name: 'South',
        aliases: [],
        attributes: { region: 'West' },
        units: [6, 7, 8, 9, 10, 11].map(unit),
      },
    ],
  }
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
