import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSite, applyEdits, encodeEvaluation, newEvaluation, orThrow } from '../../src/index.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { readRegister } from '../../src/io/index.js'
import { registerTsv, ROLE_GROUPS, SITES } from '../evidence/support.js'
import { CLI, ensureBuilt } from './build.js'

// The built binary, as a user runs it, on the test register (test/evidence/fixtures/register.tsv).
let dir: string
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-register-'))
  const base = orThrow(
    'test',
    applyEdits(
      newEvaluation({ title: 'Register study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework }),
      SITES.map((s) => addSite({ id: s.id, name: s.names[0]!, aliases: s.names.slice(1) })),
    ),
  )
  writeFileSync(join(dir, 'base.json'), JSON.stringify(encodeEvaluation(base)))
  writeFileSync(join(dir, 'register.tsv'), registerTsv())
  const mapping = {
    kind: 'quote-register',
    roleGroups: ROLE_GROUPS.map((r) =>
      typeof r.pattern === 'string'
        ? { pattern: r.pattern, group: r.group }
        : { regex: r.pattern.source, group: r.group },
    ),
    groupSizes: { clinicians: 9, 'senior managers': 6, carers: 2 },
  }
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('realist-eval import --kind quote-register', () => {
  it('writes the document with every excerpt and lists each defect by line on stderr (exit 0)', () => {
    const r = cli('import', 'register.tsv', '--base', 'base.json', '--mapping', 'mapping.json', '--out', 'doc.json')
    expect(r.code).toBe(0)
    const lines = r.err.trim().split('\n')
    // The 13 planted register defects (the body citations are not given here), then the summary.
    expect(lines.slice(0, -1).map((l) => l.split(': ')[0] + ': ' + l.split(': ')[1]!.split(' ')[0])).toEqual([
      'register.tsv:9: duplicate-label',
      'register.tsv:11: unparsed-attribution',
      'register.tsv:13: unparsed-attribution',
      'register.tsv:14: missing-attribution',
      'register.tsv:19: unknown-site',
      'register.tsv:21: unmapped-role',
      'register.tsv:23: duplicate-text',
      'register.tsv:24: text-two-attributions',
      'register.tsv:26: informant-two-sites',
      'register.tsv:27: missing-label',
      'register.tsv:28: unparsed-attribution',
      'register.tsv:34: unparsed-attribution',
      'register.tsv:-: group-size',
    ])
    expect(lines.at(-1)).toMatch(
      /^import: register\.tsv \(tsv\) → doc\.json: 32 excerpts, 21 new informants; 13 register defects listed above/,
    )
    expect(JSON.parse(readFileSync(join(dir, 'doc.json'), 'utf8')).excerpts).toHaveLength(32)
  })

  it('report --table register-problems, register and register-counts export them again', () => {
    cli('import', 'register.tsv', '--base', 'base.json', '--mapping', 'mapping.json', '--out', 'doc.json')
    const problems = cli('report', 'doc.json', '--format', 'csv', '--table', 'register-problems')
    expect(problems.code).toBe(0)
    // Without the role rules (they are import options), the document's own defects: 11 of the 13.
    expect(problems.out.split('\n')[0]).toBe('kind,label,line,lines,related,message')
    expect(
      problems.out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual([
      'duplicate-label,LPT_5,9',
      'unparsed-attribution,LPT_9,11',
      'unparsed-attribution,LPT_11,13',
      'missing-attribution,LPT_12,14',
      'unknown-site,HPT_5,19',
      'duplicate-text,HPT_9,23',
      'text-two-attributions,HPT_10,24',
      'informant-two-sites,HPT_12,26',
      'missing-label,"",27',
      'unparsed-attribution,HPT_13,28',
      'unparsed-attribution,HPT_17,34',
    ])
    const register = cli('report', 'doc.json', '--format', 'csv', '--table', 'register')
    // The same excerpts (the joined three-line excerpt is one line now, so only line numbers differ).
    const content = (text: string) =>
      readRegister(text, { stripFormulaGuard: true }).register.entries.map(({ line: _l, lines: _ls, ...e }) => e)
    expect(content(register.out)).toEqual(content(registerTsv()))
    const counts = cli('report', 'doc.json', '--format', 'csv', '--table', 'register-counts')
    expect(
      counts.out
        .split('\n')
        .filter((l) => l.startsWith('site,'))
        .map((l) => l.split(',').slice(0, 4).join(',')),
    ).toEqual(['site,a,8,7', 'site,b,11,8', 'site,c,7,7', 'site,,6,0'])
  })
})
