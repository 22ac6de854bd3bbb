import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { recordEditEither, replayEither, undoEither, type ChangeLog } from '../../src/edit/log.js'
import type { Edit } from '../../src/edit/define.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import {
  addExcerpt,
  addInformant,
  addTheory,
  changeElementRole,
  cmoWhereStandard,
  commitTheoryVersion,
  supportMatrix,
  tagOutcome,
  theoryDiff,
  transitionConfiguration,
  triangulation,
} from '../../src/cmo/index.js'
import { deepFreeze } from '../standards/freeze.js'
import { evidenceFindings } from '../../src/evidence/index.js'
import { base, LE } from './fixtures.js'

const session: Edit[] = [
  addTheory({ id: 't', name: 'T', configurations: ['c1'] }),
  commitTheoryVersion({ theory: 't' }),
  transitionConfiguration({ configuration: 'c1', to: 'tested', reason: 'visits' }),
  changeElementRole({ element: 'events', to: 'context', reason: 'precondition' }),
  tagOutcome({ element: 'low', objectiveTypes: ['outcome'] }),
  addInformant({ item: { id: 'i1', group: 'g1', site: LE } }),
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
  commitTheoryVersion({ theory: 't', note: 'v2' }),
]

const record = (ev: Evaluation, edits: readonly Edit[]) => {
  let log: ChangeLog = []
  for (const e of edits) {
    const r = recordEditEither(ev, e, { who: 'test', when: '2026-01-01T00:00:00Z' })
    if (E.isLeft(r)) throw new Error(`${e.op}: ${JSON.stringify(r.left)}`)
    ev = r.right.evaluation
    log = [...log, r.right.entry]
  }
  return { ev, log }
}

describe('CMO edits in the change log', () => {
  it('every CMO edit records patches; replay rebuilds the session and undo walks it back', () => {
    const start = base()
    const { ev, log } = record(start, session)
    expect(log.map((e) => e.op)).toEqual([
      'addTheory',
      'commitTheoryVersion',
      'transitionConfiguration',
      'changeElementRole',
      'tagOutcome',
      'addInformant',
      'addExcerpt',
      'commitTheoryVersion',
    ])
    expect(log.every((e) => e.patches.length > 0 && e.inversePatches.length > 0)).toBe(true)
    expect(replayEither(start, log)).toEqual(E.right(ev))
    let back = ev
    for (const entry of [...log].reverse()) {
      const r = undoEither(back, entry)
      if (E.isLeft(r)) throw new Error('undo refused')
      back = r.right
    }
    expect(back).toEqual(start)
  })

  it('undoing the role change restores the element and the configuration lists', () => {
    const { ev, log } = record(base(), session.slice(0, 4))
    expect(ev.configurations[0]!.mechanisms).toEqual(['train'])
    const r = undoEither(ev, log[3]!)
    if (E.isLeft(r)) throw new Error('undo refused')
    expect(r.right.elements[2]).toEqual(base().elements[2])
    expect(r.right.configurations[0]!.mechanisms).toEqual(['events', 'train'])
  })

  it('queries never write to the document (deep-frozen input)', () => {
    const ev = deepFreeze(record(base(), session).ev)
    expect(() => {
      triangulation(ev)
      supportMatrix(ev, { complete: true })
      theoryDiff(ev, { theory: 't', version: 1 }, { theory: 't', version: 'working' })
      evidenceFindings(ev)
      cmoWhereStandard(ev, { standard: '1.1' })
    }).not.toThrow()
  })
})
