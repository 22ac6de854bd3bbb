import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/edit/define.js'
import {
  addCmoElement,
  addConfiguration,
  changeElementRole,
  removeCmoElement,
  reviseCmoElement,
} from '../../../src/cmo/index.js'
import { theoryProblems } from '../../../src/cmo/validate.js'
import { deepFreeze } from '../../standards/freeze.js'
import { apply, base } from '../fixtures.js'

const wheres = (r: E.Either<readonly { where: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => p.where) : ['accepted']

describe('addCmoElement', () => {
  it('adds each role with its own fields', () => {
    const ev = base()
    expect(ev.elements.map((e) => `${e.id}:${e.role}`)).toEqual([
      'ready:context',
      'lead:context',
      'events:mechanism',
      'train:mechanism',
      'low:outcome',
    ])
  })

  it('reports a wrong role at the role, and wrong fields against that role', () => {
    const r1 = applyEdit(base(), addCmoElement({ element: { id: 'x', label: 'X', role: 'mech' } as never }))
    expect(E.isLeft(r1) && r1.left).toEqual([
      {
        path: ['elements', 5, 'role'],
        where: 'element x › role',
        expected: 'one of "context" | "mechanism" | "outcome"',
        found: '"mech"',
        code: 'value',
      },
    ])
    const r2 = applyEdit(
      base(),
      addCmoElement({ element: { id: 'x', label: 'X', role: 'mechanism', resource: 3 } as never }),
    )
    expect(E.isLeft(r2) && r2.left.map((p) => [p.where, p.found])).toEqual([
      ['element x › resource', '3'],
      ['element x › reasoning', 'nothing (missing)'],
    ])
  })

  it('refuses a taken id and an unknown standard tag', () => {
    expect(
      wheres(
        applyEdit(base(), addCmoElement({ element: { id: 'ready', label: 'R', role: 'context', standards: ['9.9'] } })),
      ),
    ).toEqual(['addCmoElement › element ready', 'element ready › standard'])
  })
})

describe('changeElementRole (consultation events: mechanism → context, E-MHIP L2960-L2974)', () => {
  const toContext = changeElementRole({
    element: 'events',
    to: 'context',
    reason: 'energy became a condition',
    at: '2007-12',
  })

  it('changes the role, keeps the old fields in the history and moves the element in configurations', () => {
    const before = deepFreeze(base())
    const r = applyEdit(before, toContext)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const el = r.right.elements.find((e) => e.id === 'events')!
    expect(el).toEqual({
      id: 'events',
      label: 'Consultation events',
      role: 'context',
      roleHistory: [
        {
          from: 'mechanism',
          to: 'context',
          reason: 'energy became a condition',
          at: '2007-12',
          previous: { role: 'mechanism', resource: 'events', reasoning: 'enthusiasm' },
        },
      ],
    })
    const c = r.right.configurations[0]!
    expect([c.contexts, c.mechanisms]).toEqual([['ready', 'events'], ['train']])
    expect(theoryProblems(r.right)).toEqual([])
    // the frozen input is untouched
    expect(before.elements[2]!.role).toBe('mechanism')
  })

  it('chains: context → mechanism again gives a two-step history ending at the current role', () => {
    const ev = apply(
      base(),
      toContext,
      changeElementRole({ element: 'events', to: 'mechanism', reason: 'back', fields: { resource: 'events' } }),
    )
    const el = ev.elements.find((e) => e.id === 'events')!
    expect(el.roleHistory!.map((h) => `${h.from}→${h.to}`)).toEqual(['mechanism→context', 'context→mechanism'])
    expect(el).toMatchObject({ role: 'mechanism', resource: 'events', reasoning: null })
    expect(ev.configurations[0]!.mechanisms).toEqual(['train', 'events'])
    expect(theoryProblems(ev)).toEqual([])
  })

  it('refuses what would break a configuration or lose meaning', () => {
    const ev = apply(
      base(),
      addConfiguration({
        configuration: {
          id: 'c2',
          label: 'C2',
          contexts: ['lead'],
          mechanisms: ['events'],
          outcome: 'low',
          direction: 'fires',
        },
      }),
    )
    // c2 would be left with no mechanism
    expect(wheres(applyEdit(ev, toContext))).toEqual(['changeElementRole › configuration c2'])
    // an outcome in use
    expect(wheres(applyEdit(ev, changeElementRole({ element: 'low', to: 'context', reason: 'r' })))).toEqual([
      'changeElementRole › configuration c1',
      'changeElementRole › configuration c2',
    ])
    // the same role, an empty reason, an outcome without its fields
    expect(wheres(applyEdit(ev, changeElementRole({ element: 'train', to: 'mechanism', reason: '' })))).toEqual([
      'changeElementRole › reason',
      'changeElementRole › to',
    ])
    expect(wheres(applyEdit(ev, changeElementRole({ element: 'lead', to: 'outcome', reason: 'r' })))).toEqual([
      'changeElementRole › fields',
    ])
    expect(wheres(applyEdit(ev, changeElementRole({ element: 'nope', to: 'context', reason: 'r' })))).toEqual([
      'changeElementRole › element',
    ])
  })

  it('turns an unused context into an outcome when given its fields', () => {
    const ev = apply(
      base(),
      changeElementRole({
        element: 'lead',
        to: 'outcome',
        reason: 'r',
        fields: { intended: true, valence: 'positive' },
      }),
    )
    expect(ev.elements[1]).toMatchObject({
      role: 'outcome',
      intended: true,
      valence: 'positive',
      roleHistory: [{ from: 'context', to: 'outcome', previous: { role: 'context' } }],
    })
  })
})

describe('reviseCmoElement and removeCmoElement', () => {
  it('fills in an unknown mechanism part and rewords an element', () => {
    const ev = apply(
      base(),
      reviseCmoElement({
        element: 'train',
        changes: { reasoning: 'confidence to lead projects', label: 'Training offer' },
      }),
    )
    expect(ev.elements[3]).toEqual({
      id: 'train',
      label: 'Training offer',
      role: 'mechanism',
      resource: null,
      reasoning: 'confidence to lead projects',
    })
  })

  it('refuses fields of another role, the role itself, and a bad value', () => {
    expect(wheres(applyEdit(base(), reviseCmoElement({ element: 'ready', changes: { resource: 'x' } })))).toEqual([
      'reviseCmoElement › changes › resource',
    ])
    expect(
      wheres(applyEdit(base(), reviseCmoElement({ element: 'ready', changes: { role: 'outcome' } as never }))),
    ).toEqual(['reviseCmoElement › changes › role'])
    expect(
      wheres(applyEdit(base(), reviseCmoElement({ element: 'low', changes: { valence: 'great' as never } }))),
    ).toEqual(['element low › valence'])
  })

  it('removes an unused element, refuses one in use', () => {
    expect(apply(base(), removeCmoElement({ element: 'lead' })).elements.map((e) => e.id)).toEqual([
      'ready',
      'events',
      'train',
      'low',
    ])
    expect(wheres(applyEdit(base(), removeCmoElement({ element: 'low' })))).toEqual([
      'removeCmoElement › configuration c1',
    ])
  })
})
