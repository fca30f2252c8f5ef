/**
 * The warehouse contract (sql/) run by DuckDB: the per-customer features (customer_features.sql),
 * the buy-till-you-die summary (value_summary.sql) and the affinity counts (category_cells.sql,
 * category_pairs.sql), each returned in the shape of its TypeScript reference (issue 15). Node only:
 * the native engine runs out of core and on every core.
 *
 * `logToDuckDB` loads a TransactionLog into the contract's five relations through DuckDB's
 * appender, 2,048 rows a chunk. It is the bridge while the generator and the orders reader still
 * hand over typed arrays; reading order lines straight from CSV or Parquet comes next.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOUBLE, DuckDBInstance, INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { FLOAT_FEATURES, type CustomerFeatures } from '../features/customer-features';
import { emptyLevelCounts, type LevelCounts } from '../tables/product-affinity';
import { monthIndexer } from '../tables/revenue-by-cluster';
import {
  CHANNEL_ONLINE,
  CONTACT_CHANNELS,
  MARKETING_PERIODS,
  weekdayOf,
  type TransactionLog,
} from '../transactions/transaction-log';
import type { RfmSummary } from '../value/rfm-summary';
import { appendColumns } from './append';
import { literal } from './sql-text';

/** The contract's views: sql/<name>.sql. */
export type ContractView =
  | 'customer_features'
  | 'value_summary'
  | 'category_cells'
  | 'category_pairs'
  | 'cluster_orders'
  | 'cluster_months'
  | 'customer_top_intent'
  | 'category_demand'
  | 'arrival_cells'
  | 'cluster_channels'
  | 'channel_use'
  | 'marketing_cells'
  | 'holdout_purchases'
  | 'repeat_weeks';

/** The SQL text of one view of the contract, read from the repository's sql/ folder. */
export function contractSql(name: ContractView): string {
  return readFileSync(path.join(process.cwd(), 'sql', `${name}.sql`), 'utf8');
}

/** Creates the contract's relations on `connection` and fills them from the log. */
export async function logToDuckDB(connection: DuckDBConnection, log: TransactionLog): Promise<void> {
  await connection.run(`
    CREATE TABLE build_window (window_days INTEGER, recent_from_day INTEGER);
    CREATE TABLE orders_staged (customer INTEGER, order_id INTEGER, day INTEGER, hour INTEGER,
                                online INTEGER, gross DOUBLE, discount DOUBLE, dwell_minutes DOUBLE,
                                contact VARCHAR);
    CREATE TABLE order_lines (order_id INTEGER, customer INTEGER, category INTEGER, quantity INTEGER, impulse INTEGER, net DOUBLE);
    CREATE TABLE marketing (customer INTEGER, channel VARCHAR, period INTEGER, touches INTEGER,
                            responses INTEGER, conversions INTEGER, redemptions INTEGER);
    CREATE TABLE calendar (day INTEGER, month INTEGER, weekday INTEGER);
    INSERT INTO build_window VALUES (${log.windowDays}, ${log.recentFromDay});
  `);
  const { ofDay } = monthIndexer(log.windowStart, log.windowDays);
  await appendColumns(
    connection,
    'calendar',
    [
      [INTEGER, (d) => d],
      [INTEGER, (d) => ofDay[d]!],
      [INTEGER, (d) => weekdayOf(log.windowStart, d)],
    ],
    log.windowDays,
  );
  // The customer of each order, from the log's per-customer offsets.
  const orderCustomer = new Uint32Array(log.orderCount);
  for (let c = 0; c < log.customerCount; c++) {
    orderCustomer.fill(c, log.customerOrderStart[c]!, log.customerOrderStart[c + 1]!);
  }
  await appendColumns(
    connection,
    'orders_staged',
    [
      [INTEGER, (o) => orderCustomer[o]!],
      [INTEGER, (o) => o],
      [INTEGER, (o) => log.orderDay[o]!],
      [INTEGER, (o) => log.orderHour[o]!],
      [INTEGER, (o) => (log.orderChannel[o] === CHANNEL_ONLINE ? 1 : 0)],
      [DOUBLE, (o) => log.orderGross[o]!],
      [DOUBLE, (o) => log.orderDiscount[o]!],
      [DOUBLE, (o) => log.orderDwellMinutes[o]!],
      [VARCHAR, (o) => CONTACT_CHANNELS[log.orderContact[o]!] ?? null],
    ],
    log.orderCount,
  );
  // Money as the contract has it: exact paise (the log's amounts are whole paise), so sums are
  // exact and no thread schedule can change them.
  await connection.run(`
    CREATE TABLE orders AS
    SELECT customer, order_id, day, hour, online,
           CAST(gross AS DECIMAL(18, 2)) AS gross, CAST(discount AS DECIMAL(18, 2)) AS discount,
           dwell_minutes, contact
    FROM orders_staged;
    DROP TABLE orders_staged;
  `);
  const lineOrder = new Uint32Array(log.lineCount);
  for (let o = 0; o < log.orderCount; o++) {
    lineOrder.fill(o, log.orderLineStart[o]!, log.orderLineStart[o + 1]!);
  }
  await appendColumns(
    connection,
    'order_lines',
    [
      [INTEGER, (l) => lineOrder[l]!],
      [INTEGER, (l) => orderCustomer[lineOrder[l]!]!],
      [INTEGER, (l) => log.lineCategory[l]!],
      [INTEGER, (l) => log.lineQuantity[l]!],
      [INTEGER, (l) => log.lineImpulse[l]!],
      [DOUBLE, (l) => log.lineNet[l]!],
    ],
    log.lineCount,
  );
  const m = log.marketing;
  if (m) {
    // One row per customer, contact channel and period, in the log's own slot order.
    const periods = MARKETING_PERIODS.length;
    const slotsPerCustomer = CONTACT_CHANNELS.length * periods;
    await appendColumns(
      connection,
      'marketing',
      [
        [INTEGER, (slot) => Math.floor(slot / slotsPerCustomer)],
        [VARCHAR, (slot) => CONTACT_CHANNELS[Math.floor(slot / periods) % CONTACT_CHANNELS.length]!],
        [INTEGER, (slot) => slot % periods],
        [INTEGER, (slot) => m.touches[slot]!],
        [INTEGER, (slot) => m.responses[slot]!],
        [INTEGER, (slot) => m.conversions[slot]!],
        [INTEGER, (slot) => m.redemptions[slot]!],
      ],
      log.customerCount * slotsPerCustomer,
    );
  }
}

/**
 * Runs `sql` and writes each named result column into its array at the row's `customer` index,
 * NULL as NaN. Reads the result chunk by chunk, value by value, rather than as JS row objects,
 * which cost as much as the SQL itself at a million customers (bench:features-sql).
 */
async function readByCustomer(
  connection: DuckDBConnection,
  sql: string,
  into: Record<string, Float64Array>,
): Promise<void> {
  const result = await connection.run(sql);
  const names = result.columnNames();
  const customerColumn = names.indexOf('customer');
  const targets = Object.entries(into).map(([name, out]) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`The contract's SQL returns no column "${name}".`);
    return { index, out };
  });
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const customers = chunk.getColumnVector(customerColumn);
    const rows = Array.from({ length: chunk.rowCount }, (_, r) => Number(customers.getItem(r)));
    for (const { index, out } of targets) {
      const values = chunk.getColumnVector(index);
      for (let r = 0; r < rows.length; r++) {
        const v = values.getItem(r);
        out[rows[r]!] = v === null ? NaN : Number(v);
      }
    }
  }
}

/**
 * Runs the contract's SQL on `connection` (whose relations are filled) and returns the features
 * in the reference's shape: one Float64Array per feature, indexed by customer, NaN for NULL.
 * Customers without an order have no row in the SQL; they keep NaN throughout.
 */
export async function featuresFromDuckDB(
  connection: DuckDBConnection,
  customerCount: number,
): Promise<CustomerFeatures> {
  const columns = Object.fromEntries(
    FLOAT_FEATURES.map((key) => [key, new Float64Array(customerCount).fill(NaN)]),
  ) as Record<(typeof FLOAT_FEATURES)[number], Float64Array>;
  await readByCustomer(connection, contractSql('customer_features'), columns);
  return { count: customerCount, ...columns };
}

/**
 * sql/value_summary.sql up to `endDay`, in the reference's shape (lib/value/rfm-summary.ts): customers
 * without a purchase by then keep x = t_x = T = 0 and NaN for the mean and the first day, as there.
 */
export async function valueSummaryFromDuckDB(
  connection: DuckDBConnection,
  customerCount: number,
  endDay: number,
): Promise<RfmSummary> {
  await connection.run(
    `CREATE OR REPLACE TABLE value_window AS SELECT ${Math.trunc(endDay)}::INTEGER AS end_day`,
  );
  const s: RfmSummary = {
    count: customerCount,
    x: new Float64Array(customerCount),
    tx: new Float64Array(customerCount),
    T: new Float64Array(customerCount),
    meanRepeatValue: new Float64Array(customerCount).fill(NaN),
    firstDay: new Float64Array(customerCount).fill(NaN),
  };
  await readByCustomer(connection, contractSql('value_summary'), {
    x: s.x,
    t_x: s.tx,
    T: s.T,
    mean_repeat_value: s.meanRepeatValue,
    first_day: s.firstDay,
  });
  return s;
}

/** Runs `work` on a fresh in-memory DuckDB, and closes it afterwards whatever happens. */
export async function withDuckDB<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The whole path: a fresh in-memory DuckDB, the log loaded, the features computed. */
export function computeCustomerFeaturesSql(log: TransactionLog): Promise<CustomerFeatures> {
  return withDuckDB(async (connection) => {
    await logToDuckDB(connection, log);
    return featuresFromDuckDB(connection, log.customerCount);
  });
}

/** A row of one of the contract's views: numbers as JS numbers, text as strings, NULL as null. */
export type ViewRow = Record<string, number | string | null>;

/** The rows of one of the contract's views, on `connection` (whose relations are filled). */
export async function viewRows(connection: DuckDBConnection, view: ContractView): Promise<ViewRow[]> {
  const rows = (await connection.runAndReadAll(contractSql(view))).getRowObjectsJS();
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, v]) => [key, v === null || typeof v === 'string' ? v : Number(v)]),
    ),
  );
}

/** A numeric column of a view's row; a NULL or text there is a fault in the view. */
export function num(row: ViewRow, column: string): number {
  const v = row[column];
  if (typeof v !== 'number') throw new Error(`The contract's SQL gave ${String(v)} for "${column}".`);
  return v;
}

/** Fills customer_clusters(customer, cluster), the persona of each customer, replacing any before. */
export async function setClusters(connection: DuckDBConnection, clusterOf: ArrayLike<number>): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE customer_clusters (customer INTEGER, cluster INTEGER)`);
  await appendColumns(
    connection,
    'customer_clusters',
    [
      [INTEGER, (c) => c],
      [INTEGER, (c) => clusterOf[c]!],
    ],
    clusterOf.length,
  );
}

/** Fills `table`(category, `key`) with each category's key, replacing any before. */
export async function setCategoryKeys(
  connection: DuckDBConnection,
  table: 'category_level' | 'category_intent',
  key: 'level_key' | 'intent',
  categoryCount: number,
  keyOf: (category: number) => number,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${table} (category INTEGER, ${key} INTEGER)`);
  await appendColumns(
    connection,
    table,
    [
      [INTEGER, (cat) => cat],
      [INTEGER, (cat) => keyOf(cat)],
    ],
    categoryCount,
  );
}

/**
 * Persona × category counts at one level (sql/category_cells.sql, category_pairs.sql) in the shape
 * of their TypeScript reference, countLevel: `levelOf` maps a category index to its key at the
 * level (itself for product families, its intent for intents). The personas must be in
 * customer_clusters (setClusters); `clusterOrders` are each persona's orders, lines or not
 * (cluster_orders.sql's), which the level's views do not repeat.
 */
export async function levelCountsFromDuckDB(
  connection: DuckDBConnection,
  k: number,
  size: number,
  categoryCount: number,
  levelOf: (category: number) => number,
  clusterOrders: ArrayLike<number>,
): Promise<LevelCounts> {
  await setCategoryKeys(connection, 'category_level', 'level_key', categoryCount, levelOf);
  const counts = emptyLevelCounts(k, size);
  counts.clusterOrders.set(Array.from(clusterOrders));
  for (const row of await viewRows(connection, 'category_cells')) {
    const i = num(row, 'cluster') * size + num(row, 'category');
    counts.spend[i] = num(row, 'spend');
    counts.customers[i] = num(row, 'customers');
    counts.orders[i] = num(row, 'orders');
  }
  for (const row of await viewRows(connection, 'category_pairs')) {
    const i = num(row, 'cluster') * size * size + num(row, 'a') * size + num(row, 'b');
    counts.pairs[i] = num(row, 'orders');
    counts.pairValue[i] = num(row, 'value');
  }
  return counts;
}

/** The contract's input relations that a log provides, as the Parquet files `logToParquet` writes. */
const LOG_RELATIONS = ['build_window', 'calendar', 'orders', 'order_lines', 'marketing'] as const;

/**
 * Writes the log's relations as Parquet files in `dir` (one per relation, zstd-compressed): the
 * shape a generator or a warehouse export hands to the contract without holding the log in memory.
 */
export function logToParquet(log: TransactionLog, dir: string): Promise<void> {
  return withDuckDB(async (connection) => {
    await logToDuckDB(connection, log);
    for (const relation of LOG_RELATIONS) {
      await connection.run(
        `COPY ${relation} TO ${literal(path.join(dir, `${relation}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
  });
}

/** Points the contract's relations at the Parquet files in `dir`: DuckDB reads them as the SQL needs them. */
export async function parquetToDuckDB(connection: DuckDBConnection, dir: string): Promise<void> {
  for (const relation of LOG_RELATIONS) {
    await connection.run(
      `CREATE OR REPLACE VIEW ${relation} AS SELECT * FROM read_parquet(${literal(path.join(dir, `${relation}.parquet`))})`,
    );
  }
}
