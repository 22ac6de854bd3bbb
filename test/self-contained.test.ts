import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The product speaks of itself alone: no file of the repository (code,
 * comments, docs, benchmark results, tests) names the people or the process
 * that built it, or a path on the machine it was built on. Decisions are stated
 * with their reasons instead. This reads every text file under version control
 * folders and lists each offending line.
 */
const root = join(__dirname, '..')
const FOLDERS = ['src', 'test', 'docs', 'bench', 'examples', 'scripts', '.ci']
const FILES = [
  'README.md',
  'CHANGELOG.md',
  'package.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'vitest.provenance.config.ts',
  'eslint.config.js',
]
const SKIP = new Set(['node_modules', 'dist', 'artifacts', 'data'])
const TEXT = /\.(ts|mts|mjs|js|md|json|sh|html|tsv|csv|txt)$|^run$/

// Each pattern, with what it catches. Built from parts so this file does not match itself.
const PATTERNS: readonly [RegExp, string][] = [
  [new RegExp('\\b' + 'issues? #?\\d+', 'i'), 'an internal issue number'],
  [new RegExp('\\bhelpers? ' + '[A-H]\\b'), 'a teammate by letter'],
  [
    new RegExp("\\b[A-H]'s (patch|check|fix|arbitrary|work|review|code|bench|module|change|test|helper|GRIM)"),
    'a teammate by letter',
  ],
  [new RegExp("(?<!rater )\\b[A-H]'s$"), 'a teammate by letter'],
  [new RegExp('\\([A-H][0-9]' + '(, from|\\):)'), 'a work item by letter'],
  [new RegExp('\\b(first|second|third|fourth|earlier|later|previous) ' + 'session\\b', 'i'), 'a work period'],
  [new RegExp('mid-' + 'session', 'i'), 'a work period'],
  [new RegExp('\\bteam' + 'mates?\\b', 'i'), 'teammates'],
  [new RegExp('(^|[\\s\'"`(])/' + 'work/'), 'a machine path'],
  [new RegExp('(^|[\\s\'"`(])/' + 'tmp/'), 'a machine path'],
]

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    if (SKIP.has(f)) return []
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : TEXT.test(f) ? [p] : []
  })

describe('the repository speaks of itself alone', () => {
  it('names no teammate, work period, internal issue number or machine path', () => {
    // This file holds the samples of what it looks for, so it is the one file not read.
    const all = [...FOLDERS.flatMap((d) => files(join(root, d))), ...FILES.map((f) => join(root, f))].filter(
      (f) => f !== __filename,
    )
    expect(all.length).toBeGreaterThan(100)
    const found: string[] = []
    for (const file of all) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, what] of PATTERNS)
            if (re.test(line)) found.push(`${relative(root, file)}:${i + 1} ${what}: ${line.trim().slice(0, 100)}`)
        })
    }
    expect(found).toEqual([])
  })

  it('catches each kind of mention (the patterns are live)', () => {
    // Built from parts, so that this file does not itself contain the words it looks for.
    const samples = [
      'see iss' + 'ue 7',
      'after hel' + 'per B',
      "from F's patch",
      '(A2, from the decoder)',
      'the second ' + 'session',
      '/' + 'tmp/x.lock',
      ' /' + 'work/team',
    ]
    for (const s of samples)
      expect(
        PATTERNS.some(([re]) => re.test(s)),
        s,
      ).toBe(true)
    // and not ordinary wording
    for (const s of ["rater A's levels", "rows rater A's", 'an editing session', 'a temporary file', 'GitHub issues'])
      expect(
        PATTERNS.some(([re]) => re.test(s)),
        s,
      ).toBe(false)
  })
})
