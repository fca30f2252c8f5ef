/**
 * Every table built from one synthetic log (3,000 customers) from the order-line sums of the
 * TypeScript loops over the log in memory, and from the same sums run as the warehouse contract's
 * SQL on DuckDB (issue 15); then once more with the per-customer features from SQL as well, so that
 * every figure read from the orders comes from DuckDB. The tables are what the dashboard publishes,
 * rounded as published, so each build must write the same JSON, figure for figure; in both build
 * modes (a synthetic log with marketing, and a brand's orders without).
 */
import { readSharedSources } from '@/test/helpers/shared-sources';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, buildTables, tableIntents, tablePeaks } from '../pipeline/run-pipeline';
import type { Tables } from '../schema';
import type { AnalysisContext } from '../segment/analysis-context';
import { stageSources, type StagedSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '../synth/synth-config';
import type { TableSums } from '../tables/table-sums';
import { DEFAULT_VALUE_OPTIONS, type ValueOptions } from '../value/customer-value';
import { featuresFromDuckDB, logToDuckDB, withDuckDB } from './contract';
import { customerSumsFromDuckDB, personaSumsFromDuckDB } from './table-sums';

const SEED = 42;
const OPTIONS: ValueOptions = { ...DEFAULT_VALUE_OPTIONS, seed: SEED };

/** The bundle from the contract's SQL on DuckDB, for one context and mode. */
async function sqlSums(ctx: AnalysisContext, sources: StagedSources, mode: 'synthetic' | 'orders') {
  const intents = tableIntents(ctx.log, sources, mode);
  return withDuckDB(async (connection): Promise<TableSums> => {
    await logToDuckDB(connection, ctx.log);
    const customer = await customerSumsFromDuckDB(connection, ctx.log, OPTIONS);
    const peaks = tablePeaks(ctx.log, sources, customer.arrivalCells);
    return { ...customer, ...(await personaSumsFromDuckDB(connection, ctx, customer, peaks, intents)) };
  });
}

/** Each table's JSON, as the build writes it. */
const published = (tables: Tables) =>
  Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, JSON.stringify(table)]));

describe.each(['synthetic', 'orders'] as const)('every table from SQL sums, %s mode', (mode) => {
  let sources: StagedSources;
  let ctx: AnalysisContext;
  let sums: TableSums;
  beforeAll(async () => {
    sources = stageSources(readSharedSources());
    const generated = generateTransactions(sources, { ...DEFAULT_SYNTH_CONFIG, customers: 3000, seed: 23 });
    // A brand's orders carry no marketing touches.
    const log = mode === 'orders' ? { ...generated, marketing: null } : generated;
    ctx = analyse(log, { seed: SEED, k: 5, currency: 'INR' });
    sums = await sqlSums(ctx, sources, mode);
  }, 120_000);

  it('reads sums that are not empty', () => {
    // Guards the comparison below from passing on two empty bundles.
    expect(sums.orderTotals.all.orders).toBe(ctx.log.orderCount);
    expect(sums.affinity.families.pairs.some((v) => v > 0)).toBe(true);
    expect(sums.value.backTest?.holdout.purchases.some((v) => v > 0)).toBe(true);
    expect(sums.marketing === null).toBe(mode === 'orders');
  });

  it('writes the same JSON for every table as the build that sums the log itself', () => {
    // The build without given sums fills the bundle with the TypeScript loops (customerSumsOfLog, personaSumsOfLog).
    const unaided = published(buildTables(ctx, sources, SEED, undefined, mode));
    const fromSql = published(buildTables(ctx, sources, SEED, undefined, mode, {}, sums));
    expect(Object.keys(fromSql).sort()).toEqual(Object.keys(unaided).sort());
    const differing = Object.keys(unaided).filter((name) => fromSql[name] !== unaided[name]);
    expect(differing).toEqual([]);
  });

  it('builds the same tables when the features come from SQL too', async () => {
    // Every figure read from the orders then comes from DuckDB: features, segmentation on them, sums.
    const features = await withDuckDB(async (connection) => {
      await logToDuckDB(connection, ctx.log);
      return featuresFromDuckDB(connection, ctx.log.customerCount);
    });
    const sqlCtx = analyse(ctx.log, { seed: SEED, k: 5, currency: 'INR' }, undefined, features);
    expect(Array.from(sqlCtx.clusterOf)).toEqual(Array.from(ctx.clusterOf));
    const fromSql = published(buildTables(sqlCtx, sources, SEED, undefined, mode, {}, sums));
    const unaided = published(buildTables(ctx, sources, SEED, undefined, mode));
    const differing = Object.keys(unaided).filter((name) => fromSql[name] !== unaided[name]);
    expect(differing).toEqual([]);
  });
});
