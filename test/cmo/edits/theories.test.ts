import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/edit/define.js'
import { addTheory, addToTheory, commitTheoryVersion, removeFromTheory } from '../../../src/cmo/index.js'
import { theoryProblems } from '../../../src/cmo/validate.js'
import { apply, base } from '../fixtures.js'

const wheres = (r: E.Either<readonly { where: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => p.where) : ['accepted']

describe('theory edits', () => {
  it('commits numbered snapshots of configurations and element roles', () => {
    const ev = apply(
      base(),
      addTheory({ id: 't', name: 'T', configurations: ['c1'] }),
      commitTheoryVersion({ theory: 't', note: 'first', at: '2007-06', by: 'JB' }),
      commitTheoryVersion({ theory: 't' }),
    )
    const [v1, v2] = ev.theories[0]!.versions
    expect(v1).toEqual({
      version: 1,
      note: 'first',
      at: '2007-06',
      by: 'JB',
      configurations: [
        {
          id: 'c1',
          label: 'C1',
          contexts: ['ready'],
          mechanisms: ['events', 'train'],
          outcome: 'low',
          direction: 'fires',
          scope: { sites: [], units: [] },
          status: 'hypothesised',
        },
      ],
      elements: [
        { id: 'ready', label: 'Readiness', role: 'context' },
        { id: 'events', label: 'Consultation events', role: 'mechanism' },
        { id: 'train', label: 'Training', role: 'mechanism' },
        { id: 'low', label: 'Low impact', role: 'outcome' },
      ],
    })
    expect(v2!.version).toBe(2)
    expect(theoryProblems(ev)).toEqual([])
  })

  it('refuses duplicates and dangling references', () => {
    const ev = apply(base(), addTheory({ id: 't', name: 'T', configurations: ['c1'] }))
    expect(wheres(applyEdit(ev, addTheory({ id: 't', name: 'T2' })))).toEqual(['addTheory › theory t'])
    expect(wheres(applyEdit(ev, addTheory({ id: 'u', name: 'U', configurations: ['zz'] })))).toEqual([
      'theory u › configuration',
    ])
    expect(wheres(applyEdit(ev, addToTheory({ theory: 't', configuration: 'c1' })))).toEqual([
      'addToTheory › configuration',
    ])
    expect(wheres(applyEdit(ev, removeFromTheory({ theory: 't', configuration: 'c9' })))).toEqual([
      'removeFromTheory › configuration',
    ])
    expect(wheres(applyEdit(ev, commitTheoryVersion({ theory: 'nope' })))).toEqual(['commitTheoryVersion › theory'])
  })
})
