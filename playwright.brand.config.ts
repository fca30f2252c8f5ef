import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The brand-build tests (e2e-brand/): the dashboard exported from tables built from orders files.
 * Run by scripts/check-brand-build.ts, which builds and serves it and sets PLAYWRIGHT_BASE_URL.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e-brand',
  outputDir: 'test-results/brand',
  // check-brand-build.ts runs these once per corpus case, each with its own report (merged after).
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.test-reports/e2e-brand.json' }],
  ],
  webServer: undefined,
});
