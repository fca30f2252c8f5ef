/**
 * The warehouse contract run by DuckDB against its TypeScript references on the same logs:
 * sql/customer_features.sql against lib/features/customer-features.ts and sql/value_summary.sql
 * against lib/value/rfm-summary.ts, each on a hand-written one whose figures are worked
 * out below, and the synthetic generator's log at 3,000 customers. Issue 15 asks for agreement to
 * 1e-9; the comparison is relative for figures above 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSharedSources } from '@/test/helpers/shared-sources';
import { tinyLog } from '@/test/helpers/tiny-log';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeCustomerFeatures,
  FLOAT_FEATURES,
  type CustomerFeatures,
} from '../features/customer-features';
import { stageSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '../synth/synth-config';
import { countLevel, type LevelCounts } from '../tables/product-affinity';
import { marketingSlot, type TransactionLog } from '../transactions/transaction-log';
import { summarisePurchases, type RfmSummary } from '../value/rfm-summary';
import {
  computeCustomerFeaturesSql,
  featuresFromDuckDB,
  levelCountsFromDuckDB,
  logToDuckDB,
  logToParquet,
  parquetToDuckDB,
  setClusters,
  valueSummaryFromDuckDB,
  withDuckDB,
} from './contract';

const TOLERANCE = 1e-9;

/** Every feature of every customer who ordered, as [feature, customer, reference, sql] where they differ. */
/** Equal within the tolerance (relative above 1), NaN matching only NaN. */
function close(a: number, b: number): boolean {
  return Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));
}

/** [column, customer, reference, sql] wherever two per-customer column sets differ, over `customers`. */
function columnDifferences<K extends string>(
  keys: readonly K[],
  reference: Record<K, Float64Array>,
  sql: Record<K, Float64Array>,
  customers: readonly number[],
) {
  const out: Array<[string, number, number, number]> = [];
  for (const key of keys) {
    for (const c of customers) {
      if (!close(reference[key][c]!, sql[key][c]!)) out.push([key, c, reference[key][c]!, sql[key][c]!]);
    }
  }
  return out;
}

/** Every feature of every customer who ordered (the SQL has no row for the others). */
function differences(log: TransactionLog, reference: CustomerFeatures, sql: CustomerFeatures) {
  const ordered = Array.from({ length: log.customerCount }, (_, c) => c).filter(
    (c) => reference.order_count[c] !== 0,
  );
  return columnDifferences(FLOAT_FEATURES, reference, sql, ordered);
}

describe('sql/customer_features.sql on DuckDB', () => {
  // Customer 0: two store visits and one online order in two months, with a discount and marketing;
  // customer 1: one online order in the recent period; customer 2: no order.
  const log = tinyLog(3, [
    {
      customer: 0,
      day: 0,
      gross: 100,
      discount: 10,
      dwell: 12,
      lines: [
        [0, 1, 60],
        [1, 2, 30],
      ],
    },
    { customer: 0, day: 10, gross: 50, dwell: 8, lines: [[1, 1, 50]] },
    { customer: 0, day: 40, online: true, gross: 200, lines: [[2, 4, 200]] },
    { customer: 1, day: 300, online: true, gross: 80, lines: [[0, 1, 80]] },
  ]);
  log.marketing!.touches[marketingSlot(0, 0, 0)] = 10;
  log.marketing!.responses[marketingSlot(0, 0, 0)] = 2;
  log.marketing!.touches[marketingSlot(0, 3, 1)] = 5;
  log.marketing!.responses[marketingSlot(0, 3, 1)] = 1;
  let sql: CustomerFeatures;
  beforeAll(async () => {
    sql = await computeCustomerFeaturesSql(log);
  });

  it('computes the hand-worked figures', () => {
    expect(sql.order_count[0]).toBe(3);
    expect(sql.total_spend[0]).toBe(340); // 90 + 50 + 200
    expect(sql.avg_order_value[0]).toBeCloseTo(340 / 3, 12);
    expect(sql.recency_days[0]).toBe(365 - 1 - 40);
    expect(sql.basket_size[0]).toBeCloseTo(8 / 3, 12); // 3 + 1 + 4 units
    expect(sql.dwell_minutes[0]).toBeCloseTo(10, 6); // (12 + 8) / 2 store visits
    expect(sql.online_ratio[0]).toBeCloseTo(1 / 3, 12);
    expect(sql.category_diversity[0]).toBe(3);
    expect(sql.discount_share[0]).toBeCloseTo(10 / 350, 12);
    expect(sql.active_month_share[0]).toBeCloseTo(2 / 12, 12); // months 0 and 1 of ceil(365 / 30.4375) = 12
    expect(sql.response_rate[0]).toBeCloseTo(3 / 15, 12);
    expect(sql.earlier_response_rate[0]).toBeCloseTo(2 / 10, 12);
    expect(sql.recent_response_rate[0]).toBeCloseTo(1 / 5, 12);
    // Customer 1 ordered only in the recent period (from day 185): no earlier rate.
    expect(sql.earlier_order_rate[1]).toBeNaN();
    expect(sql.recent_order_rate[1]).toBeCloseTo((30 * 1) / (365 - 300), 12);
    expect(sql.dwell_minutes[1]).toBeNaN(); // never in a store
    // Customer 2 never ordered: no row.
    expect(sql.order_count[2]).toBeNaN();
  });

  it('agrees with the TypeScript reference on the hand-written log', () => {
    expect(differences(log, computeCustomerFeatures(log), sql)).toEqual([]);
  });
});

describe('the warehouse contract on the synthetic log', () => {
  let log: TransactionLog;
  let reference: CustomerFeatures;
  let sql: CustomerFeatures;
  beforeAll(async () => {
    const sources = stageSources(readSharedSources());
    log = generateTransactions(sources, { ...DEFAULT_SYNTH_CONFIG, customers: 3000, seed: 11 });
    reference = computeCustomerFeatures(log);
    sql = await computeCustomerFeaturesSql(log);
  }, 120_000);

  it('finds every feature of every customer within 1e-9 of the reference', () => {
    expect(log.orderCount).toBeGreaterThan(3000);
    const ordered = Array.from(reference.order_count).filter((n) => n > 0).length;
    expect(Array.from(sql.order_count).filter((n) => !Number.isNaN(n)).length).toBe(ordered);
    const diff = differences(log, reference, sql);
    expect(diff.slice(0, 10)).toEqual([]);
  });

  it('finds the value summary of every customer within 1e-9, at the window end and at a calibration end', async () => {
    await withDuckDB(async (connection) => {
      await logToDuckDB(connection, log);
      for (const endDay of [log.windowDays - 1, log.windowDays - 1 - 180]) {
        const sqlSummary = await valueSummaryFromDuckDB(connection, log.customerCount, endDay);
        const reference = summarisePurchases(log.customerOrderStart, log.orderDay, netOf(log), endDay);
        expect(Array.from(reference.x).some((x) => x > 0)).toBe(true);
        expect(summaryDifferences(reference, sqlSummary).slice(0, 10)).toEqual([]);
      }
    });
  });

  it('reads the same log back from Parquet files and finds the same features, byte for byte', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'omni-contract-'));
    try {
      await logToParquet(log, dir);
      const fromParquet = await withDuckDB(async (connection) => {
        await parquetToDuckDB(connection, dir);
        return featuresFromDuckDB(connection, log.customerCount);
      });
      for (const key of FLOAT_FEATURES) {
        expect(Buffer.from(fromParquet[key].buffer).equals(Buffer.from(sql[key].buffer)), key).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the affinity counts (persona × category, and pairs) equal to the TypeScript builder’s, at both levels', async () => {
    const clusterOf = Uint8Array.from({ length: log.customerCount }, (_, c) => (c * 7) % 5);
    const intents = [...new Set(log.categories.map((c) => c.intent))].sort();
    const levels: Array<[number, (cat: number) => number]> = [
      [log.categories.length, (cat) => cat],
      [intents.length, (cat) => intents.indexOf(log.categories[cat]!.intent)],
    ];
    await withDuckDB(async (connection) => {
      await logToDuckDB(connection, log);
      await setClusters(connection, clusterOf);
      for (const [size, levelOf] of levels) {
        const reference = countLevel({ log, k: 5, clusterOf }, size, levelOf);
        // Each persona's orders are cluster_orders.sql's, tested in table-aggregates.test.ts: taken as given.
        const sqlCounts = await levelCountsFromDuckDB(
          connection,
          5,
          size,
          log.categories.length,
          levelOf,
          reference.clusterOrders,
        );
        expect(sqlCounts.pairs.some((v) => v > 0)).toBe(true);
        expect(countDifferences(reference, sqlCounts).slice(0, 10)).toEqual([]);
      }
    });
  });
});

describe('sql/value_summary.sql on DuckDB', () => {
  // Customer 0: two orders on day 0 (one purchase), then days 14 and 28 (two repeats, the second of
  // two orders); customer 1: one purchase only; customer 2: first purchase after the end day.
  const log = tinyLog(3, [
    { customer: 0, day: 0, gross: 100, lines: [[0, 1, 100]] },
    { customer: 0, day: 0, gross: 50, lines: [[1, 1, 50]] },
    { customer: 0, day: 14, gross: 70, discount: 10, lines: [[1, 1, 60]] },
    { customer: 0, day: 28, gross: 30, lines: [[2, 1, 30]] },
    { customer: 0, day: 28, gross: 20, lines: [[2, 1, 20]] },
    { customer: 1, day: 7, gross: 40, lines: [[0, 1, 40]] },
    { customer: 2, day: 360, gross: 40, lines: [[0, 1, 40]] },
  ]);
  const endDay = 349;
  let sql: RfmSummary;
  beforeAll(async () => {
    sql = await withDuckDB(async (connection) => {
      await logToDuckDB(connection, log);
      return valueSummaryFromDuckDB(connection, log.customerCount, endDay);
    });
  });

  it('computes the hand-worked summary', () => {
    expect(sql.x[0]).toBe(2); // days 14 and 28
    expect(sql.tx[0]).toBe(4); // 28 days
    expect(sql.T[0]).toBeCloseTo(349 / 7, 12);
    expect(sql.meanRepeatValue[0]).toBeCloseTo((60 + 50) / 2, 12); // net of the discount; day 28 summed
    expect(sql.x[1]).toBe(0);
    expect(sql.meanRepeatValue[1]).toBeNaN();
    expect(sql.T[1]).toBeCloseTo((349 - 7) / 7, 12);
    expect(sql.firstDay[2]).toBeNaN(); // nothing by the end day
  });

  it('agrees with the TypeScript reference', () => {
    const reference = summarisePurchases(log.customerOrderStart, log.orderDay, netOf(log), endDay);
    expect(summaryDifferences(reference, sql)).toEqual([]);
  });
});

function netOf(log: TransactionLog): Float64Array {
  return Float64Array.from(log.orderGross, (g, o) => g - log.orderDiscount[o]!);
}

function summaryDifferences(reference: RfmSummary, sql: RfmSummary) {
  const everyone = Array.from({ length: reference.count }, (_, c) => c);
  return columnDifferences(
    ['x', 'tx', 'T', 'meanRepeatValue', 'firstDay'] as const,
    reference,
    sql,
    everyone,
  );
}

/** Every cell and pair count of the reference against the SQL's (absent in the SQL = 0). */
function countDifferences(reference: LevelCounts, sql: LevelCounts) {
  const out: string[] = [];
  for (const key of ['spend', 'customers', 'orders', 'pairs', 'pairValue'] as const) {
    reference[key].forEach((v, i) => {
      if (!close(v, sql[key][i]!)) out.push(`${key} ${i}: ${v} vs ${sql[key][i]}`);
    });
  }
  return out;
}
