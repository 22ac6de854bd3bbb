import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  attainment,
  attainmentEither,
  attainmentScope,
  policyCombinations,
  resolvePolicyEither,
  DEFAULT_POLICY,
  MEAN_NO_INTERVAL_REASON,
} from '../../src/standards/index.js'
import type { DenominatorPolicy, ScopeAttainment, StandardAttainment } from '../../src/standards/index.js'
import { RealistError } from '../../src/model/problem.js'
import { evaluationOf, policyDataset, tinyFramework } from './support.js'
import { deepFreeze } from './freeze.js'

// The policy dataset: tiny framework (A1: a1 a2 a3; A2: b1 b2; B1: no criteria),
// two sites, one round. "→" is the standard level under all-met-else-partly.
//
// site unit  A1                          A2                          B1
// s1   u1    met (explicit)              b1 met, b2 met → met        met
// s1   u2    a1 met a2 partly a3 not →   na (explicit)               partly
//            partly
// s1   u3    not-met (explicit)          b1 partly (b2 unrated) →    unrated
//                                        partly
// s2   u4    a1 a2 a3 na → na            b1 not, b2 not → not-met    met
// s2   u5    partly (explicit)           unrated                     na
const ev = deepFreeze(policyDataset())

const kn = (s: readonly StandardAttainment[]) => s.map((x) => [x.standard, x.k, x.n])
const overall = (policy?: DenominatorPolicy) => attainment(ev, policy).overall

describe('attainment under the default policy (standards, exclude na and unrated, fully met, pooled)', () => {
  it('counts each standard by hand', () => {
    const o = overall()
    // A1: met u1, partly u2 u5, not u3, na u4 → 1/4
    // A2: met u1, partly u3, not u4, na u2, unrated u5 → 1/3
    // B1: met u1 u4, partly u2, na u5, unrated u3 → 2/3
    expect(kn(o.standards)).toEqual([
      ['A1', 1, 4],
      ['A2', 1, 3],
      ['B1', 2, 3],
    ])
    expect(o.standards[0]).toMatchObject({
      counts: { met: 1, partly: 2, 'not-met': 1 },
      na: 1,
      unrated: 0,
      excluded: 1,
      proportion: 0.25,
      explicit: 3,
      rolledUp: 2,
    })
    expect(o.standards[1]).toMatchObject({
      counts: { met: 1, partly: 1, 'not-met': 1 },
      na: 1,
      unrated: 1,
      excluded: 2,
    })
    expect(o.standards[2]).toMatchObject({
      counts: { met: 2, partly: 1, 'not-met': 0 },
      na: 1,
      unrated: 1,
      excluded: 2,
    })
    // pooled total: (1 + 1 + 2) / (4 + 3 + 3) = 4/10
    expect(o.total).toMatchObject({ method: 'pooled', k: 4, n: 10, proportion: 0.4, items: 10, standards: 3 })
    // sections: A pooled (1 + 1)/(4 + 3) = 2/7; B = 2/3
    expect(o.sections.map((s) => [s.section, s.k, s.n])).toEqual([
      ['A', 2, 7],
      ['B', 2, 3],
    ])
    expect(o.total.interval).toMatchObject({ method: 'wilson', confidence: 0.95 })
  })

  it('reports the resolved policy', () => {
    expect(attainment(ev).policy).toEqual(DEFAULT_POLICY)
    expect(attainment(ev).policy).toMatchObject({
      notApplicable: 'exclude',
      unrated: 'exclude',
      count: 'standards',
      attained: 'top',
      rollup: 'all-met-else-partly',
      total: 'pooled',
      interval: 'wilson',
      confidence: 0.95,
    })
  })

  it('gives per-site scopes that add up to the all-sites scope', () => {
    const r = attainment(ev)
    // s1 (u1 u2 u3): A1 met/partly/not → 1/3; A2 met/na/partly → 1/2; B1 met/partly/unrated → 1/2; total 3/7
    expect(kn(attainmentScope(r, { round: 'r1', site: 's1' })!.standards)).toEqual([
      ['A1', 1, 3],
      ['A2', 1, 2],
      ['B1', 1, 2],
    ])
    // s2 (u4 u5): A1 na/partly → 0/1; A2 not/unrated → 0/1; B1 met/na → 1/1; total 1/3
    expect(kn(attainmentScope(r, { round: 'r1', site: 's2' })!.standards)).toEqual([
      ['A1', 0, 1],
      ['A2', 0, 1],
      ['B1', 1, 1],
    ])
    expect(attainmentScope(r, { round: 'r1', site: 's1' })!.total).toMatchObject({ k: 3, n: 7 })
    expect(attainmentScope(r, { round: 'r1', site: null })!.total).toMatchObject({ k: 4, n: 10 })
    // scopes: r1 × (s1, s2, all), all rounds × (s1, s2, all)
    expect(r.scopes.map((s) => `${s.round}/${s.site}`)).toEqual([
      'r1/s1',
      'r1/s2',
      'r1/null',
      'null/s1',
      'null/s2',
      'null/null',
    ])
    expect(r.overall).toBe(r.scopes[5])
  })
})

describe('each denominator option changes the answer as documented', () => {
  it('notApplicable: "not-met" puts na items into the denominator as not met', () => {
    // A1 gains u4 (na) as not met: 1/5; A2 gains u2: 1/4; B1 gains u5: 2/4; total 4/13
    const o = overall({ notApplicable: 'not-met' })
    expect(kn(o.standards)).toEqual([
      ['A1', 1, 5],
      ['A2', 1, 4],
      ['B1', 2, 4],
    ])
    expect(o.standards[0]).toMatchObject({ counts: { met: 1, partly: 2, 'not-met': 2 }, na: 1, excluded: 0 })
    expect(o.total).toMatchObject({ k: 4, n: 13 })
  })

  it('unrated: "not-met" puts unrated items into the denominator as not met', () => {
    // A1 has none: 1/4; A2 gains u5: 1/4; B1 gains u3: 2/4; total 4/12
    const o = overall({ unrated: 'not-met' })
    expect(kn(o.standards)).toEqual([
      ['A1', 1, 4],
      ['A2', 1, 4],
      ['B1', 2, 4],
    ])
    expect(o.total).toMatchObject({ k: 4, n: 12 })
  })

  it('both as not met: every unit counts, 5 per standard, total 4/15', () => {
    const o = overall({ notApplicable: 'not-met', unrated: 'not-met' })
    expect(kn(o.standards)).toEqual([
      ['A1', 1, 5],
      ['A2', 1, 5],
      ['B1', 2, 5],
    ])
    expect(o.total).toMatchObject({ k: 4, n: 15, excluded: 0 })
  })

  it('unrated: "error" refuses, naming each unrated unit × standard', () => {
    const r = attainmentEither(ev, { unrated: 'error' })
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.code])).toEqual([
      ['site s1 › unit u3 › round r1 › standard B1', 'policy'],
      ['site s2 › unit u5 › round r1 › standard A2', 'policy'],
    ])
    expect(E.isLeft(r) && r.left[0]!.path).toEqual(['sites', 0, 'units', 2, 'ratings', 'r1', 'B1'])
    expect(() => attainment(ev, { unrated: 'error' })).toThrow(RealistError)
    expect(() => attainment(ev, { unrated: 'error' })).toThrow(
      /attainment: 2 problems\n {2}- site s1 › unit u3 › round r1 › standard B1: expected a rating/,
    )
  })

  it('attained: "top-two" (met or partly) and "partly-as-half"', () => {
    // top-two: A1 (1 + 2)/4, A2 (1 + 1)/3, B1 (2 + 1)/3 → total 8/10
    expect(kn(overall({ attained: 'top-two' }).standards)).toEqual([
      ['A1', 3, 4],
      ['A2', 2, 3],
      ['B1', 3, 3],
    ])
    expect(overall({ attained: 'met-or-partly' }).total).toMatchObject({ k: 8, n: 10 })
    // partly as half: A1 1 + 2·½ = 2 of 4; A2 1 + ½ = 1.5 of 3; B1 2 + ½ = 2.5 of 3 → total 6/10
    expect(kn(overall({ attained: 'partly-as-half' }).standards)).toEqual([
      ['A1', 2, 4],
      ['A2', 1.5, 3],
      ['B1', 2.5, 3],
    ])
    expect(overall({ attained: 'score-weighted' }).total).toMatchObject({ k: 6, n: 10, proportion: 0.6 })
  })

  it('count: "criteria" counts criterion ratings, not standards', () => {
    // A1 criteria: u2 met/partly/not; u4 na ×3; u1 u3 u5 have none (9 unrated) → 1/3
    // A2 criteria: u1 met met; u3 partly + 1 unrated; u4 not not; u2 u5 none (4 unrated) → 2/5
    // B1 has no criteria → n = 0, no estimate
    const o = overall({ count: 'criteria' })
    expect(kn(o.standards)).toEqual([
      ['A1', 1, 3],
      ['A2', 2, 5],
      ['B1', 0, 0],
    ])
    expect(o.standards[0]).toMatchObject({ na: 3, unrated: 9, explicit: 0, rolledUp: 0 })
    expect(o.standards[1]).toMatchObject({ na: 0, unrated: 5, counts: { met: 2, partly: 1, 'not-met': 2 } })
    expect(o.standards[2]).toMatchObject({
      proportion: null,
      interval: { estimate: null, lo: null, hi: null, reason: 'n = 0: nothing was counted, so there is no estimate' },
    })
    expect(o.total).toMatchObject({ k: 3, n: 8 })
  })

  it('rollup: the rule changes rolled-up standards only (explicit ratings win)', () => {
    // worst-of: u2's A1 (met/partly/not) becomes not met; u3's A2 stays partly → A1 1/4 with not met 2
    expect(overall({ rollup: 'worst-of' }).standards[0]).toMatchObject({
      k: 1,
      n: 4,
      counts: { met: 1, partly: 1, 'not-met': 2 },
    })
    // majority: u2's A1 is a 1-1-1 tie → not met (worse); the same counts as worst-of here
    expect(overall({ rollup: 'majority' }).standards[0]!.counts).toEqual({ met: 1, partly: 1, 'not-met': 2 })
    // mean-score: u2's A1 mean 0.5 → partly, as the default
    expect(overall({ rollup: 'mean-score' }).standards[0]!.counts).toEqual({ met: 1, partly: 2, 'not-met': 1 })
  })

  it('interval and confidence', () => {
    const w = overall().standards[0]!.interval
    const cp = overall({ interval: 'clopper-pearson', confidence: 0.9 }).standards[0]!.interval
    expect(w.method).toBe('wilson')
    expect(cp).toMatchObject({ method: 'clopper-pearson', confidence: 0.9, k: 1, n: 4 })
    // exact 90% for 1/4 (scipy 1.17 binomtest(1, 4).proportion_ci('exact', 0.9), as R binom.test):
    // lower by hand 1 − 0.95^(1/4) = 0.01274; upper 0.75140
    expect(cp.lo).toBeCloseTo(1 - 0.95 ** 0.25, 10)
    expect(cp.hi).toBeCloseTo(0.7514, 4)
  })
})

describe('pooled vs mean-of-standards totals', () => {
  it('differ when the standards have different denominators', () => {
    const pooled = overall({ total: 'pooled' }).total
    const mean = overall({ total: 'mean-of-standards' }).total
    // pooled 4/10 = 0.4; mean (1/4 + 1/3 + 2/3)/3 = 1.25/3 = 0.41667
    expect(pooled.proportion).toBe(0.4)
    expect(mean).toMatchObject({
      method: 'mean-of-standards',
      n: 3,
      standards: 3,
      items: 10,
      counts: { met: 4, partly: 4, 'not-met': 2 },
    })
    expect(mean.k).toBeCloseTo(1.25, 12)
    expect(mean.proportion).toBeCloseTo(0.416667, 6)
    expect(mean.interval).toMatchObject({ lo: null, hi: null, reason: MEAN_NO_INTERVAL_REASON })
    // section A: pooled 2/7 = 0.2857 vs mean (1/4 + 1/3)/2 = 0.29167
    expect(overall({ total: 'pooled' }).sections[0]!.proportion).toBeCloseTo(0.285714, 6)
    expect(overall({ total: 'mean-of-standards' }).sections[0]!.proportion).toBeCloseTo(0.291667, 6)
  })

  it('agree when every standard has the same denominator', () => {
    const p = overall({ notApplicable: 'not-met', unrated: 'not-met' }).total
    const m = overall({ notApplicable: 'not-met', unrated: 'not-met', total: 'mean-of-standards' }).total
    // 4/15 both ways: (1/5 + 1/5 + 2/5)/3 = 4/15
    expect(p.proportion).toBeCloseTo(4 / 15, 12)
    expect(m.proportion).toBeCloseTo(4 / 15, 12)
  })

  it('mean-of-standards leaves out standards with n = 0 and says how many it averaged', () => {
    const m = overall({ count: 'criteria', total: 'mean-of-standards' }).total
    // (1/3 + 2/5)/2 = 0.36667; B1 has no criteria
    expect(m).toMatchObject({ n: 2, standards: 3 })
    expect(m.proportion).toBeCloseTo(0.366667, 6)
  })
})

describe('refusals', () => {
  it('refuses an invalid policy, one problem per field', () => {
    const r = attainmentEither(ev, { unrated: 'ignore' as never, attained: 'most' as never, confidence: 2 })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'policy › unrated',
      'policy › attained',
      'policy › confidence',
    ])
    expect(E.isLeft(resolvePolicyEither({ rollup: 'median' as never }))).toBe(true)
  })

  it('refuses levels that are not on the scale, naming the rating', () => {
    const bad = evaluationOf(tinyFramework, { s: { u: { r1: { A1: 'Met!', b1: 'good' } } } })
    const r = attainmentEither(bad)
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.found])).toEqual([
      ['site s › unit u › round r1 › rating A1', '"Met!"'],
      ['site s › unit u › round r1 › rating b1', '"good"'],
    ])
    expect(E.isLeft(r) && r.left[0]!.expected).toBe('a level of scale emhip (met | partly | not-met) or "na"')
  })
})

describe('no mutation and no hidden state', () => {
  it('leaves the (deep-frozen) input untouched and gives equal results cached and uncached', () => {
    const before = JSON.stringify(ev)
    for (const policy of policyCombinations().filter((p) => p.unrated !== 'error')) {
      expect(attainment(ev, policy)).toEqual(attainment(ev, { ...policy, cache: false }))
    }
    expect(JSON.stringify(ev)).toBe(before)
  })
})

// One suite over every combination of the policy options (as immer reruns its
// suite per autoFreeze setting): invariants that must hold whatever the policy.
describe.each(policyCombinations().map((p) => [JSON.stringify(p), p] as const))('policy %s', (_, policy) => {
  const r = attainmentEither(ev, policy)

  if (policy.unrated === 'error') {
    it('refuses the dataset, which has unrated items', () => {
      expect(E.isLeft(r)).toBe(true)
    })
    return
  }

  const result = (r as E.Right<ReturnType<typeof attainment>>).right
  const unitsPerStandard = 5
  const criteriaOf: Record<string, number> = { A1: 3, A2: 2, B1: 0 }

  it('accounts for every item: counted + excluded = all items', () => {
    for (const s of result.overall.standards) {
      const all = policy.count === 'criteria' ? unitsPerStandard * criteriaOf[s.standard]! : unitsPerStandard
      expect(s.n + s.excluded).toBe(all)
      const sum = Object.values(s.counts).reduce((a, b) => a + b, 0)
      expect(sum).toBe(s.n)
      expect(s.excluded).toBe(
        (policy.notApplicable === 'exclude' ? s.na : 0) + (policy.unrated === 'exclude' ? s.unrated : 0),
      )
    }
  })

  it('keeps 0 ≤ k ≤ n, proportion = k/n, and the interval around it', () => {
    for (const scope of result.scopes) {
      for (const s of [...scope.standards, ...scope.sections, scope.total]) {
        expect(s.k).toBeGreaterThanOrEqual(0)
        expect(s.k).toBeLessThanOrEqual(s.n)
        if (s.n === 0) expect(s.proportion).toBeNull()
        else {
          expect(s.proportion).toBeCloseTo(s.k / s.n, 12)
          if (s.interval.lo !== null) {
            expect(s.interval.lo).toBeLessThanOrEqual(s.proportion! + 1e-12)
            expect(s.interval.hi).toBeGreaterThanOrEqual(s.proportion! - 1e-12)
          }
        }
      }
    }
  })

  it('forms the total as the policy says', () => {
    const o = result.overall
    expect(o.total.method).toBe(policy.total)
    const counted = o.standards.filter((s) => s.n > 0)
    if (policy.total === 'pooled') {
      expect(o.total.k).toBeCloseTo(
        o.standards.reduce((a, s) => a + s.k, 0),
        12,
      )
      expect(o.total.n).toBe(o.standards.reduce((a, s) => a + s.n, 0))
    } else {
      expect(o.total.n).toBe(counted.length)
      expect(o.total.proportion).toBeCloseTo(counted.reduce((a, s) => a + s.proportion!, 0) / counted.length, 12)
    }
  })

  it('adds site scopes up to the all-sites scope, standard by standard', () => {
    const sites = result.scopes.filter((s) => s.round === 'r1' && s.site !== null)
    const all = attainmentScope(result, { round: 'r1' }) as ScopeAttainment
    all.standards.forEach((s, i) => {
      expect(sites.reduce((a, x) => a + x.standards[i]!.k, 0)).toBeCloseTo(s.k, 12)
      expect(sites.reduce((a, x) => a + x.standards[i]!.n, 0)).toBe(s.n)
      expect(sites.reduce((a, x) => a + x.standards[i]!.na + x.standards[i]!.unrated, 0)).toBe(s.na + s.unrated)
    })
  })
})

describe('ids that are also names of Object.prototype', () => {
  it('counts an inherited key of a plain ratings object as unrated, not as a rating', () => {
    const fw = {
      ...tinyFramework,
      sections: [
        {
          ...tinyFramework.sections[0]!,
          standards: [
            {
              ...tinyFramework.sections[0]!.standards[0]!,
              id: 'toString',
              criteria: [
                { id: 'constructor', text: 'c' },
                { id: '__proto__', text: 'p' },
              ],
            },
          ],
        },
      ],
    } as unknown as typeof tinyFramework
    // plain objects (not null-prototype), as a hand-written document would have
    const plain = {
      ...evaluationOf(fw, {}),
      sites: [
        {
          id: 's',
          name: 's',
          aliases: [],
          units: [{ id: 'u', name: 'u', ratings: { r1: {} }, objectives: [], objectiveCells: [] }],
        },
      ],
    } as never
    const r = attainment(plain, { count: 'criteria' })
    expect(r.overall.standards[0]).toMatchObject({ n: 0, unrated: 2 })
    expect(attainment(plain).overall.standards[0]).toMatchObject({ n: 0, unrated: 1 })
    const err = attainmentEither(plain, { unrated: 'error' })
    expect(E.isLeft(err) && err.left.map((p) => p.where)).toEqual(['site s › unit u › round r1 › standard toString'])
  })
})
