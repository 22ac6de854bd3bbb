/**
 * The layers of the source tree (docs: the layers, and where new work goes):
 * imports only point down, and no two folders import each other, directly or
 * through others. Read from each file's import and export-from lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src')

const CONCEPTS = [
  'standards',
  'objectives',
  'cmo',
  'evidence',
  'agreement',
  'qca',
  'economics',
  'gas',
  'attributes',
  'observations',
]
/** What each folder may import, besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  model: [],
  edit: ['model'],
  ...Object.fromEntries(CONCEPTS.map((c) => [c, ['model', 'edit', ...CONCEPTS.filter((x) => x !== c)]])),
  document: ['model', 'edit', ...CONCEPTS],
  data: ['model', 'edit', 'document', ...CONCEPTS],
  io: ['model', 'edit', 'document', 'data', ...CONCEPTS],
  report: ['model', 'edit', 'document', 'data', 'io', ...CONCEPTS],
  // The command line may read the package root (its version) and the root index.
  cli: ['.', '..', 'model', 'edit', 'document', 'data', 'io', 'report', ...CONCEPTS],
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })

/** The top folder under src/ of a file (`'.'` for src/index.ts). */
const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split(sep)
  return parts.length === 1 ? '.' : parts[0]!
}

/** Every relative module a file imports or re-exports, resolved to a path. */
const importsOf = (file: string): string[] => {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm))
    out.push(resolve(dirname(file), m[1]!))
  return out
}

const edges = (): { from: string; to: string; file: string }[] =>
  files(SRC).flatMap((file) =>
    importsOf(file)
      .map((target) => ({ from: folderOf(file), to: folderOf(target), file: relative(SRC, file) }))
      .filter((e) => e.from !== e.to),
  )

describe('the layers of src/', () => {
  it('finds the folders and their imports (the check reads real files)', () => {
    const all = edges()
    expect(all.length).toBeGreaterThan(100)
    expect(new Set(all.map((e) => e.from))).toContain('document')
    // The known arrow the document layer exists for: it assembles the concepts' checks.
    expect(all.some((e) => e.from === 'document' && e.to === 'objectives')).toBe(true)
  })

  it('every import points to a folder the table allows (model/ imports nothing above it)', () => {
    const bad = edges()
      .filter((e) => e.from !== '.' && !(ALLOWED[e.from] ?? []).includes(e.to))
      .map((e) => `${e.file} imports ${e.to}/`)
    expect(bad).toEqual([])
  })

  it('no concept re-exports the embedded data: it has its own subpaths', () => {
    const bad = CONCEPTS.flatMap((c) => {
      const index = join(SRC, c, 'index.ts')
      return importsOf(index)
        .filter((t) => folderOf(t) === 'data')
        .map((t) => `${c}/index.ts re-exports ${relative(SRC, t)}`)
    })
    expect(bad).toEqual([])
  })

  it('no two folders depend on each other, directly or through others', () => {
    const graph = new Map<string, Set<string>>()
    for (const e of edges())
      if (e.from !== '.') (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to)
    const cycles: string[] = []
    const reach = (start: string): Set<string> => {
      const seen = new Set<string>()
      const stack = [...(graph.get(start) ?? [])]
      while (stack.length > 0) {
        const x = stack.pop()!
        if (seen.has(x)) continue
        seen.add(x)
        stack.push(...(graph.get(x) ?? []))
      }
      return seen
    }
    for (const folder of graph.keys()) if (reach(folder).has(folder)) cycles.push(folder)
    expect(cycles).toEqual([])
  })
})
