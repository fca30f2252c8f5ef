/**
 * `npm run data:fetch`: download the five pinned source CSVs into the sources folder
 * (OMNI_SOURCES_DIR, else data/sources). Exit 0 when all five are in place and verified, else 1.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SOURCE_COMMIT, SOURCE_REPOSITORY } from '../lib/sources/source-files';
import {
  defaultLog,
  fetchSources,
  resolveBaseUrl,
  resolveTimeoutMs,
  type FetchLog,
} from './lib/fetch-sources-lib';
import { resolveSourcesDir, type Env } from './lib/sources-dir';

export async function main(env: Env = process.env, log: FetchLog = defaultLog): Promise<number> {
  let timeoutMs: number;
  try {
    timeoutMs = resolveTimeoutMs(env);
  } catch (error) {
    log(`data:fetch: ${(error as Error).message}`, 'err');
    return 1;
  }
  const dir = resolveSourcesDir(env);
  const baseUrl = resolveBaseUrl(env);
  log(`Fetching ${SOURCE_REPOSITORY}@${SOURCE_COMMIT.slice(0, 7)} from ${baseUrl}`, 'out');
  log(`into ${dir}`, 'out');

  let report;
  try {
    report = await fetchSources({ dir, baseUrl, log, timeoutMs });
  } catch (error) {
    log(`data:fetch: cannot prepare ${dir}: ${(error as Error).message}`, 'err');
    return 1;
  }

  const total = report.results.length;
  if (report.ok) {
    log(
      `All ${total} source files verified (${report.downloaded} downloaded, ${report.cached} cached).`,
      'out',
    );
    return 0;
  }
  const names = report.results.filter((r) => r.status === 'failed').map((r) => `"${r.file.fileName}"`);
  log(
    `data:fetch failed: ${report.failed} of ${total} source files could not be fetched (${names.join(', ')}); ` +
      `${report.downloaded} downloaded, ${report.cached} cached.`,
    'err',
  );
  return 1;
}

// Only run when executed (tsx scripts/fetch-sources.ts), not when imported by a test.
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('data:fetch: unexpected error:', error);
      process.exitCode = 1;
    },
  );
}
