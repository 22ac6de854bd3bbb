import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  allMetElsePartly,
  allMetElsePartlyRule,
  attainment,
  attainmentEither,
  customRule,
  majority,
  majorityRule,
  meanScore,
  meanScoreRule,
  meanScoreRuleEither,
  rollupStandard,
  rollupStandardEither,
  rollupUnit,
  worstOf,
  type RollupRule,
} from '../../src/standards/index.js'
import { emhipFramework, emhipScale } from '../../src/data/emhip-framework.js'
import { evaluationOf, ratingsOf, tinyFramework, type Levels } from './support.js'

// Standard A1 has criteria a1, a2, a3. Ten units, worked by hand for each rule
// (m = met, p = partly, n = not met; na and unrated criteria are left out of
// the roll-up):
//
// unit  a1  a2  a3   | worst-of | all-met-else-partly | majority (ties worse) | mean score (nearest)
// u1    m   m   m    | met      | met                 | met                   | 1     → met
// u2    m   p   n    | not-met  | partly              | not-met (1-1-1 tie)   | 0.5   → partly
// u3    m   m   p    | partly   | partly              | met                   | 0.833 → met
// u4    n   n   p    | not-met  | partly              | not-met               | 0.167 → not-met
// u5    n   n   n    | not-met  | not-met             | not-met               | 0     → not-met
// u6    m   n   -    | not-met  | partly              | not-met (1-1 tie)     | 0.5   → partly
// u7    na  na  na   | na       | na                  | na                    | na
// u8    A1 = met explicitly, criteria n n n: explicit wins → met (source 'explicit')
// u9    nothing rated → unrated (level null, source 'none')
// u10   m   na  m    | met      | met                 | met                   | 1     → met
const m = 'met'
const p = 'partly'
const n = 'not-met'
const units: Record<string, Levels> = {
  u1: { a1: m, a2: m, a3: m },
  u2: { a1: m, a2: p, a3: n },
  u3: { a1: m, a2: m, a3: p },
  u4: { a1: n, a2: n, a3: p },
  u5: { a1: n, a2: n, a3: n },
  u6: { a1: m, a2: n },
  u7: { a1: 'na', a2: 'na', a3: 'na' },
  u8: { A1: m, a1: n, a2: n, a3: n },
  u9: {},
  u10: { a1: m, a2: 'na', a3: m },
}
const levelsBy = (rule: RollupRule): Record<string, string | null> =>
  Object.fromEntries(
    Object.entries(units).map(([u, l]) => [u, rollupStandard(tinyFramework, ratingsOf(l), 'A1', rule).level]),
  )

const ev = evaluationOf(tinyFramework, { s: Object.fromEntries(Object.entries(units).map(([u, l]) => [u, { r1: l }])) })
const a1 = (rule: RollupRule) => attainment(ev, { rollup: rule }).overall.standards[0]!

describe('roll-up rules on the ten-unit table', () => {
  it('worst-of', () => {
    expect(levelsBy(worstOf)).toEqual({ u1: m, u2: n, u3: p, u4: n, u5: n, u6: n, u7: 'na', u8: m, u9: null, u10: m })
    // met u1 u8 u10 = 3; partly u3 = 1; not met u2 u4 u5 u6 = 4; na u7; unrated u9 → 3/8
    expect(a1(worstOf)).toMatchObject({
      k: 3,
      n: 8,
      counts: { met: 3, partly: 1, 'not-met': 4 },
      na: 1,
      unrated: 1,
      explicit: 1,
      rolledUp: 8,
    })
  })

  it('all-met-else-partly', () => {
    expect(levelsBy(allMetElsePartly)).toEqual({
      u1: m,
      u2: p,
      u3: p,
      u4: p,
      u5: n,
      u6: p,
      u7: 'na',
      u8: m,
      u9: null,
      u10: m,
    })
    // met 3 (u1 u8 u10), partly 4 (u2 u3 u4 u6), not met 1 (u5) → 3/8
    expect(a1(allMetElsePartly)).toMatchObject({ k: 3, n: 8, counts: { met: 3, partly: 4, 'not-met': 1 } })
  })

  it('majority, ties to the worse level by default and to the better on request', () => {
    expect(levelsBy(majority)).toEqual({ u1: m, u2: n, u3: m, u4: n, u5: n, u6: n, u7: 'na', u8: m, u9: null, u10: m })
    // met 4 (u1 u3 u8 u10), not met 4 (u2 u4 u5 u6) → 4/8
    expect(a1(majority)).toMatchObject({ k: 4, n: 8, counts: { met: 4, partly: 0, 'not-met': 4 } })
    // ties to the better: u2 (1-1-1) → met, u6 (1-1) → met
    expect(levelsBy(majorityRule({ ties: 'better' }))).toMatchObject({ u2: m, u6: m })
  })

  it('mean score with the default (nearest level) and with explicit cut points', () => {
    expect(levelsBy(meanScore)).toEqual({ u1: m, u2: p, u3: m, u4: n, u5: n, u6: p, u7: 'na', u8: m, u9: null, u10: m })
    // met 4 (u1 u3 u8 u10), partly 2 (u2 u6), not met 2 (u4 u5) → 4/8
    expect(a1(meanScore)).toMatchObject({ k: 4, n: 8, counts: { met: 4, partly: 2, 'not-met': 2 } })
    // cut points met ≥ 1, partly ≥ 0.5: u3 (0.833) drops to partly, u4 (0.167) stays not met
    expect(levelsBy(meanScoreRule({ cutPoints: [1, 0.5] }))).toMatchObject({ u3: p, u2: p, u4: n, u6: p, u1: m })
  })

  it('a custom function, reported under its own name', () => {
    // met when at least two criteria are met, else not met: u1 u3 u10 met by rule, u8 met explicitly
    const twoMet = customRule('two-met', (c) => (c.met! >= 2 ? 'met' : 'not-met'))
    expect(levelsBy(twoMet)).toEqual({ u1: m, u2: n, u3: m, u4: n, u5: n, u6: n, u7: 'na', u8: m, u9: null, u10: m })
    const r = attainment(ev, { rollup: twoMet })
    expect(r.policy.rollup).toBe('two-met')
    expect(r.overall.standards[0]).toMatchObject({ k: 4, n: 8 })
  })

  it('a custom rule that answers with no level is refused, naming the unit', () => {
    const broken = customRule('broken', () => 'sort-of')
    const r = attainmentEither(ev, { rollup: broken })
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left.map((x) => x.where)).toContain('site s › unit u1 › round r1 › standard A1 › roll-up broken')
      expect(r.left.every((x) => x.code === 'value')).toBe(true)
    }
    expect(E.isLeft(rollupStandardEither(tinyFramework, ratingsOf(units.u1!), 'A1', broken))).toBe(true)
  })
})

describe('explicit ratings win and the source is reported', () => {
  it('says explicit, the rule name, or none', () => {
    expect(rollupStandard(tinyFramework, ratingsOf(units.u8!), 'A1', worstOf)).toMatchObject({
      level: m,
      source: 'explicit',
      criteria: { counts: { met: 0, partly: 0, 'not-met': 3 }, na: 0, unrated: 0 },
    })
    expect(rollupStandard(tinyFramework, ratingsOf(units.u2!), 'A1', worstOf)).toMatchObject({
      level: n,
      source: 'worst-of',
    })
    expect(rollupStandard(tinyFramework, ratingsOf({}), 'A1')).toMatchObject({
      level: null,
      source: 'none',
      criteria: { unrated: 3 },
    })
    expect(rollupStandard(tinyFramework, undefined, 'Standard A one')).toMatchObject({ standard: 'A1', level: null })
  })

  it('an explicit "na" also wins', () => {
    expect(rollupStandard(tinyFramework, ratingsOf({ A1: 'na', a1: m, a2: m, a3: m }), 'A1')).toMatchObject({
      level: 'na',
      source: 'explicit',
    })
  })

  it('rolls a whole unit of the E-MHIP framework up (standards 1.1, 1.2 have no criteria: unrated unless rated)', () => {
    const out = rollupUnit(emhipFramework, ratingsOf({ '1.1': 'partly', '2.4.1': m, '2.4.2': m, '2.4.3': n }), worstOf)
    expect(out.map((r) => [r.standard, r.level, r.source]).slice(0, 6)).toEqual([
      ['1.1', 'partly', 'explicit'],
      ['1.2', null, 'none'],
      ['2.1', null, 'none'],
      ['2.2', null, 'none'],
      ['2.3', null, 'none'],
      ['2.4', 'not-met', 'worst-of'],
    ])
  })
})

describe('rules on other scales', () => {
  const four = {
    ...emhipScale,
    id: 'four',
    levels: [
      { id: 'fully', label: 'Fully', score: 3 },
      { id: 'almost', label: 'Almost', score: 2 },
      { id: 'partly', label: 'Partly', score: 1 },
      { id: 'not', label: 'Not', score: 0 },
    ],
  } as unknown as typeof emhipScale
  it('all-met-else-partly picks the level above the worst by default, or the one named', () => {
    // counts: fully 1, not 1 → mixed → "partly" (index 2); or "almost" when named
    expect(allMetElsePartly.compile(four)([1, 0, 0, 1])).toBe(2)
    expect(allMetElsePartlyRule({ partly: 'almost' }).compile(four)([1, 0, 0, 1])).toBe(1)
    expect(allMetElsePartly.compile(four)([0, 0, 0, 2])).toBe(3)
  })
  it('mean score uses midpoints of the level scores: 2.5, 1.5, 0.5', () => {
    // fully, almost → mean 2.5 → fully (halves upward); almost, partly → 1.5 → almost; partly, not → 0.5 → partly
    const d = meanScore.compile(four)
    expect([d([1, 1, 0, 0]), d([0, 1, 1, 0]), d([0, 0, 1, 1]), d([0, 0, 0, 3])]).toEqual([0, 1, 2, 3])
  })
  it('worst-of and majority', () => {
    expect(worstOf.compile(four)([5, 0, 1, 0])).toBe(2)
    expect(majority.compile(four)([2, 2, 0, 1])).toBe(1)
  })
})

describe('mean-score cut points are checked before use', () => {
  const problemsOf = (cutPoints: unknown) => {
    const r = meanScoreRuleEither({ cutPoints: cutPoints as number[] })
    return E.isLeft(r) ? r.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`) : 'accepted'
  }

  it('refuses NaN, infinities and non-numbers, at their index', () => {
    expect(problemsOf([Number.NaN, 0])).toEqual(['mean-score rule › cutPoints[0]: a finite number, found NaN'])
    expect(problemsOf([Number.POSITIVE_INFINITY, 0])).toEqual([
      'mean-score rule › cutPoints[0]: a finite number, found Infinity',
    ])
    expect(problemsOf([1, '0.5'])).toEqual(['mean-score rule › cutPoints[1]: a finite number, found "0.5"'])
    expect(problemsOf('0.75, 0.25')).toEqual([
      'mean-score rule › cutPoints: a list of numbers (one per level but the worst, best first), found "0.75, 0.25"',
    ])
    expect(() => meanScoreRule({ cutPoints: [Number.NaN, 0] })).toThrow(/cutPoints\[0\].*a finite number/)
  })

  it('refuses equal cut points (a band of zero width) and increasing ones, naming the means that would fall in two bands', () => {
    expect(problemsOf([1, 1])).toEqual([
      'mean-score rule › cutPoints[1]: a cut point below 1 (cut points strictly decrease, best level first; equal ones leave a band of zero width: a mean of 1 would be in two bands), found 1',
    ])
    expect(problemsOf([0.25, 0.75])).toEqual([
      'mean-score rule › cutPoints[1]: a cut point below 0.25 (cut points strictly decrease, best level first; means from 0.25 to 0.75 would be in two bands), found 0.75',
    ])
    expect(problemsOf([0.9, 0.5, 0.5, 0.1])).toHaveLength(1)
  })

  it('each cut point is a closed lower end: a mean equal to it reaches the level; the ends are open', () => {
    // E-MHIP scores met 1, partly 0.5, not met 0; cut points met ≥ 0.75, partly ≥ 0.25.
    // Criteria [met, partly] → mean 0.75 → met (closed at 0.75); [partly, not, not, met] → 0.375 → partly;
    // [partly, not] → 0.25 → partly (closed at 0.25); [partly, not, not] → 0.1667 → not met (open below).
    const decide = meanScoreRule({ cutPoints: [0.75, 0.25] }).compile(emhipScale)
    expect(decide([1, 1, 0])).toBe(0)
    expect(decide([1, 1, 2])).toBe(1)
    expect(decide([0, 1, 1])).toBe(1)
    expect(decide([0, 1, 2])).toBe(2)
    // Cut points of the wrong length for the scale give no level (reported by attainment as a problem).
    expect(meanScoreRule({ cutPoints: [0.5] }).compile(emhipScale)([1, 0, 0])).toBe(-1)
  })
})
