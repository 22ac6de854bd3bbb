import { describe, expect, it } from 'vitest'
import {
  formatAttribution,
  formatObjectiveAttainment,
  formatObjectiveCount,
  formatShareRange,
} from '../../src/objectives/index.js'

describe('formatting keeps unknowns visible', () => {
  it('a bound reads as a range, a single figure as one number', () => {
    expect(formatObjectiveAttainment({ low: 2, high: 4, denominator: 5 })).toBe('2–4 of 5')
    expect(formatObjectiveAttainment({ low: 2, high: 2, denominator: 5 })).toBe('2 of 5')
    expect(formatObjectiveAttainment({ low: 0, high: 0, denominator: 0 })).toBe('-')
  })
  it('counts print as Table 7 does', () => {
    expect(formatObjectiveCount({ attained: 0, notAttained: 0, unknown: 2, total: 2 })).toBe('?/2')
    expect(formatObjectiveCount({ attained: 11, notAttained: 6, unknown: 0, total: 17 })).toBe('11/17')
    expect(formatObjectiveCount({ attained: 0, notAttained: 0, unknown: 0, total: 0 })).toBe('-')
  })
  it('shares round to whole percent; 31/84 is 37% (L1908)', () => {
    expect(formatShareRange(31 / 84)).toBe('37%')
    expect(formatShareRange(0.4, 0.8)).toBe('40–80%')
    expect(formatShareRange(null)).toBe('-')
  })
  it('blank attribution prints empty, NA as NA', () => {
    expect([formatAttribution(undefined), formatAttribution('na'), formatAttribution('high')]).toEqual([
      '',
      'NA',
      'High',
    ])
  })
})
