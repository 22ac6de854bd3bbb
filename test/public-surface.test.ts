import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Guards the public surface, as fp-ts does: every concept folder with an
// index.ts must be re-exported from src/index.ts (or be a documented subpath),
// and the package exports map must put `types` first in every condition.
const root = join(__dirname, '..')
const src = join(root, 'src')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const indexText = readFileSync(join(src, 'index.ts'), 'utf8')

/** Folders reached through their own subpath or binary, not the root entry. */
const SUBPATH_FOLDERS = new Set(['io', 'report', 'cli', 'data'])

describe('public surface', () => {
  const folders = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory())

  it.each(folders.filter((f) => !SUBPATH_FOLDERS.has(f)))('src/%s is re-exported from src/index.ts', (folder) => {
    expect(indexText).toContain(`export * from './${folder}/index.js'`)
  })

  it('puts `types` first in every exports condition', () => {
    for (const [subpath, entry] of Object.entries<any>(pkg.exports)) {
      if (typeof entry === 'string') continue
      for (const [cond, target] of Object.entries<any>(entry)) {
        expect(Object.keys(target)[0], `${subpath} › ${cond}`).toBe('types')
      }
    }
  })

  it('exports ./package.json and is side-effect free', () => {
    expect(pkg.exports['./package.json']).toBe('./package.json')
    expect(pkg.sideEffects).toBe(false)
  })

  it('keeps immer, fp-ts and io-ts as runtime dependencies (external in the build)', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['immer', 'fp-ts', 'io-ts']))
  })

  it('has a tsup entry for every subpath export', () => {
    const tsup = readFileSync(join(root, 'tsup.config.ts'), 'utf8')
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath === '.' || subpath === './package.json') continue
      // The entry is named after the output file the export points to (dist/<name>.js).
      const target = (pkg.exports as Record<string, { import: { default: string } }>)[subpath]!.import.default
      const name = target.replace(/^\.\/dist\//, '').replace(/\.js$/, '')
      expect(tsup, subpath).toMatch(new RegExp(`(^|\\s)('${name}'|${name}):`, 'm'))
    }
  })

  it('keeps codec building blocks out of the root entry (they are in realist-eval/codec)', async () => {
    const rootNames = Object.keys(await import('../src/index.js'))
    const codecNames = Object.keys(await import('../src/codec.js'))
    expect(codecNames.length).toBeGreaterThan(50)
    expect(rootNames.filter((n) => codecNames.includes(n))).toEqual([])
    // io-ts codecs are named xC; none is a root name.
    expect(rootNames.filter((n) => /^[A-Z]\w*C$/.test(n))).toEqual([])
  })

  it("lists every concept index by name: no `export *` of a module's values", () => {
    const folders = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory())
    const stars = folders
      .filter((f) => statSync(join(src, f)).isDirectory() && readdirSync(join(src, f)).includes('index.ts'))
      .filter((f) => /^export \* from/m.test(readFileSync(join(src, f, 'index.ts'), 'utf8')))
    expect(stars).toEqual([])
  })
})
