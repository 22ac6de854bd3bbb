import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit, edit } from '../../src/edit/define.js'
import { recordEditEither, undoEither } from '../../src/edit/log.js'
import { addObservation, observationRows, removeObservation } from '../../src/observations/index.js'
import { attainment } from '../../src/standards/attainment.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const brief = (r: E.Either<readonly { where: string; expected: string; found: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`) : []
const noted = {
  id: 'o1',
  site: 'ss',
  unit: 'crisis',
  target: '2.4',
  round: 'r1',
  date: '2007-03-01',
  source: 'Board minutes',
  text: 'Improvements noted',
}

describe('observations', () => {
  it('are added with a patch, listed as rows, decoded back, and never counted', () => {
    const ev = sample()
    const r = recordEditEither(ev, addObservation({ observation: noted as never }), {
      who: 'JB',
      when: '2026-01-01T00:00:00.000Z',
    })
    if (E.isLeft(r)) throw new Error('refused')
    expect(r.right.entry.patches).toEqual([{ op: 'add', path: ['observations'], value: [noted] }])
    const next = r.right.evaluation
    expect(observationRows(next)).toEqual([
      {
        id: 'o1',
        site: 'ss',
        siteName: 'South Staffordshire',
        unit: 'crisis',
        unitName: 'Crisis resolution',
        target: '2.4',
        round: 'r1',
        date: '2007-03-01',
        source: 'Board minutes',
        text: 'Improvements noted',
      },
    ])
    expect(observationRows(next, { unit: 'acute' })).toEqual([])
    expect(E.isRight(decodeEvaluation(encodeEvaluation(next)))).toBe(true)
    // Counting is exactly as before: the observation is no rating.
    expect(attainment(next).overall).toEqual(attainment(ev).overall)
    expect(undoEither(next, r.right.entry)).toStrictEqual(E.right(ev))
    expect(edit(next, removeObservation({ id: 'o1' })).observations).toEqual([])
  })

  it('refuses a malformed observation at its path, and dangling references', () => {
    expect(
      brief(applyEdit(sample(), addObservation({ observation: { id: 'o1', site: 'ss', text: '' } as never }))),
    ).toEqual(['addObservation › observation › text: a non-empty string, found ""'])
    expect(
      brief(
        applyEdit(
          sample(),
          addObservation({
            observation: { ...noted, site: 'ss', unit: 'ward', target: '9.9', date: '1/3/2007' } as never,
          }),
        ),
      ),
    ).toEqual([
      'addObservation › observation › unit: a unit id of site ss, found "ward"',
      'addObservation › observation › target: a standard or criterion id of framework emhip, found "9.9"',
      'addObservation › observation › date: a date written YYYY-MM-DD, found "1/3/2007"',
    ])
    const once = edit(sample(), addObservation({ observation: noted as never }))
    expect(brief(applyEdit(once, addObservation({ observation: noted as never })))).toEqual([
      'addObservation › observation › id: an observation id not used before, found "o1"',
    ])
    expect(brief(applyEdit(once, removeObservation({ id: 'o2' })))).toEqual([
      'removeObservation › id: the id of an observation of this evaluation, found "o2"',
    ])
    expect(brief(applyEdit(once, removeObservation(undefined as never)))).toEqual([
      'removeObservation › arguments: an arguments object, found nothing (missing)',
    ])
  })
})
