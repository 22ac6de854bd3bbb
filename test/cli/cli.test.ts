import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt } from './build.js'

// These tests spawn the BUILT binary (dist/cli.js, the package's `bin`), as a user would run it.
let dir: string
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return name
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('realist-eval (built binary)', () => {
  it('is an executable node script', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('has --help on every command, with the exit codes', () => {
    const main = cli('--help')
    expect(main.code).toBe(0)
    expect(main.out).toMatch(/^Usage: realist-eval <command> \[options\]/)
    expect(main.out).toContain('2  usage error')
    for (const command of ['validate', 'report', 'import', 'example']) {
      const r = cli(command, '--help')
      expect(r.code, command).toBe(0)
      expect(r.out, command).toMatch(new RegExp(`^Usage: realist-eval ${command} `))
      expect(r.out, command).toContain('Exit codes:')
      expect(cli('help', command).out).toBe(r.out)
    }
  })

  it('exits 2 on usage errors', () => {
    expect(cli().code).toBe(2)
    const unknown = cli('frobnicate')
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, 'realist-eval: unknown command "frobnicate"'])
    const option = cli('validate', 'x.json', '--colour')
    expect(option.code).toBe(2)
    expect(option.err).toContain("Unknown option '--colour'")
    const missing = cli('validate', 'nope.json')
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([
      2,
      'realist-eval validate: cannot read nope.json: no such file',
    ])
    expect(cli('report').err).toContain('missing document file (JSON)')
    expect(cli('example', 'nope').code).toBe(2)
  })

  describe('example and validate', () => {
    it('writes the MHIP document, which validates', () => {
      const ex = cli('example', 'mhip', '--out', 'mhip.json')
      expect(ex.code).toBe(0)
      const v = cli('validate', 'mhip.json')
      expect(v.code).toBe(0)
      expect(v.out).toBe(
        'mhip.json: valid. "External evaluation of the Mental Health Improvement Partnerships (E-MHIP): final report, 2008": 4 sites, 15 units, 1 round, 0 ratings, 84 objectives.\n',
      )
      expect(cli('validate', 'mhip.json', '--json').out).toBe('[]\n')
    })

    it('prints every problem of a bad document and exits 1', () => {
      const doc = JSON.parse(cli('example', 'mhip').out)
      doc.sites[0].units[0].objectiveCells[1].attained = 3 // ?/2 → 3/2
      doc.sites[1].units[0].ratings = { 'mhip-2008': { '9.9': { level: 'met' }, '1.1': { level: 'sort of' } } }
      file('bad.json', JSON.stringify(doc))
      const v = cli('validate', 'bad.json')
      expect(v.code).toBe(1)
      const lines = v.out.trim().split('\n')
      expect(lines[0]).toBe('bad.json: 3 problems')
      expect(lines).toHaveLength(4)
      expect(v.out).toContain('expected a standard or criterion id of framework emhip, found "9.9"')
      expect(v.out).toContain('found "sort of"')
      expect(v.out).toContain(
        'site south-staffordshire › unit acute-care › objectives › type outcome: expected attained ≤ total (2), found 3',
      )
      const json = JSON.parse(cli('validate', 'bad.json', '--json').out)
      expect(json.map((p: { code: string }) => p.code).sort()).toEqual(['consistency', 'reference', 'value'])
      expect(cli('validate', file('broken.json', '{"schemaVersion":')).code).toBe(1)
    })
  })

  describe('report', () => {
    beforeAll(() => cli('example', 'mhip', '--out', 'mhip.json'))

    it('renders Markdown with the Table 7 totals (L1892-L1906)', () => {
      const r = cli('report', 'mhip.json', '--format', 'md', '--unknown', 'not-attained')
      expect(r.code).toBe(0)
      expect(r.out).toContain('| Overall |  | 25 of 42 |  | 8 of 31 |  | 4 of 11 |  |  |')
      expect(r.out).toContain('| All sites | 25 of 42 (60%) | 8 of 31 (26%) | 4 of 11 (36%) | 37 of 84 (44%) |')
    })

    it('renders one self-contained HTML file', () => {
      const r = cli('report', 'mhip.json', '--format', 'html', '--out', 'report.html')
      expect(r.code).toBe(0)
      const html = readFileSync(join(dir, 'report.html'), 'utf8')
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`)
      expect(html).not.toMatch(/<script/i)
    })

    it('exports CSV with the formula guard', () => {
      const doc = JSON.parse(cli('example', 'mhip').out)
      doc.sites[0].units[0].name = '=HYPERLINK("http://evil.example","x")'
      doc.sites[0].units[0].ratings = { 'mhip-2008': { '2.4': { level: 'met', rater: '@evil', note: '-2+3' } } }
      file('evil.json', JSON.stringify(doc))
      const ratings = cli('report', 'evil.json', '--format', 'csv', '--table', 'ratings')
      expect(ratings.code).toBe(0)
      expect(ratings.out).toBe(
        `site,unit,round,target,level,rater,date,note,instrument,by,evidence,extensions\nsouth-staffordshire,acute-care,mhip-2008,2.4,met,"'@evil",,"'-2+3",emhip,,,\n`,
      )
      const objectives = cli('report', 'evil.json', '--format', 'csv', '--table', 'objectives')
      expect(objectives.out).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
      const standards = cli('report', 'evil.json', '--format', 'csv')
      // With ratings present the default table is the standards attainment rows.
      expect(standards.out.split('\n')[0]).toBe(
        'round,site,section,standard,scope,level,k,n,p,lo,hi,na,unrated,excluded,total,interval,confidence',
      )
      // Proportions on 0-1: the one rating of 2.4 (met) gives 1/1, Wilson 95% (0.2065, 1)
      // (Wilson 1927; R prop.test(1, 1, correct = FALSE)$conf.int = 0.2065, 1.0000).
      const row = standards.out
        .split('\n')
        .find((l) => l.startsWith('mhip-2008,south-staffordshire,2,2.4,standard,attained,'))!
        .split(',')
      expect(row.slice(6, 9)).toEqual(['1', '1', '1'])
      expect(Number(row[9])).toBeCloseTo(0.2065, 4)
      expect(row[10]).toBe('1')
    })

    it('takes a denominator policy, and refuses a bad one with exit 2', () => {
      file(
        'rated.csv',
        'site,unit,standard,level\nSSHT,Acute care,1.1,met\nSSHT,Transparent commissioning,1.1,partly\n',
      )
      expect(cli('import', 'rated.csv', '--base', 'mhip.json', '--out', 'rated.json').code).toBe(0)
      const top = cli('report', 'rated.json')
      const wide = cli('report', 'rated.json', '--policy', 'attained=met-or-partly')
      // 1.1: met + partly of 2 → 50% under "met only", 100% under "met or partly".
      expect(top.out).toContain(
        '| 1.1 | The organisation is ready for change | 50% (1) | 50% (1) | 0% (0) | 2 | 1 | 50% |',
      )
      expect(wide.out).toContain(
        '| 1.1 | The organisation is ready for change | 50% (1) | 50% (1) | 0% (0) | 2 | 2 | 100% |',
      )
      expect(cli('report', 'rated.json', '--policy', '{"total":"mean-of-standards"}').out).toContain(
        'Totals: mean of the standards’ proportions',
      )
      const bad = cli('report', 'rated.json', '--policy', 'unrated=ignore')
      expect(bad.code).toBe(2)
      expect(bad.err).toContain('policy › unrated: expected one of "exclude" | "not-met" | "error", found "ignore"')
      expect(cli('report', 'rated.json', '--policy', 'colour=blue').code).toBe(2)
      // A key without a value lists what it accepts: all five attained rules and the rule shapes.
      const bare = cli('report', 'rated.json', '--policy', 'attained')
      expect(bare.code).toBe(2)
      expect(bare.err).toContain(
        '--policy: attained needs a value (attained=…): expected one of "top" | "top-two" | "met-or-partly" | "partly-as-half" | "score-weighted", { top: n }',
      )
      expect(cli('report', 'rated.json', '--format', 'pdf').code).toBe(2)
    })
  })

  describe('import', () => {
    beforeAll(() => cli('example', 'mhip', '--out', 'mhip.json'))

    it('imports a long table through a mapping file and writes a valid document', () => {
      file(
        'mapping.json',
        JSON.stringify({
          kind: 'ratings-long',
          columns: { site: 'Trust', unit: 'Team', target: 'Std', level: 'Score' },
        }),
      )
      file('long.csv', 'Trust,Team,Std,Score\nSSHT,Acute care,2.4,Partly-met\nLeics,voluntary sector,Standard 1.1,PM\n')
      const r = cli('import', 'long.csv', '--mapping', 'mapping.json', '--base', 'mhip.json', '--out', 'out.json')
      expect(r.code).toBe(0)
      expect(r.err).toMatch(
        /^import: long\.csv → out\.json: 4 sites, 15 units, 1 round, 2 ratings, 84 objectives \(\d+\.\d s\)\n$/,
      )
      expect(cli('validate', 'out.json').code).toBe(0)
      const doc = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))
      expect(doc.sites[1].units[2].ratings).toEqual({ 'mhip-2008': { '1.1': { level: 'partly' } } })
    })

    it('imports a wide table onto a new document when no base is given', () => {
      file(
        'wide.csv',
        'site,unit,round,1.1,2.4\nKent,Crisis team,baseline,met,not met\nKent,Crisis team,follow-up,met,met\n',
      )
      const r = cli('import', 'wide.csv', '--kind', 'ratings-wide')
      expect(r.code).toBe(0)
      const doc = JSON.parse(r.out)
      expect(doc.rounds.map((x: { id: string }) => x.id)).toEqual(['baseline', 'follow-up'])
      expect(doc.sites[0].units[0].ratings['follow-up']).toEqual({ '1.1': { level: 'met' }, '2.4': { level: 'met' } })
    })

    it('reports every bad row with its line and column, exits 1 and writes nothing', () => {
      file(
        'bad.csv',
        'site,unit,standard,level\nSSHT,Acute care,2.4,met\nSSHT,Acute care,9.9,met\nKent,Acute care,1.1,met\nSSHT,Acute care,1.2,sort of\n',
      )
      const r = cli('import', 'bad.csv', '--base', 'mhip.json', '--out', 'never.json')
      expect(r.code).toBe(1)
      expect(r.err.split('\n').slice(0, 4)).toEqual([
        'bad.csv: 3 problems',
        '  - line 3, column 3 (standard): expected a standard or criterion of framework emhip (an id such as 2.4 or 2.4.1, or a wording), found "9.9"',
        '  - line 4, column 1 (site): expected a site id, name or alias (South Staffordshire | Leicestershire | South West Yorkshire | South West London), found "Kent"',
        expect.stringMatching(
          /^ {2}- line 5, column 4 \(level\): expected a level of scale emhip \(Met \| .*\) or not applicable \(na \| n\/a \| not applicable\), found "sort of"$/,
        ),
      ])
      expect(r.err).toContain('Nothing was written.')
      expect(existsSync(join(dir, 'never.json'))).toBe(false)
    })

    it('imports objectives and round-trips the guarded CSV export', () => {
      const cells = cli('example', 'mhip', '--format', 'csv')
      file('cells.csv', cells.out)
      const r = cli('import', 'cells.csv', '--kind', 'objectives', '--base', 'mhip.json', '--strip-formula-guard')
      expect(r.code).toBe(0)
      // Everything comes back: counts, attribution, impact level and qualifier, and the source references.
      expect(JSON.parse(r.out).sites).toEqual(JSON.parse(readFileSync(join(dir, 'mhip.json'), 'utf8')).sites)
    })

    it('imports a list of individual objectives (--kind objective-list), creating the sites and units a blank document lacks', () => {
      file(
        'list.csv',
        'Trust,Workstream,Ref,Type,Achieved?,Objective\nKent,Crisis care,k-1,Process changes,yes,Open a crisis cafe\nKent,Crisis care,k-2,Outcome changes,?,Fewer admissions\n',
      )
      const r = cli('import', 'list.csv', '--kind', 'objective-list')
      expect(r.code).toBe(0)
      const unit = JSON.parse(r.out).sites[0].units[0]
      expect(unit.name).toBe('Crisis care')
      expect(unit.objectives).toEqual([
        { id: 'k-1', type: 'process', status: 'attained', text: 'Open a crisis cafe' },
        { id: 'k-2', type: 'outcome', status: 'unknown', text: 'Fewer admissions' },
      ])
      // Exported with report --table objective-list and imported again: the same objectives.
      file('listed.json', r.out)
      const exported = cli('report', 'listed.json', '--format', 'csv', '--table', 'objective-list')
      expect(exported.code).toBe(0)
      expect(exported.out.split('\n')[0]).toBe('site,unit,id,type,status,text,attribution,ref')
      file('exported.csv', exported.out)
      const again = cli('import', 'exported.csv', '--kind', 'objective-list')
      expect(again.code).toBe(0)
      expect(JSON.parse(again.out).sites[0].units[0].objectives).toEqual(unit.objectives)
      file('badlist.csv', 'Workstream,Id,Type,Status\nCrisis care,k-1,process,perhaps\n')
      const bad = cli('import', 'badlist.csv', '--kind', 'objective-list', '--out', 'never.json')
      expect(bad.code).toBe(1)
      expect(bad.err).toContain('line 2, column 4 (Status): expected an objective status')
      expect(bad.err).toContain('Nothing was written.')
    })

    it('refuses a bad mapping file as a usage error', () => {
      file('badmap.json', JSON.stringify({ kind: 'ratings-sideways', colums: {} }))
      const r = cli('import', 'long.csv', '--mapping', 'badmap.json')
      expect(r.code).toBe(2)
      expect(r.err).toContain('unknown key "colums"')
      expect(r.err).toContain('"kind" must be one of ratings-long, ratings-wide, objectives, objective-list')
    })

    it('shows a progress line on stderr for an import over 100,000 rows, and none for a small one', () => {
      // 150 rounds × 15 units × 49 targets (11 standards + 38 criteria) = 110,250 rows.
      const doc = JSON.parse(readFileSync(join(dir, 'mhip.json'), 'utf8'))
      const targets: string[] = doc.framework.sections.flatMap(
        (s: { standards: { id: string; criteria: { id: string }[] }[] }) =>
          s.standards.flatMap((st) => [st.id, ...st.criteria.map((c) => c.id)]),
      )
      const units: [string, string][] = doc.sites.flatMap((s: { id: string; units: { id: string }[] }) =>
        s.units.map((u) => [s.id, u.id]),
      )
      const levels = ['met', 'partly', 'not met', 'na']
      const lines = ['site,unit,round,target,level']
      for (let r = 0; r < 150; r++)
        for (const [s, u] of units) targets.forEach((t, i) => lines.push(`${s},${u},r${r},${t},${levels[(r + i) % 4]}`))
      expect(lines.length - 1).toBe(110_250)
      file('big.csv', lines.join('\n') + '\n')
      const r = cli('import', 'big.csv', '--base', 'mhip.json', '--create', '--out', 'big.json')
      expect(r.code).toBe(0)
      const progress = r.err.split('\n').filter((l) => l.startsWith('import: '))
      expect(progress).toContain('import: reading records… 100,000 of about 110,251')
      expect(progress).toContain('import: checking rows… 100,000 of 110,250 (90%)')
      expect(progress).toContain('import: checking rows… 110,250 of 110,250 (100%)')
      expect(progress.at(-1)).toMatch(
        /^import: big\.csv → big\.json: 4 sites, 15 units, 151 rounds, 110250 ratings, 84 objectives/,
      )
      const small = cli('import', 'long.csv', '--mapping', 'mapping.json', '--base', 'mhip.json')
      expect(small.err).not.toContain('checking rows')
    })
  })
})
