import { describe, expect, it } from 'vitest';
import { buildCustomerSample } from './customer-sample';
import { masterOf } from './test-context.test-util';

const FIVE = masterOf([
  { cluster_id: 0, churn_risk: 5, total_spend: 100.4 },
  { cluster_id: 0, churn_risk: 15, total_spend: 0 },
  { cluster_id: 1, churn_risk: 95, total_spend: 250.6 },
  { cluster_id: 1, churn_risk: 100, total_spend: 80 },
  { cluster_id: 1, churn_risk: 55, total_spend: 10 },
]);

describe('buildCustomerSample', () => {
  it('takes every customer with spend when there are fewer than asked for, spend rounded', () => {
    // The customer with no spend is left out.
    expect(buildCustomerSample(FIVE).rows).toEqual([
      [100, 5, 0],
      [251, 95, 1],
      [80, 100, 1],
      [10, 55, 1],
    ]);
  });

  it('takes every n-th row when there are more: 5 rows for 2 dots → every 3rd (rows 0 and 3)', () => {
    const sample = buildCustomerSample(FIVE, 2);
    expect(sample.every).toBe(3);
    expect(sample.customers).toBe(5);
    expect(sample.rows).toEqual([
      [100, 5, 0],
      [80, 100, 1],
    ]);
  });

  it('stays within the number asked for on a large table, and gives the same dots every time', () => {
    const big = masterOf(
      Array.from({ length: 1000 }, (_, i) => ({
        cluster_id: i % 5,
        churn_risk: i % 100,
        total_spend: 100 + i,
      })),
    );
    const sample = buildCustomerSample(big, 300);
    // every ceil(1000 / 300) = 4th row: rows 0, 4, …, 996 → 250 dots.
    expect(sample.every).toBe(4);
    expect(sample.rows).toHaveLength(250);
    expect(sample.rows[1]).toEqual([104, 4, 4]);
    expect(buildCustomerSample(big, 300)).toEqual(sample);
  });
});
