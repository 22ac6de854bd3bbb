import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ATTRIBUTION_VALUES,
  applyUnknownPolicy,
  attributionDistribution,
  IMPACT_VALUES,
  impactDistribution,
  objectiveAttainment,
  objectiveGroups,
  objectiveProblems,
  objectiveRecords,
  objectiveTypeShares,
  sumTallies,
  UNKNOWN_POLICIES,
  type GroupColumns,
} from '../../src/objectives/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { GROUPINGS, objectivesEvaluationArb } from './support.js'

// The aggregates add every record into its group in one pass over flat arrays
// (src/objectives/fold.ts). The reference here is the slow, obvious way: for
// each group, filter the tidy records that fall in it and sum them with the
// tally monoid. The two must agree on every generated document.
const inGroup = (g: GroupColumns, r: { readonly site: string; readonly unit: string; readonly type: string | null }) =>
  (g.site === null || g.site === r.site) &&
  (g.unit === null || g.unit === r.unit) &&
  (g.type === null || g.type === r.type)

const naiveAttainment = (
  ev: Evaluation,
  by: readonly ('site' | 'unit' | 'type')[],
  policy: (typeof UNKNOWN_POLICIES)[number],
) => {
  const records = objectiveRecords(ev)
  return objectiveGroups(ev, by).map((g) => {
    const { attained, notAttained, unknown, total } = sumTallies(records.filter((r) => inGroup(g, r)))
    return {
      ...g,
      attained,
      notAttained,
      unknown,
      total,
      ...applyUnknownPolicy({ attained, notAttained, unknown, total }, policy),
    }
  })
}

describe('one-pass aggregates agree with a naive filter-and-sum', () => {
  it('objectiveAttainment: every grouping, every unknown policy', () => {
    fc.assert(
      fc.property(objectivesEvaluationArb(), (ev) => {
        expect(objectiveProblems(ev)).toEqual([]) // the generator makes valid documents
        for (const by of GROUPINGS)
          for (const unknown of UNKNOWN_POLICIES)
            expect(objectiveAttainment(ev, { by, unknown })).toEqual(naiveAttainment(ev, by, unknown))
      }),
      { numRuns: 60 },
    )
  })

  it('attributionDistribution: records and tallies per group × attribution value', () => {
    fc.assert(
      fc.property(objectivesEvaluationArb(), (ev) => {
        const records = objectiveRecords(ev)
        for (const by of GROUPINGS) {
          const naive = objectiveGroups(ev, by).flatMap((g) =>
            ATTRIBUTION_VALUES.map((attribution) => {
              const list = records.filter((r) => inGroup(g, r) && r.attribution === attribution)
              return {
                ...g,
                attribution,
                records: list.length,
                ...sumTallies(
                  list.map(({ attained, notAttained, unknown, total }) => ({ attained, notAttained, unknown, total })),
                ),
              }
            }),
          )
          expect(attributionDistribution(ev, { by })).toEqual(naive)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('impactDistribution: units per place × impact value, qualifiers counted apart', () => {
    fc.assert(
      fc.property(objectivesEvaluationArb(), (ev) => {
        const units = ev.sites.flatMap((s) =>
          s.units.map((u) => ({ site: s.id as string, unit: u.id as string, type: null, impact: u.impact })),
        )
        for (const by of [[], ['site'], ['unit']] as const) {
          const naive = objectiveGroups(ev, by).flatMap(({ site, siteName, unit, unitName }) => {
            const here = units.filter((u) =>
              inGroup({ site, siteName, unit, unitName, type: null, typeLabel: null }, u),
            )
            return IMPACT_VALUES.map((impact) => {
              const hits = here.filter((u) => (u.impact?.level ?? 'not-recorded') === impact)
              return {
                site,
                siteName,
                unit,
                unitName,
                impact,
                units: hits.length,
                qualified: hits.filter((u) => u.impact?.qualifier !== undefined).length,
                of: here.length,
                share: here.length === 0 ? null : hits.length / here.length,
              }
            })
          })
          expect(impactDistribution(ev, { by })).toEqual(naive)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('objectiveTypeShares: each place’s shares are its type totals over its own total', () => {
    fc.assert(
      fc.property(objectivesEvaluationArb(), (ev) => {
        for (const by of [[], ['site'], ['unit']] as const) {
          const rows = objectiveTypeShares(ev, { by })
          const totals = objectiveAttainment(ev, { by })
          rows.forEach((r) => {
            const of = totals.find((t) => t.site === r.site && t.unit === r.unit)!.total
            const k = naiveAttainment(ev, [...by, 'type'], 'bounds').find(
              (x) => x.site === r.site && x.unit === r.unit && x.type === r.type,
            )!.total
            expect([r.objectives, r.of, r.share]).toEqual([k, of, of === 0 ? null : k / of])
          })
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('groups', () => {
  it('a unit id used in two sites stays two groups (units are grouped within their site)', () => {
    const [a, b] = [
      { id: 'a', name: 'A', aliases: [] },
      { id: 'b', name: 'B', aliases: [] },
    ]
    const unit = (k: number) => ({
      id: 'same',
      name: 'Same',
      ratings: {},
      objectives: [],
      objectiveCells: [{ type: 'process', attained: k, total: 2 }],
    })
    const ev = {
      sites: [
        { ...a, units: [unit(1)] },
        { ...b, units: [unit(2)] },
      ],
      objectiveTypes: [{ id: 'process', label: 'Process' }],
    } as unknown as Evaluation
    expect(objectiveAttainment(ev, { by: ['unit'] }).map((r) => [r.site, r.unit, r.attained])).toEqual([
      ['a', 'same', 1],
      ['b', 'same', 2],
    ])
  })
})
