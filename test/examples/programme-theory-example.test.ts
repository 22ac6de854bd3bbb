import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// `npm run example:theory` is shown in the README and docs/theory.md. The
// behaviour is tested in test/cmo; here the point is that the example still
// runs and still shows what the docs say it shows.
const root = join(__dirname, '..', '..')
let out = ''
beforeAll(() => {
  out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'programme-theory.ts')], {
    cwd: root,
    encoding: 'utf8',
  })
}, 120_000)

const section = (title: string): string => {
  const body = out.split('\n## ').find((s) => s.startsWith(title))
  if (body === undefined) throw new Error(`no section "${title}" in the output:\n${out}`)
  return body
}
/** Cells of the table rows of a section, trimmed. */
const rows = (body: string): string[][] =>
  body
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|--'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    )

describe('examples/programme-theory.ts (npm run example:theory)', () => {
  it('loads the chapter 7 themes: 3 contexts, 12 mechanisms, 3 outcomes (L3043-L3068) and the 10 Table 2 groups', () => {
    expect(section('Chapter 7 themes')).toContain('3 contexts, 12 mechanisms, 3 outcomes; 10 stakeholder groups')
  })

  it('refuses an illegal lifecycle move with a located message', () => {
    expect(section('Lifecycle')).toContain(
      'transitionConfiguration › configuration no-science-no-learning › to: expected a legal next status after hypothesised: tested, found "supported"',
    )
  })

  it('shows the consultation events turning from mechanism to context (L2960-L2974)', () => {
    const diff = rows(section('Diff: research team v2 → v3'))
    expect(diff).toContainEqual([
      'role',
      '–',
      'consultation-events',
      'Launch and consultation events',
      'role',
      'mechanism',
      'context',
    ])
  })

  it('counts robustness differently at N = 2 and N = 3 stakeholder groups', () => {
    const robust = (title: string) =>
      rows(section(title))
        .slice(1)
        .filter((r) => r.at(-1) === 'true')
        .map((r) => r[0])
    expect(robust('Triangulation of configurations, robust = supported by ≥ 2')).toEqual([
      'capacity-low-impact',
      'energy-not-harnessed',
      'prince2-culture',
    ])
    expect(robust('Triangulation of configurations, robust = supported by ≥ 3')).toEqual(['capacity-low-impact'])
  })

  it('finds one quote-register defect of each kind, each placed by its line, and no false alarm', () => {
    // The register in the example has six excerpts; Q11 (line 3) is clean, so
    // exactly the five planted defects are listed, at the lines of their label lines.
    const found = rows(section('Quote register check'))
      .slice(1)
      .map((r) => [r[0], r[1], r[2]])
    expect(found).toEqual([
      ['duplicate-label', 'Q11', '6'],
      ['unknown-site', 'Q12', '9'],
      ['unparsed-attribution', 'Q13', '12'],
      ['missing-attribution', 'Q14', '15'],
      ['text-two-attributions', 'Q15', '18'],
    ])
  })
})
