import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { recordEditEither, replayEither, undoEither } from '../../src/edit/log.js'
import { rate } from '../../src/edit/ratings.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())

describe('change log', () => {
  it('records who, when, what, and the patches both ways', () => {
    const r = recordEditEither(sample(), rate({ unit: 'acute', target: '1.1.1', level: 'met', rater: 'JB' }), {
      who: 'JB',
      when: '2007-03-31T10:00:00.000Z',
    })
    expect(E.isRight(r) && r.right.entry).toEqual({
      op: 'rate',
      args: { unit: 'acute', target: '1.1.1', level: 'met', rater: 'JB' },
      who: 'JB',
      when: '2007-03-31T10:00:00.000Z',
      patches: [
        {
          op: 'replace',
          path: ['sites', 0, 'units', 0, 'ratings', 'r1', '1.1.1'],
          value: { level: 'met', rater: 'JB' },
        },
      ],
      inversePatches: [
        { op: 'replace', path: ['sites', 0, 'units', 0, 'ratings', 'r1', '1.1.1'], value: { level: 'partly' } },
      ],
    })
  })

  it('edits a decoded document whose level-only ratings are shared frozen objects: copies on write, replays and undoes exactly', () => {
    const ev = sample()
    const shared = (ev.sites[0]!.units[0]!.ratings as any).r1['1.1.1']
    expect(Object.isFrozen(shared)).toBe(true)
    const r = recordEditEither(ev, rate({ unit: 'acute', target: '1.1.1', level: 'met', rater: 'JB' }), {
      who: 'JB',
      when: '2007-03-31T10:00:00.000Z',
    })
    if (E.isLeft(r)) throw new Error('refused')
    expect((r.right.evaluation.sites[0]!.units[0]!.ratings as any).r1['1.1.1']).toEqual({ level: 'met', rater: 'JB' })
    expect(shared).toStrictEqual({ level: 'partly' })
    expect((ev.sites[0]!.units[0]!.ratings as any).r1['1.1.1']).toBe(shared)
    expect(replayEither(ev, [r.right.entry])).toStrictEqual(E.right(r.right.evaluation))
    expect(replayEither(ev, JSON.parse(JSON.stringify([r.right.entry])))).toStrictEqual(E.right(r.right.evaluation))
    expect(undoEither(r.right.evaluation, r.right.entry)).toStrictEqual(E.right(ev))
  })

  it('stamps the current time when `when` is left out', () => {
    const r = recordEditEither(sample(), rate({ unit: 'acute', target: '2.4', level: 'met' }), { who: 'JB' })
    expect(E.isRight(r) && Date.parse(r.right.entry.when)).toBeGreaterThan(Date.parse('2026-01-01'))
  })

  it('refuses like applyEdit, recording nothing', () => {
    const r = recordEditEither(sample(), rate({ unit: 'acute', target: '2.4', level: 'good' }), { who: 'JB' })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual(['rate › level'])
  })

  it('undo out of order is a problem, not an exception', () => {
    const ev = sample()
    const first = recordEditEither(ev, rate({ unit: 'crisis', target: '2.4', level: 'met' }), { who: 'a' })
    if (E.isLeft(first)) throw new Error('refused')
    // Undoing "add r1 for crisis" on the original (where crisis has no r1 record) cannot fit.
    const r = undoEither(ev, {
      ...first.right.entry,
      inversePatches: [{ op: 'remove', path: ['sites', 0, 'units', 1, 'ratings', 'r1', '2.4'] }],
    })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ where: 'undo › entry 1', code: 'consistency' })
    expect(
      E.isLeft(
        replayEither(ev, [
          { ...first.right.entry, patches: [{ op: 'replace', path: ['sites', 5, 'name'], value: 'x' }] },
        ]),
      ),
    ).toBe(true)
  })
})
