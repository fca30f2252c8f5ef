/**
 * The "Analyse your data" result: the dashboard's own tables, built by the pipeline's brand-mode
 * `buildTables` from the brand's log (the same call as `data:build --orders`), so the page draws
 * them with the dashboard's own insight functions and components. Pure: the worker calls it.
 */
import { analyse, buildTables } from '../pipeline/run-pipeline';
import { TABLE_INFO, TABLE_NAMES, type TableName, type Tables } from '../schema';
import type { AnalysisContext } from '../segment/analysis-context';
import type { ArrivalCell } from '../sources/arrivals';
import type { StagedSources } from '../sources/stage-sources';
import { jsonChunks, tableCsvChunks } from '../tables/serialise';
import type { TransactionLog } from '../transactions/transaction-log';

/** The seed of the browser's analysis: the command line's default, so both give the same personas. */
export const OWN_SEED = 42;

/** Tables with one row per customer: the page gets them without their rows, the downloads with. */
const PER_CUSTOMER: readonly TableName[] = ['customers_master', 'clv_proxy'];

export interface OwnTablesResult {
  k: number;
  currency: string;
  /**
   * Every table as built, except that customers_master and clv_proxy have empty `rows`: a million
   * customer rows would cost the page hundreds of megabytes for nothing it draws. The downloads
   * come from the worker's full tables.
   */
  tables: Tables;
  customerRows: number;
}

/**
 * The public references a brand build keeps: the arrival curves, drawn beside the brand's own
 * orders per day × hour. Families and intents are not used in orders mode.
 */
export function referenceSources(arrivals: ArrivalCell[]): StagedSources {
  return { families: [], arrivals, intents: [], notes: [] };
}

export function buildOwnTables(
  ctx: AnalysisContext,
  arrivals: ArrivalCell[],
  seed: number,
): { full: Tables; result: OwnTablesResult } {
  const full = buildTables(ctx, referenceSources(arrivals), seed, undefined, 'orders');
  const tables = { ...full };
  for (const name of PER_CUSTOMER) {
    const table = full[name] as { rows: unknown[] };
    (tables as Record<string, unknown>)[name] = { ...table, rows: [] };
  }
  return {
    full,
    result: {
      k: ctx.k,
      currency: ctx.currency,
      tables,
      customerRows: full.customers_master.rows.length,
    },
  };
}

/** A brand's log → features, k-means, personas and every table: what the worker runs for each k. */
export function analyseOwnLog(
  log: TransactionLog,
  options: { k: number; currency: string; arrivals: ArrivalCell[]; seed?: number },
): { full: Tables; result: OwnTablesResult } {
  const seed = options.seed ?? OWN_SEED;
  const ctx = analyse(log, { seed, k: options.k, currency: options.currency });
  return buildOwnTables(ctx, options.arrivals, seed);
}

export type DownloadFormat = 'json' | 'csv';

export interface Download {
  table: TableName;
  format: DownloadFormat;
  /** The file name the build writes it as, e.g. customers_master.csv. */
  file: string;
}

/** What can be downloaded: every built table as JSON, and as CSV those the build writes as CSV. */
export function downloadsOf(tables: Tables): Download[] {
  return TABLE_NAMES.filter((name) => tables[name] !== null).flatMap((table) => [
    { table, format: 'json' as const, file: `${table}.json` },
    ...(TABLE_INFO[table].csv ? [{ table, format: 'csv' as const, file: `${table}.csv` }] : []),
  ]);
}

/** The file's contents in chunks, exactly as `data:build` writes it to public/data. */
export function tableFileChunks(tables: Tables, table: TableName, format: DownloadFormat): string[] {
  const doc = tables[table];
  if (doc === null) throw new Error(`The ${table} table was not built for this file.`);
  if (format === 'json') return [...jsonChunks(doc)];
  if (!TABLE_INFO[table].csv) throw new Error(`The ${table} table has no CSV form.`);
  const t = doc as { columns: string[]; rows: unknown[][] };
  return [...tableCsvChunks(t.columns, t.rows)];
}
