import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { compareRounds, compareRoundsEither } from '../../src/standards/index.js'
import { evaluationOf, tinyFramework } from './support.js'
import { deepFreeze } from './freeze.js'

// Two rounds, three units (standard levels given explicitly):
//        A1 r1      A1 r2     movement      A2 r1     A2 r2    movement
// u1     not-met    met       improved      met       met      same
// u2     partly     partly    same          na        met      not comparable
// u3     met        partly    declined      unrated   met      not comparable
// B1 is never rated.
const ev = deepFreeze(
  evaluationOf(
    tinyFramework,
    {
      s1: {
        u1: { r1: { A1: 'not-met', A2: 'met' }, r2: { A1: 'met', A2: 'met' } },
        u2: { r1: { A1: 'partly', A2: 'na' }, r2: { A1: 'partly', A2: 'met' } },
      },
      s2: { u3: { r1: { A1: 'met' }, r2: { A1: 'partly', A2: 'met' } } },
    },
    ['r1', 'r2'],
  ),
)

describe('compareRounds', () => {
  const all = compareRounds(ev, { from: 'r1', to: 'r2' }).changes.filter((c) => c.site === null)

  it('gives the change per standard with Newcombe intervals and unit movements', () => {
    const [a1, a2, b1] = all
    // A1: fully met 1/3 (u3) → 1/3 (u1): no change; Newcombe(1/3 − 1/3) = (−0.5335, 0.5335)
    // (Wilson limits from scipy 1.17 combined by Newcombe 1998 eq. 10)
    expect(a1).toMatchObject({
      standard: 'A1',
      from: { k: 1, n: 3 },
      to: { k: 1, n: 3 },
      units: { improved: 1, same: 1, declined: 1, notComparable: 0 },
    })
    expect(a1!.change.difference).toBe(0)
    expect(a1!.change.lo).toBeCloseTo(-0.5335, 4)
    expect(a1!.change.hi).toBeCloseTo(0.5335, 4)
    // A2: 1/1 (u2 na and u3 unrated excluded) → 3/3: 0 change, CI (−0.5615, 0.7935)
    expect(a2).toMatchObject({
      from: { k: 1, n: 1 },
      to: { k: 3, n: 3 },
      units: { improved: 0, same: 1, declined: 0, notComparable: 2 },
    })
    expect(a2!.change.lo).toBeCloseTo(-0.5615, 4)
    expect(a2!.change.hi).toBeCloseTo(0.7935, 4)
    // B1: never rated → n = 0 in both rounds, no estimate
    expect(b1!.change).toMatchObject({
      difference: null,
      lo: null,
      hi: null,
      reason: expect.stringContaining('both groups'),
    })
    expect(b1!.units).toEqual({ improved: 0, same: 0, declined: 0, notComparable: 3 })
  })

  it('also compares per site', () => {
    const s2 = compareRounds(ev, { from: 'r1', to: 'r2' }).changes.filter((c) => c.site === 's2')
    // s2 has u3 only: A1 1/1 → 0/1, declined
    expect(s2[0]).toMatchObject({ from: { k: 1, n: 1 }, to: { k: 0, n: 1 }, units: { declined: 1 } })
    expect(s2[0]!.change.difference).toBe(-1)
  })

  it('follows the policy (here: met or partly counts)', () => {
    const a1 = compareRounds(ev, { from: 'r1', to: 'r2' }, { attained: 'top-two' }).changes.find(
      (c) => c.site === null,
    )!
    // r1 met-or-partly: u2, u3 = 2/3; r2: u1, u2, u3 = 3/3 → +1/3
    expect(a1.from).toMatchObject({ k: 2, n: 3 })
    expect(a1.to).toMatchObject({ k: 3, n: 3 })
    expect(a1.change.difference).toBeCloseTo(1 / 3, 12)
  })

  it('matches Newcombe on a larger count: 2/10 → 7/10 is +0.5000, 95% CI (0.0665, 0.7398)', () => {
    const units: Record<string, Record<string, Record<string, string>>> = {}
    for (let i = 0; i < 10; i++)
      units[`u${i}`] = { r1: { A1: i < 2 ? 'met' : 'not-met' }, r2: { A1: i < 7 ? 'met' : 'not-met' } }
    const big = evaluationOf(tinyFramework, { s: units }, ['r1', 'r2'])
    const a1 = compareRounds(big, { from: 'r1', to: 'r2' }).changes.find((c) => c.site === null && c.standard === 'A1')!
    expect(a1.change.difference).toBeCloseTo(0.5, 12)
    expect(a1.change.lo).toBeCloseTo(0.0665, 4)
    expect(a1.change.hi).toBeCloseTo(0.7398, 4)
    // u2 … u6 went from not met to met
    expect(a1.units).toEqual({ improved: 5, same: 5, declined: 0, notComparable: 0 })
  })

  it('refuses an unknown round', () => {
    const r = compareRoundsEither(ev, { from: 'r1', to: 'r9' })
    expect(E.isLeft(r) && r.left[0]).toMatchObject({ where: 'compareRounds › to', code: 'reference', found: '"r9"' })
  })
})
