import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyEdit, edit } from '../../../src/edit/define.js'
import { recordEditEither, replayEither, undoEither } from '../../../src/edit/log.js'
import { RealistError } from '../../../src/model/problem.js'
import {
  addConfiguration,
  removeConfiguration,
  reviseConfiguration,
  transitionConfiguration,
  addTheory,
  addExcerpt,
  addInformant,
} from '../../../src/cmo/index.js'
import { theoryProblems } from '../../../src/cmo/validate.js'
import { deepFreeze } from '../../standards/freeze.js'
import { apply, base, LE } from '../fixtures.js'

const move = (to: string, reason = 'because') =>
  transitionConfiguration({ configuration: 'c1', to: to as never, reason })

describe('transitionConfiguration', () => {
  it('walks hypothesised → tested → refined → tested → supported, keeping every reason in order', () => {
    const ev = apply(
      base(),
      move('tested', 'site visits'),
      move('refined', 'SW London differs'),
      move('tested', 'member checking'),
      move('supported', 'expert seminar'),
    )
    const c = ev.configurations[0]!
    expect(c.status).toBe('supported')
    expect(c.statusHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['hypothesised', 'tested', 'site visits'],
      ['tested', 'refined', 'SW London differs'],
      ['refined', 'tested', 'member checking'],
      ['tested', 'supported', 'expert seminar'],
    ])
    expect(theoryProblems(ev)).toEqual([])
  })

  it('keeps when and by whom, when given', () => {
    const ev = apply(
      base(),
      transitionConfiguration({ configuration: 'c1', to: 'tested', reason: 'r', at: '2007-06', by: 'JB' }),
    )
    expect(ev.configurations[0]!.statusHistory[0]).toEqual({
      from: 'hypothesised',
      to: 'tested',
      reason: 'r',
      at: '2007-06',
      by: 'JB',
    })
  })

  it('refuses an illegal move with a clear error naming the legal ones, and changes nothing', () => {
    const ev = deepFreeze(base())
    const r = applyEdit(ev, move('supported'))
    expect(r).toEqual(
      E.left([
        {
          path: ['to'],
          where: 'transitionConfiguration › configuration c1 › to',
          expected: 'a legal next status after hypothesised: tested',
          found: '"supported"',
          code: 'value',
        },
      ]),
    )
    expect(() => edit(ev, move('supported'))).toThrow(RealistError)
    expect(() => edit(ev, move('supported'))).toThrow(
      '[realist-eval] edit: 1 problem\n  - edit 1 (transitionConfiguration) › transitionConfiguration › configuration c1 › to: expected a legal next status after hypothesised: tested, found "supported"',
    )
    expect(ev.configurations[0]!.status).toBe('hypothesised')
  })

  it('refuses leaving refuted, an unknown status, an empty reason and an unknown configuration', () => {
    const refuted = apply(base(), move('tested'), move('refuted'))
    const left = (r: E.Either<readonly { where: string; expected: string }[], unknown>) =>
      E.isLeft(r) ? r.left.map((p) => `${p.where}: ${p.expected}`) : []
    expect(left(applyEdit(refuted, move('tested')))).toEqual([
      'transitionConfiguration › configuration c1 › to: a legal next status after refuted: no further status (refuted is final)',
    ])
    expect(left(applyEdit(base(), move('done')))).toEqual([
      'transitionConfiguration › configuration c1 › to: a status: hypothesised | tested | supported | refined | refuted',
    ])
    expect(left(applyEdit(base(), move('tested', '  ')))).toEqual([
      'transitionConfiguration › reason: a non-empty reason (why the change is made)',
    ])
    expect(
      left(applyEdit(base(), transitionConfiguration({ configuration: 'nope', to: 'tested', reason: 'r' }))),
    ).toEqual(['transitionConfiguration › configuration: the id of a configuration of this evaluation'])
  })

  it('records patches in the change log, which undo and replay', () => {
    const ev = base()
    const r = recordEditEither(ev, move('tested', 'site visits'), { who: 'JB', when: '2026-01-01T00:00:00Z' })
    if (E.isLeft(r)) throw new Error('refused')
    const { evaluation, entry } = r.right
    expect(entry.op).toBe('transitionConfiguration')
    expect(entry.patches).toEqual([
      {
        op: 'add',
        path: ['configurations', 0, 'statusHistory', 0],
        value: { from: 'hypothesised', to: 'tested', reason: 'site visits' },
      },
      { op: 'replace', path: ['configurations', 0, 'status'], value: 'tested' },
    ])
    expect(undoEither(evaluation, entry)).toEqual(E.right(ev))
    expect(replayEither(ev, [entry])).toEqual(E.right(evaluation))
  })
})

describe('addConfiguration', () => {
  it('adds a hypothesised configuration with an empty history and an unrestricted scope by default', () => {
    const ev = apply(
      base(),
      addConfiguration({
        configuration: {
          id: 'c2',
          label: 'C2',
          contexts: ['lead'],
          mechanisms: ['train'],
          outcome: 'low',
          direction: 'fails',
        },
      }),
    )
    expect(ev.configurations[1]).toEqual({
      id: 'c2',
      label: 'C2',
      contexts: ['lead'],
      mechanisms: ['train'],
      outcome: 'low',
      direction: 'fails',
      scope: { sites: [], units: [] },
      status: 'hypothesised',
      statusHistory: [],
    })
  })

  it('refuses a taken id, empty lists, wrong roles, unknown elements and a unit outside its sites, each located', () => {
    const r = applyEdit(
      base(),
      addConfiguration({
        configuration: {
          id: 'c1',
          label: 'C1',
          contexts: ['train'],
          mechanisms: [],
          outcome: 'ghost',
          direction: 'fires',
          scope: { sites: [LE], units: ['access', 'nowhere'] },
        },
      }),
    )
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where, p.code])).toEqual([
      ['configurations.1.id', 'addConfiguration › configuration c1', 'duplicate'],
      ['configurations.1.mechanisms', 'configuration c1 › mechanisms', 'consistency'],
      ['configurations.1.contexts.0', 'configuration c1 › context', 'consistency'],
      ['configurations.1.outcome', 'configuration c1 › outcome', 'reference'],
      ['configurations.1.scope.units.0', 'configuration c1 › scope › unit', 'consistency'],
      ['configurations.1.scope.units.1', 'configuration c1 › scope › unit', 'reference'],
    ])
  })

  it('refuses a wrong shape with the field named', () => {
    const r = applyEdit(
      base(),
      addConfiguration({
        configuration: {
          id: 'c2',
          label: 'C2',
          contexts: ['ready'],
          mechanisms: ['train'],
          outcome: 'low',
          direction: 'sideways' as never,
        },
      }),
    )
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.found])).toEqual([
      ['configuration c2 › direction', '"sideways"'],
    ])
  })

  it("does not keep a reference to the caller's input", () => {
    const input = {
      id: 'c2',
      label: 'C2',
      contexts: ['ready'],
      mechanisms: ['train'],
      outcome: 'low',
      direction: 'fires' as const,
    }
    const ev = apply(base(), addConfiguration({ configuration: input }))
    input.contexts.push('lead')
    expect(ev.configurations[1]!.contexts).toEqual(['ready'])
  })
})

describe('reviseConfiguration', () => {
  it('changes the given fields only and leaves the status alone', () => {
    const ev = apply(
      base(),
      move('tested'),
      reviseConfiguration({ configuration: 'c1', changes: { contexts: ['ready', 'lead'], direction: 'fails' } }),
    )
    const c = ev.configurations[0]!
    expect([c.contexts, c.mechanisms, c.direction, c.status]).toEqual([
      ['ready', 'lead'],
      ['events', 'train'],
      'fails',
      'tested',
    ])
  })

  it('refuses a revision that would break the configuration', () => {
    const r = applyEdit(base(), reviseConfiguration({ configuration: 'c1', changes: { outcome: 'ready' } }))
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.expected, p.found])).toEqual([
      ['configuration c1 › outcome', 'an element whose role is outcome', '"ready (a context)"'],
    ])
  })
})

describe('removeConfiguration', () => {
  it('removes an unused configuration', () => {
    expect(apply(base(), removeConfiguration({ configuration: 'c1' })).configurations).toEqual([])
  })

  it('refuses while a theory or an excerpt refers to it', () => {
    const ev = apply(
      base(),
      addTheory({ id: 't', name: 'T', configurations: ['c1'] }),
      addInformant({ item: { id: 'i1', group: 'g1' } }),
      addExcerpt({
        item: {
          id: 'x1',
          label: 'Q1',
          kind: 'quote',
          text: '…',
          informant: 'i1',
          links: [{ configuration: 'c1', stance: 'supports' }],
        },
      }),
    )
    const r = applyEdit(ev, removeConfiguration({ configuration: 'c1' }))
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'removeConfiguration › theory t',
      'removeConfiguration › excerpt Q1',
    ])
  })
})

describe('arguments of the wrong shape (edits are called by hand)', () => {
  it('are refused with the argument named, before any check runs', () => {
    const brief = (r: E.Either<readonly { where: string; expected: string; found: string }[], unknown>) =>
      E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found}`) : 'accepted'
    expect(brief(applyEdit(base(), transitionConfiguration(null as never)))).toEqual([
      'transitionConfiguration › arguments: expected an arguments object, found null',
    ])
    expect(
      brief(applyEdit(base(), transitionConfiguration({ configuration: 3, to: 'tested', reason: 'r' } as never))),
    ).toEqual(['transitionConfiguration › configuration: expected a string, found 3'])
  })
})
