import { defineConfig } from 'vitest/config'

// `npm test`: everything under test/ except the provenance suite, which needs the
// E-MHIP report text that is not part of the repository (see vitest.provenance.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/provenance/**', '**/node_modules/**'],
    testTimeout: 60_000,
    // One process per test file: the time guards measure the process's processor time (test/support/cpu-time.ts).
    pool: 'forks',
    hookTimeout: 300_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/cli/main.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
})
