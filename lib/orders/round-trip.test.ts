import { readSharedSources } from '@/test/helpers/shared-sources';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLOAT_FEATURES } from '../features/customer-features';
import { analyse } from '../pipeline/run-pipeline';
import type { AnalysisContext } from '../segment/analysis-context';
import { stageSources } from '../sources/stage-sources';
import { generateTransactions } from '../synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG, windowStartOf } from '../synth/synth-config';
import type { TransactionLog } from '../transactions/transaction-log';
import { exportOrdersCsv } from './export-orders';
import { readIntentsCsv } from './intents-csv';
import { readOrdersCsv } from './read-orders-csv';

const CUSTOMERS = 1500;
const OPTIONS = { seed: 42, k: 5, currency: 'INR' };
/** Not in the orders format: impulse additions are a synthetic flag a POS export does not carry. */
const NOT_IN_ORDERS = new Set(['impulse_share']);

let synthetic: AnalysisContext;
let fromOrders: AnalysisContext;
let original: TransactionLog;
let readBack: TransactionLog;

beforeAll(() => {
  const sources = stageSources(readSharedSources());
  const config = { ...DEFAULT_SYNTH_CONFIG, customers: CUSTOMERS };
  // The orders format carries no marketing touches: the synthetic path is compared without them.
  original = { ...generateTransactions(sources, config), marketing: null };
  const { orders, intents } = exportOrdersCsv(original);
  const read = readOrdersCsv(orders, {
    file: 'synthetic-orders.csv',
    intents: readIntentsCsv('intents.csv', intents),
    window: { start: windowStartOf(config), end: config.windowEnd },
    recentMonths: config.recentMonths,
  });
  readBack = read.log;
  expect(read.report.rowsSkipped).toBe(0);
  synthetic = analyse(original, OPTIONS);
  fromOrders = analyse(readBack, OPTIONS);
}, 120_000);

describe('synthetic log → orders CSV → own-data reader', () => {
  it('gives back the same customers, orders, days, hours, channels and money to the paisa', () => {
    expect(readBack.customerIds).toEqual(original.customerIds);
    expect(readBack.windowStart).toBe(original.windowStart);
    expect(readBack.windowDays).toBe(original.windowDays);
    expect(readBack.recentFromDay).toBe(original.recentFromDay);
    expect(Array.from(readBack.customerOrderStart)).toEqual(Array.from(original.customerOrderStart));
    expect(Array.from(readBack.orderDay)).toEqual(Array.from(original.orderDay));
    expect(Array.from(readBack.orderHour)).toEqual(Array.from(original.orderHour));
    expect(Array.from(readBack.orderChannel)).toEqual(Array.from(original.orderChannel));
    expect(Array.from(readBack.orderGross)).toEqual(Array.from(original.orderGross));
    expect(Array.from(readBack.orderDiscount)).toEqual(Array.from(original.orderDiscount));
    expect(Array.from(readBack.orderDwellMinutes)).toEqual(Array.from(original.orderDwellMinutes));
    expect(Array.from(readBack.lineQuantity)).toEqual(Array.from(original.lineQuantity));
    // Categories come back sorted by name: compare names line by line.
    const name = (log: TransactionLog, l: number) => log.categories[log.lineCategory[l]!]!.name;
    const names = (log: TransactionLog) => Array.from({ length: log.lineCount }, (_, l) => name(log, l));
    expect(names(readBack)).toEqual(names(original));
    const intentOf = new Map(original.categories.map((c) => [c.name, c.intent]));
    for (const c of readBack.categories) expect(c.intent).toBe(intentOf.get(c.name));
  });

  it('gives the same customer features', () => {
    for (const key of FLOAT_FEATURES) {
      if (NOT_IN_ORDERS.has(key)) continue;
      expect(Array.from(fromOrders.features[key]), key).toEqual(Array.from(synthetic.features[key]));
    }
  });

  it('gives the same clusters and persona names', () => {
    expect(Array.from(fromOrders.clusterOf)).toEqual(Array.from(synthetic.clusterOf));
    expect(fromOrders.personas.map((p) => p.persona)).toEqual(synthetic.personas.map((p) => p.persona));
  });
});
