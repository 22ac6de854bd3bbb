import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { bandOf, bandProblems, inBand, type Band } from '../../src/model/bands.js'
import { isIsoDate } from '../../src/model/attributes.js'
import { formatProblem } from '../../src/model/problem.js'
import { sampleDocument } from '../support/arbitraries.js'

const ATTRIBUTES = [
  { id: 'group', label: 'Performance group', on: 'site', kind: 'categorical', categories: ['high', 'low'] },
  { id: 'size', label: 'Size', on: 'unit', kind: 'ordinal', order: ['small', 'medium', 'large'] },
  {
    id: 'engagement',
    label: 'Staff engagement index',
    on: 'site',
    kind: 'numeric',
    unit: 'points',
    bands: [
      { id: 'low', label: 'below 50', upper: { value: 50, closed: false } },
      { id: 'mid', label: '50 to under 60', lower: { value: 50, closed: true }, upper: { value: 60, closed: false } },
      { id: 'high', label: '60 and above', lower: { value: 60, closed: true } },
    ],
  },
  { id: 'surveyed', label: 'Survey date', on: 'unit', kind: 'date' },
]

/** The sample document with attributes declared and given values, and one observation. */
const withAttributes = (patch: (doc: any) => void = () => {}) => {
  const doc: any = sampleDocument()
  doc.attributes = structuredClone(ATTRIBUTES)
  doc.sites[0].attributes = { group: 'high', engagement: 61.5 }
  doc.sites[0].units[0].attributes = { size: 'large', surveyed: '2007-03-01' }
  doc.observations = [
    {
      id: 'o1',
      site: 'ss',
      unit: 'crisis',
      target: '2.4',
      round: 'r1',
      date: '2007-01-15',
      source: 'Board minutes',
      text: 'Improvements noted',
    },
  ]
  patch(doc)
  return doc
}
const problemsOf = (doc: unknown): string[] => {
  const r = decodeEvaluation(doc)
  return E.isLeft(r) ? r.left.map((p) => `${formatProblem(p)} [${p.code}]`) : []
}

describe('attributes and observations in the document', () => {
  it('decode, and survive encode → decode unchanged', () => {
    const ev = parseEvaluation(withAttributes())
    expect(ev.attributes?.map((a) => a.id)).toEqual(['group', 'size', 'engagement', 'surveyed'])
    expect(ev.sites[0]!.attributes).toEqual({ group: 'high', engagement: 61.5 })
    expect(ev.observations?.[0]?.text).toBe('Improvements noted')
    expect(parseEvaluation(encodeEvaluation(ev))).toEqual(ev)
  })

  it('a document without them stays valid and gains no field', () => {
    const ev = parseEvaluation(sampleDocument())
    expect('attributes' in ev).toBe(false)
    expect('observations' in ev).toBe(false)
  })

  it('refuses values that do not suit their declaration, naming the place', () => {
    expect(
      problemsOf(
        withAttributes((d) => {
          d.sites[0].attributes = { group: 'middle', engagement: '61', size: 'large', colour: 'red' }
          d.sites[0].units[0].attributes = { size: 'huge', surveyed: '2007-02-30' }
        }),
      ),
    ).toEqual([
      'site ss › attributes › group: expected one of "high" | "low" (the categories of attribute group), found "middle" [value]',
      'site ss › attributes › engagement: expected a finite number (in points of attribute engagement), found "61" [value]',
      'site ss › attributes › size: expected an attribute declared on sites (attribute size is declared on units), found "size" [reference]',
      'site ss › attributes › colour: expected an attribute declared in the document\'s attributes (group, engagement), found "colour" [reference]',
      'site ss › unit acute › attributes › size: expected one of "small" | "medium" | "large" (the order of attribute size), found "huge" [value]',
      'site ss › unit acute › attributes › surveyed: expected a date written YYYY-MM-DD (attribute surveyed), found "2007-02-30" [value]',
    ])
  })

  it('refuses malformed declarations with their paths', () => {
    expect(
      problemsOf(
        withAttributes((d) => {
          d.attributes[0].kind = 'colour'
          d.attributes[1].on = 'team'
          delete d.attributes[2].unit
          d.attributes[2].bands[0].upper.closed = 'yes'
          d.sites[0].attributes = {}
          d.sites[0].units[0].attributes = { surveyed: NaN }
        }),
      ),
    ).toEqual([
      // Sites are decoded before the optional parts of the document.
      'site ss › unit acute › attributes › surveyed: expected a string or a finite number, found NaN [value]',
      'attribute group › kind: expected one of "categorical" | "ordinal" | "numeric" | "date", found "colour" [value]',
      'attribute size › on: expected one of "site" | "unit", found "team" [value]',
      'attribute engagement › unit: expected a string, found nothing (missing) [shape]',
      'attribute engagement › band low › upper › closed: expected true or false, found "yes" [shape]',
    ])
  })

  it('refuses duplicate ids, empty and repeated categories', () => {
    expect(
      problemsOf(
        withAttributes((d) => {
          d.attributes[1].order = ['small', 'small']
          d.attributes.push({ id: 'group', label: 'Again', on: 'site', kind: 'categorical', categories: [] })
          d.sites[0].units[0].attributes = {}
        }),
      ),
    ).toEqual([
      'attribute size › order: expected a value listed once in order, found "small" [duplicate]',
      'attribute group › id: expected an attribute id not used before (attribute #1 has it already), found "group" [duplicate]',
      'attribute group › categories: expected at least one category, found an array of 0 [value]',
    ])
  })

  it('refuses observations with dangling references, an empty text or a bad date', () => {
    expect(
      problemsOf(
        withAttributes((d) => {
          d.observations.push({ id: 'o1', site: 'nowhere', text: 'x' })
          d.observations.push({
            id: 'o3',
            site: 'ss',
            unit: 'ward',
            target: '9.9',
            round: 'r9',
            date: '15/01/2007',
            text: 'y',
          })
          d.observations.push({ id: 'o4', site: 'ss', text: '' })
        }),
      ),
    ).toEqual(['observation o4 › text: expected a non-empty string, found "" [value]'])
    expect(
      problemsOf(
        withAttributes((d) => {
          d.observations.push({ id: 'o1', site: 'nowhere', text: 'x' })
          d.observations.push({
            id: 'o3',
            site: 'ss',
            unit: 'ward',
            target: '9.9',
            round: 'r9',
            date: '15/01/2007',
            text: 'y',
          })
        }),
      ),
    ).toEqual([
      'observation o1 › id: expected an observation id not used before, found "o1" [duplicate]',
      'observation o1 › site: expected a site id of this evaluation, found "nowhere" [reference]',
      'observation o3 › unit: expected a unit id of site ss, found "ward" [reference]',
      'observation o3 › target: expected a standard or criterion id of framework emhip, found "9.9" [reference]',
      'observation o3 › round: expected a round id of this evaluation, found "r9" [reference]',
      'observation o3 › date: expected a date written YYYY-MM-DD, found "15/01/2007" [value]',
    ])
  })
})

describe('bands', () => {
  const b = (id: string, lower?: [number, boolean], upper?: [number, boolean]): Band =>
    ({
      id,
      label: id,
      ...(lower && { lower: { value: lower[0], closed: lower[1] } }),
      ...(upper && { upper: { value: upper[0], closed: upper[1] } }),
    }) as Band
  const brief = (bands: Band[]) =>
    bandProblems(bands, ['bands'], 'bands').map((p) => `${p.where}: ${p.expected}, found ${p.found}`)

  it('assigns each value to the one band that holds it, respecting open and closed ends', () => {
    const bands = [b('low', undefined, [50, false]), b('mid', [50, true], [60, false]), b('high', [60, true])]
    expect(brief(bands)).toEqual([])
    expect([49.99, 50, 59.99, 60, 1e9, -1e9].map((v) => bandOf(v, bands)?.id)).toEqual([
      'low',
      'mid',
      'mid',
      'high',
      'high',
      'low',
    ])
    expect(inBand(60, b('x', [50, true], [60, true]))).toBe(true)
    expect(inBand(50, b('x', [50, false], [60, true]))).toBe(false)
  })

  it('leaves a value in a gap without a band', () => {
    const bands = [b('low', [0, true], [10, true]), b('high', [20, true], [30, true])]
    expect(brief(bands)).toEqual([])
    expect(bandOf(15, bands)).toBeNull()
  })

  it('refuses "50-60" closed beside "60 and above", naming 60 as the value in both', () => {
    expect(brief([b('mid', [50, true], [60, true]), b('high', [60, true])])).toEqual([
      'bands › band high: bands that share no value (band mid [50, 60] and band high [60, ∞) both hold 60), found 60',
    ])
  })

  it('refuses overlapping bands, zero-width bands, reversed ends, bands out of order and duplicate ids', () => {
    expect(brief([b('a', [0, true], [10, false]), b('b', [5, true], [20, false])])).toEqual([
      'bands › band b: bands that share no value (band a [0, 10) and band b [5, 20) both hold 5), found 5',
    ])
    expect(brief([b('a', [1, true], [1, true])])).toEqual([
      'bands › band a: a band whose lower end is below its upper end (no zero-width band), found "lower 1, upper 1"',
    ])
    expect(brief([b('a', [2, true], [1, true])])).toEqual([
      'bands › band a: a band whose lower end is below its upper end (no zero-width band), found "lower 2, upper 1"',
    ])
    expect(brief([b('high', [60, true]), b('low', undefined, [50, false])])).toEqual([
      'bands › band low: bands in strictly increasing order (band low (-∞, 50) is listed after band high [60, ∞)), found "low"',
    ])
    expect(brief([b('a', [0, true], [1, false]), b('a', [1, true], [2, false])])).toEqual([
      'bands › band a: a band id not used before in this list, found "a"',
    ])
    // Two unbounded bands overlap everywhere.
    expect(brief([b('all'), b('low', undefined, [0, false])])).toEqual([
      'bands › band low: bands that share no value (band all (-∞, ∞) and band low (-∞, 0) both hold -1), found -1',
    ])
  })

  it('refuses NaN and Infinity as ends in the document', () => {
    const doc = withAttributes((d) => {
      d.attributes[2].bands[1].lower.value = NaN
      d.attributes[2].bands[2].lower.value = Infinity
    })
    expect(problemsOf(doc)).toEqual([
      'attribute engagement › band mid › lower › value: expected a finite number, found NaN [value]',
      'attribute engagement › band high › lower › value: expected a finite number, found Infinity [value]',
    ])
  })

  it('checks bands inside the document, naming the attribute', () => {
    const doc = withAttributes((d) => {
      d.attributes[2].bands[1].upper = { value: 60, closed: true }
    })
    expect(problemsOf(doc)).toEqual([
      'attribute engagement › bands › band high: expected bands that share no value (band mid [50, 60] and band high [60, ∞) both hold 60), found 60 [value]',
    ])
  })
})

describe('isIsoDate', () => {
  it('accepts real calendar dates only (2024 is a leap year, 2023 is not)', () => {
    expect(['2024-02-29', '2023-02-29', '2023-13-01', '2023-1-01', '2023-01-01T00:00'].map(isIsoDate)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ])
  })
})
