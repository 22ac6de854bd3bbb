import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// examples/tour.ts is the README's five-minute tour. The expected values are
// independent of the code: the report's figures (with lines), hand counts of
// the four ratings the tour makes, and published interval values.
const root = join(__dirname, '..', '..')
let out = ''
beforeAll(() => {
  out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'tour.ts')], {
    cwd: root,
    encoding: 'utf8',
  })
}, 120_000)

/** The line printed under a `show(label, …)` heading. */
const after = (label: string): string => {
  const lines = out.split('\n')
  const i = lines.indexOf(label)
  if (i < 0) throw new Error(`no line "${label}" in:\n${out}`)
  return lines[i + 1]!.trim()
}

describe('examples/tour.ts (npm run example:tour)', () => {
  it('shows 37 of 84 objectives attained as the report does (L1910), and 37–39 with the ? as a bound', () => {
    expect(after('objectives attained, default policy (bounds):')).toBe('37–39 of 84')
    expect(after("objectives attained, the report's policy:")).toBe('37 of 84')
  })

  it('resolves a wording to its standard (Table 5, L1236: 3.2 Responsibility is devolved to frontline staff)', () => {
    expect(after('standard by wording:')).toBe('3.2')
  })

  it('counts the four 2.4 ratings (met, partly, not met, n/a) as worked by hand', () => {
    // fully met: met / (met + partly + not met) = 1/3, n/a left out
    expect(after('2.4 fully met, defaults (na and unrated excluded):')).toBe('1/3 (na 1, unrated 11)')
    // met or partly met: 2/3
    expect(after('2.4 met or partly met:')).toBe('2/3 (na 1, unrated 11)')
    // n/a counted as not met: 1/(3 + 1)
    expect(after('2.4 with not-applicable counted as not met:')).toBe('1/4 (na 1, unrated 11)')
    expect(after('ratings before and after (the input is never mutated):')).toBe('0 → 4')
  })

  it('prints the Wilson 95% interval for 3/15 as published, (0.0705, 0.4519) (Wilson 1927; R prop.test(3, 15, correct = FALSE))', () => {
    const w = JSON.parse(after('Wilson 95% interval for 3/15:'))
    expect(w.lo).toBeCloseTo(0.0705, 4)
    expect(w.hi).toBeCloseTo(0.4519, 4)
  })

  it('formats the tidy rows (proportions on 0-1) as percentages only in the table text', () => {
    // 2.4 has one rating at each level out of n = 3 (n/a left out): 1/3 = 33.3%, and the
    // Wilson 95% interval for 1/3 is (0.0615, 0.7923) (Wilson 1927; R prop.test(1, 3, correct = FALSE)).
    expect(out).toContain('| all sites | 2.4 | attained | 1 | 3 | 33.3% | 6.1–79.2% |')
  })

  it('shows every problem of a bad document and a refused edit, each with its place', () => {
    expect(out).toContain('[realist-eval] decodeEvaluation: 2 problems')
    expect(out).toContain('  - round mhip-2008 › label: expected a string, found NaN')
    expect(out).toContain('  - title: expected a string, found 42')
    expect(out).toContain(
      '  - rate › level: expected a level of scale emhip (met | partly | not-met) or "na", found "fully"',
    )
    expect(out).toContain('[realist-eval] parseEvaluation: 1 problem')
  })

  it('undoes and replays a logged edit exactly', () => {
    expect(after('undo gives back the document before:')).toBe('true')
    expect(after('replay reproduces it:')).toBe('true')
  })
})
