/**
 * Download the pinned source CSVs. A file only lands at its final name after its sha256 matched,
 * so an interrupted or altered download can never replace (or pose as) a good copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  SOURCE_FILES,
  SOURCE_RAW_BASE_URL,
  sourceUrl,
  type SourceFile,
} from '../../lib/sources/source-files';
import { sha256File, sourcePath, type Env } from './sources-dir';

export const SOURCES_URL_ENV = 'OMNI_SOURCES_URL';
export const FETCH_TIMEOUT_ENV = 'OMNI_FETCH_TIMEOUT_MS';
export const DEFAULT_FETCH_TIMEOUT_MS = 120_000;

export type LogStream = 'out' | 'err';
export type FetchLog = (line: string, stream: LogStream) => void;

export interface FetchOptions {
  /** Destination folder; created if needed. */
  dir: string;
  /** Defaults to the pinned raw GitHub base. */
  baseUrl?: string;
  /** Defaults to stdout for progress and stderr for failures. */
  log?: FetchLog;
  /** Per file, covering connect and body. */
  timeoutMs?: number;
  /** Defaults to all five sources; narrowed in tests. */
  files?: readonly SourceFile[];
}

export type FetchStatus = 'cached' | 'downloaded' | 'failed';

export interface FetchResult {
  file: SourceFile;
  url: string;
  path: string;
  status: FetchStatus;
  /** Size of the file now in place (or of the rejected download); null when nothing arrived. */
  bytes: number | null;
  error?: string;
}

export interface FetchReport {
  dir: string;
  baseUrl: string;
  results: FetchResult[];
  ok: boolean;
  downloaded: number;
  cached: number;
  failed: number;
}

export const defaultLog: FetchLog = (line, stream) => {
  (stream === 'err' ? process.stderr : process.stdout).write(`${line}\n`);
};

export function resolveBaseUrl(env: Env = process.env): string {
  return env[SOURCES_URL_ENV]?.trim() || SOURCE_RAW_BASE_URL;
}

export function resolveTimeoutMs(env: Env = process.env): number {
  const raw = env[FETCH_TIMEOUT_ENV]?.trim();
  if (!raw) return DEFAULT_FETCH_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(
      `${FETCH_TIMEOUT_ENV} must be a positive whole number of milliseconds, got ${JSON.stringify(raw)}`,
    );
  }
  return ms;
}

export async function fetchSources(options: FetchOptions): Promise<FetchReport> {
  const {
    dir,
    baseUrl = SOURCE_RAW_BASE_URL,
    log = defaultLog,
    timeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
  } = options;
  const files = options.files ?? SOURCE_FILES;
  await mkdir(dir, { recursive: true });

  const width = Math.max(...files.map((f) => f.fileName.length));
  const results: FetchResult[] = [];
  // One at a time: five small files, and the output stays in a stable order.
  for (const file of files) {
    const result = await fetchOne(file, dir, baseUrl, timeoutMs).catch(
      // Local trouble (permissions, a folder in the way) fails this file, not the whole run.
      (error: unknown): FetchResult => ({
        file,
        url: sourceUrl(file, baseUrl),
        path: sourcePath(dir, file),
        status: 'failed',
        bytes: null,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    results.push(result);
    const size = result.bytes === null ? '-' : formatBytes(result.bytes);
    const head = `${file.fileName.padEnd(width)}  ${size.padStart(8)}  `;
    if (result.status === 'failed') log(`${head}FAILED: ${result.error}`, 'err');
    else log(`${head}${result.status === 'cached' ? 'ok (cached)' : 'ok (downloaded)'}`, 'out');
  }

  const count = (status: FetchStatus) => results.filter((r) => r.status === status).length;
  const failed = count('failed');
  return {
    dir,
    baseUrl,
    results,
    ok: failed === 0,
    downloaded: count('downloaded'),
    cached: count('cached'),
    failed,
  };
}

async function fetchOne(
  file: SourceFile,
  dir: string,
  baseUrl: string,
  timeoutMs: number,
): Promise<FetchResult> {
  const url = sourceUrl(file, baseUrl);
  const dest = sourcePath(dir, file);
  const base = { file, url, path: dest };

  const existing = await sha256File(dest);
  if (existing === file.sha256) return { ...base, status: 'cached', bytes: (await stat(dest)).size };

  // Hidden, unique temp name in the same folder, so the final rename is atomic and never collides.
  const temp = path.join(dir, `.${file.fileName}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  try {
    const downloaded = await download(url, temp, timeoutMs);
    if ('error' in downloaded) return { ...base, status: 'failed', bytes: null, error: downloaded.error };
    if (downloaded.sha256 !== file.sha256) {
      const kept = existing === null ? '' : `; the existing ${dest} was left as it was`;
      return {
        ...base,
        status: 'failed',
        bytes: downloaded.bytes,
        error:
          `checksum mismatch for "${file.fileName}" downloaded from ${url}: ` +
          `expected sha256 ${file.sha256}, actual sha256 ${downloaded.sha256} ` +
          `(${downloaded.bytes} bytes); the download was discarded${kept}`,
      };
    }
    await rename(temp, dest);
    return { ...base, status: 'downloaded', bytes: downloaded.bytes };
  } finally {
    // After a successful rename this is a no-op; otherwise it drops the partial or rejected bytes.
    await rm(temp, { force: true });
  }
}

type Download = { sha256: string; bytes: number } | { error: string };

/** Stream the body to `temp`, hashing on the way; never throws, so every file gets tried. */
async function download(url: string, temp: string, timeoutMs: number): Promise<Download> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    return { error: `could not fetch ${url}: ${describeFetchError(error, timeoutMs)}` };
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { error: `${status} from ${url}` };
  }

  const hash = createHash('sha256');
  let bytes = 0;
  try {
    // The DOM and node:stream/web ReadableStream types differ only nominally.
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(temp),
    );
  } catch (error) {
    return {
      error: `download of ${url} failed after ${bytes} bytes: ${describeFetchError(error, timeoutMs)}`,
    };
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms (set ${FETCH_TIMEOUT_ENV} to allow longer)`;
  }
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth += 1) {
    if (current instanceof Error) {
      const code = (current as NodeJS.ErrnoException).code;
      parts.push(code && !current.message.includes(code) ? `${current.message} (${code})` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(': ') || 'unknown error';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
