/**
 * The order-line sums the tables are built from, run as the contract's SQL on DuckDB and returned
 * in the shape of their TypeScript references (issue 15): persona order sums (cluster_orders.sql,
 * lib/tables/order-totals.ts), persona months (cluster_months.sql, clusterMonthTotals), each
 * customer's lead intent (customer_top_intent.sql, topIntentIndex), category demand
 * (category_demand.sql, categoryDemand) and orders per weekday × hour (arrival_cells.sql,
 * ordersPerCell). The connection's relations are filled by logToDuckDB or parquetToDuckDB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CategoryDemand } from '../tables/demand-summary';
import { emptyOrderTotals, type OrderTotals } from '../tables/order-totals';
import type { MonthAcc } from '../tables/revenue-by-cluster';
import { contractSql, setCategoryKeys, setClusters, type ContractView } from './contract';

/** The rows of one of the contract's views, every value a JS number (NULL as null). */
async function viewRows(
  connection: DuckDBConnection,
  view: ContractView,
): Promise<Array<Record<string, number | null>>> {
  const rows = (await connection.runAndReadAll(contractSql(view))).getRowObjectsJS();
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, v]) => [key, v === null ? null : Number(v)])),
  );
}

/** Each persona's order sums and everyone's (the sum of the personas'), from sql/cluster_orders.sql. */
export async function clusterOrderTotalsFromDuckDB(
  connection: DuckDBConnection,
  clusterOf: ArrayLike<number>,
  k: number,
): Promise<{ clusters: OrderTotals[]; all: OrderTotals }> {
  await setClusters(connection, clusterOf);
  const clusters = Array.from({ length: k }, emptyOrderTotals);
  for (const row of await viewRows(connection, 'cluster_orders')) {
    clusters[row.cluster!] = {
      orders: row.orders!,
      onlineOrders: row.online_orders!,
      instoreOrders: row.instore_orders!,
      revenue: row.revenue!,
      onlineRevenue: row.online_revenue!,
      gross: row.gross!,
      discount: row.discount!,
      dwell: row.dwell!,
      units: row.units!,
    };
  }
  const all = emptyOrderTotals();
  for (const t of clusters)
    for (const key of Object.keys(all) as Array<keyof OrderTotals>) all[key] += t[key];
  return { clusters, all };
}

/** months[month][cluster] from sql/cluster_months.sql (relation calendar gives each day's month). */
export async function clusterMonthsFromDuckDB(
  connection: DuckDBConnection,
  clusterOf: ArrayLike<number>,
  k: number,
  monthCount: number,
): Promise<MonthAcc[][]> {
  await setClusters(connection, clusterOf);
  const months: MonthAcc[][] = Array.from({ length: monthCount }, () =>
    Array.from({ length: k }, () => ({
      revenue: [0, 0],
      orders: [0, 0],
      newCustomers: [0, 0],
      active: [0, 0, 0],
    })),
  );
  for (const row of await viewRows(connection, 'cluster_months')) {
    const acc = months[row.month!]![row.cluster!]!;
    if (row.online === null) {
      acc.active[2] = row.active_customers!; // either channel
      continue;
    }
    const ch = row.online as 0 | 1;
    acc.revenue[ch] = row.revenue!;
    acc.orders[ch] = row.orders!;
    acc.active[ch] = row.active_customers!;
    acc.newCustomers[ch] = row.new_customers!;
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
  for (const row of await viewRows(connection, 'customer_top_intent')) out[row.customer!] = row.intent!;
  return out;
}

/** The demand of each of `categoryCount` categories, from sql/category_demand.sql. */
export async function categoryDemandFromDuckDB(
  connection: DuckDBConnection,
  categoryCount: number,
): Promise<CategoryDemand> {
  const pair = (): [Float64Array, Float64Array] => [
    new Float64Array(categoryCount),
    new Float64Array(categoryCount),
  ];
  const d: CategoryDemand = {
    units: pair(),
    spend: pair(),
    ordersWith: pair(),
    orders: [0, 0],
    unitsPriceSquared: new Float64Array(categoryCount),
    minUnitPrice: new Float64Array(categoryCount).fill(Infinity),
    maxUnitPrice: new Float64Array(categoryCount).fill(-Infinity),
  };
  for (const row of await viewRows(connection, 'category_demand')) {
    const c = row.category!;
    const ch = row.online as 0 | 1;
    d.orders[ch] = row.channel_orders!;
    d.units[ch][c] = row.units!;
    d.spend[ch][c] = row.spend!;
    d.ordersWith[ch][c] = row.orders_with!;
    d.unitsPriceSquared[c]! += row.units_price_squared!;
    d.minUnitPrice[c] = Math.min(d.minUnitPrice[c]!, row.min_unit_price!);
    d.maxUnitPrice[c] = Math.max(d.maxUnitPrice[c]!, row.max_unit_price!);
  }
  return d;
}

/** Orders per channel (0 in store, 1 online) and weekday × hour cell, from sql/arrival_cells.sql. */
export async function arrivalCellsFromDuckDB(
  connection: DuckDBConnection,
): Promise<[Float64Array, Float64Array]> {
  const out: [Float64Array, Float64Array] = [new Float64Array(168), new Float64Array(168)];
  for (const row of await viewRows(connection, 'arrival_cells'))
    out[row.online as 0 | 1][row.weekday! * 24 + row.hour!] = row.orders!;
  return out;
}
