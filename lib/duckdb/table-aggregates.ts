/**
 * The order-line sums the tables are built from, run as the contract's SQL on DuckDB and returned
 * in the shape of their TypeScript references (issue 15): persona order sums (cluster_orders.sql,
 * lib/tables/order-totals.ts), persona months (cluster_months.sql, clusterMonthTotals), each
 * customer's lead intent (customer_top_intent.sql, topIntentIndex), category demand
 * (category_demand.sql, categoryDemand), orders per weekday × hour (arrival_cells.sql,
 * ordersPerCell), persona × channel order sums and channel use (cluster_channels.sql,
 * clusterChannelTotals; channel_use.sql, channelUse) and persona × contact channel sums
 * (marketing_cells.sql, marketingSums), and the value back-test's actuals (holdout_purchases.sql,
 * repeat_weeks.sql, holdoutCounts). The connection's relations are filled by logToDuckDB or
 * parquetToDuckDB, and the personas' (customer_clusters) once by setClusters, before any of these.
 */
import { INTEGER, type DuckDBConnection } from '@duckdb/node-api';
import { emptyCategoryDemand, type CategoryDemand } from '../tables/demand-summary';
import { emptyMarketingAcc, type MarketingAcc } from '../tables/marketing-effectiveness';
import { emptyChannelTotals, type ChannelTotals, type ChannelUse } from '../tables/operational-efficiency';
import { emptyOrderTotals, type OrderTotals } from '../tables/order-totals';
import { emptyMonthAcc, type MonthAcc } from '../tables/revenue-by-cluster';
import { CONTACT_CHANNELS, type ContactChannel } from '../transactions/transaction-log';
import type { HoldoutCounts } from '../value/back-test';
import { DAYS_PER_WEEK } from '../value/rfm-summary';
import { appendColumns } from './append';
import { num, setCategoryKeys, viewRows } from './contract';

/** Each persona's order sums and everyone's (the sum of the personas'), from sql/cluster_orders.sql. */
export async function clusterOrderTotalsFromDuckDB(
  connection: DuckDBConnection,
  k: number,
): Promise<{ clusters: OrderTotals[]; all: OrderTotals }> {
  const clusters = Array.from({ length: k }, emptyOrderTotals);
  for (const row of await viewRows(connection, 'cluster_orders')) {
    clusters[num(row, 'cluster')] = {
      orders: num(row, 'orders'),
      onlineOrders: num(row, 'online_orders'),
      instoreOrders: num(row, 'instore_orders'),
      revenue: num(row, 'revenue'),
      onlineRevenue: num(row, 'online_revenue'),
      gross: num(row, 'gross'),
      discount: num(row, 'discount'),
      dwell: num(row, 'dwell'),
      units: num(row, 'units'),
    };
  }
  return { clusters, all: withEveryone(clusters, emptyOrderTotals)[k]! };
}

/** months[month][cluster] from sql/cluster_months.sql (relation calendar gives each day's month). */
export async function clusterMonthsFromDuckDB(
  connection: DuckDBConnection,
  k: number,
  monthCount: number,
): Promise<MonthAcc[][]> {
  const months = Array.from({ length: monthCount }, () => Array.from({ length: k }, emptyMonthAcc));
  for (const row of await viewRows(connection, 'cluster_months')) {
    const acc = months[num(row, 'month')]![num(row, 'cluster')]!;
    if (row.online === null) {
      acc.active[2] = num(row, 'active_customers'); // either channel
      continue;
    }
    const ch = num(row, 'online') as 0 | 1;
    acc.revenue[ch] = num(row, 'revenue');
    acc.orders[ch] = num(row, 'orders');
    acc.active[ch] = num(row, 'active_customers');
    acc.newCustomers[ch] = num(row, 'new_customers');
  }
  return months;
}

/** Each customer's lead intent (−1 without a line), from sql/customer_top_intent.sql. */
export async function topIntentIndexFromDuckDB(
  connection: DuckDBConnection,
  customerCount: number,
  categoryIntent: readonly number[],
): Promise<Int32Array> {
  await setCategoryKeys(connection, 'category_intent', 'intent', categoryIntent.length, (cat) => {
    return categoryIntent[cat]!;
  });
  const out = new Int32Array(customerCount).fill(-1);
  for (const row of await viewRows(connection, 'customer_top_intent'))
    out[num(row, 'customer')] = num(row, 'intent');
  return out;
}

/** The demand of each of `categoryCount` categories, from sql/category_demand.sql. */
export async function categoryDemandFromDuckDB(
  connection: DuckDBConnection,
  categoryCount: number,
): Promise<CategoryDemand> {
  const d = emptyCategoryDemand(categoryCount);
  for (const row of await viewRows(connection, 'category_demand')) {
    const ch = num(row, 'online') as 0 | 1;
    d.orders[ch] = num(row, 'channel_orders');
    if (row.category === null) continue; // a channel whose orders have no lines
    const c = num(row, 'category');
    d.units[ch][c] = num(row, 'units');
    d.spend[ch][c] = num(row, 'spend');
    d.ordersWith[ch][c] = num(row, 'orders_with');
    d.unitsPriceSquared[c]! += num(row, 'units_price_squared');
    d.minUnitPrice[c] = Math.min(d.minUnitPrice[c]!, num(row, 'min_unit_price'));
    d.maxUnitPrice[c] = Math.max(d.maxUnitPrice[c]!, num(row, 'max_unit_price'));
  }
  return d;
}

/** Orders per channel (0 in store, 1 online) and weekday × hour cell, from sql/arrival_cells.sql. */
export async function arrivalCellsFromDuckDB(
  connection: DuckDBConnection,
): Promise<[Float64Array, Float64Array]> {
  const out: [Float64Array, Float64Array] = [new Float64Array(168), new Float64Array(168)];
  for (const row of await viewRows(connection, 'arrival_cells'))
    out[num(row, 'online') as 0 | 1][num(row, 'weekday') * 24 + num(row, 'hour')] = num(row, 'orders');
  return out;
}

/** Sums each persona's rows into everyone's, the row after them (personas are disjoint). */
function withEveryone<T extends { [K in keyof T]: number }>(personas: T[], empty: () => T): T[] {
  const everyone = empty();
  for (const p of personas)
    for (const key of Object.keys(everyone) as Array<keyof T>)
      (everyone[key] as number) = everyone[key] + p[key];
  return [...personas, everyone];
}

/**
 * Order sums per group (personas, then everyone) and channel, from sql/cluster_channels.sql;
 * `peaks[channel]` lists the channel's peak cells (weekday × 24 + hour).
 */
export async function clusterChannelTotalsFromDuckDB(
  connection: DuckDBConnection,
  k: number,
  peaks: readonly (readonly number[])[],
): Promise<ChannelTotals[][]> {
  await connection.run(`CREATE OR REPLACE TABLE peak_cells (online INTEGER, cell INTEGER)`);
  const cells = peaks.flatMap((list, online) => list.map((cell) => [online, cell] as const));
  await appendColumns(
    connection,
    'peak_cells',
    [
      [INTEGER, (i) => cells[i]![0]],
      [INTEGER, (i) => cells[i]![1]],
    ],
    cells.length,
  );
  const byChannel = [0, 1].map(() => Array.from({ length: k }, emptyChannelTotals));
  for (const row of await viewRows(connection, 'cluster_channels')) {
    byChannel[num(row, 'online')]![num(row, 'cluster')] = {
      orders: num(row, 'orders'),
      revenue: num(row, 'revenue'),
      items: num(row, 'items'),
      peakOrders: num(row, 'peak_orders'),
      dwell: num(row, 'dwell'),
    };
  }
  const [inStore, online] = byChannel.map((personas) => withEveryone(personas, emptyChannelTotals));
  return inStore!.map((t, group) => [t, online![group]!]);
}

/** Customers per channel, channel overlap and digitally prompted orders per group, from sql/channel_use.sql. */
export async function channelUseFromDuckDB(connection: DuckDBConnection, k: number): Promise<ChannelUse> {
  const empty = () => ({
    customers: 0,
    inStoreCustomers: 0,
    onlineCustomers: 0,
    inStoreOnly: 0,
    onlineOnly: 0,
    both: 0,
    digitalInStore: 0,
    digitalOnline: 0,
  });
  const personas = Array.from({ length: k }, empty);
  for (const row of await viewRows(connection, 'channel_use')) {
    personas[num(row, 'cluster')] = {
      customers: num(row, 'customers'),
      inStoreCustomers: num(row, 'in_store_customers'),
      onlineCustomers: num(row, 'online_customers'),
      inStoreOnly: num(row, 'in_store_only'),
      onlineOnly: num(row, 'online_only'),
      both: num(row, 'both_channels'),
      digitalInStore: num(row, 'digital_in_store_orders'),
      digitalOnline: num(row, 'digital_online_orders'),
    };
  }
  const groups = withEveryone(personas, empty);
  return {
    customers: groups.map((g) => [g.inStoreCustomers, g.onlineCustomers]),
    digitalOrders: groups.map((g) => [g.digitalInStore, g.digitalOnline]),
    overlap: groups.map((g) => ({
      customers: g.customers,
      instoreOnly: g.inStoreOnly,
      onlineOnly: g.onlineOnly,
      both: g.both,
    })),
  };
}

/**
 * The contact and conversion sums [group][channel] (personas then everyone; CONTACT_CHANNELS then
 * all of them), from sql/marketing_cells.sql.
 */
export async function marketingSumsFromDuckDB(
  connection: DuckDBConnection,
  k: number,
): Promise<MarketingAcc[][] | null> {
  // Null like the reference's when there is no marketing data (a brand's orders carry none).
  const contacts = await connection.runAndReadAll(`SELECT COUNT(*) AS n FROM marketing`);
  if (Number(contacts.getRowObjectsJS()[0]!.n) === 0) return null;
  const channels = CONTACT_CHANNELS.length;
  const rows = await viewRows(connection, 'marketing_cells');
  // A channel that neither reached nor converted anyone in a persona has no row; its customers
  // count all the same, as the persona's all-channels row (channel NULL) gives them.
  const sizes = new Array<number>(k).fill(0);
  for (const row of rows) if (row.channel === null) sizes[num(row, 'cluster')] = num(row, 'customers');
  const byChannel = Array.from({ length: channels + 1 }, () =>
    sizes.map((customers) => ({ ...emptyMarketingAcc(), customers })),
  );
  for (const row of rows) {
    const channel = row.channel === null ? channels : CONTACT_CHANNELS.indexOf(row.channel as ContactChannel);
    if (channel < 0)
      throw new Error(`The contract's SQL gave an unknown contact channel, ${String(row.channel)}.`);
    byChannel[channel]![num(row, 'cluster')] = {
      customers: num(row, 'customers'),
      reached: num(row, 'reached'),
      touches: num(row, 'touches'),
      responses: num(row, 'responses'),
      conversions: num(row, 'conversions'),
      redemptions: num(row, 'redemptions'),
      revenue: num(row, 'revenue'),
      discount: num(row, 'discount'),
      earlyTouches: num(row, 'early_touches'),
      earlyResponses: num(row, 'early_responses'),
      recentTouches: num(row, 'recent_touches'),
      recentResponses: num(row, 'recent_responses'),
    };
  }
  const groups = byChannel.map((personas) => withEveryone(personas, emptyMarketingAcc));
  return Array.from({ length: k + 1 }, (_, group) => groups.map((channel) => channel[group]!));
}

/**
 * The back-test's actuals, from sql/holdout_purchases.sql and sql/repeat_weeks.sql: the holdout
 * purchases of each of `customerCount` customers, and the cohort's repeat purchases per week.
 */
export async function holdoutCountsFromDuckDB(
  connection: DuckDBConnection,
  customerCount: number,
  calibrationEndDay: number,
  holdoutEndDay: number,
): Promise<HoldoutCounts> {
  await connection.run(
    `CREATE OR REPLACE TABLE back_test_window AS
     SELECT ${Math.trunc(calibrationEndDay)}::INTEGER AS calibration_end_day, ${Math.trunc(holdoutEndDay)}::INTEGER AS holdout_end_day`,
  );
  const purchases = new Float64Array(customerCount);
  for (const row of await viewRows(connection, 'holdout_purchases'))
    purchases[num(row, 'customer')] = num(row, 'holdout_purchases');
  const repeatsByWeek = new Float64Array(Math.ceil((holdoutEndDay + 1) / DAYS_PER_WEEK));
  for (const row of await viewRows(connection, 'repeat_weeks'))
    repeatsByWeek[num(row, 'week')] = num(row, 'repeat_purchases');
  return { purchases, repeatsByWeek };
}
