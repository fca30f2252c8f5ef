/**
 * The tables' order-line sums (lib/tables/table-sums.ts) filled by the warehouse contract's SQL on
 * DuckDB instead of the TypeScript loops: the same bundle, so `buildTables` makes the same tables
 * from either (issue 15; table-sums.test.ts builds every table both ways). The connection's
 * relations come from logToDuckDB or parquetToDuckDB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { categoryIntents } from '../intents/category-intents';
import type { AnalysisContext } from '../segment/analysis-context';
import { affinityLevelKeys, type AffinityLevel } from '../tables/product-affinity';
import { monthIndexer } from '../tables/revenue-by-cluster';
import type { CustomerSums, PersonaSums } from '../tables/table-sums';
import type { TransactionLog } from '../transactions/transaction-log';
import { backTestWindow, type ValueOptions, type ValueSums } from '../value/customer-value';
import { levelCountsFromDuckDB, setClusters, valueSummaryFromDuckDB } from './contract';
import {
  arrivalCellsFromDuckDB,
  categoryDemandFromDuckDB,
  channelUseFromDuckDB,
  clusterChannelTotalsFromDuckDB,
  clusterMonthsFromDuckDB,
  clusterOrderTotalsFromDuckDB,
  holdoutCountsFromDuckDB,
  marketingSumsFromDuckDB,
  topIntentIndexFromDuckDB,
} from './table-aggregates';

/** The frame of the log the SQL needs beside its relations: the window and the categories. */
type LogFrame = Pick<TransactionLog, 'windowStart' | 'windowDays' | 'customerCount' | 'categories'>;

/** The value model's sums: value_summary.sql at the window's end, and at the back-test's calibration end with its holdout. */
async function valueSumsFromDuckDB(
  connection: DuckDBConnection,
  frame: LogFrame,
  options: ValueOptions,
): Promise<ValueSums> {
  const n = frame.customerCount;
  const rfm = await valueSummaryFromDuckDB(connection, n, frame.windowDays - 1);
  const window = backTestWindow(frame, options);
  if ('reason' in window) return { rfm, backTest: null, backTestReason: window.reason };
  const { calibrationEndDay, holdoutEndDay } = window;
  return {
    rfm,
    backTest: {
      calibrationEndDay,
      holdoutEndDay,
      calibration: await valueSummaryFromDuckDB(connection, n, calibrationEndDay),
      holdout: await holdoutCountsFromDuckDB(connection, n, calibrationEndDay, holdoutEndDay),
    },
    backTestReason: null,
  };
}

/** The sums that need no personas. */
export async function customerSumsFromDuckDB(
  connection: DuckDBConnection,
  frame: LogFrame,
  valueOptions: ValueOptions,
): Promise<CustomerSums> {
  return {
    value: await valueSumsFromDuckDB(connection, frame, valueOptions),
    arrivalCells: await arrivalCellsFromDuckDB(connection),
    demand: await categoryDemandFromDuckDB(connection, frame.categories.length),
  };
}

/**
 * The persona sums, once the personas are known: `peaks` are each channel's peak cells (the build's
 * curvePeaks), `intents` the build's intents.
 */
export async function personaSumsFromDuckDB(
  connection: DuckDBConnection,
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  customer: CustomerSums,
  peaks: readonly (readonly number[])[],
  intents: readonly string[],
): Promise<PersonaSums> {
  const { log, k } = ctx;
  await setClusters(connection, ctx.clusterOf);
  const categoryIntent = categoryIntents(log.categories, intents);
  const orderTotals = await clusterOrderTotalsFromDuckDB(connection, k);
  const clusterOrders = orderTotals.clusters.map((t) => t.orders);
  const levels = affinityLevelKeys(log.categories, intents);
  const level = ({ size, levelOf }: AffinityLevel) =>
    levelCountsFromDuckDB(connection, k, size, log.categories.length, levelOf, clusterOrders);
  return {
    orderTotals,
    months: await clusterMonthsFromDuckDB(
      connection,
      k,
      monthIndexer(log.windowStart, log.windowDays).labels.length,
    ),
    topIntent: await topIntentIndexFromDuckDB(connection, log.customerCount, categoryIntent),
    operations: {
      use: await channelUseFromDuckDB(connection, k),
      totals: await clusterChannelTotalsFromDuckDB(connection, k, peaks),
      cells: customer.arrivalCells,
    },
    marketing: await marketingSumsFromDuckDB(connection, k),
    affinity: {
      families: await level(levels.families),
      intents: await level(levels.intents),
    },
  };
}
