import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { computeCustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';
import { toCsv } from '../format/table-data';
import { affinityTable, clvTable, personasTable, resultJson } from './result-tables';
import { summariseAnalysis, type SummariseInput } from './summarise';

// Categories: 0 Red wines (Hosting & Entertaining), 1 Milk (Everyday Essentials), 2 Soap (Personal Care).
// Customers 0 and 1 are persona 0, customer 2 is persona 1.
const log = tinyLog(3, [
  {
    customer: 0,
    day: 0,
    gross: 100,
    discount: 10,
    lines: [
      [0, 1, 60],
      [1, 2, 30],
    ],
  },
  { customer: 0, day: 10, online: true, gross: 50, lines: [[1, 1, 50]] },
  { customer: 1, day: 20, gross: 60, lines: [[0, 1, 60]] },
  { customer: 2, day: 30, online: true, gross: 200, lines: [[2, 4, 200]] },
  { customer: 2, day: 40, online: true, gross: 100, lines: [[1, 1, 100]] },
]);
const scores = {
  churn_risk: Float64Array.from([10, 30, 80]),
  loyalty_score: Float64Array.from([60, 40, 20]),
  engagement_index: Float64Array.from([50, 50, 90]),
  clv_proxy: Float64Array.from([20, 40, 90]),
} as unknown as CustomerScores;
const input: SummariseInput = {
  log,
  features: computeCustomerFeatures(log),
  scores,
  clusterOf: Uint8Array.from([0, 0, 1]),
  personas: [
    { cluster_id: 0, persona: 'Hosts', archetype: null, fit: null },
    { cluster_id: 1, persona: 'Online regulars', archetype: null, fit: null },
  ],
  k: 2,
  currency: 'INR',
};

describe('summariseAnalysis', () => {
  const result = summariseAnalysis(input);

  it('given two personas, gives each its customers, revenue, order value and share of the total', () => {
    const [hosts, online] = result.personas;
    expect(hosts).toMatchObject({
      clusterId: 0,
      persona: 'Hosts',
      customers: 2,
      customerSharePct: 66.67,
      revenue: 200, // 90 + 50 + 60
      revenueSharePct: 40,
      orders: 3,
      avgOrderValue: 66.67,
      ordersPerCustomer: 1.5,
      avgChurnRisk: 20,
      avgLoyalty: 50,
      avgEngagement: 50,
      onlineOrderSharePct: 33.33,
    });
    expect(online).toMatchObject({
      customers: 1,
      revenue: 300,
      revenueSharePct: 60,
      onlineOrderSharePct: 100,
    });
    expect(result.total).toMatchObject({
      clusterId: null,
      persona: 'All customers',
      customers: 3,
      revenue: 500,
      orders: 5,
      avgOrderValue: 100,
    });
  });

  it('gives CLV proxy quantiles per persona and overall', () => {
    expect(result.personas[0]!.clv).toEqual({ p10: 22, p25: 25, p50: 30, p75: 35, p90: 38, mean: 30 });
    expect(result.total.clv.p50).toBe(40);
    expect(result.total.clv.mean).toBe(50);
  });

  it('gives persona × intent spend shares and indexes, intents ordered by everyone’s spend', () => {
    const { intents, overallSharePct, sharePct, index } = result.affinity;
    // Everyone: Personal Care 200, Everyday Essentials 180, Hosting 120 of 500.
    expect(intents).toEqual(['Personal Care', 'Everyday Essentials', 'Hosting & Entertaining']);
    expect(overallSharePct).toEqual([40, 36, 24]);
    // Hosts: 0, 80, 120 of 200.
    expect(sharePct[0]).toEqual([0, 40, 60]);
    expect(index[0]).toEqual([0, 1.111, 2.5]);
    expect(sharePct[1]).toEqual([66.67, 33.33, 0]);
  });

  it('gives demographics only where they are known (tinyLog: age 30, all female, all urban)', () => {
    expect(result.personas[0]).toMatchObject({ avgAge: 30, femaleSharePct: 100, urbanSharePct: 100 });
    const unknown = {
      ...log,
      attributes: {
        age: new Uint8Array(3),
        gender: new Uint8Array(3).fill(255),
        locale: Uint8Array.from([2, 255, 255]),
      },
    };
    const r = summariseAnalysis({ ...input, log: unknown });
    expect(r.personas[0]).toMatchObject({ avgAge: null, femaleSharePct: null, urbanSharePct: 0 });
    expect(r.personas[1]!.urbanSharePct).toBeNull();
  });

  it('names a cluster without a persona name by its number', () => {
    const r = summariseAnalysis({ ...input, personas: [input.personas[0]!] });
    expect(r.personas[1]!.persona).toBe('Cluster 2');
  });
});

describe('result tables', () => {
  const result = summariseAnalysis(input);

  it('lists every persona and the total in the personas table', () => {
    const t = personasTable(result);
    expect(t.rows.map((r) => r.persona)).toEqual(['Hosts', 'Online regulars', 'All customers']);
    expect(toCsv(t).split('\r\n')[1]).toBe('Hosts,2,66.67,200,40,66.67,1.5,20,50,50,33.33,30,30,100,100');
  });

  it('gives one affinity row per persona × intent and CLV quantiles per group', () => {
    expect(affinityTable(result).rows).toHaveLength(6);
    expect(affinityTable(result).rows[2]).toEqual({
      persona: 'Hosts',
      intent: 'Hosting & Entertaining',
      spend_share_pct: 60,
      overall_share_pct: 24,
      index: 2.5,
    });
    expect(clvTable(result).rows[2]!.p50).toBe(40);
  });

  it('writes the result as JSON with its source', () => {
    const json = JSON.parse(resultJson(result, { file: 'orders.csv', rows: 5, skipped: 0 }));
    expect(json.source).toEqual({ file: 'orders.csv', rows: 5, skipped: 0 });
    expect(json.personas).toHaveLength(2);
    expect(json.affinity.intents).toHaveLength(3);
  });
});
