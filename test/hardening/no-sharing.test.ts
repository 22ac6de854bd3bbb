/**
 * The decoded document shares no object with its input. A caller who changes
 * their input object after decoding (every object and array of it: a field
 * set, an item pushed, a rating's note rewritten) leaves the decoded document,
 * and the attainment computed from it, exactly as they were.
 */
import { describe, expect, it } from 'vitest'
import { parseEvaluation } from '../../src/document/decode.js'
import { attainment, attainmentRows } from '../../src/standards/index.js'
import { smallDocument } from './support.js'

/** Change every object and array reachable from `v`, in place. */
const scribble = (v: unknown): void => {
  if (Array.isArray(v)) {
    for (const x of v) scribble(x)
    v.push({ scribbled: true })
  } else if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k]
      if (typeof x === 'string') (v as Record<string, unknown>)[k] = 'met'
      else if (typeof x === 'number') (v as Record<string, unknown>)[k] = 0
      else scribble(x)
    }
    ;(v as Record<string, unknown>).scribbled = true
  }
}

describe('decodeEvaluation copies its input', () => {
  it.each([1, 2, 3, 4, 5])('a changed input leaves the decoded document and its attainment alone (seed %i)', (seed) => {
    const input = smallDocument(seed) as Record<string, any>
    // Give every rating an extra field, so no rating is replaced by a shared level-only object.
    for (const site of input.sites)
      for (const unit of site.units)
        for (const round of Object.values(unit.ratings) as Record<string, any>[])
          for (const r of Object.values(round)) r.note = 'as rated'
    const ev = parseEvaluation(input)
    const json = JSON.stringify(ev)
    const rows = JSON.stringify(attainmentRows(attainment(ev, { cache: false })))
    scribble(input)
    expect(JSON.stringify(ev)).toBe(json)
    expect(JSON.stringify(attainmentRows(attainment(ev, { cache: false })))).toBe(rows)
  })
})
