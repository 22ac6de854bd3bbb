import { describe, expect, it } from 'vitest'
import { formatCount, formatInterval, formatPercent, NO_VALUE } from '../../src/report/format.js'

describe('formatPercent / formatInterval / formatCount', () => {
  it('formats proportions as percentages, halves away from zero', () => {
    // 0.125 → 12.5% → 13% (half away from zero); 0.2121 → 21%; to one decimal 21.2%.
    expect([
      formatPercent(0.125),
      formatPercent(0.2121),
      formatPercent(0.2121, 1),
      formatPercent(1),
      formatPercent(0),
    ]).toEqual(['13%', '21%', '21.2%', '100%', '0%'])
  })
  it('shows no estimate as an en dash, never NaN%', () => {
    expect([formatPercent(null), formatPercent(undefined), formatPercent(NaN), formatInterval(null, 0.5)]).toEqual([
      NO_VALUE,
      NO_VALUE,
      NO_VALUE,
      NO_VALUE,
    ])
  })
  it('formats an interval (Wilson 95% for 3/15 = 0.0705–0.4519, Newcombe 1998 Table I)', () => {
    expect(formatInterval(0.0705, 0.4519)).toBe('7–45%')
    expect(formatInterval(0.0705, 0.4519, 1)).toBe('7.1–45.2%')
  })
  it('keeps whole counts whole and shows half counts to one decimal', () => {
    expect([formatCount(3), formatCount(4.5), formatCount(0)]).toEqual(['3', '4.5', '0'])
  })
})
