import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import {
  addCmoElement,
  addEvidenceSource,
  addExcerpt,
  addInformant,
  changeElementRole,
  commitTheoryVersion,
  reviseConfiguration,
  transitionConfiguration,
} from '../../src/cmo/index.js'
import { withMhipTheory } from '../../src/data/mhip-theory.js'
import { apply, LE } from './fixtures.js'

/** The MHIP theory with evidence, lifecycle moves, a role change and three versions: every CMO shape in use. */
const full = () =>
  apply(
    withMhipTheory(mhipEvaluation),
    addInformant({ item: { id: 'i1', group: 'mht-frontline', site: LE, role: 'nurse' } }),
    addEvidenceSource({
      item: { id: 's1', kind: 'survey', title: 'Staff survey', date: '2007-05', ref: { lines: 'L493' } },
    }),
    addExcerpt({
      item: {
        id: 'x1',
        label: 'Q1',
        kind: 'quote',
        text: 'ünïcode “quotes” — ok',
        informant: 'i1',
        links: [{ configuration: 'capacity-low-impact', stance: 'supports' }],
      },
    }),
    addExcerpt({
      item: {
        id: 'x2',
        label: 'N1',
        kind: 'note',
        text: '',
        source: 's1',
        links: [{ element: 'low-impact', stance: 'contradicts' }],
      },
    }),
    transitionConfiguration({
      configuration: 'capacity-low-impact',
      to: 'tested',
      reason: 'visits',
      at: '2007-06',
      by: 'JB',
    }),
    addCmoElement({
      element: {
        id: 'events',
        label: 'Consultation events',
        role: 'mechanism',
        resource: null,
        reasoning: 'enthusiasm',
      },
    }),
    reviseConfiguration({
      configuration: 'energy-not-harnessed',
      changes: { mechanisms: ['spur-to-action', 'events'] },
    }),
    commitTheoryVersion({ theory: 'emhip-research-team', note: 'v2' }),
    changeElementRole({ element: 'events', to: 'context', reason: 'precondition', at: '2007-12' }),
    commitTheoryVersion({ theory: 'emhip-research-team', note: 'v3' }),
  )

describe('round trip through the document codecs', () => {
  it('encode → JSON text → decode gives the same document, with no problems', () => {
    const ev = full()
    const text = JSON.stringify(encodeEvaluation(ev))
    const back = decodeEvaluation(JSON.parse(text))
    expect(back).toEqual(E.right(ev))
    expect(JSON.stringify(encodeEvaluation(E.isRight(back) ? back.right : ev))).toBe(text)
  })

  it('decoding refuses CMO content that does not hold together, naming the place', () => {
    const doc = encodeEvaluation(full()) as { configurations: { mechanisms: string[] }[]; elements: { id: string }[] }
    doc.configurations[0]!.mechanisms.push('insufficient-readiness')
    const r = decodeEvaluation(doc)
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where, p.expected, p.found])).toEqual([
      [
        'configurations.0.mechanisms.2',
        'configuration capacity-low-impact › mechanism',
        'an element whose role is mechanism',
        '"insufficient-readiness (a context)"',
      ],
    ])
  })

  it('decoding refuses a bad element shape at the field, and an informant with a name', () => {
    const doc = encodeEvaluation(full()) as {
      elements: Record<string, unknown>[]
      informants: Record<string, unknown>[]
    }
    doc.elements[3] = { ...doc.elements[3], reasoning: 42 }
    doc.informants[0] = { ...doc.informants[0], name: 'Jo Bloggs' }
    const r = decodeEvaluation(doc)
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where, p.found])).toEqual([
      ['informants.0.name', 'informant i1 › name', '"Jo Bloggs"'],
      ['elements.3.reasoning', 'element no-scientific-approach › reasoning', '42'],
    ])
  })
})
