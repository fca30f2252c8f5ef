/**
 * The data build end to end, at 300 customers: what it writes, that it is reproducible, that a bad
 * source leaves a previous build untouched, the CLI's exit codes and messages, and the config rules.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appendByte,
  copySourcesTo,
  hashTree,
  makeTempDir,
  REPO_ROOT,
  SHARED_SOURCES_DIR,
} from '@/test/helpers/source-corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema, type Manifest } from '../../lib/schema/manifest';
import { DEFAULT_SYNTH_CONFIG } from '../../lib/synth/synth-config';
import {
  ConfigError,
  DEFAULT_HOLDOUT_MONTHS,
  DEFAULT_K,
  parseBuildConfig,
  type BuildConfig,
} from './build-config';
import { buildData } from './build-data-lib';
import { SourcesError } from './sources-dir';

const CUSTOMERS = 300;
const CORRUPTED = 'Product Family Mapping.csv';

const config = (overrides: Partial<BuildConfig> = {}): BuildConfig => ({
  ...parseBuildConfig([], {}).config,
  customers: CUSTOMERS,
  ...overrides,
});

let work: string;
/** Sources copied to a temp dir with one byte appended to CORRUPTED. */
let corruptSources: string;

beforeAll(async () => {
  work = await makeTempDir('omni-build-test');
  corruptSources = path.join(work, 'corrupt-sources');
  await mkdir(corruptSources);
  await copySourcesTo(corruptSources);
  await appendByte(path.join(corruptSources, CORRUPTED));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('buildData', () => {
  let outA: string;
  let outB: string;
  let outSeed: string;
  let manifest: Manifest;

  beforeAll(async () => {
    outA = path.join(work, 'a', 'data');
    outB = path.join(work, 'b', 'data');
    outSeed = path.join(work, 'seed', 'data');
    const report = await buildData({ sourcesDir: SHARED_SOURCES_DIR, outDir: outA, config: config() });
    manifest = report.manifest;
    await buildData({ sourcesDir: SHARED_SOURCES_DIR, outDir: outB, config: config() });
    await buildData({
      sourcesDir: SHARED_SOURCES_DIR,
      outDir: outSeed,
      config: config({ seed: DEFAULT_SYNTH_CONFIG.seed + 1 }),
    });
  }, 120_000);

  it('writes every table of the manifest, manifest.json and nothing else', async () => {
    const written = JSON.parse(await readFile(path.join(outA, 'manifest.json'), 'utf8'));
    expect(ManifestSchema.safeParse(written).success).toBe(true);
    expect(written).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(manifest.tables.length).toBeGreaterThan(0);
    expect(manifest.config.customers).toBe(CUSTOMERS);
    expect(manifest.counts.customers).toBe(CUSTOMERS);

    const expected = new Set(['manifest.json', '.gitkeep', ...manifest.tables.flatMap((t) => t.files)]);
    expect(new Set(await readdir(outA))).toEqual(expected);
    for (const t of manifest.tables) {
      const doc = JSON.parse(await readFile(path.join(outA, `${t.name}.json`), 'utf8'));
      expect(doc, t.name).toBeTypeOf('object');
    }
  });

  it('records the recent-months setting and the package versions in the manifest', () => {
    expect(manifest.config.recent_months).toBe(config().recentMonths);
    expect(manifest.versions.app).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(manifest.versions.packages)).toEqual(expect.arrayContaining(['ml-kmeans', 'ml-pca']));
  });

  it('carries the staging notes (errata) into the manifest', () => {
    expect(manifest.notes.some((n) => n.includes('aisle 83 (Fresh vegetables)'))).toBe(true);
    expect(manifest.notes.filter((n) => n.includes('price SD undefined'))).toHaveLength(2);
  });

  it('gives byte-identical files for the same config', async () => {
    const a = await hashTree(outA);
    const b = await hashTree(outB);
    expect(Object.keys(a).length).toBeGreaterThan(1);
    expect(b).toEqual(a);
  });

  it('gives a different customers_master.json for a different seed', async () => {
    const a = await hashTree(outA);
    const s = await hashTree(outSeed);
    expect(Object.keys(s).sort()).toEqual(Object.keys(a).sort());
    expect(s['customers_master.json']).not.toBe(a['customers_master.json']);
  });

  it('rejects a corrupted source naming the file, leaving a previous build byte-identical', async () => {
    const before = await hashTree(outA);
    const attempt = buildData({ sourcesDir: corruptSources, outDir: outA, config: config({ seed: 7 }) });
    await expect(attempt).rejects.toBeInstanceOf(SourcesError);
    await expect(attempt).rejects.toThrow(CORRUPTED);
    await expect(attempt).rejects.toThrow(/checksum mismatch/);
    expect(await hashTree(outA)).toEqual(before);
    const beside = await readdir(path.dirname(outA));
    expect(beside).toEqual(['data']);
    expect(beside.filter((n) => n.startsWith('.data.tmp-') || n.startsWith('.data.old-'))).toEqual([]);
  });

  it('rejects a missing source naming the file and writes nothing', async () => {
    const partial = path.join(work, 'partial-sources');
    await mkdir(partial);
    await copySourcesTo(partial);
    await rm(path.join(partial, 'Product Information.csv'));
    const out = path.join(work, 'never', 'data');
    await expect(buildData({ sourcesDir: partial, outDir: out, config: config() })).rejects.toThrow(
      /missing: .*Product Information\.csv/,
    );
    await expect(readdir(path.dirname(out))).rejects.toThrow(/ENOENT/);
  });
});

// ---- the command line --------------------------------------------------------------------------

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  // Start from this environment minus any OMNI_* setting, so only what the test passes applies.
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith('OMNI_')) delete base[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/build-data.ts (CLI)', () => {
  let out: string;

  beforeAll(async () => {
    // A stand-in for a previous build, to check the CLI leaves it alone.
    out = path.join(work, 'cli', 'data');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), '{"previous":true}');
  });

  it('exits 1 on a corrupted source, naming the file, and leaves the output folder as it was', async () => {
    const before = await hashTree(out);
    const r = await runCli(['--customers', String(CUSTOMERS), '--out', out], {
      OMNI_SOURCES_DIR: corruptSources,
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(CORRUPTED);
    expect(r.stderr).toContain('checksum mismatch');
    expect(r.stderr).toContain(`${path.relative(process.cwd(), out)} was left as it was`);
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(path.dirname(out))).toEqual(['data']);
  });

  it('exits 1 on --customers abc, naming --customers', async () => {
    const r = await runCli(['--customers', 'abc', '--out', out], { OMNI_SOURCES_DIR: SHARED_SOURCES_DIR });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('--customers');
    expect(r.stderr).toContain('"abc" is not an integer');
  });

  it('exits 1 on --k 1, naming k', async () => {
    const r = await runCli(['--k', '1', '--out', out], { OMNI_SOURCES_DIR: SHARED_SOURCES_DIR });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/\bk must be an integer from 2 to 10 \(got 1\)/);
  });

  it('exits 1 on an unknown option, naming it', async () => {
    const r = await runCli(['--custmers', '300', '--out', out], { OMNI_SOURCES_DIR: SHARED_SOURCES_DIR });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Unknown option(s): --custmers');
  });
});

// ---- parseBuildConfig ----------------------------------------------------------------------------

describe('parseBuildConfig', () => {
  it('gives the defaults with no flags and no env', () => {
    const { config: c, rest } = parseBuildConfig([], {});
    expect(c).toEqual({ ...DEFAULT_SYNTH_CONFIG, k: DEFAULT_K, holdoutMonths: DEFAULT_HOLDOUT_MONTHS });
    expect(rest.size).toBe(0);
  });

  it('lets env override the defaults and flags override env', () => {
    const env = { OMNI_SEED: '9', OMNI_CUSTOMERS: '500', OMNI_K: '4', OMNI_CURRENCY: 'EUR' };
    const { config: c } = parseBuildConfig(['--seed', '7', '--k=6'], env);
    expect(c.seed).toBe(7);
    expect(c.k).toBe(6);
    expect(c.customers).toBe(500);
    expect(c.currency).toBe('EUR');
    expect(c.months).toBe(DEFAULT_SYNTH_CONFIG.months);
  });

  it('reads every setting from its flag and from its env var', () => {
    const flags = parseBuildConfig(
      [
        '--seed=1',
        '--customers=1_000',
        '--k=3',
        '--months=12',
        '--window-end=2025-12-31',
        '--recent-months=3',
        '--currency=USD',
        '--usd-rate=1',
        '--holdout-months=4',
      ],
      {},
    ).config;
    const env = parseBuildConfig([], {
      OMNI_SEED: '1',
      OMNI_CUSTOMERS: '1000',
      OMNI_K: '3',
      OMNI_MONTHS: '12',
      OMNI_WINDOW_END: '2025-12-31',
      OMNI_RECENT_MONTHS: '3',
      OMNI_CURRENCY: 'USD',
      OMNI_USD_RATE: '1',
      OMNI_HOLDOUT_MONTHS: '4',
    }).config;
    const want = {
      seed: 1,
      customers: 1000,
      k: 3,
      months: 12,
      windowEnd: '2025-12-31',
      recentMonths: 3,
      currency: 'USD',
      usdToCurrency: 1,
      holdoutMonths: 4,
    };
    expect(flags).toEqual(want);
    expect(env).toEqual(want);
  });

  it('treats an empty env var as unset', () => {
    expect(parseBuildConfig([], { OMNI_SEED: '', OMNI_K: '  ' }).config.seed).toBe(DEFAULT_SYNTH_CONFIG.seed);
  });

  it('passes unknown flags back in rest (e.g. --out)', () => {
    const { rest } = parseBuildConfig(['--out', '/tmp/x', '--seed', '3'], {});
    expect([...rest]).toEqual([['--out', '/tmp/x']]);
  });

  it.each([
    [['--customers', 'abc'], {}, '--customers'],
    [['--seed', '1.5'], {}, '--seed'],
    [['--usd-rate', 'lots'], {}, '--usd-rate'],
    [[], { OMNI_K: 'five' }, 'OMNI_K'],
    [[], { OMNI_CUSTOMERS: '3.2' }, 'OMNI_CUSTOMERS'],
    [[], { OMNI_USD_RATE: 'x' }, 'OMNI_USD_RATE'],
    [['--k', 'x'], { OMNI_K: '4' }, '--k'],
  ])('rejects a non-numeric value: %j %j names %s', (argv, env, name) => {
    expect(() => parseBuildConfig(argv, env)).toThrow(ConfigError);
    expect(() => parseBuildConfig(argv, env)).toThrow(name);
  });

  it.each([
    [['--k', '1'], {}, 'k must be'],
    [['--k', '11'], {}, 'k must be'],
    [['--customers', '10'], {}, 'customers must be'],
    [[], { OMNI_MONTHS: '2' }, 'months must be'],
    [['--window-end', '30/09/2026'], {}, 'windowEnd must be'],
    [['--currency', 'rupees'], {}, 'currency must be'],
    [['--usd-rate', '0'], {}, 'usdToCurrency must be'],
    [['--months', '6', '--recent-months', '6'], {}, 'recentMonths must be'],
  ])('rejects an out-of-range value: %j %j (%s)', (argv, env, message) => {
    expect(() => parseBuildConfig(argv, env)).toThrow(ConfigError);
    expect(() => parseBuildConfig(argv, env)).toThrow(message);
  });

  it('names the flag or env var an out-of-range value came from', () => {
    expect(() => parseBuildConfig(['--customers', '10'], {})).toThrow('--customers');
    expect(() => parseBuildConfig([], { OMNI_K: '11' })).toThrow('OMNI_K');
    expect(() => parseBuildConfig(['--usd-rate', '-1'], {})).toThrow('--usd-rate');
  });

  it('rejects a positional argument and a flag without a value', () => {
    expect(() => parseBuildConfig(['300'], {})).toThrow(ConfigError);
    expect(() => parseBuildConfig(['300'], {})).toThrow('Unexpected argument "300"');
    expect(() => parseBuildConfig(['--seed'], {})).toThrow('--seed needs a value');
  });
});
