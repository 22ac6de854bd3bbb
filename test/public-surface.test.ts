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
})
