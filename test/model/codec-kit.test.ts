import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import {
  CountC,
  FiniteNumberC,
  NonEmptyStringC,
  describePath,
  idC,
  nullProtoRecordC,
  oneOfC,
  problemsFromErrors,
  problemsFromErrorsUpTo,
  withOptional,
} from '../../src/model/codec-kit.js'

/** Decode with a codec and return our problems (or the value). */
const run = <A>(codec: t.Type<A, unknown, unknown>, u: unknown) => {
  const r = codec.decode(u)
  return E.isLeft(r) ? problemsFromErrors(r.left, u) : r.right
}

describe('codec kit', () => {
  it('FiniteNumberC names NaN and the infinities, and calls a string a shape problem', () => {
    expect(run(FiniteNumberC, NaN)).toEqual([
      { path: [], where: 'the document', expected: 'a finite number', found: 'NaN', code: 'value' },
    ])
    expect(run(FiniteNumberC, Infinity)).toMatchObject([{ found: 'Infinity', code: 'value' }])
    expect(run(FiniteNumberC, '1')).toMatchObject([{ found: '"1"', code: 'shape' }])
    expect(run(FiniteNumberC, -0.5)).toBe(-0.5)
  })

  it('CountC takes whole numbers ≥ 0 only', () => {
    expect([0, 3].map((n) => run(CountC, n))).toEqual([0, 3])
    expect([-1, 1.5, NaN].map((n) => (run(CountC, n) as any)[0].found)).toEqual(['-1', '1.5', 'NaN'])
  })

  it('idC refuses the empty string and the reserved names', () => {
    const C = idC<'UnitId'>('unit id')
    expect(run(C, 'acute')).toBe('acute')
    expect(run(C, '')).toMatchObject([{ expected: 'a unit id (a non-empty string)', code: 'value' }])
    for (const name of ['__proto__', 'constructor', 'prototype'])
      expect(run(C, name)).toMatchObject([
        { expected: 'a unit id (not __proto__, constructor or prototype)', code: 'value' },
      ])
    expect(run(NonEmptyStringC, '')).toMatchObject([{ expected: 'a non-empty string', found: '""' }])
    // The article follows the sound: an objective id, an element id, an excerpt id; a unit id, a site id.
    expect(run(idC('objective id'), 3)).toMatchObject([{ expected: 'an objective id (a non-empty string)' }])
    expect(run(idC('element id'), '__proto__')).toMatchObject([
      { expected: 'an element id (not __proto__, constructor or prototype)' },
    ])
    expect(run(idC('excerpt id'), '')).toMatchObject([{ expected: 'an excerpt id (a non-empty string)' }])
    expect(run(idC('site id'), '')).toMatchObject([{ expected: 'a site id (a non-empty string)' }])
  })

  it('oneOfC lists the allowed values', () => {
    expect(run(oneOfC(['quote', 'note']), 'memo')).toMatchObject([
      { expected: 'one of "quote" | "note"', found: '"memo"', code: 'value' },
    ])
  })

  it('nullProtoRecordC builds null-prototype records and refuses reserved keys without polluting', () => {
    const C = nullProtoRecordC(idC('round id'), FiniteNumberC, 'scores by round')
    const ok = run(C, { r1: 1, toString: 2 }) as Record<string, number>
    expect(Object.getPrototypeOf(ok)).toBeNull()
    expect(ok.toString).toBe(2)
    const bad = JSON.parse('{"__proto__": {"polluted": 1}, "r2": "x"}')
    expect(run(C, bad)).toEqual([
      {
        path: ['__proto__'],
        where: '__proto__',
        expected: 'a key that is a round id (not __proto__, constructor or prototype)',
        found: '"__proto__"',
        code: 'value',
      },
      {
        path: ['__proto__'],
        where: '__proto__',
        expected: 'a finite number',
        found: 'an object with keys polluted',
        code: 'shape',
      },
      { path: ['r2'], where: 'r2', expected: 'a finite number', found: '"x"', code: 'shape' },
    ])
    expect(({} as any).polluted).toBeUndefined()
    expect(C.encode(ok)).toEqual({ r1: 1, toString: 2 })
  })

  it('problemsFromErrors drops io-ts intersection steps from paths and merges union alternatives', () => {
    const C = t.type({
      items: t.array(withOptional({ id: idC('item id') }, { n: FiniteNumberC }, 'an item')),
      v: t.union([t.string, t.number]),
    })
    const u = { items: [{ id: 'a' }, { id: 'b', n: NaN }], v: true }
    expect(run(C, u)).toEqual([
      { path: ['items', 1, 'n'], where: 'items[1] › n', expected: 'a finite number', found: 'NaN', code: 'value' },
      { path: ['v'], where: 'v', expected: 'string or number', found: 'true', code: 'shape' },
    ])
  })

  it('describePath names places by their ids, and ratings by round and target', () => {
    const doc = {
      sites: [{ id: 'ss', units: [{ id: 'acute', ratings: { r1: { '2.4': { level: 'x' } } } }] }],
      theories: [{ id: 't', versions: [{ version: 2 }] }],
    }
    expect(describePath(doc, ['sites', 0, 'units', 0, 'ratings', 'r1', '2.4', 'level'])).toBe(
      'site ss › unit acute › round r1 › rating 2.4 › level',
    )
    expect(describePath(doc, ['theories', 0, 'versions', 0, 'note'])).toBe('theory t › version 2 › note')
    expect(describePath(doc, ['sites', 3, 'name'])).toBe('site #4 › name')
    expect(describePath(doc, [])).toBe('the document')
  })

  it('describePath cuts ids and keys longer than 60 characters, so a 10 MB id makes a short place name', () => {
    const big = 'x'.repeat(10_000_000)
    const cut = `"${'x'.repeat(60)}…" (10000000 characters)`
    const doc = { sites: [{ id: big, units: [{ id: 'acute', ratings: { [big]: { [big]: { level: 'met' } } } }] }] }
    expect(describePath(doc, ['sites', 0, 'units', 0, 'ratings', big, big, 'level'])).toBe(
      `site ${cut} › unit acute › round ${cut} › rating ${cut} › level`,
    )
    expect(describePath({ [big]: 1 }, [big])).toBe(cut)
  })

  it('problemsFromErrorsUpTo builds at most `max` problems and counts the rest, a union place once', () => {
    const C = t.array(t.union([t.string, t.number]))
    const r = C.decode([true, 1, null, 'a', {}])
    if (r._tag === 'Right') throw new Error('expected a failure')
    // Three bad items, each reported by both union members: 6 errors, 3 places.
    expect(r.left).toHaveLength(6)
    expect(problemsFromErrorsUpTo(r.left, [], 1)).toMatchObject({
      problems: [{ path: [0], expected: 'string or number' }],
      omitted: 2,
    })
    expect(problemsFromErrorsUpTo(r.left, [], 10).problems.map((p) => p.path)).toEqual([[0], [2], [4]])
  })
})
