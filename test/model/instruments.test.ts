import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { generateEvaluation } from '../../bench/generate.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { sampleDocument } from '../support/arbitraries.js'
import { complianceInstrument, twoInstrumentDocument } from './instruments-fixture.js'

const brief = (r: ReturnType<typeof decodeEvaluation>): string[] =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : []

describe('version 2 documents: instruments, raters, site ratings, extensions', () => {
  it('decodes a document with two instruments and two raters, and encodes it back to the same JSON', () => {
    const doc = twoInstrumentDocument()
    const r = decodeEvaluation(doc)
    expect(brief(r)).toEqual([])
    const ev = (r as E.Right<any>).right
    expect(ev.instruments.map((f: any) => f.id)).toEqual(['compliance'])
    expect(ev.raters.map((x: any) => x.id)).toEqual(['ann', 'bob'])
    expect(ev.sites[0].units[0].byRater.r1['2.4'].bob).toEqual({ level: 'partly', note: 'budget unclear' })
    expect(ev.sites[0].instrumentRatings.compliance.ratings.r1.c2).toEqual({ level: 'almost' })
    // Users' own data comes back untouched (equal; a copy, since the document shares nothing with its input).
    expect(ev.extensions).toEqual({ studyCode: 'S-24' })
    expect(ev.sites[0].units[0].extensions).toEqual({ beds: 24 })
    expect(encodeEvaluation(ev)).toEqual(doc)
  })

  it('checks rater-keyed ratings against the raters, the instrument, its scale and the rounds', () => {
    const doc = twoInstrumentDocument()
    const acute = doc.sites[0].units[0]
    acute.byRater.r1['2.4'].carl = { level: 'met' }
    acute.instrumentRatings.compliance.byRater.r1.c1.ann.level = 'met'
    acute.instrumentRatings.compliance.ratings.r1['2.4'] = { level: 'fully' }
    acute.byRater.r9 = {}
    expect(brief(decodeEvaluation(doc))).toEqual([
      'site ss › unit acute › byRater › r1 › 2.4 › carl: expected a rater id of this evaluation (ann | bob), found "carl" [reference]',
      'site ss › unit acute › byRater › r9: expected a round id of this evaluation (r1), found "r9" [reference]',
      'site ss › unit acute › instrumentRatings › compliance › round r1 › rating 2.4: expected a standard or criterion id of framework compliance, found "2.4" [reference]',
      'site ss › unit acute › instrumentRatings › compliance › byRater › r1 › c1 › ann › level: expected a level of scale compliance (fully | almost | partly | not) or "na", found "met" [value]',
    ])
  })

  it('refuses ratings on an instrument the evaluation does not declare, and a further instrument reusing an id', () => {
    const doc = twoInstrumentDocument()
    doc.sites[0].units[0].instrumentRatings.quality = { ratings: {} }
    doc.instruments.push({ ...complianceInstrument }, { ...complianceInstrument, id: 'emhip' })
    expect(brief(decodeEvaluation(doc))).toEqual([
      'site ss › unit acute › instrumentRatings › quality: expected the id of one of the evaluation\'s further instruments ("compliance" | "emhip"), found "quality" [reference]',
      'instrument emhip › id: expected an instrument id not used before ($.framework has it already), found "emhip" [duplicate]',
      'instrument compliance › id: expected an instrument id not used before ($.instruments[0] has it already), found "compliance" [duplicate]',
    ])
  })

  it('refuses unknown fields everywhere, with the path and the nearest known field', () => {
    const doc = twoInstrumentDocument() as any
    doc.titel = 'x'
    doc.sites[0].units[0].raitngs = {}
    doc.raters[0].rol = 'lead'
    doc.framework.scale.levels[0].scroe = 1
    expect(brief(decodeEvaluation(doc))).toEqual([
      'titel: expected no field "titel" in an evaluation document (did you mean "title"? known: schemaVersion, title, programme, framework, instruments, raters, rounds, sites, objectiveTypes, stakeholderGroups, informants, sources, excerpts, elements, configurations, theories, costs, attributes, observations, extensions; put your own data under "extensions"), found "titel" [shape]',
      'framework › scale › level met › scroe: expected no field "scroe" in a scale level (did you mean "score"? known: id, label, score, aliases), found "scroe" [shape]',
      'rater ann › rol: expected no field "rol" in a rater (did you mean "role"? known: id, name, role, extensions; put your own data under "extensions"), found "rol" [shape]',
      'site ss › unit acute › raitngs: expected no field "raitngs" in a unit (did you mean "ratings"? known: id, name, ratings, objectives, objectiveCells, aliases, subUnits, impact, ref, byRater, instrumentRatings, extensions, attributes; put your own data under "extensions"), found "raitngs" [shape]',
    ])
  })
})

describe('version 1 documents are read and upgraded losslessly', () => {
  // Every version 1 fixture of the suite: the hand-written sample, generated documents of several shapes,
  // and the embedded MHIP dataset (encoded, then marked version 1).
  const fixtures: [string, () => any][] = [
    ['the sample document', () => sampleDocument()],
    [
      'a generated document (2 rounds)',
      () => ({
        ...JSON.parse(
          JSON.stringify(
            generateEvaluation({ sites: 3, unitsPerSite: 2, standards: 4, criteriaPerStandard: 3, rounds: 2, seed: 7 }),
          ),
        ),
        schemaVersion: 1,
      }),
    ],
    ['the MHIP dataset', () => ({ ...(encodeEvaluation(mhipEvaluation) as object), schemaVersion: 1 })],
  ]
  for (const [name, make] of fixtures)
    it(`upgrades ${name}: version 2 with the same content, and it round-trips`, () => {
      const v1 = make()
      expect(v1.schemaVersion).toBe(1)
      const r = decodeEvaluation(v1)
      expect(brief(r)).toEqual([])
      const ev = (r as E.Right<any>).right
      expect(ev.schemaVersion).toBe(2)
      const encoded = encodeEvaluation(ev) as any
      // Lossless: everything but the version is what the version 1 document held.
      expect({ ...encoded, schemaVersion: 1 }).toEqual(v1)
      // And the upgraded document decodes to the same value again.
      const again = decodeEvaluation(encoded)
      expect(E.isRight(again) && encodeEvaluation(again.right)).toEqual(encoded)
    })
})
