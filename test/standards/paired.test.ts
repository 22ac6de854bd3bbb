import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compareRounds, compareRoundsEither } from '../../src/standards/index.js'
import { evaluationOf, tinyFramework } from './support.js'
import { deepFreeze } from './freeze.js'

// The misleading case: 4 units rated in r1 (all not met on B1), 1 unit rated in r2 (met).
// Unpaired this reads "0/4 → 1/1, change +1". Paired, no unit was rated in both rounds.
const lopsided = deepFreeze(
  evaluationOf(
    tinyFramework,
    {
      s1: { u1: { r1: { B1: 'not-met' } }, u2: { r1: { B1: 'not-met' } } },
      s2: { u3: { r1: { B1: 'not-met' } }, u4: { r1: { B1: 'not-met' } }, u5: { r2: { B1: 'met' } } },
    },
    ['r1', 'r2'],
  ),
)

describe('compareRounds pairs units by default', () => {
  it('does not read 0/4 → 1/1 as a change of +1: no unit is in both rounds, 4 and 1 are left out', () => {
    const cmp = compareRounds(lopsided, { from: 'r1', to: 'r2' })
    const b1 = cmp.changes.find((c) => c.site === null && c.standard === 'B1')!
    expect(b1.from).toMatchObject({ k: 0, n: 0 })
    expect(b1.to).toMatchObject({ k: 0, n: 0 })
    expect(b1.change.difference).toBeNull()
    expect(cmp.pairing).toEqual({
      paired: true,
      both: 0,
      onlyFrom: [
        { site: 's1', unit: 'u1' },
        { site: 's1', unit: 'u2' },
        { site: 's2', unit: 'u3' },
        { site: 's2', unit: 'u4' },
      ],
      onlyTo: [{ site: 's2', unit: 'u5' }],
    })
    // Every site keeps its rows, with n = 0 where nothing was paired.
    expect(new Set(cmp.changes.map((c) => c.site))).toEqual(new Set(['s1', 's2', null]))
  })

  it('paired: false restores the independent-samples reading (0/4 → 1/1)', () => {
    const cmp = compareRounds(lopsided, { from: 'r1', to: 'r2', paired: false })
    const b1 = cmp.changes.find((c) => c.site === null && c.standard === 'B1')!
    expect(b1.from).toMatchObject({ k: 0, n: 4 })
    expect(b1.to).toMatchObject({ k: 1, n: 1 })
    expect(b1.change.difference).toBe(1)
    expect(cmp.pairing.paired).toBe(false)
    expect(cmp.pairing.onlyFrom).toHaveLength(4)
  })

  it('lists the units that moved, with the change in scale steps', () => {
    // u1: B1 not-met → met (+2), A1 met → partly (−1); u2: B1 partly → partly (no move); u3 only in r1.
    const ev = evaluationOf(
      tinyFramework,
      {
        s1: {
          u1: { r1: { B1: 'not-met', A1: 'met' }, r2: { B1: 'met', A1: 'partly' } },
          u2: { r1: { B1: 'partly' }, r2: { B1: 'partly', A2: 'na' } },
        },
        s2: { u3: { r1: { B1: 'met' } } },
      },
      ['r1', 'r2'],
    )
    const cmp = compareRounds(ev, { from: 'r1', to: 'r2' })
    expect(cmp.moves).toEqual([
      { site: 's1', unit: 'u1', standard: 'A1', from: 'met', to: 'partly', steps: -1 },
      { site: 's1', unit: 'u1', standard: 'B1', from: 'not-met', to: 'met', steps: 2 },
    ])
    expect(cmp.pairing).toMatchObject({ both: 2, onlyFrom: [{ site: 's2', unit: 'u3' }], onlyTo: [] })
    // B1 paired: r1 u1 not-met, u2 partly = 0/2 fully met; r2 u1 met, u2 partly = 1/2.
    const b1 = cmp.changes.find((c) => c.site === null && c.standard === 'B1')!
    expect(b1.from).toMatchObject({ k: 0, n: 2 })
    expect(b1.to).toMatchObject({ k: 1, n: 2 })
    expect(b1.units).toMatchObject({ improved: 1, same: 1, declined: 0 })
  })

  it('refuses a pairing flag that is not a boolean, and a missing rounds object', () => {
    const bad = compareRoundsEither(lopsided, { from: 'r1', to: 'r2', paired: 'yes' as never })
    expect(E.isLeft(bad) && bad.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`)).toEqual([
      'compareRounds › paired: true or false, found "yes"',
    ])
    const none = compareRoundsEither(lopsided, undefined as never)
    expect(E.isLeft(none) && none.left[0]!.where).toBe('compareRounds › rounds')
  })
})
