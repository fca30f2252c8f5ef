import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDataFile } from './load-data';

const Schema = z.object({ rows: z.array(z.number()) });

describe('loadDataFile', () => {
  let root: string;
  let cwd: string;
  const write = (name: string, text: string) => writeFileSync(path.join(root, 'public', 'data', name), text);

  beforeEach(() => {
    cwd = process.cwd();
    root = mkdtempSync(path.join(tmpdir(), 'load-data-'));
    mkdirSync(path.join(root, 'public', 'data'), { recursive: true });
    process.chdir(root);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  it('returns null for a file that has not been built', () => {
    expect(loadDataFile('missing.json', Schema)).toBeNull();
  });

  it('parses once and hands every caller the same frozen value until the file changes', () => {
    write('t.json', JSON.stringify({ rows: [1, 2, 3] }));
    const first = loadDataFile('t.json', Schema);
    expect(first).toEqual({ rows: [1, 2, 3] });
    expect(loadDataFile('t.json', Schema)).toBe(first);
    expect(Object.isFrozen(first!.rows)).toBe(true);
    expect(() => (first!.rows as number[]).push(4)).toThrow(TypeError);

    write('t.json', JSON.stringify({ rows: [1, 2, 3, 4, 5] }));
    expect(loadDataFile('t.json', Schema)).toEqual({ rows: [1, 2, 3, 4, 5] });
  });

  it('names the file and the failing path when the JSON does not match its schema', () => {
    write('bad.json', JSON.stringify({ rows: [1, 'two'] }));
    expect(() => loadDataFile('bad.json', Schema)).toThrow(/public\/data\/bad\.json does not match[\s\S]*rows\.1/);
    write('broken.json', '{"rows": [1,');
    expect(() => loadDataFile('broken.json', Schema)).toThrow(/public\/data\/broken\.json is not valid JSON/);
  });
});
