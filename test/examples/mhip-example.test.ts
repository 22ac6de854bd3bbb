import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// `npm run example:mhip` is the README's main command. The figures below are
// checked against the report by the objectives and dataset tests; here the
// point is that the example still runs and still shows them.
const root = join(__dirname, '..', '..')
let out = ''
beforeAll(() => {
  out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'mhip.ts')], {
    cwd: root,
    encoding: 'utf8',
  })
}, 120_000)

/** The body of the section `## <title…>`. */
const section = (title: string): string => {
  const body = out.split('\n## ').find((s) => s.startsWith(title))
  if (body === undefined) throw new Error(`no section "${title}" in the output:\n${out}`)
  return body
}
/** The cells of the Markdown table row whose first non-empty cells start with `first` (a prefix of cells). */
const row = (body: string, ...first: string[]): string[] => {
  const rows = body
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    )
  const hit = rows.find((cells) => first.every((f, k) => cells[k] === f))
  if (hit === undefined) throw new Error(`no row starting ${first.join(' | ')} in:\n${body}`)
  return hit
}

describe('examples/mhip.ts (npm run example:mhip)', () => {
  it('prints Table 7 cell for cell, with the ? and NA vs blank (L1887-L1904)', () => {
    const t7 = section('Table 7. Attainment and impact of MHIP objectives')
    expect(row(t7, 'South Staffordshire', 'Acute care')).toEqual([
      'South Staffordshire',
      'Acute care',
      '-',
      '',
      '0/1',
      'NA',
      '?/2',
      'Low',
      'NA',
    ])
    expect(row(t7, 'South West London', 'Social Care Integration (Sutton Adult Services)').slice(2, 4)).toEqual([
      '4/5',
      '',
    ]) // blank, not NA (L1903)
    expect(row(t7, 'South West London', 'Supporting Strategic Service Development').at(-1)).toBe(
      'None at time of MHIP; high potential',
    ) // L1904
    expect(row(t7, 'Overall')).toEqual(['Overall', '', '25 of 42', '', '8 of 31', '', '4 of 11', '', '']) // MHIP OVERALL, L1906
    expect(t7).toContain('includes 9 year-2 workstreams (L1899)')
  })

  it('prints the site × type totals under the report policy and the default bound 2–4 of 5', () => {
    const totals = section('Site × type totals')
    // Report policy first: South Staffordshire's TOTAL row 1/2, 4/15, 2/5 (L1892); its objectives 7 of 22.
    expect(row(totals, 'South Staffordshire')).toEqual([
      'South Staffordshire',
      '1 of 2 (50%)',
      '4 of 15 (27%)',
      '2 of 5 (40%)',
      '7 of 22 (32%)',
    ])
    // Default bounds: outcomes 1/1 + 1/2 + ?/2 (L1887-L1890) = 2 known attained, up to 2 more, of 5.
    const bounds = totals.slice(totals.indexOf('The default policy (bounds)'))
    expect(row(bounds, 'South Staffordshire')[3]).toBe('2–4 of 5 (40–80%)')
    expect(totals).toContain('the default policy reports the bound 2–4 of 5 (40–80%)')
  })

  it('prints 37 of 84 overall (L1910) and the type shares 50 / 37 / 13 % (L1908)', () => {
    const overall = section('Overall attainment')
    expect(row(overall, 'not-attained')).toEqual(['not-attained', '37 of 84', '44%'])
    expect(row(overall, 'bounds')).toEqual(['bounds', '37–39 of 84', '44–46%'])
    const shares = section('Shares of objective types')
    expect(['Analysis & planning', 'Process changes', 'Outcome changes'].map((t) => row(shares, t).slice(1))).toEqual([
      ['42 of 84', '50%'],
      ['31 of 84', '37%'],
      ['11 of 84', '13%'],
    ])
  })

  it('prints per-site attainment 7/22, 9/22, 0/9, 21/31 under the report policy', () => {
    const perSite = section('Attainment per site')
    expect(
      ['South Staffordshire', 'Leicestershire', 'South West Yorkshire', 'South West London'].map(
        (s) => row(perSite, s)[1],
      ),
    ).toEqual(['7 of 22', '9 of 22', '0 of 9', '21 of 31'])
  })

  it('prints two medium-impact workstreams, both in South West London (L1912)', () => {
    const impact = section('Impact on service quality')
    expect(row(impact, 'medium')).toEqual(['medium', '0', '0', '0', '2', '2'])
    expect(impact).toContain('Two workstreams had medium impact')
  })

  it('appends the Table 5 check: 8 of the 11 standard percentages cannot be k/15', () => {
    const t5 = section('Table 5: can the published percentages come from 15 workstreams?')
    expect(row(t5, '1.1 % fully met (L1229)').slice(1, 3)).toEqual(['19%', 'IMPOSSIBLE']) // 2/15 = 13.3%, 3/15 = 20%
    expect(row(t5, '2.3 % fully met (L1233)').slice(1, 3)).toEqual(['33%', 'yes (5/15)'])
    expect(t5).toContain('8 of 11 published standard percentages cannot be k/15')
    expect(t5).toContain('Total % fully met (L1240) 21% = 34/165 or 35/165') // 34/165 = 20.6%, 35/165 = 21.2%
  })

  it('appends Table 8 from its cells (L2127-L2132) with the column sums and the footnote (L2134)', () => {
    const t8 = section('Table 8. Proportional spend of MHIP resources in Year 1')
    expect(row(t8, 'Governance (NIMHE, SHA, Steering Group meetings etc)').slice(1)).toEqual([
      '26%',
      '30%',
      '48%',
      '40%',
    ])
    expect(row(t8, 'Additional staff hours on workstreams\\*').slice(1)).toEqual([
      '1290 h',
      '1650 h',
      'unknown (--)',
      '2690 h',
    ])
    expect(row(t8, 'South West London').slice(1)).toEqual(['100%', '97.5–102.5%', 'yes']) // 28 + 40 + 26 + 4 + 2
    expect(t8).toContain('*Survey respondents only')
    expect(t8).toContain('total £164,000–£458,000 in year 1 (L2052)')
  })

  it('appends the hidden-time claims: one post in 3 of 4 sites fails at 1,950 h (holds up to 1,290 h); 54.2 non-respondents', () => {
    const h = section('Hidden staff time')
    expect(row(h, 'South West London', 'base').slice(2)).toEqual(['2690', '1.38']) // 2690 / 1950
    expect(row(h, 'South Staffordshire', 'twelve-hours').slice(2)).toEqual(['1290+ (open)', '0.66+'])
    expect(h).toContain('1–2 sites reach one post')
    expect(h).toContain(
      'the claim does NOT hold. It holds for contracted hours up to 1290 h a year, and is possible up to 1650 h.',
    )
    expect(h).toContain('650 h per site, so 54.2 non-respondents per site') // 1950 / 3 / 12
    expect(h).toContain('90.3 invited and 36.1 respondents per site') // 54.17 / 0.6; × 0.4
  })
})
