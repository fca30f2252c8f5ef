import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'out-brand/**',
    'build/**',
    'next-env.d.ts',
    'node_modules/**',
    'public/data/**',
    // duckdb-wasm's engine, copied from node_modules by next.config.mjs (git-ignored, minified)
    'public/duckdb/**',
    'scratch/**',
    'test-results/**',
    'playwright-report/**',
    '.test-reports/**',
  ]),
]);
