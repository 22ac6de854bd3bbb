import { defineConfig } from 'tsup'

// One entry per public subpath, so a tool that only needs the E-MHIP framework
// or the CSV layer does not pull in the rest.
const libraryEntries = {
  index: 'src/index.ts',
  'frameworks/emhip': 'src/data/emhip-framework.ts',
  'datasets/mhip': 'src/data/mhip/index.ts',
  io: 'src/io/index.ts',
  report: 'src/report/index.ts',
}

export default defineConfig({
  entry: { ...libraryEntries, cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  // Declarations for the library entries only: the CLI is a binary, not an API.
  dts: { entry: libraryEntries },
  target: 'node20',
  platform: 'neutral',
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
})
