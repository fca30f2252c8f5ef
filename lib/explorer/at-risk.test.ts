import { describe, expect, it } from 'vitest';
import { AT_RISK_P_ALIVE_BELOW, AT_RISK_VALUE_SHARE, atRiskThreshold, isAtRisk } from './at-risk';
import { customer } from './fixtures.test-util';

/** Ten customers spending 1,000 … 10,000: the top 30 % are those spending 8,000 or more. */
const ten = Array.from({ length: 10 }, (_, i) =>
  customer({ customer_id: `C${i}`, total_spend: (i + 1) * 1000, p_alive: 0.2 }),
);

describe('at-risk rule', () => {
  it('uses the named constants: top 30 % by total spend, P(alive) below 0.5', () => {
    expect(AT_RISK_VALUE_SHARE).toBe(0.3);
    expect(AT_RISK_P_ALIVE_BELOW).toBe(0.5);
  });

  it('given ten spenders, when finding the threshold, then it is the third-biggest spend', () => {
    expect(atRiskThreshold(ten)).toBe(8000);
    expect(ten.filter((c) => isAtRisk(c, 8000)).map((c) => c.customer_id)).toEqual(['C7', 'C8', 'C9']);
  });

  it('given a share that is not a whole number of customers, then the count rounds up', () => {
    // 7 customers × 0.3 = 2.1 → the top 3.
    expect(atRiskThreshold(ten.slice(0, 7))).toBe(5000);
  });

  it('given ties at the boundary, then every tied customer is in', () => {
    const tied = [
      ...ten.slice(0, 6),
      ...[7, 8, 9, 10].map((i) => customer({ customer_id: `T${i}`, total_spend: 9000 })),
    ];
    const t = atRiskThreshold(tied)!;
    expect(t).toBe(9000);
    expect(tied.filter((c) => c.total_spend >= t)).toHaveLength(4);
  });

  it('checks both boundaries: spend at the threshold is in, just below is out; P(alive) 0.5 is out', () => {
    const t = 8000;
    expect(isAtRisk({ total_spend: 8000, p_alive: 0.499 }, t)).toBe(true);
    expect(isAtRisk({ total_spend: 7999.99, p_alive: 0.1 }, t)).toBe(false);
    expect(isAtRisk({ total_spend: 20000, p_alive: 0.5 }, t)).toBe(false);
    expect(isAtRisk({ total_spend: 20000, p_alive: 0 }, t)).toBe(true);
  });

  it('given no P(alive), then the customer is not at risk, and a file without any has no threshold', () => {
    expect(isAtRisk({ total_spend: 1e6, p_alive: null }, 8000)).toBe(false);
    expect(atRiskThreshold(ten.map((c) => ({ ...c, p_alive: null })))).toBeNull();
    expect(isAtRisk({ total_spend: 1e6, p_alive: 0.1 }, null)).toBe(false);
    expect(atRiskThreshold([])).toBeNull();
  });

  it('given one customer, then that customer alone is the top 30 %', () => {
    expect(atRiskThreshold([ten[4]!])).toBe(5000);
  });
});
