import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docGaps, folderOf, textGaps } from './support/doc-coverage.js'
import { DOCS_PENDING } from './support/docs-pending.js'

// Every public function carries a JSDoc block with an @example (the project's
// doc template, after date-fns). This reads the sources as text: a function is
// an `export function` or an `export const` whose value is a function or an
// edit built by `defineEdit`. Blocks tagged @internal are exempt.
const src = join(__dirname, '..', 'src')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })

const FUNCTION_EXPORT =
  /^export (?:async )?function\*? (\w+)|^export const (\w+)(?::[^=]+)?\s*=\s*(?:async\s*)?(?:<[^>]*>\s*)?(?:\(|function|defineEdit\(|\w+\s*=>)/

const undocumented = (file: string): string[] => {
  const lines = readFileSync(file, 'utf8').split('\n')
  const missing: string[] = []
  lines.forEach((line, i) => {
    const m = FUNCTION_EXPORT.exec(line)
    if (!m) return
    // Walk back over blank lines to the closing `*/` of a doc block, if any.
    let j = i - 1
    while (j >= 0 && lines[j]!.trim() === '') j--
    let block = ''
    if (j >= 0 && lines[j]!.trim().endsWith('*/')) {
      let k = j
      while (k >= 0 && !lines[k]!.includes('/**')) k--
      block = lines.slice(Math.max(k, 0), j + 1).join('\n')
    }
    if (block.includes('@internal')) return
    if (!block.includes('@example')) missing.push(`${relative(src, file)}:${i + 1} ${m[1] ?? m[2]}`)
  })
  return missing
}

/** Doc blocks of the throwing forms: `export const x = (...) => orThrow(...)`. */
const throwingForms = (file: string): { at: string; block: string }[] => {
  const text = readFileSync(file, 'utf8')
  const out: { at: string; block: string }[] = []
  for (const m of text.matchAll(/^export const (\w+)\b(?:(?!\nexport)[\s\S]){0,400}?orThrow\(/gm)) {
    const before = text.slice(0, m.index).trimEnd()
    const block = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : ''
    out.push({ at: `${relative(src, file)} ${m[1]}`, block })
  }
  return out
}

describe('documentation', () => {
  it('documents every throwing form in full: @param, @returns, @throws {RealistError}, @example', () => {
    const forms = files(src).flatMap(throwingForms)
    expect(forms.length).toBeGreaterThan(50)
    const thin = forms
      .filter(({ block }) => block.includes('@internal') === false)
      .filter(
        ({ block }) => !(/@returns /.test(block) && /@throws \{RealistError\}/.test(block) && /@example/.test(block)),
      )
      .map(({ at }) => at)
    expect(thin).toEqual([])
    // "Throwing form of X." alone is not a doc: the summary says what the function does.
    expect(forms.filter(({ block }) => /^\/\*\*\s*\*\s*Throwing form of/.test(block)).map(({ at }) => at)).toEqual([])
  })

  it('gives every public function a JSDoc block with an @example', async () => {
    // Public = reachable from the package entries; helpers shared between
    // modules but not exported from an entry need no example.
    const entries = await Promise.all([
      import('../src/index.js'),
      import('../src/data/emhip-framework.js'),
      import('../src/data/mhip/index.js'),
      import('../src/io/index.js'),
      import('../src/report/index.js'),
      import('../src/codec.js'),
    ])
    const publicNames = new Set(entries.flatMap((m) => Object.keys(m)))
    const missing = files(src)
      .flatMap(undocumented)
      .filter((entry) => publicNames.has(entry.split(' ')[1]!))
    expect(missing).toEqual([])
  })

  describe('every export of src/ is documented in full (functions: summary, @param, @returns; types: a description)', () => {
    const gaps = docGaps(src)
    const pending = new Set(Object.values(DOCS_PENDING).flat())

    it('reads a doc comment as the compiler does', () => {
      const text = [
        '/** Adds. @param a - one @returns the sum */',
        'export const add = (a: number, b: number): number => a + b',
        '/**',
        ' * Scales.',
        ' * @param x - the value',
        ' * @param by - the factor',
        ' * @returns x times by',
        ' */',
        'export function scale(x: number, by: number): number',
        'export function scale(x: number, by = 2): number { return x * by }',
        'export const pick = ({ a }: { a: number }): number => a',
        '/** @internal */',
        'export const hidden = (x: number) => x',
        'export interface Shape { readonly n: number }',
        '/** A size in points. */',
        'export type Size = number',
        'const local = (x: number) => x',
        'export const table = { local }',
      ].join('\n')
      expect(textGaps(text, 'f.ts')).toEqual([
        { key: 'f.ts#add', missing: ['@param b'] },
        { key: 'f.ts#pick', missing: ['summary', '@returns'] },
        { key: 'f.ts#Shape', missing: ['description'] },
      ])
    })

    it('lists every incomplete export in the pending list', () => {
      const unlisted = gaps.filter((g) => !pending.has(g.key)).map((g) => `${g.key}: ${g.missing.join(', ')}`)
      expect(unlisted).toEqual([])
    })

    it('lists only exports that are still incomplete (a completed one leaves the list)', () => {
      const open = new Set(gaps.map((g) => g.key))
      expect([...pending].filter((k) => !open.has(k))).toEqual([])
    })

    it('files each pending entry under its own folder, once', () => {
      const misfiled = Object.entries(DOCS_PENDING).flatMap(([folder, keys]) =>
        keys.filter((k) => folderOf(k) !== folder).map((k) => `${folder}: ${k}`),
      )
      expect(misfiled).toEqual([])
      expect(Object.values(DOCS_PENDING).flat().length).toBe(pending.size)
    })
  })
})
