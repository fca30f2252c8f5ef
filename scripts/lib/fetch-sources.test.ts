import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_FILES, type SourceFile } from '../../lib/sources/source-files';
import { fetchSources, type FetchLog, type FetchReport } from './fetch-sources-lib';
import { checkSources, readSourceTexts, resolveSourcesDir, SourcesError } from './sources-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sharedDir =
  process.env.OMNI_SOURCES_DIR ?? path.resolve(repoRoot, '../shared/datasets/omnichannel-retail');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const byName = (name: string): SourceFile => SOURCE_FILES.find((f) => f.fileName === name)!;
const FAMILY = byName('Product Family Mapping.csv');

// ---- a tiny raw-file server ------------------------------------------------------------------

interface ServerOptions {
  /** Serve these files with one byte changed. */
  alter?: string[];
  /** Answer every request with this status and no file. */
  status?: number;
  /** Never answer (for the timeout). */
  hang?: boolean;
}

interface TestServer {
  baseUrl: string;
  /** Decoded file names, one per request. */
  requests: string[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];
const tempDirs: string[] = [];

async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res: ServerResponse) => {
    const name = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    requests.push(name);
    if (options.hang) return;
    if (options.status) {
      res.writeHead(options.status).end('nope');
      return;
    }
    readFile(path.join(sharedDir, path.basename(name))).then(
      (bytes) => {
        if (options.alter?.includes(name)) {
          const middle = Math.floor(bytes.length / 2);
          bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
        }
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': bytes.length }).end(bytes);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: TestServer = {
    // A prefix like the real one, so URL joining is exercised too.
    baseUrl: `http://127.0.0.1:${port}/owner/repo/commit/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(handle);
  return handle;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'omni-fetch-'));
  tempDirs.push(dir);
  return dir;
}

function captureLog(): { log: FetchLog; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { log: (line, stream) => (stream === 'err' ? err : out).push(line), out, err };
}

function resultFor(report: FetchReport, file: SourceFile) {
  return report.results.find((r) => r.file.key === file.key)!;
}

async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.part'));
}

beforeAll(async () => {
  const { missing, mismatched } = await checkSources(sharedDir);
  if (missing.length > 0 || mismatched.length > 0) {
    throw new Error(
      `The shared source files in ${sharedDir} are missing or altered; these tests serve them.`,
    );
  }
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// ---- fetchSources -----------------------------------------------------------------------------

describe('fetchSources', () => {
  it('downloads all five with the pinned checksums, then serves them from cache', async () => {
    const server = await startServer();
    const dir = await tempDir();
    const first = captureLog();

    const report = await fetchSources({ dir, baseUrl: server.baseUrl, log: first.log });

    expect(report).toMatchObject({ ok: true, downloaded: 5, cached: 0, failed: 0 });
    expect(server.requests.sort()).toEqual(SOURCE_FILES.map((f) => f.fileName).sort());
    expect(await checkSources(dir)).toEqual({ missing: [], mismatched: [] });
    expect(await leftovers(dir)).toEqual([]);
    expect(first.out).toHaveLength(5);
    expect(first.out.find((l) => l.includes('Aisle ID to Products.csv'))).toMatch(
      /1\.8 MB\s+ok \(downloaded\)/,
    );
    expect(first.err).toEqual([]);

    const second = captureLog();
    const again = await fetchSources({ dir, baseUrl: server.baseUrl, log: second.log });

    expect(again).toMatchObject({ ok: true, downloaded: 0, cached: 5, failed: 0 });
    expect(server.requests).toHaveLength(5);
    expect(second.out.every((l) => l.endsWith('ok (cached)'))).toBe(true);
  });

  it('rejects altered bytes, removes the temp file and keeps what was already there', async () => {
    const server = await startServer({ alter: [FAMILY.fileName, 'Product Information.csv'] });
    const dir = await tempDir();
    // An older, different copy of the family mapping: must be neither replaced by bad bytes nor deleted.
    const stale = Buffer.from('an older copy\n');
    await writeFile(path.join(dir, FAMILY.fileName), stale);
    // A good copy of the product information: cached, so the altered server is never asked for it.
    const info = byName('Product Information.csv');
    await copyFile(path.join(sharedDir, info.fileName), path.join(dir, info.fileName));
    const { log, err } = captureLog();

    const report = await fetchSources({ dir, baseUrl: server.baseUrl, log });

    expect(report).toMatchObject({ ok: false, failed: 1, cached: 1, downloaded: 3 });
    const failed = resultFor(report, FAMILY);
    const altered = await readFile(path.join(sharedDir, FAMILY.fileName));
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('checksum mismatch');
    expect(failed.error).toContain(FAMILY.fileName);
    expect(failed.error).toContain(FAMILY.sha256);
    expect(failed.error).toContain(sha256(altered));
    expect(failed.error).toContain(failed.url);
    expect(err.join('\n')).toContain(FAMILY.fileName);

    expect(await leftovers(dir)).toEqual([]);
    expect(await readFile(path.join(dir, FAMILY.fileName))).toEqual(stale);
    expect(server.requests).not.toContain(info.fileName);
    expect(sha256(await readFile(path.join(dir, info.fileName)))).toBe(info.sha256);
  });

  it('reports an HTTP error with the URL and status', async () => {
    const server = await startServer({ status: 404 });
    const dir = await tempDir();
    const { log, err } = captureLog();

    const report = await fetchSources({ dir, baseUrl: server.baseUrl, log });

    expect(report).toMatchObject({ ok: false, failed: 5, downloaded: 0 });
    const failed = resultFor(report, FAMILY);
    expect(failed.url).toBe(`${server.baseUrl}Product%20Family%20Mapping.csv`);
    expect(failed.error).toContain('HTTP 404');
    expect(failed.error).toContain(failed.url);
    expect(err).toHaveLength(5);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a refused connection with the URL and the cause', async () => {
    const server = await startServer();
    await server.close(); // the port is now closed
    const dir = await tempDir();

    const report = await fetchSources({ dir, baseUrl: server.baseUrl, log: captureLog().log });

    expect(report).toMatchObject({ ok: false, failed: 5 });
    const failed = resultFor(report, FAMILY);
    expect(failed.error).toContain(failed.url);
    expect(failed.error).toMatch(/ECONNREFUSED/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const server = await startServer({ hang: true });
    const dir = await tempDir();

    const report = await fetchSources({
      dir,
      baseUrl: server.baseUrl,
      log: captureLog().log,
      files: [FAMILY],
      timeoutMs: 150,
    });

    expect(report.ok).toBe(false);
    expect(resultFor(report, FAMILY).error).toMatch(/timed out after 150 ms.*OMNI_FETCH_TIMEOUT_MS/);
  });
});

// ---- sources folder ---------------------------------------------------------------------------

describe('resolveSourcesDir', () => {
  it('honours OMNI_SOURCES_DIR, made absolute against the cwd', () => {
    expect(resolveSourcesDir({ OMNI_SOURCES_DIR: '/srv/omni' }, '/repo')).toBe(path.resolve('/srv/omni'));
    expect(resolveSourcesDir({ OMNI_SOURCES_DIR: 'elsewhere/csv' }, '/repo')).toBe(
      path.resolve('/repo/elsewhere/csv'),
    );
  });

  it('defaults to data/sources under the cwd, also when the variable is empty', () => {
    expect(resolveSourcesDir({}, '/repo')).toBe(path.resolve('/repo/data/sources'));
    expect(resolveSourcesDir({ OMNI_SOURCES_DIR: '' }, '/repo')).toBe(path.resolve('/repo/data/sources'));
  });
});

describe('readSourceTexts', () => {
  it('returns the five texts when every checksum matches', async () => {
    const texts = await readSourceTexts(sharedDir);
    expect(Object.keys(texts).sort()).toEqual(SOURCE_FILES.map((f) => f.key).sort());
    expect(texts.arrivals.length).toBeGreaterThan(0);
  });

  it('throws SourcesError naming a missing file, with the fetch hint', async () => {
    const dir = await tempDir();
    for (const file of SOURCE_FILES.filter((f) => f.key !== 'arrivals')) {
      await copyFile(path.join(sharedDir, file.fileName), path.join(dir, file.fileName));
    }

    const error = await readSourceTexts(dir).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SourcesError);
    const sourcesError = error as SourcesError;
    expect(sourcesError.missing.map((f) => f.key)).toEqual(['arrivals']);
    expect(sourcesError.message).toContain(path.join(dir, 'In-store Customer and Online Order Arrivals.csv'));
    expect(sourcesError.message).toContain('npm run data:fetch');
    expect(sourcesError.message).toContain('OMNI_SOURCES_DIR');
  });

  it('throws SourcesError with expected and actual sha256 for an altered file', async () => {
    const dir = await tempDir();
    for (const file of SOURCE_FILES) {
      await copyFile(path.join(sharedDir, file.fileName), path.join(dir, file.fileName));
    }
    await writeFile(path.join(dir, FAMILY.fileName), 'edited\n');

    const error = await readSourceTexts(dir).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SourcesError);
    expect((error as SourcesError).message).toContain(path.join(dir, FAMILY.fileName));
    expect((error as SourcesError).message).toContain(FAMILY.sha256);
    expect((error as SourcesError).message).toContain(sha256(Buffer.from('edited\n')));
  });
});

// ---- the CLI ----------------------------------------------------------------------------------

describe('npm run data:fetch', () => {
  it('exits 1 and names the failing file on stderr', { timeout: 30_000 }, async () => {
    const server = await startServer({ status: 404 });
    const dir = await tempDir();

    // Async spawn: the test server lives in this process and must keep answering.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fetch-sources.ts'], {
      cwd: repoRoot,
      env: { ...process.env, OMNI_SOURCES_URL: server.baseUrl, OMNI_SOURCES_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });

    expect(code).toBe(1);
    expect(stderr).toContain('Product Family Mapping.csv');
    expect(stderr).toContain('HTTP 404');
    expect(stderr).toMatch(/5 of 5 source files could not be fetched/);
  });
});
