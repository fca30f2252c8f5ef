import { readSharedSources } from '@/test/helpers/shared-sources';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, buildTables } from '../pipeline/run-pipeline';
import { TABLE_SCHEMAS, type Tables } from '../schema';
import { CUSTOMER_COLUMNS } from '../schema/customers-master';
import type { AnalysisContext } from '../segment/analysis-context';
import { stageSources, type StagedSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '../synth/synth-config';
import type { TransactionLog } from '../transactions/transaction-log';
import {
  computeCustomerValue,
  DEFAULT_VALUE_OPTIONS,
  predictCustomerValue,
  purchasesOfLog,
  rangeCellOf,
  rangeStream,
  type Purchases,
} from '../value/customer-value';
import { FIT_MESSAGES } from '../value/data-sufficiency';
import { simulateClvRange } from '../value/predicted-clv';
import { simulatePurchases } from '../value/simulate-purchases';
import { buildValueModel, revenueInterval } from './value-model';

const CUSTOMERS = 2_000;
let sources: StagedSources;
let ctx: AnalysisContext;
let tables: Tables;

function contextOf(customers: number, extra: Partial<typeof DEFAULT_SYNTH_CONFIG> = {}, k = 5) {
  const config = { ...DEFAULT_SYNTH_CONFIG, customers, ...extra };
  return analyse(generateTransactions(sources, config), { seed: config.seed, k, currency: 'INR' });
}

/** Every number in a document, with its path, that is not finite (NaN cannot survive JSON: it becomes null). */
function nonFinite(doc: unknown, at = '$'): string[] {
  if (typeof doc === 'number') return Number.isFinite(doc) ? [] : [at];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => nonFinite(v, `${at}[${i}]`));
  if (doc && typeof doc === 'object')
    return Object.entries(doc).flatMap(([k, v]) => nonFinite(v, `${at}.${k}`));
  return [];
}

const col = (name: (typeof CUSTOMER_COLUMNS)[number]) => CUSTOMER_COLUMNS.indexOf(name);

beforeAll(() => {
  sources = stageSources(readSharedSources());
  ctx = contextOf(CUSTOMERS);
  tables = buildTables(ctx, sources, 42);
});

describe('value_model on the synthetic pipeline', () => {
  it('matches its schema, has one row per persona and a total, and no NaN anywhere', () => {
    const t = tables.value_model;
    expect(TABLE_SCHEMAS.value_model.safeParse(t).success).toBe(true);
    expect(t.personas.map((p) => p.cluster_id)).toEqual([0, 1, 2, 3, 4]);
    expect(t.total.customers).toBe(CUSTOMERS);
    expect(t.personas.reduce((s, p) => s + p.customers, 0)).toBe(CUSTOMERS);
    expect(t.sufficiency).toMatchObject({ frequency: true, monetary: true, reasons: [] });
    for (const name of ['value_model', 'clv_proxy', 'customers_master'] as const)
      expect(nonFinite(tables[name]), name).toEqual([]);
    // Active customers are Σ P(alive): between 0 and the persona's customers; totals add up.
    for (const p of t.personas) {
      expect(p.active_customers!).toBeGreaterThan(0);
      expect(p.active_customers!).toBeLessThanOrEqual(p.customers);
      expect(p.predicted_revenue_p10!).toBeLessThanOrEqual(p.predicted_revenue!);
      expect(p.predicted_revenue_p90!).toBeGreaterThanOrEqual(p.predicted_revenue!);
    }
    const revenue = t.personas.reduce((s, p) => s + p.predicted_revenue!, 0);
    expect(Math.abs(revenue - t.total.predicted_revenue!)).toBeLessThanOrEqual(t.personas.length);
    expect(t.frequency_spend_correlation.pearson).not.toBeNull();
  });

  it('gives every customer P(alive), expected purchases and an ordered CLV range', () => {
    const rows = tables.customers_master.rows;
    expect((tables.customers_master.columns as string[]).slice(-5)).toEqual([
      'p_alive',
      'expected_purchases',
      'predicted_clv',
      'predicted_clv_p10',
      'predicted_clv_p90',
    ]);
    for (const r of rows) {
      const alive = r[col('p_alive')] as number;
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(r[col('predicted_clv_p10')] as number).toBeLessThanOrEqual(
        r[col('predicted_clv_p90')] as number,
      );
    }
    const sum = rows.reduce((s, r) => s + (r[col('predicted_clv')] as number), 0);
    expect(Math.abs(sum - tables.value_model.total.predicted_revenue!)).toBeLessThan(rows.length);
  });

  it('adds predicted histograms to clv_proxy whose counts are the persona sizes', () => {
    const t = tables.clv_proxy;
    expect(t.predicted_bin_edges).toHaveLength(21);
    for (const d of [...t.distributions, t.overall]) {
      expect(d.predicted!.counts.reduce((a, b) => a + b, 0)).toBe(d.customers);
      expect(d.predicted!.quantiles.p10).toBeLessThanOrEqual(d.predicted!.quantiles.p90);
    }
    expect(t.overall.predicted!.predicted_clv).toBe(tables.value_model.total.predicted_revenue);
    // The proxy and the model should broadly agree on who is valuable.
    expect(t.predicted_clv_spearman!).toBeGreaterThan(0.3);
  });

  it('back-tests the last 6 months within sane bounds', () => {
    const bt = tables.value_model.back_test!;
    expect(bt).not.toBeNull();
    expect(bt.holdout_start).toBe('2026-04-01');
    expect(bt.holdout_end).toBe('2026-09-30');
    expect(Math.abs(bt.predicted_total / bt.actual_total - 1)).toBeLessThan(0.2);
    expect(bt.auc!).toBeGreaterThan(0.7);
    expect(bt.spearman!).toBeGreaterThan(0.4);
    expect(bt.tracking.length).toBeLessThanOrEqual(110);
    expect(bt.by_frequency.map((b) => b.x)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(bt.by_frequency.reduce((s, b) => s + b.customers, 0)).toBe(bt.customers);
    const end = bt.tracking.at(-1)!;
    expect(Math.abs(end.predicted / end.actual - 1)).toBeLessThan(0.1);
  });

  it('is byte-identical when built twice with the same seed, and the range moves with the seed', () => {
    const again = buildValueModel(ctx, computeCustomerValue(ctx.log, { ...DEFAULT_VALUE_OPTIONS, seed: 42 }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(tables.value_model));
    const other = buildValueModel(ctx, computeCustomerValue(ctx.log, { ...DEFAULT_VALUE_OPTIONS, seed: 7 }));
    expect(other.total.predicted_revenue).toBe(tables.value_model.total.predicted_revenue);
    expect(other.total.predicted_revenue_p90).not.toBe(tables.value_model.total.predicted_revenue_p90);
  });
});

describe('range cells', () => {
  it('with 1-day cells, equal per-customer simulation on the cell’s stream', () => {
    const options = { ...DEFAULT_VALUE_OPTIONS, rangeCellDays: 1 };
    const v = predictCustomerValue(purchasesOfLog(ctx.log), ctx.log.windowDays - 1, options);
    const bg = v.bgnbd!.params;
    const gg = v.gammaGamma!.params;
    for (let c = 0; c < 200; c += 7) {
      const h = { x: v.rfm.x[c]!, tx: v.rfm.tx[c]!, T: v.rfm.T[c]!, meanValue: v.rfm.meanRepeatValue[c]! };
      const cell = rangeCellOf(h.x, h.T, h.meanValue, 1);
      const own = simulateClvRange(bg, gg, h, options.seed, rangeStream(cell.x, cell.positive, cell.tBucket));
      expect(v.clvP10[c]).toBe(own.p10);
      expect(v.clvP90[c]).toBe(own.p90);
    }
  });

  it('give customers with identical histories the same range (weekly cells)', () => {
    const v = predictCustomerValue(purchasesOfLog(ctx.log), ctx.log.windowDays - 1);
    const seen = new Map<string, [number, number]>();
    let shared = 0;
    for (let c = 0; c < v.rfm.count; c++) {
      const key = `${v.rfm.x[c]}|${v.rfm.tx[c]}|${v.rfm.T[c]}|${v.rfm.meanRepeatValue[c]}`;
      const range: [number, number] = [v.clvP10[c]!, v.clvP90[c]!];
      const before = seen.get(key);
      if (before) {
        shared++;
        expect(range).toEqual(before);
      } else seen.set(key, range);
    }
    expect(v.range.cells).toBeLessThan(v.range.histories);
    // Single-purchase customers with the same first day share a history.
    expect(shared).toBeGreaterThan(0);
  });
});

describe('when the data cannot support the model', () => {
  it('too few customers: every prediction is null, the verdict says why, tables still valid', () => {
    const small = contextOf(100, {}, 2);
    const t = buildTables(small, sources, 42);
    const vm = t.value_model;
    expect(TABLE_SCHEMAS.value_model.safeParse(vm).success).toBe(true);
    expect(TABLE_SCHEMAS.clv_proxy.safeParse(t.clv_proxy).success).toBe(true);
    expect(TABLE_SCHEMAS.customers_master.safeParse(t.customers_master).success).toBe(true);
    expect(vm.sufficiency.frequency).toBe(false);
    expect(vm.sufficiency.reasons[0]).toBe('100 customers; at least 200 are needed');
    expect(vm.bgnbd).toBeNull();
    expect(vm.gamma_gamma).toBeNull();
    expect(vm.back_test).toBeNull();
    expect(vm.back_test_reason).toMatch(/calibration window .* cannot support the model/);
    expect(vm.total.active_customers).toBeNull();
    expect(vm.total.predicted_revenue).toBeNull();
    expect(t.clv_proxy.predicted_bin_edges).toBeNull();
    expect(t.clv_proxy.overall.predicted).toBeNull();
    expect(t.clv_proxy.predicted_clv_spearman).toBeNull();
    for (const r of t.customers_master.rows) expect(r.slice(-5)).toEqual([null, null, null, null, null]);
    expect(nonFinite(vm)).toEqual([]);
    expect(JSON.stringify(t.customers_master)).not.toContain('NaN');
  });

  it('no repeat purchase of positive value: P(alive) and purchases, but no CLV', () => {
    const log = ctx.log;
    const free = {
      ...log,
      orderGross: new Float64Array(log.orderCount),
      orderDiscount: new Float64Array(log.orderCount),
    };
    const v = computeCustomerValue(free);
    expect(v.predictions.verdict).toMatchObject({ frequency: true, monetary: false });
    expect(v.predictions.verdict.reasons).toEqual(['no repeat purchase has a positive value']);
    const vm = buildValueModel(ctx, v);
    expect(TABLE_SCHEMAS.value_model.safeParse(vm).success).toBe(true);
    expect(vm.total.active_customers).toBeGreaterThan(0);
    expect(vm.total.predicted_revenue).toBeNull();
    expect(vm.total.predicted_clv_p90).toBeNull();
    expect(Number.isFinite(v.predictions.pAlive[0]!)).toBe(true);
    expect(Number.isNaN(v.predictions.clv[0]!)).toBe(true);
  });

  it('a number that is not finite never reaches the table: the back-test or the model is left out, with the reason', () => {
    const v = computeCustomerValue(ctx.log);
    const bt = v.backTest!;
    const tracking = bt.result.tracking.map((t, i) => (i === 3 ? { ...t, predicted: NaN } : t));
    const badBackTest = { ...v, backTest: { ...bt, result: { ...bt.result, tracking } } };
    const a = buildValueModel(ctx, badBackTest);
    expect(nonFinite(a)).toEqual([]);
    expect(a.back_test).toBeNull();
    expect(a.back_test_reason).toBe(FIT_MESSAGES.backTestNotFinite);
    expect(a.total.predicted_revenue).not.toBeNull();
    const expectedPurchases = Float64Array.from(v.predictions.expectedPurchases);
    expectedPurchases[7] = Infinity;
    const badPrediction = { ...v, predictions: { ...v.predictions, expectedPurchases } };
    const b = buildValueModel(ctx, badPrediction);
    expect(TABLE_SCHEMAS.value_model.safeParse(b).success).toBe(true);
    expect(nonFinite(b)).toEqual([]);
    expect(b.sufficiency.frequency).toBe(false);
    expect(b.sufficiency.reasons).toContain(FIT_MESSAGES.failed);
    expect(b.total.expected_purchases).toBeNull();
  });

  it('a history shorter than the holdout: no back-test, and says so; predictions still made', () => {
    const short = contextOf(1_000, { months: 6, recentMonths: 3 }, 2);
    const v = computeCustomerValue(short.log);
    expect(v.backTest).toBeNull();
    expect(v.backTestReason).toMatch(
      /is too short for a 6-month holdout: it leaves \d+\.\d weeks to calibrate on, at least 26 are needed/,
    );
    expect(v.predictions.bgnbd).not.toBeNull();
    const vm = buildValueModel(short, v);
    expect(vm.back_test).toBeNull();
    expect(vm.back_test_reason).toBe(v.backTestReason);
  });
});

/** The parts of a log the value model and buildValueModel read, from simulated purchases. */
function logOfPurchases(p: Purchases, windowStart: string, windowDays: number): TransactionLog {
  const orders = p.day.length;
  return {
    windowStart,
    windowDays,
    customerCount: p.start.length - 1,
    customerOrderStart: Uint32Array.from(p.start),
    orderCount: orders,
    orderDay: Uint16Array.from(p.day),
    orderGross: Float64Array.from(p.value),
    orderDiscount: new Float64Array(orders),
  } as unknown as TransactionLog;
}

/** One persona holding everyone: all buildValueModel reads of the segmentation. */
function onePersonaContext(log: TransactionLog): AnalysisContext {
  return {
    log,
    k: 1,
    clusterOf: new Uint8Array(log.customerCount),
    personas: [{ persona: 'Everyone' }],
    currency: 'INR',
  } as unknown as AnalysisContext;
}

describe('a plain POS bill register with no visible dropout (the reported crash)', () => {
  // 2,000 customers over 18 months (546 days, 78 weeks), first bills spread over the first six
  // months, purchase rates λ ~ Gamma(r = 0.5, α = 6.5 weeks) — 0.077 bills a week on average, about
  // six bills each over the window — and nobody ever drops out (a = 0). Before the no-dropout limit
  // the back-test's fit ran to a ≈ 4.5·10⁵, b ≈ 4.7·10¹⁰ and its tracking curve turned NaN from
  // week 62, so buildValueModel threw "Expected a finite number, got NaN".
  const truth = { r: 0.5, alpha: 6.5, a: 0, b: 1, p: 6, q: 4, gamma: 300 };
  const purchases = simulatePurchases(2_000, 2, { truth, windowDays: 546, firstPurchaseDays: 182 });
  const log = logOfPurchases(purchases, '2024-04-01', 546);

  it('builds a valid value_model, finite everywhere, on the no-dropout limit, with a back-test', () => {
    expect(purchases.day.length / 2_000).toBeGreaterThan(5);
    expect(purchases.day.length / 2_000).toBeLessThan(7);
    const value = computeCustomerValue(log);
    const vm = buildValueModel(onePersonaContext(log), value);
    expect(TABLE_SCHEMAS.value_model.safeParse(vm).success).toBe(true);
    expect(nonFinite(vm)).toEqual([]);
    expect(vm.sufficiency).toMatchObject({ frequency: true, monetary: true, reasons: [] });
    expect(vm.sufficiency.notes).toHaveLength(1);
    expect(vm.sufficiency.notes![0]).toMatch(
      /^No dropout is seen in the data: .* the no-dropout \(NBD\) limit/,
    );
    expect(vm.bgnbd!.model).toBe('nbd');
    const bt = vm.back_test!;
    expect(bt).not.toBeNull();
    expect(bt.params.model).toBe('nbd');
    expect(bt.tracking.at(-1)!.week).toBe(78);
    // The NBD is the truth here: the holdout total is forecast within 15 % (its sampling sd is about
    // 4 %: per customer mean ≈ 2, variance ≈ 2 + 2²/r = 10, so √(2000·10)/4000).
    expect(Math.abs(bt.predicted_total / bt.actual_total - 1)).toBeLessThan(0.15);
    // Nobody drops out, so everyone is alive.
    expect(vm.total.active_customers).toBe(2_000);
  });
});

describe('revenueInterval', () => {
  it('gives the 10th–90th percentile of a normal total: total ± 1.2816 standard deviations', () => {
    expect(revenueInterval(true, 1000, 100)).toEqual({
      predicted_revenue_p10: 987,
      predicted_revenue_p90: 1013,
    });
  });
  it('never goes below zero, and is null without a spend model', () => {
    expect(revenueInterval(true, 10, 10_000).predicted_revenue_p10).toBe(0);
    expect(revenueInterval(false, 1000, 100)).toEqual({
      predicted_revenue_p10: null,
      predicted_revenue_p90: null,
    });
  });
});
