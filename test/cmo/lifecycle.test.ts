import { describe, expect, it } from 'vitest'
import { CONFIGURATION_STATUSES } from '../../src/model/cmo.js'
import { STATUS_TRANSITIONS, canTransition, describeNextStatuses } from '../../src/cmo/lifecycle.js'

// The documented table (decisions-cmo.md), written out independently of the code:
// analytical induction, E-MHIP L688-L703.
const LEGAL = new Set([
  'hypothesised→tested',
  'tested→supported',
  'tested→refined',
  'tested→refuted',
  'refined→tested',
  'supported→tested',
])

describe('STATUS_TRANSITIONS', () => {
  it('allows exactly the documented moves, for all 25 pairs of statuses', () => {
    for (const from of CONFIGURATION_STATUSES)
      for (const to of CONFIGURATION_STATUSES)
        expect([`${from}→${to}`, canTransition(from, to)]).toEqual([`${from}→${to}`, LEGAL.has(`${from}→${to}`)])
  })

  it('never allows staying in the same status, and refuted is final', () => {
    for (const s of CONFIGURATION_STATUSES) expect(canTransition(s, s)).toBe(false)
    expect(STATUS_TRANSITIONS.refuted).toEqual([])
  })

  it('describes the next statuses for messages', () => {
    expect(describeNextStatuses('tested')).toBe('supported | refined | refuted')
    expect(describeNextStatuses('refuted')).toBe('no further status (refuted is final)')
  })
})

describe('canTransition with values that are not statuses', () => {
  it('answers false instead of failing', () => {
    expect(canTransition('constructor' as never, 'tested')).toBe(false)
    expect(canTransition('done' as never, 'tested')).toBe(false)
    expect(describeNextStatuses('__proto__' as never)).toBe('no further status (__proto__ is final)')
  })
})
