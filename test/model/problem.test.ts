import { describe, expect, it } from 'vitest'
import { formatProblems, problem, showName, showPath, showValue } from '../../src/model/problem.js'

const TEN_MB = 10_000_000

describe('showValue, showName, showPath: messages stay short whatever the input', () => {
  it('spells out NaN and the infinities, and cuts long strings at 60 characters with their length', () => {
    expect([NaN, Infinity, -Infinity, undefined, null].map(showValue)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      'nothing (missing)',
      'null',
    ])
    expect(showValue('x'.repeat(TEN_MB))).toBe(`"${'x'.repeat(60)}…" (${TEN_MB} characters)`)
  })

  it('showName keeps a short id as it is and cuts a long one like showValue', () => {
    expect(showName('acute')).toBe('acute')
    expect(showName('x'.repeat(60))).toBe('x'.repeat(60))
    expect(showName('x'.repeat(TEN_MB))).toBe(`"${'x'.repeat(60)}…" (${TEN_MB} characters)`)
  })

  it('showPath quotes keys that are not identifiers and cuts long ones', () => {
    expect(showPath(['sites', 0, 'ratings', '2.4'])).toBe('$.sites[0].ratings["2.4"]')
    expect(showPath(['sites', 'x'.repeat(TEN_MB)])).toBe(`$.sites["${'x'.repeat(60)}…" (${TEN_MB} characters)]`)
  })

  it('formatProblems lists 50 problems and counts the rest', () => {
    const ps = Array.from({ length: 120 }, (_, i) => problem(['rounds', i], 'a round', i))
    const lines = formatProblems('decodeEvaluation', ps).split('\n')
    // A head line, 50 problems, one count line.
    expect(lines).toHaveLength(52)
    expect(lines[0]).toBe('[realist-eval] decodeEvaluation: 120 problems')
    expect(lines.at(-1)).toBe('  … and 70 more')
  })
})
