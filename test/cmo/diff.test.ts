import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  addConfiguration,
  addTheory,
  addToTheory,
  changeElementRole,
  commitTheoryVersion,
  removeFromTheory,
  reviseConfiguration,
  theoryDiff,
  theoryDiffEither,
  theoryDiffRows,
  transitionConfiguration,
} from '../../src/cmo/index.js'
import { RealistError } from '../../src/model/problem.js'
import { apply, base, LE } from './fixtures.js'

/**
 * Hand-built history of theory t:
 * v1 = {c1, c2}: c1 = ready + events,train → low (hypothesised); c2 = lead + train → low.
 * Between v1 and v2: c1 tested, its scope narrowed to Leicestershire; c2 removed;
 * c3 added; events changes role mechanism → context (so c1's lists change too).
 */
const history = () =>
  apply(
    base(),
    addConfiguration({
      configuration: {
        id: 'c2',
        label: 'C2',
        contexts: ['lead'],
        mechanisms: ['train'],
        outcome: 'low',
        direction: 'fires',
      },
    }),
    addTheory({ id: 't', name: 'Research team', perspective: 'researchers', configurations: ['c1', 'c2'] }),
    commitTheoryVersion({ theory: 't', note: 'v1' }),
    transitionConfiguration({ configuration: 'c1', to: 'tested', reason: 'visits' }),
    reviseConfiguration({ configuration: 'c1', changes: { scope: { sites: [LE], units: [] } } }),
    removeFromTheory({ theory: 't', configuration: 'c2' }),
    addConfiguration({
      configuration: {
        id: 'c3',
        label: 'C3',
        contexts: ['lead'],
        mechanisms: ['train'],
        outcome: 'low',
        direction: 'fails',
      },
    }),
    addToTheory({ theory: 't', configuration: 'c3' }),
    changeElementRole({ element: 'events', to: 'context', reason: 'became a precondition' }),
    commitTheoryVersion({ theory: 't', note: 'v2' }),
  )

describe('theoryDiff between versions', () => {
  it('lists added, removed, changed (field by field) and role changes', () => {
    const d = theoryDiff(history(), { theory: 't', version: 1 }, { theory: 't', version: 2 })
    expect(d.from).toEqual({ theory: 't', name: 'Research team', perspective: 'researchers', version: 1 })
    expect(d.added.map((c) => c.id)).toEqual(['c3'])
    expect(d.removed.map((c) => c.id)).toEqual(['c2'])
    expect(d.unchanged).toEqual([])
    expect(d.changed).toEqual([
      {
        id: 'c1',
        label: 'C1',
        changes: [
          { field: 'contexts', before: 'ready', after: 'ready, events', added: ['events'], removed: [] },
          { field: 'mechanisms', before: 'events, train', after: 'train', added: [], removed: ['events'] },
          { field: 'scope.sites', before: '', after: LE, added: [LE], removed: [] },
          { field: 'status', before: 'hypothesised', after: 'tested', added: [], removed: [] },
        ],
      },
    ])
    expect(d.roleChanges).toEqual([
      { element: 'events', label: 'Consultation events', before: 'mechanism', after: 'context' },
    ])
  })

  it('sees what each configuration WAS: later edits do not change committed versions', () => {
    const ev = apply(history(), transitionConfiguration({ configuration: 'c1', to: 'refuted', reason: 'r' }))
    const d = theoryDiff(ev, { theory: 't', version: 1 }, { theory: 't', version: 2 })
    expect(d.changed[0]!.changes.find((c) => c.field === 'status')).toMatchObject({
      before: 'hypothesised',
      after: 'tested',
    })
    // …while the working set sees the refutation
    const w = theoryDiff(ev, { theory: 't', version: 2 }, { theory: 't', version: 'working' })
    expect(theoryDiffRows(w)).toEqual([
      {
        change: 'changed',
        configuration: 'c1',
        element: null,
        label: 'C1',
        field: 'status',
        before: 'tested',
        after: 'refuted',
      },
    ])
  })

  it('gives empty lists for a version compared with itself, and lists order-insensitively', () => {
    const ev = history()
    const d = theoryDiff(ev, { theory: 't', version: 2 }, { theory: 't' })
    expect([d.added, d.removed, d.changed, d.roleChanges, d.unchanged]).toEqual([[], [], [], [], ['c1', 'c3']])
    const reordered = apply(
      ev,
      reviseConfiguration({ configuration: 'c1', changes: { contexts: ['events', 'ready'] } }),
    )
    expect(theoryDiff(reordered, { theory: 't' }, { theory: 't', version: 'working' }).changed).toEqual([])
  })

  it('flattens to tidy rows: added, removed, changed fields, role changes', () => {
    const rows = theoryDiffRows(theoryDiff(history(), { theory: 't', version: 1 }, { theory: 't', version: 2 }))
    expect(rows.map((r) => [r.change, r.configuration ?? r.element, r.field, r.before, r.after])).toEqual([
      ['added', 'c3', null, null, null],
      ['removed', 'c2', null, null, null],
      ['changed', 'c1', 'contexts', 'ready', 'ready, events'],
      ['changed', 'c1', 'mechanisms', 'events, train', 'train'],
      ['changed', 'c1', 'scope.sites', '', LE],
      ['changed', 'c1', 'status', 'hypothesised', 'tested'],
      ['role', 'events', 'role', 'mechanism', 'context'],
    ])
  })
})

describe('theoryDiff between perspectives', () => {
  it('compares two theories the same way', () => {
    const ev = apply(
      history(),
      addTheory({ id: 'leads', name: 'Site leads', perspective: 'leads', configurations: ['c2'] }),
      commitTheoryVersion({ theory: 'leads' }),
    )
    const d = theoryDiff(ev, { theory: 't', version: 1 }, { theory: 'leads' })
    expect([d.to.perspective, d.added, d.removed.map((c) => c.id), d.unchanged]).toEqual(['leads', [], ['c1'], ['c2']])
  })

  it('defaults to the working set when nothing is committed', () => {
    const ev = apply(base(), addTheory({ id: 'x', name: 'X', configurations: ['c1'] }))
    const d = theoryDiff(ev, { theory: 'x' }, { theory: 'x' })
    expect([d.from.version, d.unchanged]).toEqual(['working', ['c1']])
  })

  it('refuses unknown theories and versions, naming what exists', () => {
    const r = theoryDiffEither(history(), { theory: 't', version: 7 }, { theory: 'nope' })
    expect(E.isLeft(r) && r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found}`)).toEqual([
      "theoryDiff › from › version: expected a committed version of theory t (1, 2, 'working'), found 7",
      'theoryDiff › to › theory: expected a theory id of this evaluation (t), found "nope"',
    ])
    expect(() => theoryDiff(history(), { theory: 'nope' }, { theory: 't' })).toThrow(RealistError)
  })
})
