import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { newEvaluation, newEvaluationEither } from '../../src/document/new-evaluation.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { asId } from '../../src/model/ids.js'
import { RealistError } from '../../src/model/problem.js'

describe('newEvaluation', () => {
  const base = { title: 'Audit', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework }

  it('gives a document that decodes, with every collection left out empty', () => {
    const ev = newEvaluation(base)
    expect(ev.schemaVersion).toBe(2)
    for (const key of [
      'rounds',
      'sites',
      'objectiveTypes',
      'stakeholderGroups',
      'informants',
      'sources',
      'excerpts',
      'elements',
      'configurations',
      'theories',
    ] as const) {
      expect(ev[key], key).toEqual([])
    }
    expect(E.isRight(decodeEvaluation(ev))).toBe(true)
  })

  it('keeps the parts it is given, as copies (the input is not shared or changed)', () => {
    const rounds = [{ id: asId<'RoundId'>('r1'), label: 'Baseline' }]
    const ev = newEvaluation({ ...base, rounds })
    expect(ev.rounds).toEqual(rounds)
    expect(ev.rounds).not.toBe(rounds)
    expect(ev.framework).toEqual(emhipFramework)
  })

  it('keeps every optional part given: raters, attributes, observations, extensions (none is dropped)', () => {
    const ev = newEvaluation({
      ...base,
      rounds: [{ id: asId<'RoundId'>('r1'), label: 'Baseline' }],
      sites: [{ id: asId<'SiteId'>('s1'), name: 'Site 1', aliases: [], units: [] }],
      raters: [{ id: 'ann', name: 'Ann' }],
      attributes: [{ id: 'region', label: 'Region', on: 'site', kind: 'categorical', categories: ['north', 'south'] }],
      observations: [{ id: 'o1', site: asId<'SiteId'>('s1'), text: 'Improvements noted' }],
      extensions: { funder: 'NHS' },
    } as unknown as Parameters<typeof newEvaluation>[0])
    expect(ev.raters).toEqual([{ id: 'ann', name: 'Ann' }])
    expect(ev.attributes?.map((a) => a.id)).toEqual(['region'])
    expect(ev.observations?.map((o) => o.text)).toEqual(['Improvements noted'])
    expect(ev.extensions).toEqual({ funder: 'NHS' })
  })

  it('treats an explicit undefined like a part left out', () => {
    expect(newEvaluation({ ...base, sites: undefined }).sites).toEqual([])
  })

  it('refuses a hand-written framework with a field missing, naming its path (not a TypeError later)', () => {
    const framework = {
      id: 'cqc',
      title: 'Key questions',
      scale: { id: 'cqc', label: 'CQC', levels: [{ id: 'good', label: 'Good', score: 1 }] },
      sections: [{ id: 'kq', title: 'Key questions', standards: [{ id: 'safe', title: 'Safe', criteria: [] }] }],
    }
    const r = newEvaluationEither({ ...base, framework } as unknown as Parameters<typeof newEvaluation>[0])
    expect(E.isLeft(r) && r.left.map((p) => p.path.join('.'))).toEqual(['framework.sections.0.standards.0.variants'])
    expect(() => newEvaluation({ ...base, framework } as never)).toThrow(RealistError)
  })

  it('refuses what is not an object, with a problem at input', () => {
    const r = newEvaluationEither(null as never)
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['input'], code: 'shape' })
  })
})
