import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyse, buildTables } from '../../lib/pipeline/run-pipeline';
import { rowCount, TABLE_INFO, TABLE_NAMES, TABLE_SCHEMAS, type Tables } from '../../lib/pipeline/tables';
import { ManifestSchema, SCHEMA_VERSION, type Manifest } from '../../lib/schema/manifest';
import { PRICE_ERRATA } from '../../lib/sources/price-errata';
import {
  SOURCE_CITATION,
  SOURCE_COMMIT,
  SOURCE_FILES,
  SOURCE_LICENCE,
  SOURCE_REPOSITORY,
} from '../../lib/sources/source-files';
import { stageSources } from '../../lib/sources/stage-sources';
import { generateTransactions } from '../../lib/synth/generate-transactions';
import { addDays } from '../../lib/transactions/transaction-log';
import type { BuildConfig } from './build-config';
import { readPackageVersions, type PackageVersions } from './package-versions';
import { readSourceTexts } from './sources-dir';
import { replaceFolder, writeCsv, writeJson } from './write-data-folder';

export type Logger = (line: string) => void;

export class TableValidationError extends Error {
  constructor(table: string, issues: Array<{ path: PropertyKey[]; message: string }>) {
    const listed = issues
      .slice(0, 10)
      .map((i) => `  - ${table}.${i.path.map(String).join('.')}: ${i.message}`);
    super([`Table ${table} does not match its schema; nothing was written:`, ...listed].join('\n'));
    this.name = 'TableValidationError';
  }
}

export interface BuildReport {
  manifest: Manifest;
  stages: Array<{ stage: string; ms: number; detail: string }>;
  peakRssBytes: number;
}

export function validateTables(tables: Tables): void {
  for (const name of TABLE_NAMES) {
    const table = tables[name];
    if (table === null) continue;
    const result = TABLE_SCHEMAS[name].safeParse(table);
    if (!result.success) throw new TableValidationError(name, result.error.issues);
  }
}

function buildManifest(
  config: BuildConfig,
  tables: Tables,
  counts: Manifest['counts'],
  windowStart: string,
  windowEnd: string,
  notes: string[],
  versions: PackageVersions,
): Manifest {
  return {
    schema_version: SCHEMA_VERSION,
    title: 'Omnichannel Insights — synthetic customers on public omnichannel grocery data',
    config: {
      seed: config.seed,
      customers: config.customers,
      months: config.months,
      window_start: windowStart,
      window_end: windowEnd,
      recent_months: config.recentMonths,
      k: config.k,
      currency: config.currency,
      usd_to_currency: config.usdToCurrency,
    },
    sources: {
      repository: `https://github.com/${SOURCE_REPOSITORY}`,
      commit: SOURCE_COMMIT,
      citation: SOURCE_CITATION,
      licence: SOURCE_LICENCE,
      files: SOURCE_FILES.map((f) => ({ file: f.fileName, sha256: f.sha256, rows: f.rows })),
    },
    versions,
    counts,
    tables: TABLE_NAMES.filter((name) => tables[name] !== null).map((name) => ({
      name,
      grain: TABLE_INFO[name].grain,
      key: TABLE_INFO[name].key,
      rows: rowCount(name, tables[name]),
      files: [`${name}.json`, ...(TABLE_INFO[name].csv ? [`${name}.csv`] : [])],
      description: TABLE_INFO[name].description,
    })),
    notes: [
      'Customers, orders and marketing touches are synthetic, generated from the public data with a fixed seed; they describe no real person.',
      'Scores (engagement, loyalty, churn risk, CLV proxy) are relative 0–100 ranks within this customer base, not absolute or financial figures.',
      `Prices are the sources' US-dollar prices (January 2023) converted at a fixed ${config.usdToCurrency} ${config.currency} per USD.`,
      ...PRICE_ERRATA.map(
        (e) => `Generator price substitution: ${e.reason}; priced like the median family of its intent.`,
      ),
      ...notes,
    ],
  };
}

/**
 * The whole build: read and verify the sources, stage them, generate the customers, analyse,
 * build and validate every table, then write them to a temporary folder swapped in whole.
 */
export async function buildData(options: {
  sourcesDir: string;
  outDir: string;
  config: BuildConfig;
  log?: Logger;
  /** Where package.json and package-lock.json are read for the manifest's versions. */
  projectRoot?: string;
}): Promise<BuildReport> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const stages: BuildReport['stages'] = [];
  let peakRss = process.memoryUsage().rss;
  const report = (stage: string, ms: number, detail: string) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    stages.push({ stage, ms, detail });
    log(`${stage.padEnd(16)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${detail}`);
  };
  const step = async <T>(stage: string, run: () => T | Promise<T>, detail: (r: T) => string): Promise<T> => {
    const t0 = performance.now();
    const r = await run();
    report(stage, performance.now() - t0, detail(r));
    return r;
  };

  const texts = await step(
    'read sources',
    () => readSourceTexts(options.sourcesDir),
    () => `${SOURCE_FILES.length} files, sha256 verified`,
  );
  const sources = await step(
    'stage sources',
    () => stageSources(texts),
    (s) => `${s.families.length} families, ${s.arrivals.length} arrival cells`,
  );
  const txLog = await step(
    'generate',
    () => generateTransactions(sources, config),
    (l) =>
      `${l.customerCount.toLocaleString('en')} customers, ${l.orderCount.toLocaleString('en')} orders, ${l.lineCount.toLocaleString('en')} lines`,
  );
  const ctx = analyse(txLog, { seed: config.seed, k: config.k, currency: config.currency }, report);
  const tables = buildTables(ctx, sources, config.seed, report);
  await step(
    'validate',
    () => validateTables(tables),
    () => 'all tables match their schemas',
  );

  let touches = 0;
  for (const t of txLog.marketing?.touches ?? []) touches += t;
  const manifest = buildManifest(
    config,
    tables,
    {
      customers: txLog.customerCount,
      orders: txLog.orderCount,
      order_lines: txLog.lineCount,
      marketing_touches: touches,
    },
    txLog.windowStart,
    addDays(txLog.windowStart, txLog.windowDays - 1),
    sources.notes,
    readPackageVersions(options.projectRoot),
  );
  const parsed = ManifestSchema.safeParse(manifest);
  if (!parsed.success) throw new TableValidationError('manifest', parsed.error.issues);

  await step(
    'write',
    () =>
      replaceFolder(options.outDir, async (tmp) => {
        for (const name of TABLE_NAMES) {
          const table = tables[name];
          if (table === null) continue;
          await writeJson(path.join(tmp, `${name}.json`), table);
          if (TABLE_INFO[name].csv) {
            const t = table as { columns: string[]; rows: unknown[][] };
            await writeCsv(path.join(tmp, `${name}.csv`), t.columns, t.rows);
          }
        }
        await writeJson(path.join(tmp, 'manifest.json'), manifest);
        await writeFile(path.join(tmp, '.gitkeep'), '');
      }),
    () => options.outDir,
  );
  return { manifest, stages, peakRssBytes: peakRss };
}
