import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// `npm run example:qca`: the behaviour is tested in test/qca; here the point is
// that the example still runs and still shows what its header promises, with
// figures worked by hand from its invented data.
const root = join(__dirname, '..', '..')
let out = ''
beforeAll(() => {
  out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'qca.ts')], {
    cwd: root,
    encoding: 'utf8',
  })
}, 120_000)

const section = (title: string): string => {
  const body = out.split('\n## ').find((s) => s.startsWith(title))
  if (body === undefined) throw new Error(`no section "${title}" in the output:\n${out}`)
  return body
}

describe('examples/qca.ts (npm run example:qca)', () => {
  it('calibrates: engagement 82 by the direct method with anchors 75 / 50 / 25 is 0.98', () => {
    // log odds 3 × (82 − 50) / (75 − 50) = 3.84; 1 / (1 + e^−3.84) = 0.979.
    expect(section('Calibrated sets')).toMatch(/\| site-a \| 82 \| 0\.98 \| 1 \| 1 \| 1 \| 0\.875 \| 0\.96 \|/)
  })

  it('prints the 16-row truth table with the four consistent rows and 8 remainders', () => {
    const body = section('Truth table')
    expect(body).toContain('| 16 | 1 | 1 | 1 | 1 | 1 | 2 |')
    expect(body).toContain('| 13 | 1 | 1 | 0 | 0 | 1 | 1 |')
    expect(body).toContain('8 of 16 configurations are remainders')
  })

  it('derives three different solutions: conservative, parsimonious INT, intermediate ENG*INT', () => {
    expect(section('Conservative solution')).toContain('M1: ENG*INT*~LARGE + ENG*INT*LEAD -> MET')
    expect(section('Parsimonious solution')).toContain('M1: INT -> MET')
    const inter = section('Intermediate solution')
    expect(inter).toContain('M1: ENG*INT -> MET')
    // The one easy counterfactual: ENG*INT*LARGE*~LEAD (row 15) assumed positive to drop ~LARGE.
    expect(inter).toContain('Simplifying assumptions: row 15 ENG*INT*LARGE*~LEAD')
  })

  it('saves ENG*INT as a hypothesised CMO configuration with its fit as supporting evidence', () => {
    const body = section('Saved as a CMO hypothesis')
    expect(body).toContain('Configuration qca-met (hypothesised)')
    expect(body).toContain('contexts engaged-staff, integrated-partnership; scope site-f, site-d, site-a, site-b')
    expect(body).toMatch(
      /Evidence QCA1 \(note, supports\): QCA intermediate solution for MET, model 1: ENG\*INT\. Consistency \(inclS\) 0\.\d{3}/,
    )
  })

  it('labels its data as invented', () => {
    expect(out).toContain('twelve invented MHIP-style sites')
  })
})
