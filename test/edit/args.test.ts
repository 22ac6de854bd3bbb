import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { roomArg } from '../../src/edit/args.js'
import { applyEdit } from '../../src/edit/define.js'
import { parseEvaluation } from '../../src/document/decode.js'
import { DEFAULT_LIMITS } from '../../src/model/codec-limits.js'
import { addObjectiveType } from '../../src/objectives/edits.js'
import { addCmoElement } from '../../src/cmo/edits/elements.js'
import { sampleDocument } from '../support/arbitraries.js'

describe('roomArg', () => {
  it("has room below the decoder's maxItems and none at it", () => {
    expect(DEFAULT_LIMITS.maxItems).toBe(1_000_000)
    expect(roomArg('addSite', 'id', 0, 'the sites')).toEqual([])
    expect(roomArg('addSite', 'id', 999_999, 'the sites')).toEqual([])
    expect(roomArg('addSite', 'id', 1_000_000, 'the sites')).toEqual([
      {
        path: ['id'],
        where: 'addSite › id',
        expected: "room in the sites (at most 1,000,000 items, the decoder's maxItems)",
        found: '"1,000,000 already"',
        code: 'limit',
      },
    ])
  })

  it('objective types and CMO elements at the limit: the edit is refused with a limit problem', () => {
    const ev = parseEvaluation(sampleDocument())
    const types = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `t${i}`, label: 'x' }))
    const r = applyEdit(
      { ...ev, objectiveTypes: types } as never,
      addObjectiveType({ type: { id: 'new', label: 'New' } }),
    )
    expect(E.isLeft(r) && r.left.some((p) => p.code === 'limit' && p.where === 'addObjectiveType › type')).toBe(true)
    const elements = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `e${i}`, label: 'x', role: 'context' }))
    const c = applyEdit(
      { ...ev, elements } as never,
      addCmoElement({ element: { id: 'new', label: 'New', role: 'context' } }),
    )
    expect(E.isLeft(c) && c.left.some((p) => p.code === 'limit' && p.where === 'addCmoElement › element')).toBe(true)
  }, 60_000)
})
