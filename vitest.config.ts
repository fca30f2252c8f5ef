import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Pin the time zone before any worker starts so date arithmetic is the same on every machine.
process.env.TZ = 'UTC';

export default defineConfig({
  resolve: {
    alias: { '@': root },
  },
  test: {
    environment: 'node',
    include: [
      'lib/**/*.test.ts',
      'content/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
      'components/**/*.test.tsx',
    ],
    setupFiles: ['test/setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
  },
});
