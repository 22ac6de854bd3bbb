import { describe, expect, it } from 'vitest'
import { limitProblems, DEFAULT_LIMITS, isUnitRatingsPath, resolveLimits } from '../../src/model/codec-limits.js'

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
