/**
 * Every sum over the orders and their lines that the tables read, in one bundle (issue 15). The
 * build fills it from the log in memory with the TypeScript references (`customerSumsOfLog`,
 * `personaSumsOfLog`), or runs the warehouse contract's SQL on DuckDB for the same figures
 * (lib/duckdb/table-sums.ts). Given the bundle, the table builders read only these sums, the
 * per-customer features and scores, the personas and the log's frame (window, categories, customer
 * ids and attributes); each builder still sums the log itself when called without it (its tests).
 * A bundle is made with the build's options (value options, intents, peaks): nothing checks that.
 */
import { categoryIntents } from '../intents/category-intents';
import type { AnalysisContext } from '../segment/analysis-context';
import type { TransactionLog } from '../transactions/transaction-log';
import { valueSumsOfLog, type ValueOptions, type ValueSums } from '../value/customer-value';
import { ordersPerCell } from './arrivals-summary';
import { topIntentIndex } from './customers-master';
import { categoryDemand, type CategoryDemand } from './demand-summary';
import { marketingSums, type MarketingAcc } from './marketing-effectiveness';
import { operationsSums, type OperationsSums } from './operational-efficiency';
import { clusterOrderTotals, type OrderTotals } from './order-totals';
import { affinityLevels, type AffinityLevels } from './product-affinity';
import { clusterMonthTotals, monthIndexer, type MonthAcc } from './revenue-by-cluster';

/** The sums that do not depend on the personas: read before k-means has run. */
export interface CustomerSums {
  /** The value model's buy-till-you-die summary and its back-test's actuals. */
  value: ValueSums;
  /** Orders per channel (0 in store, 1 online) and weekday × hour cell. */
  arrivalCells: [Float64Array, Float64Array];
  /** Category × channel demand. */
  demand: CategoryDemand;
}

/** The sums per persona, read once the personas are known. */
export interface PersonaSums {
  orderTotals: { clusters: OrderTotals[]; all: OrderTotals };
  /** months[month][cluster], over monthIndexer's months of the window. */
  months: MonthAcc[][];
  /** Each customer's lead intent, an index into the build's intents (−1 without a line). */
  topIntent: Int32Array;
  /** Persona × channel order sums and channel use; `cells` are CustomerSums' arrivalCells. */
  operations: OperationsSums;
  /** Null when the log has no marketing data. */
  marketing: MarketingAcc[][] | null;
  /** Persona × category counts at both levels: product families, and intents. */
  affinity: AffinityLevels;
}

export type TableSums = CustomerSums & PersonaSums;

/** The sums that need no personas, from the log in memory. */
export function customerSumsOfLog(log: TransactionLog, valueOptions: ValueOptions): CustomerSums {
  return {
    value: valueSumsOfLog(log, valueOptions),
    arrivalCells: ordersPerCell(log),
    demand: categoryDemand(log),
  };
}

/**
 * The persona sums, from the log in memory. `peaks` are each channel's peak cells (curvePeaks of
 * the day × hour curves), `intents` the build's intents.
 */
export function personaSumsOfLog(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
  customer: CustomerSums,
  peaks: readonly number[][],
  intents: readonly string[],
): PersonaSums {
  const { log } = ctx;
  const months = monthIndexer(log.windowStart, log.windowDays);
  return {
    orderTotals: clusterOrderTotals(ctx),
    months: clusterMonthTotals(ctx, months.ofDay, months.labels.length),
    topIntent: topIntentIndex(log, categoryIntents(log.categories, intents), intents.length),
    operations: operationsSums(ctx, peaks, customer.arrivalCells),
    marketing: marketingSums(ctx),
    affinity: affinityLevels(ctx, intents),
  };
}
