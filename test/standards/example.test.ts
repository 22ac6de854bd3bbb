import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The example is what the README shows: run it, so its claims cannot rot.
describe('examples/emhip-standards.ts', () => {
  it('runs, labels its ratings as illustrative, and reports the Table 5 finding', () => {
    const root = join(__dirname, '..', '..')
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'emhip-standards.ts')], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(out).toContain('ILLUSTRATIVE RATINGS: made up for this example, NOT the E-MHIP report’s data')
    expect(out).toMatch(
      /A = na: exclude; unrated: exclude; count: standards; attained: top; roll-up: all-met-else-partly; total: pooled; wilson 95%/,
    )
    expect(out).toMatch(/B = na: not-met; unrated: not-met; count: criteria/)
    expect(out).toContain('8 of 11 published standard percentages cannot be k/15 (half-up; half-even gives the same 8)')
    expect(out).toMatch(/1\.1 % fully met \(L1229\)\s+19%\s+IMPOSSIBLE/)
    expect(out).toMatch(/2\.3 % fully met \(L1233\)\s+33%\s+yes \(5\/15\)/)
  })
})
