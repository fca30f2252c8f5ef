import { tinyLog, type TinyOrder } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { computeCustomerFeatures } from './customer-features';
import { CLV_HORIZON_MONTHS, computeCustomerScores, decline } from './customer-scores';

/** Customer 0: steady monthly buyer to the end; 1: bought early then stopped; 2: a single recent order. */
function scenario() {
  const orders: TinyOrder[] = [];
  for (let d = 5; d < 365; d += 30) orders.push({ customer: 0, day: d, gross: 100, lines: [[1, 1, 100]] });
  for (let d = 5; d < 150; d += 20) orders.push({ customer: 1, day: d, gross: 300, lines: [[0, 1, 300]] });
  orders.push({ customer: 2, day: 340, gross: 50, lines: [[2, 1, 50]] });
  return computeCustomerScores(computeCustomerFeatures(tinyLog(3, orders)));
}

describe('decline', () => {
  it('is +1 when activity stopped, 0 when steady, −1 when it only started recently', () => {
    const d = decline(Float64Array.from([2, 1, 0, NaN]), Float64Array.from([0, 1, 3, 1]));
    expect(Array.from(d)).toEqual([1, 0, -1, 0]);
  });
});

describe('computeCustomerScores', () => {
  const s = scenario();

  it('keeps every score on 0–100', () => {
    for (const key of ['engagement_index', 'loyalty_score', 'churn_risk', 'clv_proxy'] as const) {
      for (const v of s[key]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });

  it('gives the lapsed customer the highest churn risk and the steady one the highest loyalty', () => {
    expect(s.churn_risk[1]).toBeGreaterThan(s.churn_risk[0]!);
    expect(s.loyalty_score[0]).toBeGreaterThan(s.loyalty_score[1]!);
    expect(s.loyalty_score[0]).toBeGreaterThan(s.loyalty_score[2]!);
  });

  it('computes the CLV proxy as AOV × frequency × expected lifespan × engagement weight', () => {
    const f = computeCustomerFeatures(
      tinyLog(1, [
        { customer: 0, day: 0, gross: 100, lines: [[1, 1, 100]] },
        { customer: 0, day: 100, gross: 300, lines: [[1, 1, 300]] },
      ]),
    );
    const one = computeCustomerScores(f);
    const lifespan = CLV_HORIZON_MONTHS * (1 - one.churn_risk[0]! / 100);
    const expected = 200 * f.orders_per_month[0]! * lifespan * (0.5 + one.engagement_index[0]! / 100);
    expect(one.clv_proxy_value[0]).toBeCloseTo(expected, 8);
    expect(one.expected_lifespan_months[0]).toBeCloseTo(lifespan, 10);
  });

  it('scales the CLV proxy to the 99th-percentile customer, capped at 100', () => {
    const max = Math.max(...s.clv_proxy);
    expect(max).toBeLessThanOrEqual(100);
    expect(max).toBeGreaterThan(99);
  });
});
