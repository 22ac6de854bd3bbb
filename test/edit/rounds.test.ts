import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit, edit } from '../../src/edit/define.js'
import { addRound, removeRound, renameRound } from '../../src/edit/rounds.js'
import { rate } from '../../src/edit/ratings.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const lines = (r: E.Either<readonly { where: string; expected: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: expected ${p.expected}, found ${p.found} [${p.code}]`) : 'accepted'

describe('round edits', () => {
  it('add a round; refuse a taken id and a bad date', () => {
    expect(edit(sample(), addRound({ id: 'r2', label: 'Follow-up', date: '2008-03-01' })).rounds[1]).toEqual({
      id: 'r2',
      label: 'Follow-up',
      date: '2008-03-01',
    })
    expect(lines(applyEdit(sample(), addRound({ id: 'r1', label: 'Again', date: '31/03/2008' })))).toEqual([
      'addRound › id: expected a round id not used yet, found "r1" [duplicate]',
      'addRound › date: expected an ISO 8601 date, e.g. "2008-03-01", found "31/03/2008" [value]',
    ])
  })

  it('refuse to remove a round with ratings unless told to drop them', () => {
    const two = edit(
      sample(),
      addRound({ id: 'r2', label: 'Follow-up' }),
      rate({ unit: 'crisis', target: '2.4', level: 'met', round: 'r2' }),
    )
    expect(lines(applyEdit(two, removeRound({ round: 'r2' })))).toEqual([
      'removeRound › round: expected a round without ratings, or data: "drop" (1 unit has ratings in it), found "r2" [consistency]',
    ])
    const dropped = edit(two, removeRound({ round: 'r2', data: 'drop' }))
    expect(dropped.rounds.map((r) => r.id)).toEqual(['r1'])
    expect(Object.keys(dropped.sites[0]!.units[1]!.ratings)).toEqual([])
    expect(dropped.sites[0]!.units[0]).toBe(two.sites[0]!.units[0])
  })

  it('rename a round, keeping its id; refuse an unknown one', () => {
    expect(edit(sample(), renameRound({ round: 'r1', label: 'Baseline (autumn 2006)' })).rounds[0]).toEqual({
      id: 'r1',
      label: 'Baseline (autumn 2006)',
      date: '2006-10-01',
    })
    expect(lines(applyEdit(sample(), renameRound({ round: 'r9', label: 'x' })))).toEqual([
      'renameRound › round: expected the id of a round of this evaluation, found "r9" [reference]',
    ])
  })
})
