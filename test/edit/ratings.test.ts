import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit } from '../../src/edit/define.js'
import { rate, unrate } from '../../src/edit/ratings.js'
import { addRound } from '../../src/edit/rounds.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const right = (r: E.Either<unknown, Evaluation>): Evaluation => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'

describe('rate', () => {
  it('sets a rating in the only round when no round is given, keeping the optional fields given', () => {
    const ev = sample()
    const next = right(
      applyEdit(
        ev,
        rate({
          unit: 'crisis',
          target: '2.4',
          level: 'not-met',
          rater: 'AB',
          date: '2007-03-31',
          evidence: ['q1'],
          note: 'no budget',
        }),
      ),
    )
    expect(next.sites[0]!.units[1]!.ratings['r1' as never]).toEqual({
      '2.4': { level: 'not-met', rater: 'AB', date: '2007-03-31', evidence: ['q1'], note: 'no budget' },
    })
    // The new round record is null-prototype, like decoded ones.
    expect(Object.getPrototypeOf(next.sites[0]!.units[1]!.ratings['r1' as never])).toBeNull()
  })

  it('replaces an existing rating and shares every untouched part (structural sharing)', () => {
    const ev = sample()
    const next = right(applyEdit(ev, rate({ unit: 'acute', target: '1.1.1', level: 'met' })))
    expect((next.sites[0]!.units[0]!.ratings as any).r1['1.1.1']).toEqual({ level: 'met' })
    expect((ev.sites[0]!.units[0]!.ratings as any).r1['1.1.1']).toEqual({ level: 'partly' })
    expect(next.framework).toBe(ev.framework)
    expect(next.sites[0]!.units[1]).toBe(ev.sites[0]!.units[1])
    expect((next.sites[0]!.units[0]!.ratings as any).r1['1.1']).toBe((ev.sites[0]!.units[0]!.ratings as any).r1['1.1'])
    expect(next.sites[0]!.units[0]).not.toBe(ev.sites[0]!.units[0])
  })

  it('accepts "na" (not applicable is a marker, not a level)', () => {
    const next = right(applyEdit(sample(), rate({ unit: 'acute', target: '1.1.2', level: 'na' })))
    expect((next.sites[0]!.units[0]!.ratings as any).r1['1.1.2']).toEqual({ level: 'na' })
  })

  it('refuses unknown unit, target, level and evidence, all at once, and changes nothing', () => {
    const ev = sample()
    const r = applyEdit(ev, rate({ unit: 'nope', target: '9.9', level: 'fully', evidence: ['q9'] }))
    expect(lines(r)).toEqual([
      'rate › unit: expected the id of a unit of this evaluation, found "nope" [reference]',
      'rate › target: expected a standard or criterion id of framework emhip, found "9.9" [reference]',
      'rate › level: expected a level of scale emhip (met | partly | not-met) or "na", found "fully" [value]',
      'rate › evidence: expected ids of excerpts of this evaluation, found "q9" [reference]',
    ])
    expect(ev).toStrictEqual(sample())
  })

  it('refuses a date that is not a date, and wrong argument types from untyped callers', () => {
    expect(
      lines(applyEdit(sample(), rate({ unit: 'acute', target: '2.4', level: 'met', date: 'last Tuesday' }))),
    ).toEqual(['rate › date: expected an ISO 8601 date, e.g. "2007-03-31", found "last Tuesday" [value]'])
    expect(lines(applyEdit(sample(), rate({ unit: 3, target: '2.4', level: 'met' } as never)))).toEqual([
      'rate › unit: expected a non-empty string, found 3 [shape]',
    ])
  })

  it('needs a round once there are several, and refuses an unknown one', () => {
    const two = right(applyEdit(sample(), addRound({ id: 'r2', label: 'Follow-up' })))
    expect(lines(applyEdit(two, rate({ unit: 'acute', target: '2.4', level: 'met' })))).toEqual([
      'rate › round: expected a round id (required: this evaluation has 2 rounds), found nothing (missing) [shape]',
    ])
    expect(lines(applyEdit(two, rate({ unit: 'acute', target: '2.4', level: 'met', round: 'r3' })))).toEqual([
      'rate › round: expected a round id of this evaluation (r1 | r2), found "r3" [reference]',
    ])
    const rated = right(applyEdit(two, rate({ unit: 'acute', target: '2.4', level: 'met', round: 'r2' })))
    expect((rated.sites[0]!.units[0]!.ratings as any).r2).toEqual({ '2.4': { level: 'met' } })
  })
})

describe('unrate', () => {
  it('removes a rating, leaving the target unrated (absent, not a value)', () => {
    const next = right(applyEdit(sample(), unrate({ unit: 'acute', target: '1.1.1' })))
    expect('1.1.1' in (next.sites[0]!.units[0]!.ratings as any).r1).toBe(false)
  })

  it('changes nothing (the very same object) when the target is already unrated', () => {
    const ev = sample()
    expect(applyEdit(ev, unrate({ unit: 'crisis', target: '2.4' }))).toStrictEqual(E.right(ev))
    expect(right(applyEdit(ev, unrate({ unit: 'crisis', target: '2.4' })))).toBe(ev)
  })

  it('refuses an unknown target', () => {
    expect(lines(applyEdit(sample(), unrate({ unit: 'acute', target: 'toString' })))).toEqual([
      'unrate › target: expected a standard or criterion id of framework emhip, found "toString" [reference]',
    ])
  })
})
