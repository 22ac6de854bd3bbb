import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  attainmentByGroup,
  attainmentByGroupEither,
  compareGroups,
  compareGroupsEither,
} from '../../src/standards/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { encodeEvaluation } from '../../src/model/codec.js'
import { parseEvaluation } from '../../src/document/decode.js'
import { evaluationOf, tinyFramework } from './support.js'
import { deepFreeze } from './freeze.js'

// Five units in two sites, only standard B1 rated (A1, A2 unrated, so excluded by default):
//   site s1 (type acute):      u1 met,   u2 not-met            → B1 fully met 1/2
//   site s2 (type community):  u3 met,   u4 met,   u5 partly   → B1 fully met 2/3
// Unit attribute `score` (points) with bands low [0, 50), high [50, 100]:
//   u1 70 (high), u2 40 (low), u3 55 (high), u4 20 (low), u5 no value.
const base = evaluationOf(
  tinyFramework,
  {
    s1: { u1: { r1: { B1: 'met' } }, u2: { r1: { B1: 'not-met' } } },
    s2: { u3: { r1: { B1: 'met' } }, u4: { r1: { B1: 'met' } }, u5: { r1: { B1: 'partly' } } },
  },
  ['r1'],
)
const withAttributes = (ev: Evaluation): Evaluation => {
  const doc: any = encodeEvaluation(ev)
  doc.attributes = [
    {
      id: 'type',
      label: 'Partnership type',
      on: 'site',
      kind: 'categorical',
      categories: ['acute', 'community', 'mixed'],
    },
    {
      id: 'score',
      label: 'Score',
      on: 'unit',
      kind: 'numeric',
      unit: 'points',
      bands: [
        { id: 'low', label: 'below 50', lower: { value: 0, closed: true }, upper: { value: 50, closed: false } },
        { id: 'high', label: '50 and above', lower: { value: 50, closed: true }, upper: { value: 100, closed: true } },
      ],
    },
  ]
  doc.sites[0].attributes = { type: 'acute' }
  doc.sites[1].attributes = { type: 'community' }
  const scores = [70, 40, 55, 20]
  doc.sites
    .flatMap((s: any) => s.units)
    .forEach((u: any, i: number) => {
      if (scores[i] !== undefined) u.attributes = { score: scores[i] }
    })
  return parseEvaluation(doc)
}
const ev = deepFreeze(withAttributes(base))
const total = (g: { attainment: { total: { k: number; n: number } } }) =>
  `${g.attainment.total.k}/${g.attainment.total.n}`

describe('attainmentByGroup', () => {
  it("by 'unit': a site rated as a whole is its own group keyed by the site id; a site id that is also a unit id is refused", () => {
    // s1 rated as a whole on B1 (met): groups s1 (the site), u1, u2, then s2's units; s1 1/1 by hand.
    const doc: any = encodeEvaluation(ev)
    doc.sites[0].ratings = { r1: { B1: { level: 'met' } } }
    const whole = parseEvaluation(doc)
    const groups = attainmentByGroup(whole, { by: 'unit' }).groups.filter((g) => g.round === null)
    expect(groups.map((g) => `${g.group}=${total(g)}`)).toEqual([
      's1=1/1',
      'u1=1/1',
      'u2=0/1',
      'u3=1/1',
      'u4=1/1',
      'u5=0/1',
    ])
    // Rename unit u3 to s1: two groups would be keyed s1.
    doc.sites[1].units[0].id = 's1'
    const r = attainmentByGroupEither(parseEvaluation(doc), { by: 'unit' })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ path: ['by'], code: 'duplicate' })
    expect(E.isLeft(r) && r.left[0]!.expected).toContain('site s1 is rated as a whole and a unit has the same id')
  })

  it('groups by a site attribute, keeping the declared but empty category', () => {
    const r = attainmentByGroup(ev, { by: { attribute: 'type' } })
    expect(r.by).toBe('attribute type')
    const all = r.groups.filter((g) => g.round === null)
    expect(all.map((g) => [g.group, g.units, total(g)])).toEqual([
      ['acute', 2, '1/2'],
      ['community', 3, '2/3'],
      ['mixed', 0, '0/0'],
    ])
    // Level counts per group come with every figure: community B1 = met 2, partly 1.
    expect(all[1]!.attainment.total.counts).toEqual({ met: 2, partly: 1, 'not-met': 0 })
  })

  it('groups by the bands of a numeric unit attribute; units with no value come last', () => {
    const all = attainmentByGroup(ev, { by: { attribute: 'score' } }).groups.filter((g) => g.round === null)
    // low: u2 not-met, u4 met = 1/2; high: u1 met, u3 met = 2/2; no value: u5 partly = 0/1.
    expect(all.map((g) => [g.group, g.label, total(g)])).toEqual([
      ['low', 'below 50', '1/2'],
      ['high', '50 and above', '2/2'],
      [null, '(no value)', '0/1'],
    ])
  })

  it('groups by site, unit and round, and follows the policy', () => {
    expect(
      attainmentByGroup(ev, { by: 'site' })
        .groups.filter((g) => g.round === null)
        .map(total),
    ).toEqual(['1/2', '2/3'])
    expect(
      attainmentByGroup(ev, { by: 'unit' })
        .groups.filter((g) => g.round === null)
        .map(total),
    ).toEqual(['1/1', '0/1', '1/1', '1/1', '0/1'])
    expect(attainmentByGroup(ev, { by: 'round' }).groups.map(total)).toEqual(['3/5'])
    // Met or partly (top two): community 3/3.
    const top2 = attainmentByGroup(ev, { by: { attribute: 'type' }, attained: 'top-two' })
    expect(top2.policy.attained).toBe('top-two')
    expect(top2.groups.filter((g) => g.round === null).map(total)).toEqual(['1/2', '3/3', '0/0'])
  })

  it('refuses an unknown attribute or grouping, naming the option', () => {
    const r = attainmentByGroupEither(ev, { by: { attribute: 'colour' } })
    expect(E.isLeft(r) && r.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`)).toEqual([
      'attainmentByGroup › by › attribute: an attribute declared in this evaluation (type, score), found "colour"',
    ])
    const bad = attainmentByGroupEither(ev, { by: 7 as never })
    expect(E.isLeft(bad) && bad.left[0]!.where).toBe('attainmentByGroup › by')
    const none = attainmentByGroupEither(ev, undefined as never)
    expect(E.isLeft(none) && none.left[0]!.where).toBe('attainmentByGroup')
  })
})

describe('compareGroups', () => {
  it('gives community − acute on B1 with the Newcombe hybrid score interval', () => {
    const c = compareGroups(ev, { by: { attribute: 'type' }, a: 'community', b: 'acute', standard: 'B1' })
    // 2/3 − 1/2 = 0.1667. Newcombe (1998) method 10 from the Wilson limits with z = 1.959964, worked
    // independently (Python): lo = 0.1667 − √((2/3 − 0.2077)² + (0.9055 − 0.5)²) = −0.4458,
    // hi = 0.1667 + √((0.9385 − 2/3)² + (0.5 − 0.0945)²) = 0.6548.
    expect(c.a).toMatchObject({ group: 'community', k: 2, n: 3, units: 3 })
    expect(c.b).toMatchObject({ group: 'acute', k: 1, n: 2, units: 2 })
    expect(c.difference.difference).toBeCloseTo(1 / 6, 12)
    expect(c.difference.lo).toBeCloseTo(-0.4458, 4)
    expect(c.difference.hi).toBeCloseTo(0.6548, 4)
    expect(c.standard).toBe('B1')
    expect(c.policy.attained).toBe('top')
  })

  it('compares two sites and two rounds; an empty side has no estimate', () => {
    expect(compareGroups(ev, { by: 'site', a: 's2', b: 's1' }).difference.difference).toBeCloseTo(1 / 6, 12)
    const empty = compareGroups(ev, { by: { attribute: 'type' }, a: 'mixed', b: 'acute' })
    expect(empty.difference).toMatchObject({ difference: null, reason: expect.stringContaining('group 1') })
    const rounds = compareGroups(ev, { by: 'round', a: 'r1', b: 'r1' })
    expect(rounds.difference.difference).toBe(0)
  })

  it('gives no interval for a mean of standard proportions (not a count)', () => {
    const c = compareGroups(ev, { by: 'site', a: 's2', b: 's1' }, { total: 'mean-of-standards' })
    expect(c.difference).toMatchObject({ difference: null, reason: expect.stringContaining('not a count') })
  })

  it('refuses unknown groups, rounds and standards, naming each', () => {
    const r = compareGroupsEither(ev, {
      by: { attribute: 'type' },
      a: 'rural',
      b: 'acute',
      round: 'r9',
      standard: 'Z9',
    })
    expect(E.isLeft(r) && r.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`)).toEqual([
      'compareGroups › round: a round of this evaluation (r1) or null, found "r9"',
      'compareGroups › a: a group of attribute type (acute, community, mixed), found "rural"',
    ])
    const s = compareGroupsEither(ev, { by: 'site', a: 's1', b: 's2', standard: 'Z9' })
    expect(E.isLeft(s) && s.left.map((p) => p.where)).toEqual(['compareGroups › standard'])
  })
})
