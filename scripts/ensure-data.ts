/**
 * Makes sure public/data holds tables built with the current configuration: fetches the sources
 * when they are missing (into data/sources; never into a folder named by OMNI_SOURCES_DIR), and
 * builds the data when it is missing or was built with another configuration. Used by `npm start`,
 * `npm run build` and the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCHEMA_VERSION } from '../lib/schema/manifest';
import { main as fetchMain } from './fetch-sources';
import { parseBuildConfig, type BuildConfig } from './lib/build-config';
import { checkSources, formatSourcesProblems, resolveSourcesDir, SOURCES_DIR_ENV } from './lib/sources-dir';

const DATA_DIR = path.join('public', 'data');

/** Why the data must be rebuilt, or null when the manifest matches the configuration. */
export function staleReason(manifestText: string | null, config: BuildConfig): string | null {
  if (manifestText === null) return 'no data has been built yet';
  let m: { schema_version?: number; config?: Record<string, unknown>; provenance?: { kind?: string } };
  try {
    m = JSON.parse(manifestText);
  } catch {
    return 'public/data/manifest.json is not valid JSON';
  }
  if (m.schema_version !== SCHEMA_VERSION) return `schema version ${m.schema_version} ≠ ${SCHEMA_VERSION}`;
  // A build from a brand's own orders is kept: its configuration is the files', not the synthetic one.
  if (m.provenance?.kind === 'orders') return null;
  const want: Record<string, unknown> = {
    seed: config.seed,
    customers: config.customers,
    months: config.months,
    window_end: config.windowEnd,
    recent_months: config.recentMonths,
    k: config.k,
    currency: config.currency,
    usd_to_currency: config.usdToCurrency,
  };
  for (const [key, value] of Object.entries(want)) {
    if (m.config?.[key] !== value)
      return `${key} is ${JSON.stringify(m.config?.[key])}, configured ${JSON.stringify(value)}`;
  }
  return null;
}

/** The orders file a manifest was built from, when it is a brand build (whatever its schema version). */
export function brandBuildOf(manifestText: string | null): string | null {
  if (manifestText === null) return null;
  try {
    const m = JSON.parse(manifestText) as { provenance?: { kind?: string; files?: { orders?: string } } };
    return m.provenance?.kind === 'orders' ? (m.provenance.files?.orders ?? 'your orders file') : null;
  } catch {
    return null;
  }
}

export async function ensureData(): Promise<number> {
  const { config } = parseBuildConfig([], process.env);
  let manifest: string | null = null;
  try {
    manifest = readFileSync(path.join(DATA_DIR, 'manifest.json'), 'utf8');
  } catch {
    manifest = null;
  }
  // Up to date: nothing to fetch or build (a brand build needs no public files).
  const reason = staleReason(manifest, config);
  if (reason === null) {
    console.log('public/data is up to date with the configuration.');
    return 0;
  }
  // A brand's own build is never replaced by synthetic data behind its back.
  const brand = brandBuildOf(manifest);
  if (brand !== null) {
    console.error(
      `public/data was built from your own orders (${brand}) by an earlier version (${reason}). ` +
        `Build it again from your files with \`npm run data:build -- --orders ${brand} …\` (the same options as before), ` +
        'or delete public/data to go back to the synthetic customers.',
    );
    return 1;
  }
  const sourcesDir = resolveSourcesDir();
  const check = await checkSources(sourcesDir);
  if (check.missing.length > 0 || check.mismatched.length > 0) {
    if (process.env[SOURCES_DIR_ENV]?.trim()) {
      console.error(formatSourcesProblems(sourcesDir, check));
      return 1;
    }
    console.log('Source data missing: downloading the pinned public datasets…');
    const code = await fetchMain(process.env);
    if (code !== 0) return code;
  }
  console.log(`Building public/data (${reason}).`);
  // Loaded only to build: the build needs DuckDB's native engine, and data built elsewhere and
  // copied here must serve on a machine DuckDB publishes no engine for (scripts/lib/duckdb-native.ts).
  const { main: buildMain } = await import('./build-data');
  return buildMain([]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureData().then((code) => process.exit(code));
}
