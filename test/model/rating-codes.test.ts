import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { produce } from 'immer'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { codeAllocator, CODE_INVALID, frameworkLayout, storedCodes } from '../../src/model/rating-codes.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Framework } from '../../src/model/framework.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { applyEdit, rate } from '../../src/edit/index.js'
import { evaluationArb, sampleDocument } from '../support/arbitraries.js'

const runs = Number(process.env.FUZZ_RUNS ?? 100)

/**
 * The codes of a record, worked out independently of the library: for every
 * criterion in reading order, then every standard, the level's position on
 * the scale (best first), levels.length for "na", levels.length + 1 when the
 * record has no rating of it.
 */
const expectedCodes = (framework: Framework, record: Readonly<Record<string, { level: string }>>): number[] => {
  const levels = framework.scale.levels.map((l) => l.id as string)
  const code = (id: string): number => {
    const r = Object.hasOwn(record, id) ? record[id] : undefined
    if (r === undefined) return levels.length + 1
    return r.level === 'na' ? levels.length : levels.indexOf(r.level)
  }
  const standards = framework.sections.flatMap((s) => s.standards)
  return [...standards.flatMap((s) => s.criteria.map((c) => code(c.id))), ...standards.map((s) => code(s.id))]
}

const records = (ev: Evaluation) =>
  ev.sites.flatMap((s) =>
    s.units.flatMap((u) => Object.values(u.ratings as Record<string, Readonly<Record<string, { level: string }>>>)),
  )

describe('frameworkLayout', () => {
  it('puts the 38 E-MHIP criteria first, then the 11 standards, and codes levels best first', () => {
    const l = frameworkLayout(emhipFramework)
    expect(l.slots).toBe(49)
    expect(l.criterionIds).toHaveLength(38)
    expect(l.slotOf.get('1.1')).toBe(38)
    expect(l.slotOf.get('4.1')).toBe(48)
    expect(l.slotOf.get(l.criterionIds[0]!)).toBe(0)
    expect(l.levelKeys).toEqual(['met', 'partly', 'not-met', 'na'])
    expect([l.codeOf.get('met'), l.codeOf.get('partly'), l.codeOf.get('not-met'), l.codeOf.get('na')]).toEqual([
      0, 1, 2, 3,
    ])
    expect(l.unrated).toBe(4)
    expect(l.codable).toBe(true)
    // Standard s's criteria sit between criteriaStart[s] and criteriaStart[s + 1].
    const standards = emhipFramework.sections.flatMap((s) => s.standards)
    standards.forEach((s, i) =>
      expect(l.criterionIds.slice(l.criteriaStart[i], l.criteriaStart[i + 1])).toEqual(s.criteria.map((c) => c.id)),
    )
    expect(frameworkLayout(emhipFramework)).toBe(l)
  })

  it('a scale too long for a byte is not codable', () => {
    const levels = Array.from({ length: 260 }, (_, i) => ({ id: `l${i}`, label: `L${i}`, score: 1 - i / 259 }))
    const big = { ...emhipFramework, scale: { ...emhipFramework.scale, levels } } as unknown as Framework
    expect(frameworkLayout(big).codable).toBe(false)
  })
})

describe("the decoder writes each record's codes", () => {
  it('on the sample document: one code per slot, as worked out by hand', () => {
    const ev = parseEvaluation(sampleDocument())
    const record = ev.sites[0]!.units[0]!.ratings['r1' as never] as unknown as Record<string, { level: string }>
    const codes = storedCodes(ev.framework, record)!
    expect(Array.from(codes)).toEqual(expectedCodes(ev.framework, record))
    const l = frameworkLayout(ev.framework)
    expect(codes[l.slotOf.get('1.1')!]).toBe(l.codeOf.get('met'))
    expect(codes[l.slotOf.get('1.1.1')!]).toBe(l.codeOf.get('partly'))
    expect(codes[l.slotOf.get('2.4')!]).toBe(l.codeOf.get('na'))
  })

  it("for any valid document, every record's stored codes equal the independent reading", () => {
    fc.assert(
      fc.property(evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 2 }), (plain) => {
        const r = decodeEvaluation(encodeEvaluation(plain))
        expect(r._tag).toBe('Right')
        const ev = (r as { right: Evaluation }).right
        for (const record of records(ev)) {
          const codes = storedCodes(ev.framework, record)
          expect(codes).toBeDefined()
          expect(Array.from(codes!)).toEqual(expectedCodes(ev.framework, record))
          expect(Array.from(codes!)).not.toContain(CODE_INVALID)
        }
      }),
      { numRuns: runs },
    )
  })

  it('an edit gives the record it changes a new identity without codes; records it does not touch keep theirs', () => {
    const ev = parseEvaluation(sampleDocument())
    const unit = ev.sites[0]!.units[0]!
    const before = unit.ratings['r1' as never] as object
    const next = applyEdit(ev, rate({ unit: unit.id, round: 'r1', target: '1.1.1', level: 'met' }))
    expect(next._tag).toBe('Right')
    const after = (next as { right: Evaluation }).right.sites[0]!.units[0]!.ratings['r1' as never] as object
    expect(after).not.toBe(before)
    expect(storedCodes(ev.framework, after)).toBeUndefined()
    expect(storedCodes(ev.framework, before)).toBeDefined()
    // An immer edit elsewhere shares this record, and with it its codes.
    const elsewhere = produce(ev, (d) => {
      d.title = 'Renamed'
    })
    expect(elsewhere.sites[0]!.units[0]!.ratings['r1' as never]).toBe(before)
  })

  it("a decoded document's rating records are frozen: writing to one throws instead of leaving its codes stale", () => {
    const ev = parseEvaluation(sampleDocument())
    const byRound = ev.sites[0]!.units[0]!.ratings as Record<string, Record<string, { level: string }>>
    expect(Object.isFrozen(byRound)).toBe(true)
    expect(Object.isFrozen(byRound.r1)).toBe(true)
    expect(() => {
      byRound.r1!['1.1.2'] = { level: 'met' }
    }).toThrow(TypeError)
    expect(() => {
      delete byRound.r1!['1.1']
    }).toThrow(TypeError)
    expect(byRound.r1!['1.1.2']).toBeUndefined()
    // Edits still work: they copy what they change.
    const next = applyEdit(ev, rate({ unit: ev.sites[0]!.units[0]!.id, round: 'r1', target: '1.1.2', level: 'met' }))
    expect(next._tag).toBe('Right')
  })

  it('codes belong to one framework object: another framework (even an equal copy) finds none', () => {
    const ev = parseEvaluation(sampleDocument())
    const record = ev.sites[0]!.units[0]!.ratings['r1' as never] as object
    expect(storedCodes(ev.framework, record)).toBeDefined()
    expect(storedCodes({ ...ev.framework }, record)).toBeUndefined()
  })

  it('a scale of 260 levels decodes without codes', () => {
    const doc = sampleDocument() as unknown as { framework: { scale: { levels: unknown[] } } }
    doc.framework.scale.levels = [
      ...doc.framework.scale.levels,
      ...Array.from({ length: 260 }, (_, i) => ({ id: `extra-${i}`, label: `Extra ${i}`, score: 0 })),
    ]
    const ev = parseEvaluation(doc)
    for (const record of records(ev)) expect(storedCodes(ev.framework, record)).toBeUndefined()
  })
})

describe('codeAllocator', () => {
  it('hands out zeroed views that never overlap, across buffer boundaries and for arrays larger than a buffer', () => {
    const next = codeAllocator()
    const views = Array.from({ length: 3000 }, (_, i) => next(49 + (i % 7)))
    views.forEach((v, i) => v.fill((i % 250) + 1))
    views.forEach((v, i) => expect(v.every((b) => b === (i % 250) + 1)).toBe(true))
    const big = next(100_000)
    expect(big.length).toBe(100_000)
    expect(big.every((b) => b === 0)).toBe(true)
  })
})
