import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { ratingContext, unitRatingsC, encodeRatings } from '../../src/model/codec-ratings.js'
import { problemsFromErrors, type CodedValidationError } from '../../src/model/codec-kit.js'
import { parseEvaluation } from '../../src/document/decode.js'
import { sampleDocument } from '../support/arbitraries.js'

const { framework } = parseEvaluation(sampleDocument())

describe('unitRatingsC', () => {
  it('decodes into null-prototype records and copies the rating objects (nothing shared with the input)', () => {
    const rating = { level: 'met', note: 'ok' }
    const r = unitRatingsC(ratingContext(framework, ['r1'], [])).decode({ r1: { '2.4': rating } })
    expect(E.isRight(r)).toBe(true)
    const out = (r as E.Right<any>).right
    expect(Object.getPrototypeOf(out)).toBeNull()
    expect(Object.getPrototypeOf(out.r1)).toBeNull()
    expect(out.r1['2.4']).toStrictEqual(rating)
    expect(out.r1['2.4']).not.toBe(rating)
    expect(Object.getPrototypeOf(encodeRatings(out).r1)).toBe(Object.prototype)
  })

  it('stores a rating that is only a level as one shared, frozen object per level; encodes the same JSON; leaves the input alone', () => {
    const input = {
      r1: {
        '1.1': { level: 'met' },
        '1.1.1': { level: 'met' },
        '1.1.2': { level: 'na' },
        '2.4': { level: 'met', rater: 'JB' },
      },
    }
    const before = JSON.stringify(input)
    const r = unitRatingsC(ratingContext(framework, ['r1'], [])).decode(input)
    const out = (r as E.Right<any>).right
    expect(out.r1['1.1']).toBe(out.r1['1.1.1'])
    expect(out.r1['1.1']).toStrictEqual({ level: 'met' })
    expect(Object.isFrozen(out.r1['1.1'])).toBe(true)
    expect(out.r1['1.1.2']).toStrictEqual({ level: 'na' })
    // A rating with more than a level is copied (equal, not the same object), so nothing is shared with the input.
    expect(out.r1['2.4']).toStrictEqual(input.r1['2.4'])
    expect(out.r1['2.4']).not.toBe(input.r1['2.4'])
    expect(Object.isFrozen(input.r1['1.1'])).toBe(false)
    expect(JSON.stringify(input)).toBe(before)
    expect(JSON.stringify(encodeRatings(out))).toBe(before)
    // Each decoding has its own shared objects: nothing is global.
    const again = (unitRatingsC(ratingContext(framework, ['r1'], [])).decode(input) as E.Right<any>).right
    expect(again.r1['1.1']).not.toBe(out.r1['1.1'])
  })

  it('skips reference checks whose context is unknown (null), instead of flagging every rating', () => {
    const C = unitRatingsC(ratingContext(null, null, null))
    expect(E.isRight(C.decode({ anyRound: { anyTarget: { level: 'anything', evidence: ['x'] } } }))).toBe(true)
    expect(E.isLeft(C.decode({ r1: { t: { level: 3 } } }))).toBe(true)
  })

  it('with a deferred list, collects reference and value problems and still succeeds; shape problems still fail', () => {
    const deferred: CodedValidationError[] = []
    const C = unitRatingsC(ratingContext(framework, ['r1'], ['q1'], {}, deferred))
    const input = { r1: { '9.9': { level: 'fully', evidence: ['q2'] } } }
    expect(E.isRight(C.decode(input))).toBe(true)
    expect(problemsFromErrors(deferred, input).map((p) => [p.path.join('/'), p.code])).toEqual([
      ['r1/9.9', 'reference'],
      ['r1/9.9/level', 'value'],
      ['r1/9.9/evidence/0', 'reference'],
    ])
    expect(E.isLeft(C.decode({ r1: { '2.4': { level: 'met', rater: 7 } } }))).toBe(true)
  })

  it('checks limits of keys, counts and unknown fields within ratings', () => {
    const C = unitRatingsC(ratingContext(framework, ['r1'], [], { maxStringLength: 5, maxItems: 1 }))
    const input = { r1: { '1.1': { level: 'met', extensions: { e: ['abcdefgh'] } }, '2.4': { level: 'met' } } }
    const r = C.decode(input)
    expect(E.isLeft(r) && problemsFromErrors(r.left, input).map((p) => `${p.path.join('/')}: ${p.expected}`)).toEqual([
      'r1: at most 1 keys',
    ])
    const one = { r1: { '1.1': { level: 'met', extensions: { e: ['abcdefgh'] } } } }
    const r2 = C.decode(one)
    expect(E.isLeft(r2) && problemsFromErrors(r2.left, one).map((p) => `${p.path.join('/')}: ${p.expected}`)).toEqual([
      'r1/1.1/extensions/e/0: a string of at most 5 characters',
    ])
  })

  it('refuses an unknown field of a rating, naming the nearest known one; keeps extensions untouched', () => {
    const C = unitRatingsC(ratingContext(framework, ['r1'], []))
    const typo = { r1: { '1.1': { level: 'met', nte: 'seen at visit' } } }
    const r = C.decode(typo)
    expect(
      E.isLeft(r) && problemsFromErrors(r.left, typo).map((p) => `${p.path.join('/')}: ${p.expected} [${p.code}]`),
    ).toEqual([
      'r1/1.1/nte: no field "nte" in a rating (did you mean "note"? known: level, date, rater, evidence, note, extensions; put your own data under "extensions") [shape]',
    ])
    const own = { audit: { id: 7, tags: ['a', 'b'] } }
    const ok = C.decode({ r1: { '1.1': { level: 'met', extensions: own } } })
    expect(E.isRight(ok) && (ok.right as any).r1['1.1']).toEqual({ level: 'met', extensions: own })
    // A copy (the decoded document shares nothing with its input), equal to the input.
    expect(E.isRight(ok) && ((ok.right as any).r1['1.1'] as { extensions: unknown }).extensions).not.toBe(own)
  })
})
