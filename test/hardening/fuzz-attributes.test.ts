/**
 * Fuzzing attributes, bands and observations: valid declarations with values
 * decode and survive encode → decode; any mutation of those parts gives a
 * Left of well-formed problems (or a Right), never a throw; groups and
 * statistics of any valid document hold every rated entity exactly once.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { bandOf, bandProblems, type Band } from '../../src/model/bands.js'
import { groupEntities, ratedEntities } from '../../src/model/attribute-values.js'
import { evaluationArb } from '../support/arbitraries.js'
import { bandsArb, withAttributesArb } from '../support/attribute-arbitraries.js'
import { expectWellFormedProblems, FUZZ_RUNS, FUZZ_TIMEOUT } from './support.js'

const runs = (share: number): number => Math.max(1, Math.round(FUZZ_RUNS * share))
const docArb = evaluationArb({ maxSites: 3, maxUnitsPerSite: 3 }).chain(withAttributesArb)

describe(`attributes and observations under fuzzing (${FUZZ_RUNS} cases in all)`, () => {
  it(
    'valid declarations, values and observations decode and survive encode → decode',
    () => {
      fc.assert(
        fc.property(docArb, (doc) => {
          const r = decodeEvaluation(doc)
          if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.slice(0, 3)))
          expect(decodeEvaluation(encodeEvaluation(r.right))).toEqual(r)
        }),
        { numRuns: runs(0.005) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'every valid document puts each rated entity in exactly one group of each attribute',
    () => {
      fc.assert(
        fc.property(docArb, (doc) => {
          const ev = (decodeEvaluation(doc) as E.Right<any>).right
          const all = ratedEntities(ev)
            .map((e) => `${e.site}/${e.unit}`)
            .sort()
          for (const def of ev.attributes) {
            if (def.kind === 'numeric' && def.bands === undefined) continue
            const members = groupEntities(ev, { attribute: def.id }).flatMap((g) =>
              g.members.map((m) => `${m.site}/${m.unit}`),
            )
            expect(members.sort()).toEqual(all)
          }
        }),
        { numRuns: runs(0.005) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'replacing any attribute or observation field by arbitrary JSON never throws',
    () => {
      const mutated = fc.tuple(docArb, fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([doc, pick, junk]) => {
        const places: ((d: any) => void)[] = []
        doc.attributes.forEach((_: unknown, i: number) => {
          for (const key of ['id', 'label', 'on', 'kind', 'categories', 'order', 'unit', 'bands'])
            places.push((d) => (d.attributes[i][key] = junk))
        })
        for (const o of doc.observations ?? [])
          for (const key of Object.keys(o))
            places.push((d) => (d.observations.find((x: any) => x.id === o.id)[key] = junk))
        doc.sites.forEach((s: any, i: number) => places.push((d) => (d.sites[i].attributes = junk)))
        places.push(
          (d) => (d.attributes = junk),
          (d) => (d.observations = junk),
        )
        places[pick % places.length]!(doc)
        return doc
      })
      fc.assert(
        fc.property(mutated, (doc) => {
          const r = decodeEvaluation(doc)
          if (E.isLeft(r)) expectWellFormedProblems(r.left)
        }),
        { numRuns: runs(0.01) },
      )
    },
    FUZZ_TIMEOUT,
  )

  it(
    'generated bands are accepted, and every value falls in at most one band',
    () => {
      fc.assert(
        fc.property(bandsArb, fc.double({ min: -3000, max: 3000, noNaN: true }), (bands, v) => {
          const typed = bands as unknown as Band[]
          expect(bandProblems(typed, ['bands'], 'bands')).toEqual([])
          const holding = typed.filter((b) => bandOf(v, [b]) !== null)
          expect(holding.length).toBeLessThanOrEqual(1)
        }),
        { numRuns: runs(0.05) },
      )
    },
    FUZZ_TIMEOUT,
  )
})
