import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { concatAll } from 'fp-ts/lib/Monoid.js'
import {
  attainment,
  attainmentScope,
  clopperPearson,
  wilson,
  RatingTallyMonoid,
  emptyRatingTally,
  sumRatingTallies,
  tallyRatings,
  worstOf,
  majority,
  type RatingTally,
} from '../../src/standards/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { RoundRatings } from '../../src/model/ratings.js'
import { evaluationArb } from '../support/arbitraries.js'

const runs = Number(process.env.FUZZ_RUNS ?? 200)

const tallyArb: fc.Arbitrary<RatingTally> = fc
  .array(fc.nat({ max: 50 }), { maxLength: 12 })
  .map((xs) => ({ cells: Float64Array.from(xs) }))
const same = (a: RatingTally, b: RatingTally): void => {
  const n = Math.max(a.cells.length, b.cells.length)
  for (let i = 0; i < n; i++) expect(a.cells[i] ?? 0).toBe(b.cells[i] ?? 0)
}

/** Every (unit, round) ratings object of a document, undefined where a unit was not rated in a round. */
const allRatings = (ev: Evaluation): (RoundRatings | undefined)[] =>
  ev.sites.flatMap((s) =>
    s.units.flatMap((u) => ev.rounds.map((r) => (u.ratings as Record<string, RoundRatings | undefined>)[r.id])),
  )

describe('RatingTallyMonoid', () => {
  it('is associative, with empty as identity, and never mutates its arguments', () => {
    fc.assert(
      fc.property(tallyArb, tallyArb, tallyArb, (a, b, c) => {
        const copies = [a, b, c].map((t) => Float64Array.from(t.cells))
        same(
          RatingTallyMonoid.concat(RatingTallyMonoid.concat(a, b), c),
          RatingTallyMonoid.concat(a, RatingTallyMonoid.concat(b, c)),
        )
        same(RatingTallyMonoid.concat(a, RatingTallyMonoid.empty), a)
        same(RatingTallyMonoid.concat(RatingTallyMonoid.empty, a), a)
        ;[a, b, c].forEach((t, i) => expect(Array.from(t.cells)).toEqual(Array.from(copies[i]!)))
      }),
      { numRuns: runs },
    )
  })

  it('adds cell by cell: (1, 0) + (2, 5, 1) = (3, 5, 1)', () => {
    expect(
      Array.from(RatingTallyMonoid.concat({ cells: Float64Array.of(1, 0) }, { cells: Float64Array.of(2, 5, 1) }).cells),
    ).toEqual([3, 5, 1])
    expect(sumRatingTallies([])).toBe(emptyRatingTally)
  })
})

describe('counting is a monoid homomorphism: merging the tallies of a partition = counting the whole', () => {
  it.each([
    ['standards, all-met-else-partly', {}],
    ['standards, worst-of', { rollup: worstOf }],
    ['standards, majority', { rollup: majority }],
    ['criteria', { count: 'criteria' as const }],
  ])('%s', (_, options) => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 4 }).chain((ev) => {
          const items = allRatings(ev)
          return fc.tuple(
            fc.constant(ev),
            fc.array(fc.nat({ max: 3 }), { minLength: items.length, maxLength: items.length }),
          )
        }),
        ([ev, parts]) => {
          const items = allRatings(ev)
          const whole = tallyRatings(ev.framework, items, options)
          const groups: (RoundRatings | undefined)[][] = [[], [], [], []]
          items.forEach((r, i) => groups[parts[i]!]!.push(r))
          const merged = concatAll(RatingTallyMonoid)(groups.map((g) => tallyRatings(ev.framework, g, options)))
          same(merged, whole)
          // and in a different order of parts (commutativity of the sum)
          same(concatAll(RatingTallyMonoid)(groups.reverse().map((g) => tallyRatings(ev.framework, g, options))), whole)
        },
      ),
      { numRuns: runs },
    )
  })

  it('attainment: site scopes add up to the all-sites scope and rounds to the all-rounds scope, on any scale', () => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 3 }),
        fc.constantFrom('exclude', 'not-met'),
        fc.constantFrom('exclude', 'not-met'),
        fc.constantFrom('standards', 'criteria'),
        fc.constantFrom('top', 'top-two', 'score-weighted'),
        (ev, notApplicable, unrated, count, attained) => {
          const r = attainment(ev, { notApplicable, unrated, count, attained } as const)
          const check = (parts: typeof r.scopes, whole: (typeof r.scopes)[number]) =>
            whole.standards.forEach((s, i) => {
              expect(parts.reduce((a, p) => a + p.standards[i]!.n, 0)).toBe(s.n)
              expect(parts.reduce((a, p) => a + p.standards[i]!.k, 0)).toBeCloseTo(s.k, 9)
              expect(parts.reduce((a, p) => a + p.standards[i]!.unrated, 0)).toBe(s.unrated)
            })
          for (const round of [...ev.rounds.map((x) => x.id as string), null]) {
            const sites = r.scopes.filter((s) => s.round === round && s.site !== null)
            check(
              sites,
              r.scopes.find((s) => s.round === round && s.site === null)!,
            )
          }
          check(
            r.scopes.filter((s) => s.round !== null && s.site === null),
            r.overall,
          )
        },
      ),
      { numRuns: runs },
    )
  })

  it("attainment: a scope found by attainmentScope is the listed one, every interval is the checked function's, and figures read before or after the list agree", () => {
    fc.assert(
      fc.property(
        evaluationArb({ maxSites: 3, maxUnitsPerSite: 3, maxRounds: 3 }),
        fc.constantFrom('wilson', 'clopper-pearson'),
        fc.constantFrom(0.8, 0.95, 0.99),
        fc.constantFrom('top', 'score-weighted'),
        (ev, interval, confidence, attained) => {
          const policy = { interval, confidence, attained, count: 'criteria' } as const
          // Read one scope first (no list made), then the list, on two results of the same call.
          const first = attainment(ev, { ...policy, cache: false })
          const lone = attainmentScope(first, { round: ev.rounds[0]?.id ?? null, site: ev.sites[0]?.id ?? null })!
          const r = attainment(ev, { ...policy, cache: false })
          expect(r.scopes).toBe(r.scopes)
          expect(r.overall).toBe(r.scopes.at(-1))
          expect(lone).toEqual(r.scopes[0])
          for (const s of r.scopes) {
            expect(attainmentScope(r, { round: s.round, site: s.site })).toBe(s)
            for (const f of [...s.standards, ...s.sections, s.total]) {
              if (f.interval.lo === null) continue
              const checked = (interval === 'wilson' ? wilson : clopperPearson)(f.interval.k, f.n, { confidence })
              expect(f.interval).toEqual(checked)
            }
          }
          expect(attainmentScope(r, { round: 'no such round', site: null })).toBeUndefined()
          expect(attainmentScope(r, { round: null, site: 'no such site' })).toBeUndefined()
        },
      ),
      { numRuns: runs },
    )
  })
})
