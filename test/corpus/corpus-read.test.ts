/**
 * Every case of the corpus of realistic exports (test/corpus), read the way a brand would load it
 * (the files, no hand mapping) and checked against the truth its generator computed from its own
 * ledger: customers, orders and lines, every rupee (net revenue, discounts, refunds, returns,
 * excluded orders), channels, categories and their revenue, key merges. Then the whole analysis
 * builds every table from it, and no table holds a customer's e-mail, phone, name or address.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCustomersRead } from '../../lib/orders/customers-csv';
import { secretFromHex } from '../../lib/orders/pseudonym-secret';
import { startOrdersRead } from '../../lib/orders/read-orders-csv';
import { reconciles } from '../../lib/orders/reconciliation';
import {
  customersReadOptions,
  finishOwnData,
  readOwnData,
  readSideFiles,
  type OwnDataInput,
} from '../../lib/pipeline/own-data';
import { analyse, buildTables } from '../../lib/pipeline/run-pipeline';
import { findPersonal, INDIAN_MOBILE, jsonStrings, personalNeedles } from '../../lib/privacy/personal-data';
import { TABLE_NAMES, TABLE_SCHEMAS, type Tables } from '../../lib/schema';
import { jsonChunks, tableCsvChunks } from '../../lib/tables/serialise';
import { CHANNEL_ONLINE, type TransactionLog } from '../../lib/transactions/transaction-log';
import { generateCorpus, type CorpusCase } from './generate';

const SECRET = secretFromHex('c0ffee'.repeat(6) + '00112233445566778899')!;
const cases = generateCorpus();

function inputOf(c: CorpusCase): OwnDataInput {
  const f = c.files;
  return {
    orders: { file: f.orders.name, text: f.orders.text },
    ...(f.products ? { products: { file: f.products.name, text: f.products.text } } : {}),
    ...(f.customers ? { customers: { file: f.customers.name, text: f.customers.text } } : {}),
    ...(f.intents ? { intents: { file: f.intents.name, text: f.intents.text } } : {}),
  };
}

/** Net revenue per category of the log, in paise (lines are net of discounts and refunds). */
function revenueByCategory(log: TransactionLog): Record<string, number> {
  const out: Record<string, number> = {};
  for (let l = 0; l < log.lineCount; l++) {
    const name = log.categories[log.lineCategory[l]!]!.name;
    out[name] = (out[name] ?? 0) + Math.round(log.lineNet[l]! * 100);
  }
  return out;
}

describe.each(cases.map((c) => [c.name, c] as const))('the %s export', (_name, c) => {
  let read: ReturnType<typeof readOwnData>;
  let tables: Tables;

  beforeAll(() => {
    expect(c.options).toEqual([]);
    read = readOwnData(inputOf(c), { secret: SECRET });
    const ctx = analyse(read.log, { seed: 42, k: 5, currency: 'INR' });
    tables = buildTables(
      ctx,
      { families: [], arrivals: [], intents: [], notes: [] },
      42,
      undefined,
      'orders',
    );
  });

  it('is read with no bad row and no hand mapping', () => {
    expect(read.report.orders.rowsSkipped, JSON.stringify(read.report.orders.problems)).toBe(0);
  });

  it('finds the customers, orders and lines the file holds, one customer per person', () => {
    const { orders } = read.report;
    const t = c.truth;
    expect(orders.customers).toBe(t.customers);
    expect(orders.orders).toBe(t.orders);
    expect(orders.lines).toBe(t.lines);
    expect(orders.customerKeys.merged).toBe(t.keyMerges);
    expect(orders.firstDay).toBe(t.firstDay);
    expect(orders.lastDay).toBe(t.lastDay);
    let repeat = 0;
    for (let cu = 0; cu < read.log.customerCount; cu++)
      if (read.log.customerOrderStart[cu + 1]! - read.log.customerOrderStart[cu]! > 1) repeat++;
    expect(repeat).toBe(t.repeatCustomers);
  });

  it('counts every rupee as the platform means it: discounts once, refunds netted, non-sales left out', () => {
    const r = read.report.orders.reconciliation;
    const t = c.truth;
    expect(r.tables_paise).toBe(t.netRevenuePaise);
    let discount = 0;
    for (let o = 0; o < read.log.orderCount; o++) discount += Math.round(read.log.orderDiscount[o]! * 100);
    expect(discount).toBe(t.discountPaise);
    expect(r.refunds_paise).toBe(t.refundedPaise);
    // The corpus counts failed payments with cancellations, the reader with voided payments: the sum is the same.
    expect(r.excluded.cancelled.orders + r.excluded.voided.orders).toBe(
      t.excluded.cancelled + t.excluded.voided,
    );
    expect(r.excluded.refunded.orders).toBe(t.excluded.refundedInFull);
    expect(r.excluded.guest.orders).toBe(t.excluded.guest);
    expect(r.excluded.unpaid.orders).toBe(t.excluded.unpaid);
    expect(r.returns_paise).toBe(t.returnsPaise);
    if (t.fileSubtotalPaise !== null) expect(r.file_subtotal_paise).toBe(t.fileSubtotalPaise);
    expect(reconciles(r)).toBe(true);
    const pending = read.report.orders.pendingOrders;
    expect(pending.cashOnDelivery + pending.other).toBe(t.pendingOrders);
    expect(pending.cashOnDelivery).toBe(t.pendingCodOrders);
  });

  it('puts each line under its category, with the revenue of its own discounts (not its order’s first line’s)', () => {
    expect(read.log.categories.map((x) => x.name)).toEqual(t().categories);
    expect(revenueByCategory(read.log)).toEqual(t().revenueByCategoryPaise);
    expect(read.report.orders.linesWithoutProduct).toBe(0);
  });

  it('reads each order’s channel, and reports the sales channels written as app ids', () => {
    let online = 0;
    for (let o = 0; o < read.log.orderCount; o++) if (read.log.orderChannel[o] === CHANNEL_ONLINE) online++;
    expect({ online, inStore: read.log.orderCount - online }).toEqual(t().ordersByChannel);
    expect(read.report.orders.appSources).toEqual(t().appSources);
  });

  it('joins the customers file on the normalised keys', () => {
    const truth = t().customersFile;
    const report = read.report.customers;
    if (!truth) return expect(report).toBeNull();
    expect(report!.rowsRead).toBe(truth.rows);
    expect(report!.rowsRead - report!.rowsSkipped - report!.rowsWithoutOrders).toBe(truth.matched);
    const { gender, age } = read.log.attributes;
    expect(gender.filter((g) => g === 0).length).toBe(truth.matchedFemale);
    expect(gender.filter((g) => g === 1).length).toBe(truth.matchedMale);
    expect(age.filter((a) => a > 0).length).toBe(truth.matchedAgeKnown);
  });

  it('builds every table, each valid and without NaN, the revenue equal to the file’s net of refunds', () => {
    for (const name of TABLE_NAMES) {
      if (tables[name] === null) continue;
      const parsed = TABLE_SCHEMAS[name].safeParse(tables[name]);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
    }
    const total = tables.revenue_by_cluster.rows.reduce((s, r) => s + Math.round(r.revenue * 100), 0);
    expect(total).toBe(t().netRevenuePaise);
    expect(tables.value_model.personas.length).toBe(5);
  });

  it('publishes no e-mail, phone number, name or address of the files in any table or CSV', () => {
    const published = TABLE_NAMES.flatMap((name) => {
      const doc = tables[name];
      if (doc === null) return [];
      const compact = doc as { columns?: string[]; rows?: unknown[][] };
      return [
        [...jsonChunks(doc)].join(''),
        ...(Array.isArray(compact.columns)
          ? [[...tableCsvChunks(compact.columns, compact.rows!)].join('')]
          : []),
      ];
    }).join('\n');
    expect(findPersonal(published, personalNeedles(t().personalValues))).toEqual([]);
    const strings = TABLE_NAMES.flatMap((name) => jsonStrings(tables[name]));
    expect(strings.filter((v) => INDIAN_MOBILE.test(v))).toEqual([]);
    const ids = tables.customers_master.rows.map((r) => r[0]);
    expect(ids.every((id) => typeof id === 'string' && /^c_[a-z]{14}$/.test(id))).toBe(true);
  });

  it('gives the same log in the browser’s way (rows in chunks) as on the command line', () => {
    const input = inputOf(c);
    const side = readSideFiles(input);
    const reading = startOrdersRead({ file: input.orders.file, ...side });
    const rows = Papa.parse<string[]>(input.orders.text, { skipEmptyLines: 'greedy' }).data;
    for (let i = 0; i < rows.length; i += 997) reading.addRows(rows.slice(i, i + 997));
    const orders = reading.finish();
    let customers = null;
    if (input.customers) {
      const customersReading = startCustomersRead(customersReadOptions(input.customers.file, orders, {}));
      const customerRows = Papa.parse<string[]>(input.customers.text, { skipEmptyLines: 'greedy' }).data;
      for (let i = 0; i < customerRows.length; i += 97)
        customersReading.addRows(customerRows.slice(i, i + 97));
      customers = customersReading.finish();
    }
    const browser = finishOwnData(orders, side, customers, input, { secret: SECRET });
    expect(browser.log.customerIds).toEqual(read.log.customerIds);
    expect(Array.from(browser.log.orderGross)).toEqual(Array.from(read.log.orderGross));
    expect(browser.report.orders.reconciliation).toEqual(read.report.orders.reconciliation);
    expect(browser.log.attributes).toEqual(read.log.attributes);
    expect(browser.report.customers).toEqual(read.report.customers);
  });

  const t = () => c.truth;
});
