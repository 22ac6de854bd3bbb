import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  gasGoalProblems,
  gasScores,
  gasScoresEither,
  gasWeight,
  gasWithAttainment,
  type GasGoal,
} from '../../src/gas/goals.js'
import { addObjective } from '../../src/objectives/edits.js'
import { edit } from '../../src/edit/define.js'
import { RealistError } from '../../src/model/problem.js'
import { mhipEvaluation as ev } from '../../src/data/mhip/index.js'

// Invented goals on two E-MHIP workstreams (the report scores none by GAS).
const goals: GasGoal[] = [
  { id: 'g1', unit: 'acute-care', score: 2, group: 'service' },
  { id: 'g2', unit: 'acute-care', score: 1, group: 'service' },
  { id: 'g3', unit: 'acute-care', score: 0, group: 'workforce' },
  {
    id: 'g4',
    unit: 'values-based-workforce',
    score: -1,
    baseline: -2,
    importance: 2,
    difficulty: 3,
    group: 'workforce',
  },
  { id: 'g5', unit: 'values-based-workforce', score: null, group: 'workforce' },
]

describe('gasScores', () => {
  it('per unit: acute care x = (2, 1, 0) → 63.6931 (hand-worked in tscore.test.ts); values-based workforce one goal → 40', () => {
    const rows = gasScores(ev, goals)
    expect(rows.map((r) => [r.site, r.unit, r.goals, r.excluded])).toEqual([
      ['south-staffordshire', 'acute-care', 3, 0],
      ['south-staffordshire', 'values-based-workforce', 1, 1],
    ])
    expect(rows[0]!.t).toBeCloseTo(63.693064, 6)
    expect(rows[1]!.t).toBeCloseTo(40, 12) // one scored goal: 50 + 10 · (−1); the unscored one excluded
  })

  it('per site pools the goals: x = (2, 1, 0, −1), w = (1, 1, 1, 6) → 50 + 10 · (−3) / √(0.7 · 39 + 0.3 · 81) = 45.8237', () => {
    // Σwx = 2 + 1 + 0 − 6 = −3; Σw² = 1 + 1 + 1 + 36 = 39; (Σw)² = 81; √(27.3 + 24.3) = √51.6 = 7.183314; T = 50 − 30 / 7.183314 = 50 − 4.176345
    const [ss] = gasScores(ev, goals, { by: 'site' })
    expect(ss).toMatchObject({ site: 'south-staffordshire', unit: null, goals: 4, excluded: 1 })
    expect(ss!.t).toBeCloseTo(45.823655, 6)
  })

  it('per group and overall, with the number of goals behind each', () => {
    const byGroup = gasScores(ev, goals, { by: 'group' })
    expect(byGroup.map((r) => [r.group, r.goals, r.excluded])).toEqual([
      ['service', 2, 0],
      ['workforce', 2, 1],
    ])
    // service: x = (2, 1) equal weights: 50 + 30 / √(1.4 + 1.2) = 50 + 30 / 1.612452 = 68.605
    expect(byGroup[0]!.t).toBeCloseTo(50 + 30 / Math.sqrt(2.6), 12)
    expect(gasScores(ev, goals, { by: 'all' })).toMatchObject([
      { site: null, unit: null, group: null, goals: 4, excluded: 1 },
    ])
  })

  it('gives t: null for a unit whose goals are all unscored; refuses it under missing: "error" with the goal path', () => {
    const unscored: GasGoal[] = [{ id: 'x', unit: 'access', score: null }]
    expect(gasScores(ev, unscored)).toMatchObject([{ unit: 'access', t: null, goals: 0, excluded: 1 }])
    const r = gasScoresEither(ev, [...goals, ...unscored], { missing: 'error' })
    expect(E.isLeft(r) && r.left.map((p) => [p.path.join('.'), p.where])).toEqual([
      ['goals.4.score', 'gasScores › unit values-based-workforce › goal 2 › score'],
      ['goals.5.score', 'gasScores › unit access › goal 1 › score'],
    ])
  })

  it('refuses a group whose weights are all 0, naming it', () => {
    const r = gasScoresEither(ev, [{ id: 'z', unit: 'access', score: 1, weight: 0 }])
    expect(E.isLeft(r) && r.left[0]!.where).toBe('gasScores › unit access › goals')
  })
})

describe('goals against the evaluation', () => {
  it('weights: weight, else importance × difficulty, else 1', () => {
    expect([gasWeight({ weight: 4 }), gasWeight({ importance: 2, difficulty: 3 }), gasWeight({})]).toEqual([4, 6, 1])
  })

  it('names an unknown unit, a duplicate id, a score off the scale, weight beside importance, a half pair', () => {
    const bad = [
      { id: 'a', unit: 'nowhere', score: 3 },
      { id: 'a', unit: 'acute-care', score: 0, weight: 2, importance: 1, difficulty: 1 },
      { id: 'b', unit: 'acute-care', score: 0, importance: 2 },
      { id: 'c', unit: 'acute-care', score: 0, weight: -1, baseline: 5 },
    ] as GasGoal[]
    expect(gasGoalProblems(ev, bad).map((p) => `${p.path.join('.')} ${p.code}`)).toEqual([
      'goals.0.unit reference',
      'goals.0.score value',
      'goals.1.id duplicate',
      'goals.1.weight consistency',
      'goals.2.difficulty shape',
      'goals.3.baseline value',
      'goals.3.weight value',
    ])
    expect(() => gasScores(ev, bad)).toThrow(RealistError)
    expect(() => gasScores(ev, undefined as never)).toThrow(RealistError)
    expect(() => gasScores(ev, goals, { by: 'colour' as never })).toThrow(/by/)
  })

  it('links a goal to an objective of its unit, and reads GAS beside attainment', () => {
    expect(gasGoalProblems(ev, [{ id: 'g', unit: 'access', score: 0, objective: 'o1' }])[0]).toMatchObject({
      path: ['goals', 0, 'objective'],
      code: 'reference',
    })
    const withObjective = edit(
      ev,
      addObjective({ unit: 'access', objective: { id: 'o1', type: 'process', status: 'attained' } }),
    )
    const rows = gasWithAttainment(withObjective, [
      { id: 'g', unit: 'access', score: 1, objective: 'o1' },
      ...goals.slice(0, 3),
    ])
    expect(
      rows.map((r) => [
        r.unit,
        r.t === null ? null : Math.round(r.t * 1e4) / 1e4,
        r.attainedLow,
        r.attainedHigh,
        r.objectives,
        r.linkedGoals,
      ]),
    ).toEqual([
      ['acute-care', 63.6931, 0, 2, 3, 0], // Table 7 L1887: 0/1 process, ?/2 outcome → 0-2 of 3
      ['access', 60, 12, 12, 18, 1], // Table 7 L1901: 11/17 analysis & planning, plus the added attained objective
    ])
  })
})
