/**
 * Resource limits: 10,000-deep nesting, a 10 MB string and 10^6
 * duplicate ids each give a clear error (a `Left` of problems, or a
 * `RealistError` from the throwing form) or a documented result, never a
 * stack overflow, another raw exception, or a hang. Each case is bounded in
 * processor time (test/support/cpu-time.ts: a shared, loaded machine does not
 * stretch it), the largest also in how its time grows, and its message is
 * bounded in size.
 *
 * Documented results used here (src/model/codec-limits.ts, DEFAULT_LIMITS):
 * maxDepth 64, maxStringLength 1,000,000, maxItems 1,000,000; an input over a
 * limit gets only its `limit` problems, at most 20.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { RealistError, type Problem } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import type { Result } from '../../src/model/problem.js'
import { importRatingsLongEither } from '../../src/io/index.js'
import { addRound, addSite, addUnit, applyEdit, renameUnit } from '../../src/edit/index.js'
import { smallDocument } from './support.js'
import { linearIn, withinCpuMs } from '../support/cpu-time.js'

const TEN_MB = 10_000_000
const MILLION = 1_000_000

const left = <A>(r: Result<A>): readonly Problem[] => {
  expect(E.isLeft(r)).toBe(true)
  return E.isLeft(r) ? r.left : []
}

/** The throwing form must throw a RealistError whose message stays readable (bounded). */
const expectRealistError = (fn: () => unknown, code: string): RealistError => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(RealistError)
    const err = e as RealistError
    expect(err.problems.some((p) => p.code === code)).toBe(true)
    expect(err.message.length).toBeLessThan(20_000)
    return err
  }
  throw new Error('expected a RealistError')
}

const nestedArray = (depth: number): unknown => {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
const nestedObject = (depth: number): unknown => {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

describe('deep nesting', () => {
  it.each([
    ['arrays', nestedArray],
    ['objects', nestedObject],
  ])('10,000-deep %s in a field: a limit problem at depth 64, no stack overflow', (_, nest) => {
    const doc = { ...(smallDocument(1) as object), title: nest(10_000) }
    const problems = withinCpuMs(5_000, () => left(decodeEvaluation(doc)))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'limit', expected: 'nesting at most 64 deep' })
    expect(problems[0]!.path[0]).toBe('title')
  })

  it('10,000-deep JSON text through parseEvaluation: RealistError with a limit problem', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000)
    withinCpuMs(5_000, () => expectRealistError(() => parseEvaluation(text), 'limit'))
  })

  it('1,000,000-deep JSON text: a clear error (JSON.parse may refuse it), never a raw RangeError', () => {
    const text = '['.repeat(MILLION) + ']'.repeat(MILLION)
    withinCpuMs(20_000, () => {
      try {
        parseEvaluation(text)
      } catch (e) {
        expect(e).toBeInstanceOf(RealistError)
      }
    })
  })

  it('a maxDepth option above the ceiling is clamped to 1,000, so 100,000-deep input still gets a limit problem', () => {
    const doc = { ...(smallDocument(1) as object), title: nestedArray(100_000) }
    const problems = withinCpuMs(5_000, () => left(decodeEvaluation(doc, { maxDepth: 1e9 })))
    expect(problems[0]).toMatchObject({ code: 'limit', expected: 'nesting at most 1000 deep' })
  })
})

describe('a 10 MB string', () => {
  const big = 'x'.repeat(TEN_MB)

  it('as a title: a limit problem whose found value is cut and gives the length', () => {
    const problems = withinCpuMs(5_000, () => left(decodeEvaluation({ ...(smallDocument(1) as object), title: big })))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      code: 'limit',
      path: ['title'],
      expected: 'a string of at most 1000000 characters',
    })
    expect(problems[0]!.found).toContain(`(${TEN_MB} characters)`)
    expect(problems[0]!.found.length).toBeLessThan(200)
  })

  it.each([
    [
      'a key of a ratings record',
      (doc: any) => {
        const unit = doc.sites[0].units[0]
        unit.ratings[Object.keys(unit.ratings)[0]!] = { [big]: { level: 'met' } }
      },
    ],
    ['a unit id', (doc: any) => (doc.sites[0].units[1].id = big)],
  ])('as %s: a limit problem, and a short message (the id is cut in `where` too)', (_, plant) => {
    const doc = smallDocument(1) as any
    plant(doc)
    const err = withinCpuMs(5_000, () => expectRealistError(() => parseEvaluation(doc), 'limit'))
    expect(err.problems).toHaveLength(1)
    expect(err.problems[0]!.where.length).toBeLessThan(200)
  })

  it('is accepted, kept whole, when the limit is raised (the documented way to allow it)', () => {
    const r = withinCpuMs(5_000, () =>
      decodeEvaluation({ ...(smallDocument(1) as object), title: big }, { maxStringLength: 2 * TEN_MB }),
    )
    expect(E.isRight(r)).toBe(true)
    if (E.isRight(r)) expect(r.right.title.length).toBe(TEN_MB)
  })

  it('in an edit (a unit name, a site id): refused with a limit problem, so nothing is written that decode would refuse', () => {
    const ev = decodeEvaluation(smallDocument(1))
    if (E.isLeft(ev)) throw new Error('fixture')
    const unit = ev.right.sites[0]!.units[0]!.id
    for (const edit of [renameUnit({ unit, name: big }), addSite({ id: big, name: 'n' })]) {
      const problems = withinCpuMs(5_000, () => left(applyEdit(ev.right, edit)))
      expect(problems.some((p) => p.code === 'limit' || /at most 1000000 characters/.test(p.expected))).toBe(true)
      expect(problems.every((p) => p.found.length < 200 && p.where.length < 200)).toBe(true)
    }
  })

  it('in a CSV cell of a ratings import: a clear result within seconds, nothing thrown', () => {
    const ev = decodeEvaluation(smallDocument(1))
    if (E.isLeft(ev)) throw new Error('fixture')
    const unit = ev.right.sites[0]!.units[0]!.id
    const csv = `workstream,criterion,rating,notes\n${unit},1.1.1,met,${big}\n`
    const r = withinCpuMs(10_000, () => importRatingsLongEither(ev.right, csv))
    expect(E.isLeft(r) || E.isRight(r)).toBe(true)
  })
})

describe('10^6 duplicate ids', () => {
  it('a million rounds with one id: a bounded list of duplicate problems naming the first use, then a count of the rest', () => {
    const doc = smallDocument(1) as any
    doc.rounds = Array.from({ length: MILLION }, () => ({ id: doc.rounds[0].id, label: 'x' }))
    const problems = withinCpuMs(30_000, () => left(decodeEvaluation(doc)))
    const duplicates = problems.filter((p) => p.code === 'duplicate')
    expect(duplicates.length).toBeGreaterThanOrEqual(1)
    expect(problems.length).toBeLessThan(10_000)
    expect(duplicates[0]!.expected).toMatch(/a round id not used before \(.*rounds\[0\].* has it already\)/)
    // 999,999 duplicates in all: those listed one by one plus the ones counted in the summary.
    const summary = duplicates.find((p) => /more/.test(p.found))
    const more = summary === undefined ? 0 : Number(/([\d,]+) more/.exec(summary.found)![1]!.replace(/,/g, ''))
    if (summary !== undefined) expect(duplicates.length - 1 + more).toBe(MILLION - 1)
    else expect(duplicates).toHaveLength(MILLION - 1)
  }, 300_000)

  it('a million units with one id (no ratings): duplicate problems, and the thrown message lists 50 and counts the rest', () => {
    const units = (n: number) => {
      const doc = smallDocument(1) as any
      doc.sites[0].units = Array.from({ length: n }, () => ({
        id: 'same',
        name: 'x',
        ratings: {},
        objectives: [],
        objectiveCells: [],
      }))
      return doc
    }
    const err = withinCpuMs(60_000, () =>
      linearIn(MILLION, units, (doc) => expectRealistError(() => parseEvaluation(doc), 'duplicate')),
    )
    expect(err.message).toMatch(/… and \d+ more$/)
  }, 300_000)

  it('a million objective types with one id: problems, no stack overflow', () => {
    const doc = smallDocument(1) as any
    doc.objectiveTypes = Array.from({ length: MILLION }, () => ({ id: 'process', label: 'x' }))
    withinCpuMs(30_000, () => expect(left(decodeEvaluation(doc)).length).toBeGreaterThanOrEqual(1))
  }, 300_000)

  it('a million excerpts and informants with one id: problems, no stack overflow', () => {
    const sources = (n: number) => {
      const doc = smallDocument(1) as any
      doc.stakeholderGroups = [{ id: 'g', label: 'G' }]
      doc.informants = Array.from({ length: n }, () => ({ id: 'i', group: 'g' }))
      doc.excerpts = Array.from({ length: n }, () => ({ id: 'q', label: 'Q', kind: 'note', text: 't', links: [] }))
      return doc
    }
    withinCpuMs(60_000, () =>
      linearIn(MILLION, sources, (doc) => expect(left(decodeEvaluation(doc)).length).toBeGreaterThanOrEqual(1)),
    )
  }, 300_000)

  it('a million repeats of one key in JSON text: JSON.parse keeps the last (documented JSON semantics), decoded in time', () => {
    const doc = smallDocument(1) as any
    const unit = doc.sites[0].units[0]
    const round = Object.keys(unit.ratings)[0]!
    unit.ratings[round] = {}
    const text = JSON.stringify(doc).replace(
      '{}',
      `{${'"1.1.1":{"level":"met"},'.repeat(MILLION)}"1.1.1":{"level":"not-met"}}`,
    )
    const ev = withinCpuMs(30_000, () => parseEvaluation(text))
    expect((ev.sites[0]!.units[0]!.ratings as any)[round]['1.1.1']).toEqual({ level: 'not-met' })
  }, 300_000)

  it('more than maxItems items in one list: one limit problem, not a million', () => {
    const doc = smallDocument(1) as any
    doc.rounds = Array.from({ length: MILLION + 1 }, (_, i) => ({ id: `r${i}`, label: 'x' }))
    const problems = withinCpuMs(10_000, () => left(decodeEvaluation(doc)))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'limit', path: ['rounds'], expected: `at most ${MILLION} items` })
  }, 300_000)

  it('an edit never makes a list longer than maxItems: the document it would make could not be read back', () => {
    const doc = parseEvaluation(smallDocument(1)) as any
    // A million sites (and rounds) made in code: one more through an edit is refused, and the document is unchanged.
    const sites = Array.from({ length: MILLION }, (_, i) => ({ id: `s${i}`, name: 'x', aliases: [], units: [] }))
    const full = { ...doc, sites, rounds: Array.from({ length: MILLION }, (_, i) => ({ id: `r${i}`, label: 'x' })) }
    const site = left(applyEdit(full, addSite({ id: 'one-more', name: 'One more' })))
    expect(site).toHaveLength(1)
    expect(site[0]).toMatchObject({
      code: 'limit',
      where: 'addSite › id',
      expected: `room in the sites (at most 1,000,000 items, the decoder's maxItems)`,
      found: '"1,000,000 already"',
    })
    expect(full.sites).toHaveLength(MILLION)
    expect(left(applyEdit(full, addRound({ id: 'one-more', label: 'x' })))[0]).toMatchObject({
      code: 'limit',
      where: 'addRound › id',
    })
    // One site of a million units: addUnit is refused the same way; one short of it is accepted.
    const units = Array.from({ length: MILLION }, (_, i) => ({
      id: `u${i}`,
      name: 'x',
      ratings: Object.create(null),
      objectives: [],
      objectiveCells: [],
    }))
    const crowded = { ...doc, sites: [{ ...doc.sites[0], units }] }
    expect(left(applyEdit(crowded, addUnit({ site: doc.sites[0].id, id: 'one-more', name: 'x' })))[0]).toMatchObject({
      code: 'limit',
      where: 'addUnit › site',
    })
    const roomy = { ...doc, sites: [{ ...doc.sites[0], units: units.slice(1) }] }
    expect(E.isRight(applyEdit(roomy, addUnit({ site: doc.sites[0].id, id: 'one-more', name: 'x' })))).toBe(true)
  }, 300_000)
})
