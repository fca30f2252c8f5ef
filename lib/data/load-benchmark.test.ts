import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCdnowBenchmark, readCdnowBenchmark } from './load-benchmark';

describe('loadCdnowBenchmark', () => {
  it('loader: the committed file parses; a missing or malformed file gives null', () => {
    const committed = loadCdnowBenchmark();
    expect(committed?.bgnbd.r).toBeCloseTo(0.243, 3);
    const dir = mkdtempSync(path.join(tmpdir(), 'cdnow-'));
    expect(readCdnowBenchmark(path.join(dir, 'none.json'))).toBeNull();
    writeFileSync(path.join(dir, 'bad.json'), '{"bgnbd": 1}');
    expect(readCdnowBenchmark(path.join(dir, 'bad.json'))).toBeNull();
  });
});
