import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MIN_GROUPS, triangulation, triangulationEither, triangulationRows } from '../../src/cmo/index.js'
import { RealistError } from '../../src/model/problem.js'
import { evidenceSet } from './evidence-fixture.js'
import { base } from './fixtures.js'

const robust = (minGroups?: number) =>
  Object.fromEntries(
    triangulation(evidenceSet(), minGroups === undefined ? {} : { minGroups }).map((t) => [t.id, t.robust]),
  )

describe('triangulation (robust when ≥ N stakeholder groups support, E-MHIP L487-L491)', () => {
  it('counts distinct supporting and contradicting groups separately (hand-worked, see evidence-fixture.ts)', () => {
    const x = triangulation(evidenceSet()).find((t) => t.id === 'x')!
    expect(x).toEqual({
      kind: 'configuration',
      id: 'x',
      label: 'X',
      supportingGroups: ['g1', 'g2', 'g3'],
      contradictingGroups: ['g2', 'g4'],
      supportingExcerpts: 4,
      contradictingExcerpts: 2,
      supportingWithoutGroup: 0,
      robust: true,
      minGroups: 3,
    })
    const y = triangulation(evidenceSet()).find((t) => t.id === 'y')!
    expect([y.supportingGroups, y.supportingExcerpts, y.supportingWithoutGroup]).toEqual([['g1', 'g2'], 3, 1])
  })

  it('N = 2: x, y, z robust; the element train (1 group) not', () => {
    expect(robust(2)).toEqual({
      x: true,
      y: true,
      z: true,
      ready: false,
      lead: false,
      events: false,
      train: false,
      low: false,
    })
  })

  it('N = 3 (the default, from "if 3 different groups mentioned staff morale"): x and z', () => {
    expect(DEFAULT_MIN_GROUPS).toBe(3)
    expect(robust()).toEqual(robust(3))
    expect(robust(3)).toMatchObject({ x: true, y: false, z: true, train: false })
  })

  it('N = 4: only z', () => {
    expect(robust(4)).toMatchObject({ x: false, y: false, z: true, train: false })
  })

  it('filters to configurations or elements and flattens to tidy rows', () => {
    const rows = triangulationRows(triangulation(evidenceSet(), { of: 'element', minGroups: 1 }))
    expect(rows.find((r) => r.id === 'train')).toEqual({
      kind: 'element',
      id: 'train',
      label: 'Training',
      supportingGroups: 1,
      contradictingGroups: 0,
      groups: 'g1',
      supportingExcerpts: 1,
      contradictingExcerpts: 0,
      robust: true,
      minGroups: 1,
    })
    expect(rows.every((r) => r.kind === 'element')).toBe(true)
  })

  it('gives zero groups and not robust when there is no evidence', () => {
    expect(triangulation(base(), { of: 'configuration' })).toEqual([
      {
        kind: 'configuration',
        id: 'c1',
        label: 'C1',
        supportingGroups: [],
        contradictingGroups: [],
        supportingExcerpts: 0,
        contradictingExcerpts: 0,
        supportingWithoutGroup: 0,
        robust: false,
        minGroups: 3,
      },
    ])
  })

  it('refuses bad options and broken evidence instead of counting', () => {
    const r = triangulationEither(evidenceSet(), { minGroups: 2.5, of: 'both' })
    expect(E.isLeft(r) && r.left.map((p) => [p.path, p.where, p.found])).toEqual([
      [['options', 'minGroups'], 'options › minGroups', '2.5'],
    ])
    const broken = { ...evidenceSet(), informants: [] }
    expect(() => triangulation(broken)).toThrow(RealistError)
    expect(() => triangulation(evidenceSet(), { minGroups: NaN })).toThrow('found NaN')
  })
})
