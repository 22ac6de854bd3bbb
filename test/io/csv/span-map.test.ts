import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import { SpanMap } from '../../../src/io/csv/span-map.js'

describe('SpanMap: texts found by their position in another string', () => {
  it('finds each text held, by any span with the same characters, and nothing else (as a Map of its slices)', () => {
    // Short texts over a small alphabet, so spans often match a key in part, by hash bucket or by length.
    const word = fc.array(fc.constantFrom('a', 'b', '.', '1', 'é', '\u0000'), { maxLength: 5 }).map((x) => x.join(''))
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), fc.array(word, { maxLength: 30 }), (keys, probes) => {
        const m = new SpanMap<number>()
        const reference = new Map<string, number>()
        keys.forEach((k, i) => {
          m.set(k, i)
          if (!reference.has(k)) reference.set(k, i)
        })
        expect(m.size).toBe(reference.size)
        const line = `,${[...keys, ...probes].join(',')},`
        let at = 1
        for (const text of [...keys, ...probes]) {
          expect(m.get(line, at, at + text.length)).toBe(reference.get(text))
          at += text.length + 1
        }
      }),
      { numRuns: 300 },
    )
  })

  it('holds at most its limit of keys; past it set declines and the text stays unknown', () => {
    const m = new SpanMap<string>(3)
    expect(['x', 'y', 'z', 'w'].map((k) => m.set(k, k.toUpperCase()))).toEqual([true, true, true, false])
    expect(m.size).toBe(3)
    expect(m.get('xyzw', 3, 4)).toBeUndefined()
    expect(m.get('xyzw', 2, 3)).toBe('Z')
    // A text already held keeps its first value, even when the map is full.
    expect(m.set('x', 'other')).toBe(true)
    expect(m.get('x', 0, 1)).toBe('X')
  })

  it('grows past its first table (64 buckets) and still finds every key', () => {
    const m = new SpanMap<number>()
    const keys = Array.from({ length: 5000 }, (_, i) => `2.${i % 11}.${i}`)
    keys.forEach((k, i) => m.set(k, i))
    const text = keys.join('|')
    let at = 0
    keys.forEach((k, i) => {
      expect(m.get(text, at, at + k.length)).toBe(i)
      at += k.length + 1
    })
    expect(m.get('2.0.5000', 0, 8)).toBeUndefined()
  })
})
