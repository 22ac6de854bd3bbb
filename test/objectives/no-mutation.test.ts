import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { applyEdit, type Edit } from '../../src/edit/define.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import {
  addObjective,
  addObjectiveType,
  attributionDistribution,
  attributionDistributionEither,
  getSiteByName,
  impactDistribution,
  impactDistributionEither,
  objectiveAttainment,
  objectiveAttainmentEither,
  objectiveGroups,
  objectiveProblems,
  objectiveRecords,
  objectiveTypeShares,
  objectiveTypeSharesEither,
  removeObjectiveCell,
  resolveSite,
  setImpact,
  setObjectiveCell,
  setObjectiveStatus,
  UNKNOWN_POLICIES,
} from '../../src/objectives/index.js'
import { deepFreeze } from '../standards/freeze.js'
import { GROUPINGS, objectivesEvaluationArb } from './support.js'

// Nothing in the objectives module may write to its input. Each input is
// deep-frozen (writing to it would throw in these ES modules) and compared
// after the call with a structuredClone taken before it.

/** Run `use` on a deep-frozen `ev` and check `ev` still equals a clone taken first. */
const untouched = (ev: Evaluation, use: (frozen: Evaluation) => void): void => {
  const before = structuredClone(ev)
  const frozen = deepFreeze(ev)
  use(frozen)
  expect(frozen).toEqual(before)
}

/** Every aggregate, in both forms, with every grouping and policy, and with options they refuse. */
const everyAggregate = (ev: Evaluation): void => {
  expect(objectiveProblems(ev)).toEqual([])
  objectiveRecords(ev)
  for (const by of GROUPINGS) {
    objectiveGroups(ev, by)
    for (const unknown of UNKNOWN_POLICIES) {
      objectiveAttainment(ev, { by, unknown })
      objectiveAttainmentEither(ev, { by, unknown })
    }
    attributionDistribution(ev, { by })
    attributionDistributionEither(ev, { by })
  }
  for (const by of [[], ['site'], ['unit']] as const) {
    objectiveTypeShares(ev, { by })
    objectiveTypeSharesEither(ev, { by })
    impactDistribution(ev, { by })
    impactDistributionEither(ev, { by })
  }
  // Refusals too: bad options come back as problems, and the input is still untouched.
  expect(E.isLeft(objectiveAttainmentEither(ev, { unknown: 'zero' as never }))).toBe(true)
  expect(() => objectiveTypeShares(ev, { by: 'site' as never })).toThrow(/options › by/)
  expect(E.isLeft(impactDistributionEither(ev, { by: ['county' as never] }))).toBe(true)
  for (const s of ev.sites) {
    expect(getSiteByName(ev, s.name)).toBe(s)
    for (const alias of s.aliases) expect(E.isRight(resolveSite(ev, alias))).toBe(true)
  }
  expect(E.isLeft(resolveSite(ev, 'Kent'))).toBe(true)
}

describe('the aggregates never write to their input', () => {
  it('on the embedded MHIP dataset (the exported constant itself, frozen)', () => {
    untouched(mhipEvaluation, everyAggregate)
  })
  it('on generated documents with cells, listed objectives, blanks and qualified impacts', () => {
    fc.assert(
      fc.property(objectivesEvaluationArb(), (ev) => untouched(ev, everyAggregate)),
      { numRuns: 40 },
    )
  })
  it('on invalid documents, whose problems come back as a Left', () => {
    const bad = {
      ...structuredClone(mhipEvaluation),
      sites: mhipEvaluation.sites.map((s, i) =>
        i === 0
          ? {
              ...s,
              units: [
                {
                  ...s.units[0]!,
                  objectiveCells: [{ type: 'outcome', attained: 3, total: 2, attribution: 'maybe' }],
                  impact: { level: 'huge' },
                },
              ],
            }
          : s,
      ),
    } as unknown as Evaluation
    untouched(bad, (ev) => {
      expect(objectiveProblems(ev)).toHaveLength(3)
      expect(E.isLeft(objectiveAttainmentEither(ev))).toBe(true)
      expect(() => attributionDistribution(ev)).toThrow(/attributionDistribution: 3 problems/)
      expect(() => impactDistribution(ev)).toThrow(/impact/)
      expect(() => objectiveTypeShares(ev)).toThrow(/attained ≤ total \(2\)/)
    })
  })
})

describe('objective edits never write to the evaluation they edit', () => {
  // One accepted and one refused edit of each kind, on the frozen MHIP dataset.
  const accepted: [string, Edit][] = [
    [
      'addObjective',
      addObjective({
        unit: 'access',
        objective: { id: 'acc-p1', type: 'process', status: 'unknown', attribution: 'low' },
      }),
    ],
    [
      'setObjectiveCell (replace the ?/2 of L1887)',
      setObjectiveCell({ unit: 'acute-care', cell: { type: 'outcome', attained: 1, total: 2, attribution: 'low' } }),
    ],
    [
      'setObjectiveCell (new cell)',
      setObjectiveCell({ unit: 'access', cell: { type: 'outcome', attained: 0, total: 1 } }),
    ],
    ['removeObjectiveCell', removeObjectiveCell({ unit: 'access', type: 'analysis-planning' })],
    ['setImpact', setImpact({ unit: 'access', impact: { level: 'high', qualifier: 'by 2010' } })],
    ['setImpact null', setImpact({ unit: 'access', impact: null })],
    ['addObjectiveType', addObjectiveType({ type: { id: 'sustainability', label: 'Sustainability' } })],
  ]
  const refused: [string, Edit][] = [
    [
      'addObjective of a type held as a cell',
      addObjective({ unit: 'access', objective: { id: 'x', type: 'analysis-planning', status: 'attained' } }),
    ],
    [
      'setObjectiveStatus of an unknown objective',
      setObjectiveStatus({ unit: 'access', objective: 'nope', status: 'attained' }),
    ],
    [
      'setObjectiveCell attained > total',
      setObjectiveCell({ unit: 'acute-care', cell: { type: 'outcome', attained: 3, total: 2 } }),
    ],
    ['removeObjectiveCell of no cell', removeObjectiveCell({ unit: 'access', type: 'outcome' })],
    ['setImpact off the scale', setImpact({ unit: 'access', impact: { level: 'huge' as never } })],
    ['addObjectiveType with a used id', addObjectiveType({ type: { id: 'process', label: 'Process' } })],
  ]

  it.each(accepted)('%s: a new evaluation, the old one untouched', (_name, edit) => {
    untouched(mhipEvaluation, (ev) => {
      const next = applyEdit(ev, edit)
      expect(E.isRight(next) && next.right !== ev).toBe(true)
      expect(E.isRight(next) && objectiveProblems(next.right)).toEqual([])
    })
  })
  it.each(refused)('%s: refused, the evaluation untouched', (_name, edit) => {
    untouched(mhipEvaluation, (ev) => expect(E.isLeft(applyEdit(ev, edit))).toBe(true))
  })
  it('setObjectiveStatus on an edited (immer-produced) evaluation leaves that one untouched too', () => {
    const added = applyEdit(
      mhipEvaluation,
      addObjective({ unit: 'access', objective: { id: 'acc-p1', type: 'process', status: 'unknown' } }),
    )
    if (E.isLeft(added)) throw new Error(JSON.stringify(added.left))
    untouched(added.right, (ev) => {
      const done = applyEdit(ev, setObjectiveStatus({ unit: 'access', objective: 'acc-p1', status: 'attained' }))
      expect(E.isRight(done) && done.right.sites[3]!.units[0]!.objectives[0]!.status).toBe('attained')
      expect(ev.sites[3]!.units[0]!.objectives[0]!.status).toBe('unknown')
    })
  })
})

describe('a refused objective edit leaves the document exactly as it was (property)', () => {
  const units = (ev: Evaluation) => ev.sites.flatMap((s) => s.units)
  /** A bad cell for one of the document's units, and the code of the problem it must raise. */
  const badCellArb = fc.oneof(
    fc
      .record({ over: fc.integer({ min: 1, max: 5 }), total: fc.integer({ min: 1, max: 9 }) })
      .map(({ over, total }) => ({ cell: { type: 'process', attained: total + over, total }, code: 'consistency' })),
    fc.integer({ min: -9, max: -1 }).map((n) => ({ cell: { type: 'process', attained: n, total: 2 }, code: 'value' })),
    fc
      .constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2.5)
      .map((total) => ({ cell: { type: 'process', attained: 1, total }, code: 'value' })),
    fc.constant({ cell: { type: 'process', attained: 0, total: 0 }, code: 'value' }),
    fc
      .constantFrom('impact', 'Process', '')
      .map((type) => ({ cell: { type, attained: 1, total: 2 }, code: 'reference' })),
    fc
      .constantFrom('Very', 'NA', 'blank')
      .map((attribution) => ({ cell: { type: 'process', attained: 1, total: 2, attribution }, code: 'value' })),
  )

  it('setObjectiveCell with attained > total, a negative / NaN / fractional count, total 0, an unknown type or attribution', () => {
    fc.assert(
      fc.property(
        objectivesEvaluationArb().filter((ev) =>
          units(ev).some((u) => !u.objectives.some((o) => o.type === 'process')),
        ),
        badCellArb,
        fc.nat(),
        (ev, { cell, code }, pick) => {
          // A unit without listed process objectives, so the cell itself is the only reason to refuse.
          const candidates = units(ev).filter((u) => !u.objectives.some((o) => o.type === 'process'))
          const unit = candidates[pick % candidates.length]!
          untouched(ev, (frozen) => {
            const r = applyEdit(frozen, setObjectiveCell({ unit: unit.id, cell: cell as never }))
            expect(E.isLeft(r) && r.left.map((p) => p.code)).toContain(code)
          })
        },
      ),
      { numRuns: 150 },
    )
  })

  it('addObjective with a used id, an unknown status or type leaves the document as it was', () => {
    fc.assert(
      fc.property(
        objectivesEvaluationArb().filter((ev) => units(ev).some((u) => u.objectives.length > 0)),
        fc.constantFrom('duplicate id', 'status', 'type'),
        (ev, what) => {
          const owner = units(ev).find((u) => u.objectives.length > 0)!
          const used = owner.objectives[0]!
          const objective =
            what === 'duplicate id'
              ? { id: used.id, type: used.type, status: 'attained' as const }
              : what === 'status'
                ? { id: 'fresh-id', type: used.type, status: 'done' as never }
                : { id: 'fresh-id', type: 'impact', status: 'attained' as const }
          untouched(ev, (frozen) =>
            expect(E.isLeft(applyEdit(frozen, addObjective({ unit: owner.id, objective })))).toBe(true),
          )
        },
      ),
      { numRuns: 60 },
    )
  })
})
