/**
 * Linear checks on large hostile input. Each case below was quadratic: a
 * scan of one list per item of another (`includes`, `some`), or a message
 * that listed a whole input list once per problem. They are timed on inputs
 * large enough that a quadratic path takes minutes (or runs out of memory),
 * with generous bounds for a shared machine.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Evaluation, type Problem } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import { theoryDiffEither } from '../../src/cmo/index.js'
import { applyEdit, rate } from '../../src/edit/index.js'
import { findCriterion } from '../../src/standards/lookup.js'
import { smallDocument } from './support.js'
import { withinCpuMs } from '../support/cpu-time.js'

/**
 * The scope bomb: one configuration whose `scope.units` lists n real units of
 * one site and whose `scope.sites` lists n copies of another site. Valid in
 * shape; every unit is outside the scope's sites.
 */
export const scopeBomb = (n: number, seed = 1): Record<string, unknown> => {
  const doc = smallDocument(seed) as Record<string, any>
  const [s0, s1] = doc.sites
  s0.units = Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    name: `U${i}`,
    ratings: {},
    objectives: [],
    objectiveCells: [],
  }))
  doc.elements = [
    { id: 'c', role: 'context', label: 'c' },
    { id: 'm', role: 'mechanism', label: 'm', resource: null, reasoning: null },
    { id: 'o', role: 'outcome', label: 'o', intended: true, valence: 'positive' },
  ]
  doc.configurations = [
    {
      id: 'k',
      label: 'k',
      direction: 'fires',
      contexts: ['c'],
      mechanisms: ['m'],
      outcome: 'o',
      status: 'hypothesised',
      statusHistory: [],
      scope: { sites: Array(n).fill(s1.id), units: s0.units.map((u: { id: string }) => u.id) },
    },
  ]
  return doc
}

const left = (r: E.Either<readonly Problem[], unknown>): readonly Problem[] => (E.isLeft(r) ? r.left : [])

describe('the scope bomb (n units outside n copies of a site)', () => {
  it('decodes at n = 100,000 in seconds, with bounded problems and messages', () => {
    const doc = scopeBomb(100_000)
    const heapBefore = process.memoryUsage().heapUsed
    const problems = left(withinCpuMs(20_000, () => decodeEvaluation(doc)))
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore
    // The default maxProblems is 1,000, then one `limit` problem.
    expect(problems.length).toBeGreaterThan(1)
    expect(problems.length).toBeLessThanOrEqual(1001)
    expect(problems[0]).toMatchObject({
      path: ['configurations', 0, 'scope', 'units', 0],
      code: 'consistency',
      found: '"u0 (site org-001)"',
    })
    // The scope's sites are named once each (org-002), not 100,000 times.
    expect(problems[0]!.expected).toBe("a unit of the scope's sites (org-002)")
    expect(problems.at(-1)!.code).toBe('limit')
    for (const p of problems) expect(p.expected.length + p.found.length).toBeLessThan(500)
    // 1,000 problems of a few hundred bytes, not 100,000 messages of 700 kB (the old 70 GB).
    expect(heapGrowth).toBeLessThan(1_000_000_000)
  }, 60_000)

  it('stops at maxProblems: maxProblems 10 lists 10 problems and a limit problem', () => {
    const problems = left(decodeEvaluation(scopeBomb(5_000), { maxProblems: 10 }))
    expect(problems).toHaveLength(11)
    expect(problems[10]).toMatchObject({ code: 'limit', where: 'the document' })
  })

  it('names at most five distinct scope sites in a message', () => {
    const doc = scopeBomb(10)
    const sites = Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, name: `X${i}`, aliases: [], units: [] }))
    ;(doc.sites as unknown[]).push(...sites)
    ;(doc.configurations as any)[0].scope.sites = sites.map((s) => s.id)
    const [first] = left(decodeEvaluation(doc))
    expect(first!.expected).toBe("a unit of the scope's sites (x0, x1, x2, x3, x4, … (8 in all))")
  })

  it('the throwing form gives a RealistError of bounded size at n = 20,000', () => {
    let message = ''
    try {
      parseEvaluation(scopeBomb(20_000))
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/^\[realist-eval\] parseEvaluation: 1001 problems\n/)
    expect(message.length).toBeLessThan(20_000)
  })
})

describe('other cross-reference paths stay linear', () => {
  it('theoryDiff of two versions whose configuration lists 200,000 contexts', () => {
    const n = 200_000
    const ev = parseEvaluation(smallDocument(2))
    const ids = Array.from({ length: n }, (_, i) => `e${i}`)
    const snapshot = (contexts: string[]) => ({
      id: 'k',
      label: 'k',
      contexts,
      mechanisms: ['m'],
      outcome: 'o',
      direction: 'fires',
      scope: { sites: [], units: [] },
      status: 'hypothesised',
    })
    const theory = {
      id: 't',
      name: 'T',
      configurations: [],
      versions: [
        { version: 1, configurations: [snapshot(ids)], elements: [] },
        { version: 2, configurations: [snapshot([...ids.slice(1), 'new'])], elements: [] },
      ],
    }
    const big = { ...ev, theories: [theory] } as unknown as Evaluation
    const diff = withinCpuMs(5_000, () =>
      theoryDiffEither(big, { theory: 't', version: 1 }, { theory: 't', version: 2 }),
    )
    expect(E.isRight(diff)).toBe(true)
    if (E.isRight(diff))
      expect(diff.right.changed[0]!.changes[0]).toMatchObject({ field: 'contexts', added: ['new'], removed: ['e0'] })
  })

  it('rate with 100,000 evidence ids against 100,000 excerpts', () => {
    const n = 100_000
    const ev = parseEvaluation(smallDocument(3))
    const excerpts = Array.from({ length: n }, (_, i) => ({
      id: `x${i}`,
      label: `Q${i}`,
      kind: 'quote',
      text: '',
      links: [],
    }))
    const big = { ...ev, excerpts } as unknown as Evaluation
    const unit = ev.sites[0]!.units[0]!.id
    const target = ev.framework.sections[0]!.standards[0]!.id
    const ok = withinCpuMs(5_000, () =>
      applyEdit(
        big,
        rate({ unit, target, round: ev.rounds[0]!.id, level: 'met', evidence: excerpts.map((x) => x.id) }),
      ),
    )
    expect(E.isRight(ok)).toBe(true)
    // Unknown ids: listed up to 1,000, then one limit problem counts the rest.
    const bad = withinCpuMs(5_000, () =>
      applyEdit(
        big,
        rate({ unit, target, round: ev.rounds[0]!.id, level: 'met', evidence: excerpts.map((x) => `no-${x.id}`) }),
      ),
    )
    const problems = left(bad)
    expect(problems).toHaveLength(1001)
    expect(problems[1000]).toMatchObject({ code: 'limit', found: '"99000 more"' })
  })

  it('a wording shared by 100,000 criteria: the index builds in linear time, the message names five', () => {
    const n = 100_000
    const ev = parseEvaluation(smallDocument(4))
    const sec = ev.framework.sections[0]!
    const criteria = Array.from({ length: n }, (_, i) => ({ id: `9.${i}`, text: 'Same words', guidance: [] }))
    const framework = { ...ev.framework, sections: [{ ...sec, standards: [{ ...sec.standards[0]!, criteria }] }] }
    const found = withinCpuMs(5_000, () => findCriterion(framework as never, 'Same words'))
    const [p] = left(found)
    expect(p!.expected).toBe('a wording that names one criterion (it names 9.0, 9.1, 9.2, 9.3, 9.4, … (100000 in all))')
  })
})
