import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { asId } from '../../src/model/ids.js'
import { RealistError } from '../../src/model/problem.js'
import {
  objectiveAttainment,
  objectiveAttainmentEither,
  UNKNOWN_POLICIES,
  type ObjectiveAttainmentRow,
} from '../../src/objectives/index.js'

const SS = 'south-staffordshire'
const LE = 'leicestershire'
const SWY = 'south-west-yorkshire'
const SWL = 'south-west-london'
const AP = 'analysis-planning'
const PR = 'process'
const OU = 'outcome'

const report = { unknown: 'not-attained' } as const
const pick = (rows: readonly ObjectiveAttainmentRow[], site: string | null, type: string | null) => {
  const r = rows.find((x) => x.site === site && x.type === type)!
  return [r.low, r.denominator]
}

describe('published figures, under the report policy (? = not attained)', () => {
  const siteType = objectiveAttainment(ev, { by: ['site', 'type'], ...report })
  // Table 7 TOTAL rows: attained/total per site and type.
  it.each([
    [SS, AP, 1, 2, 'L1892'],
    [SS, PR, 4, 15, 'L1892'],
    [SS, OU, 2, 5, 'L1892'],
    [LE, AP, 5, 11, 'L1898'],
    [LE, PR, 3, 6, 'L1898'],
    [LE, OU, 1, 5, 'L1898'],
    [SWY, PR, 0, 9, 'L1900'],
    [SWL, AP, 19, 29, 'L1905'],
    [SWL, PR, 1, 1, 'L1905'],
    [SWL, OU, 1, 1, 'L1905'],
  ])('%s %s = %i/%i (%s)', (site, type, k, n) => {
    expect(pick(siteType, site, type)).toEqual([k, n])
  })

  it('South West Yorkshire has no analysis & planning or outcome objectives (empty TOTAL cells, L1900)', () => {
    expect(siteType.filter((r) => r.site === SWY && r.type !== PR).map((r) => [r.total, r.shareLow])).toEqual([
      [0, null],
      [0, null],
    ])
  })

  it('overall per type: 25/42, 8/31, 4/11 (MHIP OVERALL, L1906; L1910 "25 … 8 … 4")', () => {
    const byType = objectiveAttainment(ev, { by: ['type'], ...report })
    expect([AP, PR, OU].map((t) => pick(byType, null, t))).toEqual([
      [25, 42],
      [8, 31],
      [4, 11],
    ])
  })

  it('37 of the 84 objectives were achieved (L1910)', () => {
    expect(pick(objectiveAttainment(ev, report), null, null)).toEqual([37, 84])
  })

  // Per-site totals: the sums of each site's TOTAL row (L1892: 1+4+2 = 7 of 2+15+5 = 22;
  // L1898: 5+3+1 = 9 of 11+6+5 = 22; L1900: 0 of 9; L1905: 19+1+1 = 21 of 29+1+1 = 31).
  it.each([
    [SS, 7, 22],
    [LE, 9, 22],
    [SWY, 0, 9],
    [SWL, 21, 31],
  ])('site %s = %i/%i', (site, k, n) => {
    expect(pick(objectiveAttainment(ev, { by: ['site'], ...report }), site, null)).toEqual([k, n])
  })

  it('per unit: Access (SW London) 11/17, the largest cell (L1901)', () => {
    const row = objectiveAttainment(ev, { by: ['unit'], ...report }).find((r) => r.unit === 'access')!
    expect([row.low, row.denominator, row.site]).toEqual([11, 17, SWL])
  })
})

describe('the ? stays visible', () => {
  const ssOutcome = (unknown?: (typeof UNKNOWN_POLICIES)[number]) =>
    objectiveAttainment(ev, { by: ['site', 'type'], ...(unknown ? { unknown } : {}) }).find(
      (r) => r.site === SS && r.type === OU,
    )!

  // South Staffordshire outcomes (L1887-L1890): ?/2 + 1/1 + 1/2 → 2 known attained, 1 known not, 2 unknown.
  it('default policy (bounds): 2 to 4 attained of 5, not a bare number', () => {
    expect(ssOutcome()).toMatchObject({
      policy: 'bounds',
      attained: 2,
      notAttained: 1,
      unknown: 2,
      total: 5,
      low: 2,
      high: 4,
      denominator: 5,
      shareLow: 0.4,
      shareHigh: 0.8,
    })
  })
  it('report policy: 2 of 5 (L1892)', () => {
    expect(ssOutcome('not-attained')).toMatchObject({ low: 2, high: 2, denominator: 5, shareLow: 0.4, shareHigh: 0.4 })
  })
  it('exclude: 2 of the 3 known', () => {
    expect(ssOutcome('exclude')).toMatchObject({ low: 2, high: 2, denominator: 3 })
  })
  it('overall, bounds: 37 to 39 of 84 (the two unknowns are the only gap)', () => {
    expect(objectiveAttainment(ev)[0]).toMatchObject({ low: 37, high: 39, denominator: 84, unknown: 2 })
  })
})

// Every policy runs the same invariants, as immer reruns its suite per setting.
describe.each(UNKNOWN_POLICIES)('invariants under policy %s', (unknown) => {
  const groupings = [[], ['site'], ['unit'], ['type'], ['site', 'type'], ['unit', 'type']] as const
  it.each(groupings.map((g) => [g.join('×') || 'overall', g] as const))(
    'grouping %s: raw tallies add up and the policy only moves the unknowns',
    (_n, by) => {
      const rows = objectiveAttainment(ev, { by, unknown })
      const sum = (f: (r: ObjectiveAttainmentRow) => number) => rows.reduce((n, r) => n + f(r), 0)
      expect([sum((r) => r.attained), sum((r) => r.unknown), sum((r) => r.total)]).toEqual([37, 2, 84]) // L1910; the one ?/2 (L1887)
      for (const r of rows) {
        expect(r.attained + r.notAttained + r.unknown).toBe(r.total)
        expect(r.low).toBe(r.attained)
        expect(r.high - r.low).toBe(unknown === 'bounds' ? r.unknown : 0)
        expect(r.denominator).toBe(unknown === 'exclude' ? r.total - r.unknown : r.total)
      }
    },
  )
})

describe('count cells and individual objectives aggregate the same way', () => {
  // Replace Leicestershire Psychodynamic's process cell 2/3 High (L1894) by three listed
  // objectives (2 attained, 1 not), and South Staffordshire's ?/2 (L1887) by two unknown ones.
  const listed: Evaluation = {
    ...ev,
    sites: ev.sites.map((s, i) => ({
      ...s,
      units: s.units.map((u, j) => {
        if (i === 1 && j === 1)
          return {
            ...u,
            objectiveCells: u.objectiveCells.filter((c) => c.type !== PR),
            objectives: (['attained', 'attained', 'not-attained'] as const).map((status, k) => ({
              id: asId<'ObjectiveId'>(`pp-${k}`),
              type: asId<'ObjectiveTypeId'>(PR),
              status,
              attribution: 'high' as const,
            })),
          }
        if (i === 0 && j === 0)
          return {
            ...u,
            objectiveCells: u.objectiveCells.filter((c) => c.type !== OU),
            objectives: [0, 1].map((k) => ({
              id: asId<'ObjectiveId'>(`ac-${k}`),
              type: asId<'ObjectiveTypeId'>(OU),
              status: 'unknown' as const,
              attribution: 'low' as const,
            })),
          }
        return u
      }),
    })),
  }
  it.each(UNKNOWN_POLICIES)('identical rows for every grouping under %s', (unknown) => {
    for (const by of [[], ['site'], ['unit', 'type'], ['site', 'type']] as const)
      expect(objectiveAttainment(listed, { by, unknown })).toEqual(objectiveAttainment(ev, { by, unknown }))
  })
})

describe('bad input and degenerate input', () => {
  it('an unknown policy or grouping is a Left naming the option; the throwing form carries the same problems', () => {
    const r = objectiveAttainmentEither(ev, { unknown: 'zero' as never, by: ['region' as never] })
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.found])).toEqual([
      ['options › unknown', '"zero"'],
      ['options › by[0]', '"region"'],
    ])
    expect(() => objectiveAttainment(ev, { unknown: 'zero' as never })).toThrow(RealistError)
    expect(() => objectiveAttainment(ev, { unknown: 'zero' as never })).toThrow(
      '[realist-eval] objectiveAttainment: 1 problem\n  - options › unknown: expected one of "bounds" | "not-attained" | "exclude", found "zero"',
    )
  })

  it('an invalid evaluation gives its problems, never figures', () => {
    const bad: Evaluation = {
      ...ev,
      sites: [
        {
          ...ev.sites[0]!,
          units: [{ ...ev.sites[0]!.units[0]!, objectiveCells: [{ type: asId(OU), attained: 3, total: 2 }] }],
        },
      ],
    }
    const r = objectiveAttainmentEither(bad)
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ code: 'consistency', found: '3' })
  })

  it('an evaluation without sites has one overall row of 0 with null shares', () => {
    expect(objectiveAttainment({ ...ev, sites: [] })).toEqual([
      {
        site: null,
        siteName: null,
        unit: null,
        unitName: null,
        type: null,
        typeLabel: null,
        attained: 0,
        notAttained: 0,
        unknown: 0,
        total: 0,
        policy: 'bounds',
        low: 0,
        high: 0,
        denominator: 0,
        shareLow: null,
        shareHigh: null,
      },
    ])
  })
})
