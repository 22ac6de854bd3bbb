/**
 * fast-check arbitraries for attributes, bands and observations: valid
 * declarations with values that suit them, and observations that point at
 * real sites, units, targets and rounds of a given document.
 */
import * as fc from 'fast-check'
import type { Evaluation } from '../../src/model/evaluation.js'

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/)

/** Increasing, non-overlapping bands from sorted distinct cut points (ends open or closed, outer ends optional). */
export const bandsArb = fc
  .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 4 })
  .chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b)
    return fc
      .tuple(fc.array(fc.boolean(), { minLength: sorted.length, maxLength: sorted.length }), fc.boolean(), fc.boolean())
      .map(([lowerClosed, openBelow, openAbove]) => {
        const bands: object[] = []
        // Each cut point is closed in exactly one of the two bands beside it, so no value is in two.
        if (openBelow) bands.push({ id: 'b0', label: 'b0', upper: { value: sorted[0], closed: !lowerClosed[0] } })
        for (let i = 0; i + 1 < sorted.length; i++)
          bands.push({
            id: `b${i + 1}`,
            label: `b${i + 1}`,
            lower: { value: sorted[i], closed: lowerClosed[i] },
            upper: { value: sorted[i + 1], closed: !lowerClosed[i + 1] },
          })
        if (openAbove || bands.length === 0)
          bands.push({
            id: 'bz',
            label: 'bz',
            lower: { value: sorted[sorted.length - 1], closed: lowerClosed[sorted.length - 1] },
          })
        return bands
      })
  })

const dateArb = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** A declaration of each kind, on sites or units, with an arbitrary value generator that suits it. */
const declarationArb = (id: string) =>
  fc.oneof(
    fc
      .record({ on: fc.constantFrom('site', 'unit'), categories: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }) })
      .map(({ on, categories }) => ({
        def: { id, label: id, on, kind: 'categorical', categories },
        value: fc.constantFrom(...categories) as fc.Arbitrary<string | number>,
      })),
    fc
      .record({ on: fc.constantFrom('site', 'unit'), order: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }) })
      .map(({ on, order }) => ({
        def: { id, label: id, on, kind: 'ordinal', order },
        value: fc.constantFrom(...order) as fc.Arbitrary<string | number>,
      })),
    fc
      .record({ on: fc.constantFrom('site', 'unit'), bands: fc.option(bandsArb, { nil: undefined }) })
      .map(({ on, bands }) => ({
        def: { id, label: id, on, kind: 'numeric', unit: 'points', ...(bands !== undefined && { bands }) },
        value: fc.double({ min: -2000, max: 2000, noNaN: true }).map((x) => x + 0) as fc.Arbitrary<string | number>,
      })),
    fc
      .constantFrom('site', 'unit')
      .map((on) => ({ def: { id, label: id, on, kind: 'date' }, value: dateArb as fc.Arbitrary<string | number> })),
  )

/**
 * A JSON document (from `encodeEvaluation`) given attribute declarations,
 * values on some of its sites and units, and observations about them.
 */
export const withAttributesArb = (ev: Evaluation): fc.Arbitrary<any> =>
  fc
    .tuple(declarationArb('a1'), declarationArb('a2'))
    .chain((decls) => {
      const sites = ev.sites.map((s) => ({ id: s.id as string, units: s.units.map((u) => u.id as string) }))
      const targets = ev.framework.sections.flatMap((sec) =>
        sec.standards.flatMap((st) => [st.id as string, ...st.criteria.map((c) => c.id as string)]),
      )
      const valuesFor = (on: string) =>
        fc.record(Object.fromEntries(decls.filter((d) => d.def.on === on).map((d) => [d.def.id, d.value])), {
          requiredKeys: [],
        })
      const observationArb = (i: number) =>
        fc.constantFrom(...(sites.length > 0 ? sites : [null])).chain((site) =>
          site === null
            ? fc.constant(null)
            : fc.record(
                {
                  id: fc.constant(`o${i}`),
                  site: fc.constant(site.id),
                  unit: site.units.length > 0 ? fc.constantFrom(...site.units) : fc.constant(undefined),
                  target: fc.constantFrom(...targets),
                  round: fc.constantFrom(...ev.rounds.map((r) => r.id as string)),
                  date: dateArb,
                  source: fc.string({ maxLength: 10 }),
                  text: fc.string({ minLength: 1, maxLength: 20 }),
                },
                { requiredKeys: ['id', 'site', 'text'] },
              ),
        )
      return fc.record({
        siteValues: fc.tuple(...ev.sites.map(() => valuesFor('site')), fc.constant(null)),
        unitValues: fc.tuple(...ev.sites.flatMap((s) => s.units.map(() => valuesFor('unit'))), fc.constant(null)),
        observations: fc.tuple(observationArb(1), observationArb(2), observationArb(3)),
        decls: fc.constant(decls.map((d) => d.def)),
      })
    })
    .map(({ siteValues, unitValues, observations, decls }) => {
      const doc: any = JSON.parse(JSON.stringify(ev))
      doc.attributes = decls
      let k = 0
      doc.sites.forEach((s: any, i: number) => {
        const sv = siteValues[i] as Record<string, unknown>
        if (Object.keys(sv).length > 0) s.attributes = sv
        for (const u of s.units) {
          const uv = unitValues[k++] as Record<string, unknown>
          if (Object.keys(uv).length > 0) u.attributes = uv
        }
      })
      const obs = observations.filter((o) => o !== null).map((o: any) => JSON.parse(JSON.stringify(o)))
      if (obs.length > 0) doc.observations = obs
      return doc
    })
