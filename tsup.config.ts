import { defineConfig, type Options } from 'tsup'

/**
 * The build, in three parts (`npm run build` empties dist/ first):
 *
 * - ESM: one file per source module, not bundled. With `"sideEffects": false`
 *   a bundler then keeps only the modules an application uses, so that
 *   `import { wilson } from 'realist-eval'` costs about `wilson` (a bundled
 *   file would be kept or dropped as a whole, statement by statement).
 * - CJS: one bundled file per public entry, with shared chunks (CommonJS is not
 *   tree-shaken, so the layout does not matter there), and one declaration
 *   file per entry for both.
 * - The command-line tool: one ESM file for Node. It is a binary, not an API:
 *   no declarations, no CommonJS copy.
 *
 * Source maps name the sources but do not embed them (`sourcesContent: false`):
 * the package ships the build, not the sources.
 */

// Public subpath -> source entry. The output names match the source layout, so
// that the ESM and CJS files and the declarations of an entry sit side by side.
const libraryEntries = {
  index: 'src/index.ts',
  'data/emhip-framework': 'src/data/emhip-framework.ts',
  'data/mhip/index': 'src/data/mhip/index.ts',
  'io/index': 'src/io/index.ts',
  'report/index': 'src/report/index.ts',
  codec: 'src/codec.ts',
}

/**
 * fp-ts in the ESM build. The sources import `fp-ts/lib/*.js` (CommonJS), which
 * Node loads from both builds, but which bundlers cannot tree-shake: one
 * `Either` function would pull in ~27 KB. The ESM build imports `#fp-ts/*.js`
 * instead, which package.json `imports` maps to `fp-ts/lib/*` under the `node`
 * condition (Node runs that build; fp-ts's ES modules are not marked as such
 * for Node) and to `fp-ts/es6/*` elsewhere (bundlers, which tree-shake it).
 */
const fpTsForEsm: NonNullable<Options['plugins']>[number] = {
  name: 'fp-ts-esm',
  renderChunk(code) {
    if (this.format !== 'esm') return
    return { code: code.replace(/(from\s*|import\s*\(?\s*)(['"])fp-ts\/lib\//g, '$1$2#fp-ts/') }
  },
}

const common: Options = {
  target: 'node20',
  sourcemap: true,
  clean: false,
  treeshake: false,
  // Resolved at run time through package.json `imports` (browser and Node builds of csv-parse).
  external: ['#csv-parse'],
  esbuildOptions(options) {
    options.sourcesContent = false
  },
}

const esmDeclarations: Options = {
  ...common,
  entry: libraryEntries,
  format: ['esm'],
  dts: { entry: libraryEntries, only: true },
}

export default defineConfig((cli): Options[] => [
  {
    ...common,
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    platform: 'neutral',
    bundle: false,
    plugins: [fpTsForEsm],
  },
  {
    ...common,
    entry: libraryEntries,
    format: ['cjs'],
    platform: 'neutral',
    splitting: true,
    dts: { entry: libraryEntries },
  },
  // The declarations of the ESM entries (.d.ts; the CJS ones above are .d.cts);
  // left out by `tsup --no-dts` (the CLI tests' quick build).
  ...(cli.dts === false ? [] : [esmDeclarations]),
  {
    ...common,
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    splitting: false,
    plugins: [fpTsForEsm],
  },
])
