import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '@/test/helpers/source-corpus';
import { afterEach, describe, expect, it } from 'vitest';
import { PIPELINE_PACKAGES, readPackageVersions } from './package-versions';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function project(files: Record<string, unknown>): Promise<string> {
  dir = await makeTempDir('omni-versions');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), JSON.stringify(content));
  }
  return dir;
}

describe('readPackageVersions', () => {
  it('given a lock file, takes each version from it, in the order asked', async () => {
    const root = await project({
      'package.json': { version: '1.2.3', dependencies: { a: '^1.0.0', b: '^2.0.0' } },
      'package-lock.json': {
        packages: { 'node_modules/a': { version: '1.4.0' }, 'node_modules/b': { version: '2.0.5' } },
      },
    });
    const v = readPackageVersions(root, ['b', 'a']);
    expect(v).toEqual({ app: '1.2.3', packages: { b: '2.0.5', a: '1.4.0' } });
    expect(Object.keys(v.packages)).toEqual(['b', 'a']);
  });

  it('given no lock entry, falls back to the installed package, then to the range asked for', async () => {
    const root = await project({
      'package.json': { version: '0.1.0', dependencies: { a: '^1.0.0' }, devDependencies: { c: '~3.1.0' } },
      'node_modules/a/package.json': { version: '1.0.9' },
    });
    expect(readPackageVersions(root, ['a', 'c', 'missing'])).toEqual({
      app: '0.1.0',
      packages: { a: '1.0.9', c: '~3.1.0' },
    });
  });

  it('reads this project: every pipeline package has an exact version, the same on every call', () => {
    const a = readPackageVersions();
    expect(Object.keys(a.packages)).toEqual([...PIPELINE_PACKAGES]);
    for (const version of Object.values(a.packages)) expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(readPackageVersions()).toEqual(a);
  });
});
