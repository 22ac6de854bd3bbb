import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt, root } from './build.js'

// The built binary: --version, help --help, - for standard input, report --format json,
// and the column message of an import.
let dir: string
const cli = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-options-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('realist-eval options', () => {
  it('--version and -V print the package version', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
    expect(cli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' })
    expect(cli(['-V']).out).toBe(`${version}\n`)
  })

  it('help --help shows the main help and exits 0', () => {
    const r = cli(['help', '--help'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Usage: realist-eval <command>/)
  })

  it('reads a document from standard input with -', () => {
    const doc = cli(['example', 'mhip']).out
    const r = cli(['validate', '-'], doc)
    expect(r.code).toBe(0)
  })

  it('report --format json writes the table as rows, keys in the column order of the layout', () => {
    const doc = cli(['example', 'mhip']).out
    const r = cli(['report', '-', '--format', 'json', '--table', 'cells'], doc)
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.out) as Record<string, unknown>[]
    // Table 7 has 15 units × 3 objective types; South Staffordshire's acute care has
    // 0 of 1 process objectives and ?/2 outcome objectives (E-MHIP L1887).
    expect(Object.keys(rows[0]!)).toEqual([
      'site',
      'unit',
      'type',
      'attained',
      'total',
      'attribution',
      'ref',
      'impact',
      'impactQualifier',
      'impactRef',
    ])
    const acute = rows.filter((row) => row['unit'] === 'acute-care')
    expect(acute.map((row) => [row['type'], row['attained'], row['total']])).toEqual([
      ['process', 0, 1],
      ['outcome', '?', 2],
    ])
  })

  it('names each header a missing column answers to once, quoted', () => {
    const r = cli(['import', '-', '--kind', 'ratings-long'], 'site,unit,level\nLeics,Voluntary Sector,met\n')
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      'a column for field target (a header named one of "target", "standard", "criterion", "standard or criterion", "item", or mapped)',
    )
  })
})

describe('realist-eval import', () => {
  it('adds no empty baseline round when the ratings name their rounds', () => {
    // A new document (no --base) from ratings whose round column names two rounds: those two
    // rounds and no other.
    const r = cli(
      ['import', '-', '--kind', 'ratings-long'],
      'site,unit,round,standard,level\nKent,Crisis team,2008,1.1,met\nKent,Crisis team,2009,1.1,partly\n',
    )
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.out) as { rounds: { id: string }[] }
    expect(doc.rounds.map((x) => x.id)).toEqual(['2008', '2009'])
  })
})
