import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { produce } from 'immer'
import { attainment, customRule, rollupUnitEither } from '../../src/standards/index.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { parseEvaluation } from '../../src/document/decode.js'
import type { RoundRatings } from '../../src/model/ratings.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { evaluationArb } from '../support/arbitraries.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { generateEvaluation } from '../../bench/generate.js'

const runs = Number(process.env.FUZZ_RUNS ?? 100)

/** An edit: set (or, with level null, remove) one rating of one unit in one round. */
interface RatingEdit {
  readonly unit: number
  readonly round: number
  readonly target: number
  readonly level: number | null
}

const apply = (ev: Evaluation, e: RatingEdit): Evaluation => {
  const units = ev.sites.flatMap((s, si) => s.units.map((_, ui) => [si, ui] as const))
  if (units.length === 0) return ev
  const [si, ui] = units[e.unit % units.length]!
  const round = ev.rounds[e.round % ev.rounds.length]!.id
  const targets = ev.framework.sections.flatMap((s) =>
    s.standards.flatMap((st) => [st.id, ...st.criteria.map((c) => c.id)]),
  )
  const target = targets[e.target % targets.length]!
  const levels = [...ev.framework.scale.levels.map((l) => l.id as string), 'na']
  return produce(ev, (d) => {
    const unit = d.sites[si]!.units[ui]!
    const ratings = unit.ratings as Record<string, Record<string, { level: string }>>
    if (ratings[round] === undefined) ratings[round] = Object.create(null)
    if (e.level === null) delete ratings[round]![target]
    else ratings[round]![target] = { level: levels[e.level % levels.length]! }
  })
}

/** A custom rule: the best level when every rated criterion has it, else the worst. */
const strict = customRule('strict', (c) =>
  Object.values(c).every((v, i) => i === 0 || v === 0) ? Object.keys(c)[0]! : Object.keys(c).at(-1)!,
)

/** Documents of up to 3 sites × 3 units × 2 rounds, with a list of rating edits. */
const documentAndEdits = (maxEdits: number) =>
  [
    evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 2 }),
    fc.array(editArb, { maxLength: maxEdits }),
  ] as const

const editArb = fc.record({
  unit: fc.nat(),
  round: fc.nat(),
  target: fc.nat(),
  level: fc.option(fc.nat(), { nil: null }),
})

describe('incremental re-aggregation (caches keyed by immutable objects)', () => {
  it('after any sequence of immer edits, the cached result equals a cold recount', () => {
    fc.assert(
      fc.property(
        ...documentAndEdits(8),
        fc.constantFrom(
          {},
          { count: 'criteria' as const },
          { rollup: 'worst-of' as const, attained: 'score-weighted' as const },
          { rollup: strict, total: 'mean-of-standards' as const },
        ),
        (ev0, edits, policy) => {
          let ev = ev0
          attainment(ev, policy) // warm the caches
          for (const e of edits) {
            ev = apply(ev, e)
            expect(attainment(ev, policy)).toEqual(attainment(ev, { ...policy, cache: false }))
          }
        },
      ),
      { numRuns: runs },
    )
  })

  it("recounts only what changed: an edit in one site leaves the other sites' figures as the same objects", () => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 1 }).filter(
          (ev) => ev.sites.length >= 2 && ev.sites[0]!.units.length > 0,
        ),
        (ev) => {
          const before = attainment(ev)
          const after = attainment(apply(ev, { unit: 0, round: 0, target: 0, level: 0 }))
          // site 0 changed; every other site's scope is reused, not recomputed
          for (let s = 1; s < ev.sites.length; s++) expect(after.scopes[s]).toBe(before.scopes[s])
        },
      ),
      { numRuns: runs },
    )
  })

  it("a decoded document (counted from the decoder's code arrays) gives exactly what the same document read key by key gives, before and after edits", () => {
    fc.assert(
      fc.property(
        ...documentAndEdits(6),
        fc.constantFrom(
          {},
          { count: 'criteria' as const },
          { rollup: 'worst-of' as const, notApplicable: 'not-met' as const, unrated: 'not-met' as const },
          { rollup: 'majority' as const, attained: 'top-two' as const },
          { rollup: strict, total: 'mean-of-standards' as const },
        ),
        (plain0, edits, policy) => {
          // plain0 was built in code (no code arrays); decoded0 went through the decoder (code arrays for every record).
          let plain = plain0
          let decoded = parseEvaluation(encodeEvaluation(plain0))
          expect(attainment(decoded, { ...policy, cache: false })).toEqual(
            attainment(plain, { ...policy, cache: false }),
          )
          for (const e of edits) {
            plain = apply(plain, e)
            decoded = apply(decoded, e)
            expect(attainment(decoded, { ...policy, cache: false })).toEqual(
              attainment(plain, { ...policy, cache: false }),
            )
          }
          for (const site of decoded.sites)
            for (const unit of site.units)
              for (const round of decoded.rounds) {
                const ratings = (unit.ratings as Record<string, RoundRatings | undefined>)[round.id]
                const copy = ratings === undefined ? undefined : ({ ...ratings } as RoundRatings)
                expect(rollupUnitEither(decoded.framework, ratings)).toEqual(rollupUnitEither(decoded.framework, copy))
              }
        },
      ),
      { numRuns: runs },
    )
  })

  it("with several rounds, an edit leaves every other site's round and all-rounds scopes as the same objects", () => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 3 }).filter(
          (ev) => ev.rounds.length >= 2 && ev.sites.length >= 2 && ev.sites[0]!.units.length > 0,
        ),
        fc.nat(),
        (ev, round) => {
          const before = attainment(ev)
          const after = attainment(apply(ev, { unit: 0, round, target: 0, level: 0 }))
          const S = ev.sites.length
          // Layout: round r at r × (S + 1) + site, all rounds at R × (S + 1) + site; site 0 is the edited one.
          for (let r = 0; r <= ev.rounds.length; r++)
            for (let s = 1; s < S; s++) expect(after.scopes[r * (S + 1) + s]).toBe(before.scopes[r * (S + 1) + s])
          expect(after).toEqual(attainment(apply(ev, { unit: 0, round, target: 0, level: 0 }), { cache: false }))
        },
      ),
      { numRuns: runs },
    )
  })

  it('branching edits, renamed sites and added rounds, in any order of calls and policies, equal a cold recount', () => {
    const policies = [
      {},
      { count: 'criteria' as const },
      { attained: 'score-weighted' as const, total: 'mean-of-standards' as const },
    ]
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 3 }),
        fc.array(fc.tuple(fc.nat(), editArb, fc.nat(2), fc.constantFrom('edit', 'rename', 'round')), { maxLength: 8 }),
        (ev0, steps) => {
          const versions: Evaluation[] = [ev0]
          for (const [from, e, p, kind] of steps) {
            const base = versions[from % versions.length]!
            const next =
              kind === 'edit'
                ? apply(base, e)
                : kind === 'rename'
                  ? produce(base, (d) => {
                      const site = d.sites[e.unit % Math.max(1, d.sites.length)]
                      if (site) site.id = `${site.id}-renamed-${versions.length}` as typeof site.id
                    })
                  : produce(base, (d) => {
                      d.rounds.push({ id: `extra-${versions.length}` as never, label: 'extra' })
                    })
            versions.push(next)
            const policy = policies[p]!
            expect(attainment(next, policy)).toEqual(attainment(next, { ...policy, cache: false }))
            // An older version, asked again after newer ones were counted.
            const old = versions[e.target % versions.length]!
            expect(attainment(old, policy)).toEqual(attainment(old, { ...policy, cache: false }))
          }
        },
      ),
      { numRuns: runs },
    )
  })

  it("a result's scopes are its own: changing the returned array does not change the next result", () => {
    fc.assert(
      fc.property(evaluationArb({ maxSites: 2, maxUnitsPerSite: 2, maxRounds: 2 }), (ev) => {
        const first = attainment(ev)
        const n = first.scopes.length
        ;(first.scopes as unknown[]).length = 0
        expect(attainment(ev).scopes).toHaveLength(n)
      }),
      { numRuns: 20 },
    )
  })

  it('a long editing session: edits to more sites than an aggregate keeps apart (which then folds them into a new flat array) still give what a cold recount gives', () => {
    // 80 sites × 2 rounds = 160 round × site tallies; more than 64 changed ones are folded.
    const ev0 = parseEvaluation(
      JSON.parse(
        JSON.stringify(generateEvaluation({ framework: emhipFramework, sites: 80, unitsPerSite: 1, rounds: 2 })),
      ),
    )
    for (const policy of [{}, { count: 'criteria' as const }]) {
      let ev = ev0
      attainment(ev, policy)
      for (let i = 0; i < 100; i++) {
        ev = apply(ev, { unit: (i * 7) % 80, round: i, target: i * 5, level: i })
        const warm = attainment(ev, policy)
        if (i % 9 === 0 || i > 60) expect(warm).toEqual(attainment(ev, { ...policy, cache: false }))
      }
      expect(attainment(ev, policy)).toEqual(attainment(ev, { ...policy, cache: false }))
    }
  })

  it('a cold count of a document whose records are not frozen reads them again: a record changed in place between two cold counts is counted as it is now', () => {
    // A plain (undecoded) document: its records are ordinary objects, which a caller may change.
    const ev = generateEvaluation({ framework: emhipFramework, sites: 3, unitsPerSite: 1, rounds: 2 })
    const record = ev.sites[1]!.units[0]!.ratings['r2' as never] as unknown as Record<string, { level: string }>
    // Round r2 × site 1 is scope 1 × (3 sites + 1) + 1; standard 2.1 (criteria 2.1.1–2.1.3) is the third.
    const metIn = (r: ReturnType<typeof attainment>) => r.scopes[5]!.standards[2]!.counts['met' as never]
    const handCount = () => ['2.1.1', '2.1.2', '2.1.3'].filter((id) => record[id]?.level === 'met').length
    const before = attainment(ev, { count: 'criteria', cache: false })
    expect(before.scopes[5]!.standards[2]!.standard).toBe('2.1')
    expect(metIn(before)).toBe(handCount())
    const level = handCount() === 3 ? 'not-met' : 'met'
    for (const id of ['2.1.1', '2.1.2', '2.1.3']) record[id] = { level }
    expect(metIn(attainment(ev, { count: 'criteria', cache: false }))).toBe(level === 'met' ? 3 : 0)
  })
})
