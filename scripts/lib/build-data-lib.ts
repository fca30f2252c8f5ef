import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { firstRowsFile } from '../../lib/explorer/first-rows';
import type { CustomerKeyMap } from '../../lib/orders/customer-keys';
import { exportCustomersCsv, exportOrdersCsv } from '../../lib/orders/export-orders';
import { OrdersInputError } from '../../lib/orders/orders-input-error';
import { readCustomersCsvFile, readOrdersCsvFile, unreadableFile } from '../../lib/orders/read-csv-file';
import {
  customersReadOptions,
  finishOwnData,
  ordersReadOptions,
  readSideFiles,
  type OwnDataOptions,
  type OwnDataReport,
} from '../../lib/pipeline/own-data';
import { analyse, buildTables } from '../../lib/pipeline/run-pipeline';
import { rowCount, TABLE_INFO, TABLE_NAMES, TABLE_SCHEMAS, type Tables } from '../../lib/schema';
import { rowsCheckableApart, rowsPassFastChecks } from '../../lib/schema/fast-check';
import { ManifestSchema, SCHEMA_VERSION, type Manifest, type Provenance } from '../../lib/schema/manifest';
import { PRICE_ERRATA } from '../../lib/sources/price-errata';
import {
  SOURCE_CITATION,
  SOURCE_COMMIT,
  SOURCE_FILES,
  SOURCE_LICENCE,
  SOURCE_REPOSITORY,
} from '../../lib/sources/source-files';
import { stageSources, type StagedSources } from '../../lib/sources/stage-sources';
import { generateTransactions } from '../../lib/synth/generate-transactions';
import { addDays, type TransactionLog } from '../../lib/transactions/transaction-log';
import type { BuildConfig, OwnDataArgs } from './build-config';
import { readPackageVersions, type PackageVersions } from './package-versions';
import { DEFAULT_PRIVATE_DIR, loadSecret, writeKeyMap } from './private-dir';
import { readSourceTexts, SourcesError } from './sources-dir';
import { replaceFolder, writeCsv, writeJson, writeParquetTable } from './write-data-folder';

export type Logger = (line: string) => void;

export class TableValidationError extends Error {
  constructor(table: string, issues: Array<{ path: PropertyKey[]; message: string }>) {
    const listed = issues
      .slice(0, 10)
      .map((i) => `  - ${table}.${i.path.map(String).join('.')}: ${i.message}`);
    super(
      [
        `The ${table} table came out in a shape the pages cannot read. This is a fault in Omnichannel Insights, not in your data: nothing was written. Please report it with these details:`,
        ...listed,
      ].join('\n'),
    );
    this.name = 'TableValidationError';
  }
}

export interface BuildReport {
  manifest: Manifest;
  stages: Array<{ stage: string; ms: number; detail: string }>;
  peakRssBytes: number;
  /** Seconds the write stage spent on each format, so a slow write says which one. */
  writeSeconds: { json: number; csv: number; parquet: number };
}

export function validateTables(tables: Tables): void {
  for (const name of TABLE_NAMES) {
    const table = tables[name];
    if (table === null) continue;
    // The per-customer tables' rows by their columns' plain checks (lib/schema/fast-check.ts), the
    // rest by zod; rows that fail a plain check, or rules it does not know, go to zod whole, which
    // says what is wrong and where.
    const dictionary = TABLE_INFO[name].parquet;
    const schema = TABLE_SCHEMAS[name];
    const rowsPass =
      dictionary && 'rows' in table && rowsCheckableApart(schema)
        ? rowsPassFastChecks(dictionary, table.rows)
        : null;
    const result = schema.safeParse(rowsPass ? { ...table, rows: [] } : table);
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
  own: { report: OwnDataReport; log: TransactionLog; reference: boolean } | null = null,
): Manifest {
  return {
    schema_version: SCHEMA_VERSION,
    title: own
      ? `Omnichannel Insights — a brand's own orders (${own.report.orders.file})`
      : 'Omnichannel Insights — synthetic customers on public omnichannel grocery data',
    config: {
      seed: config.seed,
      customers: own ? own.log.customerCount : config.customers,
      months: own ? Math.max(1, Math.round(own.log.windowDays / 30.4375)) : config.months,
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
      // A brand build without the public files downloaded uses none of them.
      files:
        own && !own.reference
          ? []
          : SOURCE_FILES.map((f) => ({ file: f.fileName, sha256: f.sha256, rows: f.rows })),
    },
    versions,
    counts,
    tables: TABLE_NAMES.filter((name) => tables[name] !== null).map((name) => ({
      name,
      grain: TABLE_INFO[name].grain,
      key: TABLE_INFO[name].key,
      rows: rowCount(name, tables[name]),
      files: [
        `${name}.json`,
        ...(TABLE_INFO[name].csv ? [`${name}.csv`] : []),
        ...(TABLE_INFO[name].parquet ? [`${name}.parquet`, firstRowsFile(name)] : []),
      ],
      description: TABLE_INFO[name].description,
    })),
    notes: own
      ? ownNotes(own.report, config, own.reference)
      : [
          'Customers, orders and marketing touches are synthetic, generated from the public data with a fixed seed; they describe no real person.',
          'Scores (engagement, loyalty, churn risk, CLV proxy) are relative 0–100 ranks within this customer base, not absolute or financial figures.',
          `Prices are the sources' US-dollar prices (January 2023) converted at a fixed ${config.usdToCurrency} ${config.currency} per USD.`,
          ...PRICE_ERRATA.map(
            (e) => `Generator price substitution: ${e.reason}; priced like the median family of its intent.`,
          ),
          ...notes,
        ],
    provenance: own ? provenanceOf(own.report) : { kind: 'synthetic' },
  };
}

function ownNotes(report: OwnDataReport, config: BuildConfig, reference: boolean): string[] {
  return [
    `Customers and orders are the brand's own, read from ${report.orders.file}; no synthetic customer was generated.`,
    'Scores (engagement, loyalty, churn risk, CLV proxy) are relative 0–100 ranks within this customer base, not absolute or financial figures.',
    `Money is as written in the orders file, shown in ${config.currency}.`,
    "The demand table describes the brand's categories: purchase % is the share of a channel's orders holding the category, daily demand the units a day, prices amount ÷ quantity; dwell, impulse, emotional flag, zone and example products exist only in the public data and are empty.",
    reference
      ? "The public arrival curves (Bhowmick & Pazour, IISE 2024) are kept as a reference beside the brand's orders per day × hour."
      : "The public arrival curves were not found on this machine (they are optional for a brand's own orders): the pages show the brand's own orders per day × hour without that reference, and peak hours come from the brand's orders.",
    'Customer keys (e-mails, phone numbers, ids) are pseudonymised: the tables carry ids made with a keyed hash, and the key map that turns them back is kept in a private folder, never in this one.',
    'The orders format carries no marketing touches: the marketing table is not built, and scores leave their marketing components out.',
  ];
}

export function provenanceOf(report: OwnDataReport): Provenance {
  const o = report.orders;
  const c = report.customers;
  return {
    kind: 'orders',
    files: {
      orders: o.file,
      customers: c?.file ?? null,
      intents: report.intentsFile,
      products: report.productsFile?.file ?? null,
    },
    platform: o.platform,
    platform_label: o.platformLabel,
    platform_notes: o.notes,
    reconciliation: o.reconciliation,
    customer_keys: o.customerKeys,
    pending_orders: { cash_on_delivery: o.pendingOrders.cashOnDelivery, other: o.pendingOrders.other },
    app_sources: o.appSources,
    unknown_sources: o.unknownSources,
    unknown_statuses: o.unknownStatuses,
    category_source: o.categorySource,
    lines_without_product: o.linesWithoutProduct,
    columns_how: o.columnsHow as Record<string, string>,
    rows_read: o.rowsRead,
    rows_skipped: o.rowsSkipped,
    skipped_by: o.skippedBy,
    // Published: the reasons without the values they quote (a misplaced column could put a name there).
    first_bad_rows: [
      ...o.problems.map((p) => ({ file: o.file, line: p.line, reason: withoutValues(p.reason) })),
      ...(c?.problems ?? []).map((p) => ({ file: c!.file, line: p.line, reason: withoutValues(p.reason) })),
    ],
    columns: o.columns as Record<string, string>,
    first_day: o.firstDay,
    last_day: o.lastDay,
    date_order: o.dateOrder,
    date_order_assumed: o.dateOrderAssumed,
    customers_file: c
      ? {
          rows_read: c.rowsRead,
          rows_skipped: c.rowsSkipped,
          rows_without_orders: c.rowsWithoutOrders,
          customers_without_row: c.customersWithoutRow,
          columns: c.columns as Record<string, string>,
          known: c.known,
        }
      : null,
    warnings: report.warnings,
  };
}

/** A reason as published in the manifest: the values it quotes ("…") left out, its words kept. */
export function withoutValues(reason: string): string {
  return reason.replace(/"[^"]*"/g, '…');
}

/** A file's name and size, or an OrdersInputError naming it when it is not there. */
async function checkInputFile(what: string, file: string): Promise<{ file: string; bytes: number }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new OrdersInputError(`${what} file ${file} is not a file.`);
    return { file: path.basename(file), bytes: info.size };
  } catch (error) {
    if (error instanceof OrdersInputError) throw error;
    throw new OrdersInputError(`${what} file not found: ${file}`);
  }
}

/** A small side file's text (intents, products), or an OrdersInputError naming it. */
async function readInputFile(
  what: string,
  file: string,
): Promise<{ file: string; text: string; firstBytes: Uint8Array }> {
  const { file: name } = await checkInputFile(what, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadableFile(name, error);
  }
  return { file: name, text: bytes.toString('utf8'), firstBytes: bytes.subarray(0, 2) };
}

/** `--export-orders DIR`: the synthetic log (without marketing) as orders.csv, intents.csv and customers.csv. */
export async function exportSyntheticOrders(options: {
  sourcesDir: string;
  dir: string;
  config: BuildConfig;
}): Promise<{ orders: string; intents: string; customers: string; rows: number; log: TransactionLog }> {
  const sources = stageSources(await readSourceTexts(options.sourcesDir));
  const log = { ...generateTransactions(sources, options.config), marketing: null };
  const { orders, intents } = exportOrdersCsv(log);
  await mkdir(options.dir, { recursive: true });
  const ordersPath = path.join(options.dir, 'orders.csv');
  const intentsPath = path.join(options.dir, 'intents.csv');
  await writeFile(ordersPath, orders);
  await writeFile(intentsPath, intents);
  const customersPath = path.join(options.dir, 'customers.csv');
  await writeFile(customersPath, exportCustomersCsv(log));
  return { orders: ordersPath, intents: intentsPath, customers: customersPath, rows: log.lineCount, log };
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
  /** Build from a brand's own files instead of synthetic customers. */
  own?: OwnDataArgs | null;
}): Promise<BuildReport & { ownReport: OwnDataReport | null; keyMapFile: string | null }> {
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

  const own = options.own ?? null;
  // A brand's own orders need the public files only for the arrival reference: without them the
  // build goes on, and the pages say the reference is absent.
  const texts = await step(
    'read sources',
    async () => {
      try {
        return await readSourceTexts(options.sourcesDir);
      } catch (error) {
        // Missing files are fine for a brand build; altered ones are not hidden.
        if (own && error instanceof SourcesError && error.mismatched.length === 0) return null;
        throw error;
      }
    },
    (t) =>
      t
        ? `${SOURCE_FILES.length} files, sha256 verified`
        : 'not found: the public arrival reference is left out (a brand build does not need it)',
  );
  const sources: StagedSources = texts
    ? await step(
        'stage sources',
        () => stageSources(texts),
        (s) => `${s.families.length} families, ${s.arrivals.length} arrival cells`,
      )
    : { families: [], arrivals: [], intents: [], notes: [] };
  const describe = (l: TransactionLog) =>
    `${l.customerCount.toLocaleString('en')} customers, ${l.orderCount.toLocaleString('en')} orders, ${l.lineCount.toLocaleString('en')} lines`;
  let ownReport: OwnDataReport | null = null;
  let keyMap: CustomerKeyMap | null = null;
  let txLog: TransactionLog;
  const privateDir = path.resolve(own?.privateDir ?? DEFAULT_PRIVATE_DIR);
  if (own) {
    const files = await step(
      'read files',
      async () => ({
        // The orders and customers are streamed by the reads below; intents and products are small.
        orders: await checkInputFile('Orders', own.orders),
        customers: own.customers ? await checkInputFile('Customers', own.customers) : undefined,
        intents: own.intents ? await readInputFile('Intents', own.intents) : undefined,
        products: own.products ? await readInputFile('Products', own.products) : undefined,
      }),
      (f) =>
        [f.customers, f.intents, f.products]
          .filter((side) => side !== undefined)
          .map((side) => side.file)
          .join(', ') || 'no side files',
    );
    const { secret, from } = await loadSecret(privateDir);
    log(`pseudonyms       secret from ${from}`);
    const ownOptions: OwnDataOptions = {
      mapping: own.mapping,
      dateOrder: own.dateOrder,
      maxBadShare: own.maxBadShare,
      recentMonths: config.recentMonths,
      ...(own.channel ? { channel: own.channel } : {}),
      secret,
    };
    const side = readSideFiles(files);
    const orders = await step(
      'read orders',
      () => readOrdersCsvFile(own.orders, ordersReadOptions(files.orders.file, ownOptions, side)),
      (o) =>
        `${files.orders.file}, ${(files.orders.bytes / 2 ** 20).toFixed(1)} MiB: ${o.report.rowsRead.toLocaleString('en')} rows (${o.report.rowsSkipped.toLocaleString('en')} skipped), ${o.report.platformLabel} → ${describe(o.log)}`,
    );
    // Streamed too: a CRM export of millions of members is more than one string holds.
    const customers = files.customers
      ? await step(
          'read customers',
          () =>
            readCustomersCsvFile(
              own.customers!,
              customersReadOptions(files.customers!.file, orders, ownOptions),
            ),
          ({ report: c }) =>
            `${c.file}, ${(files.customers!.bytes / 2 ** 20).toFixed(1)} MiB: ${c.rowsRead.toLocaleString('en')} rows, joined on "${c.columns.customer_id}", ${(c.rowsRead - c.rowsSkipped - c.rowsWithoutOrders).toLocaleString('en')} matched`,
        )
      : null;
    const read = finishOwnData(orders, side, customers, files, ownOptions);
    txLog = read.log;
    ownReport = read.report;
    keyMap = read.keyMap;
  } else {
    txLog = await step('generate', () => generateTransactions(sources, config), describe);
  }
  const ctx = analyse(txLog, { seed: config.seed, k: config.k, currency: config.currency }, report);
  const tables = buildTables(ctx, sources, config.seed, report, own ? 'orders' : 'synthetic', {
    holdoutMonths: config.holdoutMonths,
  });
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
    ownReport ? { report: ownReport, log: txLog, reference: texts !== null } : null,
  );
  const parsed = ManifestSchema.safeParse(manifest);
  if (!parsed.success) throw new TableValidationError('manifest', parsed.error.issues);

  // The key map first (written whole, then renamed): if it cannot be written, the tables are not
  // replaced either, and a map with the new ids beside the old tables does no harm.
  const keyMapFile = keyMap
    ? await step(
        'key map',
        () => writeKeyMap(privateDir, keyMap),
        (file) => `${keyMap.ids.length.toLocaleString('en')} customers → ${file} (private: never publish it)`,
      )
    : null;
  const formatSeconds: BuildReport['writeSeconds'] = { json: 0, csv: 0, parquet: 0 };
  const timedWrite = async (format: keyof typeof formatSeconds, write: () => Promise<void>) => {
    const t0 = performance.now();
    await write();
    formatSeconds[format] += (performance.now() - t0) / 1000;
  };
  await step(
    'write',
    () =>
      replaceFolder(options.outDir, async (tmp) => {
        for (const name of TABLE_NAMES) {
          const table = tables[name];
          if (table === null) continue;
          await timedWrite('json', () => writeJson(path.join(tmp, `${name}.json`), table));
          const t = table as { columns: string[]; rows: unknown[][] };
          if (TABLE_INFO[name].csv)
            await timedWrite('csv', () => writeCsv(path.join(tmp, `${name}.csv`), t.columns, t.rows));
          const parquet = TABLE_INFO[name].parquet;
          if (parquet)
            await timedWrite('parquet', () =>
              writeParquetTable(path.join(tmp, `${name}.parquet`), parquet, t.rows),
            );
        }
        await writeJson(path.join(tmp, 'manifest.json'), manifest);
        await writeFile(path.join(tmp, '.gitkeep'), '');
      }),
    () =>
      `${options.outDir} (JSON ${formatSeconds.json.toFixed(1)} s, CSV ${formatSeconds.csv.toFixed(1)} s, Parquet ${formatSeconds.parquet.toFixed(1)} s)`,
  );
  return { manifest, stages, peakRssBytes: peakRss, writeSeconds: formatSeconds, ownReport, keyMapFile };
}
