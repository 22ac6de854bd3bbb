import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  limitProblems,
  DEFAULT_LIMITS,
  isRatingsPath,
  isUnitRatingsPath,
  resolveLimits,
} from '../../src/model/codec-limits.js'
import { generateEvaluation, TWO_INSTRUMENTS } from '../../bench/generate.js'
import { decodeEvaluation } from '../../src/document/decode.js'

describe('limitProblems', () => {
  it('has documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 64, maxStringLength: 1_000_000, maxItems: 1_000_000 })
  })

  it('accepts input within the limits', () => {
    expect(limitProblems({ a: [1, 'two', { b: null }] })).toEqual([])
  })

  it('counts the document as depth 1: maxDepth 2 allows {a: {}} but not {a: {b: {}}}', () => {
    expect(limitProblems({ a: {} }, { maxDepth: 2 })).toEqual([])
    expect(limitProblems({ a: { b: {} } }, { maxDepth: 2 })).toEqual([
      { path: ['a', 'b'], where: 'a › b', expected: 'nesting at most 2 deep', found: 'an empty object', code: 'limit' },
    ])
  })

  it('survives 100,000-deep nesting built without JSON (no recursion past maxDepth)', () => {
    let deep: unknown = {}
    for (let i = 0; i < 100_000; i++) deep = { d: deep }
    const ps = limitProblems(deep)
    expect(ps).toHaveLength(1)
    expect(ps[0]!.path).toHaveLength(64)
  })

  it('caps maxDepth at 1,000 so that the check itself cannot overflow the stack', () => {
    let deep: unknown = []
    for (let i = 0; i < 5_000; i++) deep = [deep]
    expect(limitProblems(deep, { maxDepth: 1e9 })[0]!.expected).toBe('nesting at most 1000 deep')
  })

  it("keeps a whole document's maxDepth within 16…1,000 (a valid document needs about 10)", () => {
    expect(resolveLimits({ maxDepth: 2 }).maxDepth).toBe(16)
    expect(resolveLimits({ maxDepth: 1e9 }).maxDepth).toBe(1000)
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS)
  })

  it('can skip the contents of unit ratings (checked by their own codec) but not their depth', () => {
    const doc = { sites: [{ units: [{ ratings: { r1: { x: { note: 'n'.repeat(11) } } } }] }] }
    expect(limitProblems(doc, { maxStringLength: 10 }, isUnitRatingsPath)).toEqual([])
    expect(limitProblems(doc, { maxStringLength: 10 })).toHaveLength(1)
    expect(limitProblems(doc, { maxDepth: 5 }, isUnitRatingsPath)).toMatchObject([
      { path: ['sites', 0, 'units', 0, 'ratings'] },
    ])
  })

  it('names every ratings record of a document (counted and rater-keyed, of units and sites, on every instrument) and nothing else', () => {
    const yes = [
      ['sites', 0, 'units', 3, 'ratings'],
      ['sites', 0, 'units', 3, 'byRater'],
      ['sites', 2, 'ratings'],
      ['sites', 2, 'byRater'],
      ['sites', 0, 'units', 3, 'instrumentRatings', 'quality', 'ratings'],
      ['sites', 0, 'units', 3, 'instrumentRatings', 'quality', 'byRater'],
      ['sites', 1, 'instrumentRatings', 'ratings', 'ratings'],
      ['sites', 1, 'instrumentRatings', 'byRater', 'byRater'],
    ]
    const no = [
      ['sites', 0, 'units', 3, 'instrumentRatings', 'quality'],
      ['sites', 0, 'units', 3, 'instrumentRatings'],
      ['sites', 1, 'instrumentRatings', 'ratings'],
      ['sites', 0, 'units', 3, 'ratings', 'r1'],
      ['sites', 0, 'units', 'ratings'],
      ['sites', 'x', 'ratings'],
      ['units', 0, 'ratings'],
      ['sites', 0, 'units', 3, 'extensions', 'ratings'],
      ['sites', 0, 'units', 3, 'instrumentRatings', 'q', 'x', 'ratings'],
      ['ratings'],
      [],
    ]
    for (const p of yes) expect(isRatingsPath(p), JSON.stringify(p)).toBe(true)
    for (const p of no) expect(isRatingsPath(p), JSON.stringify(p)).toBe(false)
  })

  it("holds users' own data in every kind of ratings record to the depth the whole-document walk would", () => {
    // decodeEvaluation skips ratings records in its pre-check and the ratings codecs check them:
    // the `limit` problems must be those of limitProblems walking everything (messages aside: the
    // codecs' depth is counted from the data's own root).
    const nest = (k: number): unknown => (k <= 1 ? { x: 1 } : { a: nest(k - 1) })
    type Json = Record<string, any>
    const docs = [false, true].map((siteLevel) => {
      const doc = JSON.parse(
        JSON.stringify(
          generateEvaluation({ sites: 1, unitsPerSite: 1, rounds: 1, seed: 3, siteLevel, ...TWO_INSTRUMENTS }),
        ),
      ) as Json
      const entity = siteLevel ? doc.sites[0] : doc.sites[0].units[0]
      const target = Object.keys(entity.ratings.r1)[0]!
      entity.byRater = { r1: { [target]: { ann: { level: 'met' } } } }
      const compliance = entity.instrumentRatings.compliance
      compliance.byRater = { r1: { '2.4.1': { ann: { level: 'fully' }, bob: { level: 'almost' } } } }
      const ratings: Json[] = [
        entity.ratings.r1[target],
        entity.byRater.r1[target].ann,
        compliance.ratings.r1[Object.keys(compliance.ratings.r1)[0]!],
        compliance.byRater.r1['2.4.1'].bob,
      ]
      return { doc, ratings }
    })
    const paths = (ps: readonly { path: readonly (string | number)[]; code: string }[]) =>
      ps.filter((p) => p.code === 'limit').map((p) => JSON.stringify(p.path))
    let refused = 0
    for (const { doc, ratings } of docs)
      for (const rating of ratings)
        for (let k = 1; k <= 9; k++) {
          rating.extensions = nest(k)
          const whole = paths(limitProblems(doc, { maxDepth: 16 }))
          const r = decodeEvaluation(doc, { maxDepth: 16 })
          expect(E.isLeft(r) ? paths(r.left) : [], `depth ${k}`).toEqual(whole)
          if (whole.length > 0) refused++
          delete rating.extensions
        }
    // Each of the eight places passes some depths and refuses others.
    expect(refused).toBeGreaterThanOrEqual(8)
    expect(refused).toBeLessThan(8 * 9)
  })

  it('checks long keys and long strings, and stops after 20 problems', () => {
    expect(limitProblems({ ['k'.repeat(11)]: 1 }, { maxStringLength: 10 })).toMatchObject([
      { expected: 'a key of at most 10 characters', code: 'limit' },
    ])
    expect(limitProblems('s'.repeat(11), { maxStringLength: 10 })).toMatchObject([
      { path: [], expected: 'a string of at most 10 characters' },
    ])
    expect(limitProblems(Array(100).fill('s'.repeat(11)), { maxStringLength: 10 })).toHaveLength(20)
  })
})
