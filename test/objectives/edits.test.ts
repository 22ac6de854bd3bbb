import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'
import { applyEdit } from '../../src/edit/define.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import type { Problem } from '../../src/model/problem.js'
import {
  addObjective,
  addObjectiveType,
  objectiveAttainment,
  objectiveProblems,
  removeObjectiveCell,
  setImpact,
  setObjectiveCell,
  setObjectiveStatus,
} from '../../src/objectives/index.js'

const ok = (r: E.Either<readonly Problem[], Evaluation>): Evaluation => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  expect(objectiveProblems(r.right)).toEqual([]) // an applied edit never breaks integrity
  return r.right
}
const refused = (r: E.Either<readonly Problem[], Evaluation>): Problem[] => {
  expect(E.isLeft(r)).toBe(true)
  return E.isLeft(r) ? [...r.left] : []
}
const ssOutcome = (e: Evaluation) =>
  objectiveAttainment(e, { by: ['site', 'type'] }).find(
    (r) => r.site === 'south-staffordshire' && r.type === 'outcome',
  )!

describe('setObjectiveCell / removeObjectiveCell', () => {
  it('resolving the ? of Acute care (L1887) to 1/2 narrows the bound 2–4 of 5 to 3 of 5', () => {
    const next = ok(
      applyEdit(
        ev,
        setObjectiveCell({ unit: 'acute-care', cell: { type: 'outcome', attained: 1, total: 2, attribution: 'low' } }),
      ),
    )
    expect([ssOutcome(next).low, ssOutcome(next).high, ssOutcome(next).denominator]).toEqual([3, 3, 5])
    expect([ssOutcome(ev).low, ssOutcome(ev).high]).toEqual([2, 4])
  })
  it('adds a cell where there was none', () => {
    const next = ok(
      applyEdit(ev, setObjectiveCell({ unit: 'access', cell: { type: 'outcome', attained: 0, total: 1 } })),
    )
    expect(next.sites[3]!.units[0]!.objectiveCells.map((c) => c.type)).toEqual(['analysis-planning', 'outcome'])
  })
  it.each([
    ['attained > total', { type: 'outcome', attained: 3, total: 2 }, 'consistency'],
    ['a negative count', { type: 'outcome', attained: -1, total: 2 }, 'value'],
    ['an unknown type', { type: 'impact', attained: 1, total: 2 }, 'reference'],
    ['an attribution off the scale', { type: 'outcome', attained: 1, total: 2, attribution: 'Very' as never }, 'value'],
  ])('refuses %s, naming the cell', (_name, cell, code) => {
    const [p] = refused(applyEdit(ev, setObjectiveCell({ unit: 'acute-care', cell })))
    expect(p).toMatchObject({
      code,
      where: `site south-staffordshire › unit acute-care › objectives › type ${cell.type}`,
    })
    expect(p!.path[0]).toBe('cell')
  })
  it('refuses an unknown unit', () => {
    const [p] = refused(
      applyEdit(ev, setObjectiveCell({ unit: 'acute', cell: { type: 'outcome', attained: 1, total: 2 } })),
    )
    expect(p).toMatchObject({
      path: ['unit'],
      where: 'setObjectiveCell › unit',
      code: 'reference',
      found: '"acute"',
      expected: 'the id of a unit of this evaluation',
    })
  })
  it('removes a cell, and refuses to remove one that is not there', () => {
    const next = ok(applyEdit(ev, removeObjectiveCell({ unit: 'access', type: 'analysis-planning' })))
    expect(next.sites[3]!.units[0]!.objectiveCells).toEqual([])
    expect(
      refused(applyEdit(next, removeObjectiveCell({ unit: 'access', type: 'analysis-planning' })))[0],
    ).toMatchObject({ where: 'removeObjectiveCell › type' })
  })
})

describe('addObjective / setObjectiveStatus', () => {
  it('a listed objective counts like a cell; its status can change', () => {
    const added = ok(
      applyEdit(
        ev,
        addObjective({
          unit: 'access',
          objective: { id: 'acc-p1', type: 'process', status: 'unknown', text: 'New triage route' },
        }),
      ),
    )
    const access = (e: Evaluation) => objectiveAttainment(e, { by: ['unit'] }).find((r) => r.unit === 'access')!
    expect([access(added).low, access(added).high, access(added).denominator]).toEqual([11, 12, 18]) // 11/17 (L1901) + one unknown
    const done = ok(applyEdit(added, setObjectiveStatus({ unit: 'access', objective: 'acc-p1', status: 'attained' })))
    expect([access(done).low, access(done).high]).toEqual([12, 12])
  })
  it('refuses a duplicate id, and listed objectives of a type the unit holds as a cell', () => {
    const added = ok(
      applyEdit(ev, addObjective({ unit: 'access', objective: { id: 'x', type: 'process', status: 'attained' } })),
    )
    const ps = refused(
      applyEdit(
        added,
        addObjective({ unit: 'voluntary-sector', objective: { id: 'x', type: 'process', status: 'attained' } }),
      ),
    )
    expect(ps.map((p) => [p.where, p.code])).toEqual([
      ['addObjective › objective.id', 'duplicate'],
      ['site leicestershire › unit voluntary-sector › objectives › type process', 'consistency'], // 1/1 Medium cell, L1895
    ])
  })
  it('refuses an unknown objective or status', () => {
    const ps = refused(
      applyEdit(ev, setObjectiveStatus({ unit: 'access', objective: 'nope', status: 'done' as never })),
    )
    expect(ps.map((p) => p.where)).toEqual(['setObjectiveStatus › objective', 'setObjectiveStatus › status'])
  })
})

describe('setImpact / addObjectiveType', () => {
  it('sets an impact with a qualifier, and null removes it (not recorded ≠ NA)', () => {
    const next = ok(applyEdit(ev, setImpact({ unit: 'access', impact: { level: 'high', qualifier: 'by 2010' } })))
    expect(next.sites[3]!.units[0]!.impact).toEqual({ level: 'high', qualifier: 'by 2010' })
    const cleared = ok(applyEdit(next, setImpact({ unit: 'access', impact: null })))
    expect('impact' in cleared.sites[3]!.units[0]!).toBe(false)
    expect(refused(applyEdit(ev, setImpact({ unit: 'access', impact: { level: 'huge' as never } })))[0]).toMatchObject({
      found: '"huge"',
      code: 'value',
    })
  })
  it('adds a fourth objective type, which cells can then use; refuses a duplicate id', () => {
    const next = ok(applyEdit(ev, addObjectiveType({ type: { id: 'sustainability', label: 'Sustainability' } })))
    const withCell = ok(
      applyEdit(
        next,
        setObjectiveCell({ unit: 'service-development', cell: { type: 'sustainability', attained: null, total: 3 } }),
      ),
    )
    expect(objectiveAttainment(withCell, { by: ['type'] }).map((r) => r.type)).toEqual([
      'analysis-planning',
      'process',
      'outcome',
      'sustainability',
    ])
    expect(refused(applyEdit(ev, addObjectiveType({ type: { id: 'process', label: '' } })))).toMatchObject([
      { where: 'addObjectiveType › type.id', code: 'duplicate' },
      { where: 'addObjectiveType › type.label', code: 'value' },
    ])
  })
})
