import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { newEvaluation } from '../../src/model/new-evaluation.js'
import { decodeEvaluation } from '../../src/document/decode.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { asId } from '../../src/model/ids.js'

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

  it('keeps the parts it is given', () => {
    const rounds = [{ id: asId<'RoundId'>('r1'), label: 'Baseline' }]
    const ev = newEvaluation({ ...base, rounds })
    expect(ev.rounds).toBe(rounds)
    expect(ev.framework).toBe(emhipFramework)
  })

  it('treats an explicit undefined like a part left out', () => {
    expect(newEvaluation({ ...base, sites: undefined }).sites).toEqual([])
  })
})
