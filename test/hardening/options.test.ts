/**
 * Options are validated like data: a bad option is a Left naming the option,
 * never a silently disabled check. Before, `maxProblems: NaN` (or `'abc'`,
 * or `maxStringLength: NaN`) made documents with duplicate ids, unknown
 * targets and dangling references decode as valid. And a user-supplied name
 * is looked up among own properties only: `rollup: 'toString'` is an unknown
 * rule, not `Object.prototype.toString`.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { RealistError } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { attainment, attainmentEither } from '../../src/standards/index.js'
import { smallDocument } from './support.js'

/** A document with a duplicate site id and a rating of an unknown target. */
const broken = (): unknown => {
  const doc = smallDocument(1) as Record<string, any>
  doc.sites[1].id = doc.sites[0].id
  doc.sites[0].units[0].ratings[doc.rounds[0].id] = { '99.9': { level: 'met' } }
  return doc
}

describe('decodeEvaluation options', () => {
  it('a broken document is refused with the default options', () => {
    expect(E.isLeft(decodeEvaluation(broken()))).toBe(true)
  })

  it.each([
    ['maxProblems', NaN],
    ['maxProblems', 'abc'],
    ['maxProblems', 0],
    ['maxProblems', 2.5],
    ['maxStringLength', NaN],
    ['maxItems', -1],
    ['maxDepth', Infinity],
  ])('%s: %s is a problem naming the option (never a valid document)', (name, value) => {
    const r = decodeEvaluation(broken(), { [name]: value } as never)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r))
      expect(r.left).toEqual([
        expect.objectContaining({
          path: ['options', name],
          where: `decodeEvaluation › options › ${name}`,
          code: 'value',
        }),
      ])
    // A valid document is refused too: the options are wrong whatever the data.
    expect(E.isLeft(decodeEvaluation(smallDocument(2), { [name]: value } as never))).toBe(true)
  })

  it('options that are not an object are a shape problem; the throwing form throws a RealistError', () => {
    const r = decodeEvaluation(smallDocument(2), 'fast' as never)
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['options'], code: 'shape' })
    expect(() => parseEvaluation(smallDocument(2), { maxProblems: NaN })).toThrow(RealistError)
  })
})

describe('names looked up among own properties only', () => {
  const ev = parseEvaluation(smallDocument(3))
  it.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])(
    'attainment rollup %s is an unknown rule (a problem, no TypeError)',
    (name) => {
      const r = attainmentEither(ev, { rollup: name as never })
      expect(E.isLeft(r)).toBe(true)
      if (E.isLeft(r)) expect(r.left[0]).toMatchObject({ path: ['policy', 'rollup'] })
      expect(() => attainment(ev, { rollup: name as never })).toThrow(RealistError)
    },
  )
})
