import { defineConfig } from 'tsup'

// One entry per public subpath, so a tool that only needs the E-MHIP framework
// or the CSV layer does not pull in the rest.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'frameworks/emhip': 'src/data/emhip-framework.ts',
    'datasets/mhip': 'src/data/mhip/index.ts',
    io: 'src/io/index.ts',
    report: 'src/report/index.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts', 'src/data/emhip-framework.ts', 'src/data/mhip/index.ts', 'src/io/index.ts', 'src/report/index.ts'] },
  target: 'node20',
  platform: 'neutral',
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
})
