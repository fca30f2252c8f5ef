import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNeeded } from './next-server';

let root: string;

/** A folder laid out as `next build` leaves it: BUILD_ID, the recorded config, and public/data. */
function project(config: Record<string, unknown> | null, { buildOlderThanData = false } = {}): string {
  root = mkdtempSync(path.join(os.tmpdir(), 'omni-start-'));
  mkdirSync(path.join(root, '.next'));
  mkdirSync(path.join(root, 'public', 'data'), { recursive: true });
  writeFileSync(path.join(root, 'public', 'data', 'manifest.json'), '{}');
  writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'abc');
  if (config)
    writeFileSync(
      path.join(root, '.next', 'required-server-files.json'),
      JSON.stringify({ version: 1, config }),
    );
  const data = new Date('2026-01-02T00:00:00Z');
  const build = new Date(buildOlderThanData ? '2026-01-01T00:00:00Z' : '2026-01-03T00:00:00Z');
  utimesSync(path.join(root, 'public', 'data', 'manifest.json'), data, data);
  utimesSync(path.join(root, '.next', 'BUILD_ID'), build, build);
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildNeeded: when `npm start` must build before serving', () => {
  it('serves a server build that is newer than the data', () => {
    expect(buildNeeded(project({ distDir: '.next', trailingSlash: false }))).toBeNull();
  });

  it('rebuilds when the last build was a static export (what `npm test` leaves behind)', () => {
    // Next records output: 'export' and trailingSlash: true for `OMNI_STATIC_EXPORT=1 next build`.
    expect(buildNeeded(project({ output: 'export', trailingSlash: true, distDir: '.next' }))).toMatch(
      /static export/,
    );
  });

  it('rebuilds when the build is older than the data', () => {
    expect(buildNeeded(project({ distDir: '.next' }, { buildOlderThanData: true }))).toMatch(
      /older than public\/data/,
    );
  });

  it('rebuilds when the build left no recorded config', () => {
    expect(buildNeeded(project(null))).toMatch(/incomplete/);
  });
});
