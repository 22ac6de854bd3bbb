import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { supportMatrix, supportMatrixEither } from '../../src/cmo/index.js'
import { evidenceSet } from './evidence-fixture.js'
import { LE, SS, SY } from './fixtures.js'

describe('supportMatrix (configuration × stakeholder group × site)', () => {
  it('counts excerpts per cell, supports and contradicts apart (hand-worked, see evidence-fixture.ts)', () => {
    const x = supportMatrix(evidenceSet()).filter((r) => r.id === 'x')
    expect(x.map((r) => [r.group, r.site, r.supports, r.contradicts])).toEqual([
      ['g1', SS, 1, 0],
      ['g1', LE, 1, 0],
      ['g2', SS, 1, 0],
      ['g2', LE, 0, 1],
      ['g3', LE, 1, 0],
      ['g4', SY, 0, 1],
    ])
    expect(x[0]).toMatchObject({
      kind: 'configuration',
      label: 'X',
      groupLabel: 'Group g1',
      siteName: 'South Staffordshire',
    })
  })

  it('puts document-only evidence under group null and site null, last', () => {
    const y = supportMatrix(evidenceSet()).filter((r) => r.id === 'y')
    expect(y.map((r) => [r.group, r.site, r.supports])).toEqual([
      ['g1', SS, 1],
      ['g2', SS, 1],
      [null, null, 1],
    ])
  })

  it('complete: every configuration × group × site, zeros included', () => {
    // 3 configurations × (4 groups + no group) × (4 sites + no site) = 75
    const rows = supportMatrix(evidenceSet(), { complete: true })
    expect(rows.length).toBe(75)
    expect(rows.reduce((n, r) => n + r.supports + r.contradicts, 0)).toBe(13) // 13 excerpts link configurations
  })

  it('elements instead of configurations', () => {
    expect(supportMatrix(evidenceSet(), { of: 'element' }).map((r) => [r.id, r.group, r.site, r.supports])).toEqual([
      ['train', 'g1', LE, 1],
    ])
  })

  it('refuses a bad option', () => {
    const r = supportMatrixEither(evidenceSet(), { of: 'site' as never })
    expect(E.isLeft(r) && r.left[0]!.where).toBe('options › of')
  })
})
