import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { krippendorffDocumentJson } from '../agreement/document-fixture.js'
import { CLI, ensureBuilt } from './build.js'

// The built binary on a document whose raters' own ratings of criterion a.1 are Krippendorff's (2011)
// reliability data ("Computing Krippendorff's alpha-reliability", section C: 4 coders × 12 units):
// nominal α = 0.743 there, ordinal α = 0.815.
let dir: string
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-agreement-'))
  writeFileSync(join(dir, 'k.json'), JSON.stringify(krippendorffDocumentJson()))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('report --table agreement', () => {
  it('json: tidy rows per target, nominal α 0.743 for a.1 (Krippendorff 2011)', () => {
    const r = cli(
      'report',
      'k.json',
      '--table',
      'agreement',
      '--format',
      'json',
      '--by',
      'target',
      '--level',
      'nominal',
    )
    expect(r.code, r.err).toBe(0)
    const rows = JSON.parse(r.out) as Record<string, unknown>[]
    expect(rows.map((x) => x['target'])).toEqual(['a.1', 'a.2'])
    expect(rows[0]!['value'] as number).toBeCloseTo(0.743, 3)
    expect(rows[0]).toMatchObject({ coefficient: 'krippendorff-alpha', units: 12, raters: 4, ratings: 40 })
    expect(rows[1]!['value']).toBeNull()
  })

  it('csv and md: the ordinal α 0.815 (the default level) in both', () => {
    const csv = cli('report', 'k.json', '--table', 'agreement', '--format', 'csv', '--by', 'target')
    expect(csv.code, csv.err).toBe(0)
    const [head, first] = csv.out.split(/\r?\n/)
    const value = Number(first!.split(',')[head!.split(',').indexOf('value')])
    expect(value).toBeCloseTo(0.815, 3)
    const md = cli('report', 'k.json', '--table', 'agreement', '--by', 'target')
    expect(md.code, md.err).toBe(0)
    expect(md.out).toMatch(/\| a\.1 \|[^\n]*\| 0\.815 \|/)
  })

  it('refuses an unknown coefficient (exit 2) and an unknown grouping key (exit 1, named)', () => {
    const c = cli('report', 'k.json', '--table', 'agreement', '--coefficient', 'kappa-ish')
    expect(c.code).toBe(2)
    expect(c.err).toContain('kappa-ish')
    const b = cli('report', 'k.json', '--table', 'agreement', '--by', 'colour')
    expect(b.code).toBe(1)
    expect(b.err).toContain('colour')
  })
})
