import { defineConfig } from 'vitest/config'

// `npm run test:provenance`: checks that each line of the E-MHIP report the embedded
// data cites holds the wording it quotes. Needs the report text (REALIST_REFERENCE,
// or ../shared/reference/ beside the clone); fails, never skips, when it is missing.
export default defineConfig({
  test: {
    include: ['test/provenance/**/*.provenance.test.ts'],
    testTimeout: 60_000,
  },
})
