// ESLint (flat config) with typescript-eslint's recommended rules, tuned to the
// code base's style: fp-ts/io-ts code uses non-null assertions after checks and
// `any` in a few codec internals, so those are warnings, not errors.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'test/artifacts/**', 'examples/web/dist/**', 'docs/api/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Published coefficients (Wichura's AS 241) are kept digit for digit as printed.
    files: ['src/standards/intervals/normal-quantile.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'examples/web/**/*.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
)
