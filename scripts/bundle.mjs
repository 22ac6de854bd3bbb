// Bundling helpers shared by the size check (scripts/size.mjs), the browser
// tests and the demo page build (examples/web/build.mjs): esbuild, for the browser.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Resolve `realist-eval` and its subpaths as an application's bundler does:
 * through package.json `exports` (the `import` condition) to the build in dist/.
 */
export const publishedBuild = () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  return {
    name: 'realist-eval-published',
    setup(b) {
      b.onResolve({ filter: /^realist-eval(\/.*)?$/ }, (args) => {
        const target = pkg.exports['.' + args.path.slice('realist-eval'.length)]?.import?.default
        return target ? { path: join(root, target) } : { errors: [{ text: `realist-eval has no export ${args.path}` }] }
      })
    },
  }
}

/**
 * For bundles of the sources (not the build): fp-ts's ES modules instead of its
 * CommonJS files, as the ESM build arranges with package.json `imports`.
 */
export const fpTsModules = () => ({
  name: 'fp-ts-es6',
  setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      b.resolve(args.path.replace(/^fp-ts\/lib\//, 'fp-ts/es6/'), { kind: args.kind, resolveDir: args.resolveDir }),
    )
  },
})

/**
 * For the demo page: csv-parse's ES module build (the `import` condition of
 * `csv-parse/sync`) for the library's `#csv-parse`, in place of its browser
 * build. Its free `Buffer` must then be given: `leanCsvParseInject` is the
 * esbuild `inject` list that does it (examples/web/buffer.ts).
 */
export const leanCsvParse = () => ({
  name: 'csv-parse-lean',
  setup(b) {
    b.onResolve({ filter: /^#csv-parse$/ }, (args) =>
      b.resolve('csv-parse/sync', { kind: args.kind, resolveDir: root }),
    )
  },
})
export const leanCsvParseInject = [join(root, 'examples', 'web', 'buffer.ts')]

/**
 * Bundle `code` (JavaScript importing `realist-eval`…) for the browser.
 * @returns the output text, its bytes, and esbuild's warnings.
 */
export const bundleForBrowser = async (
  code,
  { format = 'esm', minify = true, loader = 'js', plugins = [publishedBuild()] } = {},
) => {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader },
    bundle: true,
    minify,
    format,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins,
  })
  return { text: out.outputFiles[0].text, bytes: out.outputFiles[0].contents, warnings: out.warnings }
}
