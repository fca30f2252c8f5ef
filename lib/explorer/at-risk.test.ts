import { describe, expect, it } from 'vitest';
import { AT_RISK_P_ALIVE_BELOW, AT_RISK_VALUE_SHARE, isAtRisk } from './at-risk';

describe('at-risk rule', () => {
  it('uses the named constants: top 30 % by total spend, P(alive) below 0.5', () => {
    expect(AT_RISK_VALUE_SHARE).toBe(0.3);
    expect(AT_RISK_P_ALIVE_BELOW).toBe(0.5);
  });

  it('checks both boundaries: spend at the threshold is in, just below is out; P(alive) 0.5 is out', () => {
    const t = 8000;
    expect(isAtRisk({ total_spend: 8000, p_alive: 0.499 }, t)).toBe(true);
    expect(isAtRisk({ total_spend: 7999.99, p_alive: 0.1 }, t)).toBe(false);
    expect(isAtRisk({ total_spend: 20000, p_alive: 0.5 }, t)).toBe(false);
    expect(isAtRisk({ total_spend: 20000, p_alive: 0 }, t)).toBe(true);
  });

  it('given no P(alive), or no threshold (no predictions), then the customer is not at risk', () => {
    expect(isAtRisk({ total_spend: 1e6, p_alive: null }, 8000)).toBe(false);
    expect(isAtRisk({ total_spend: 1e6, p_alive: 0.1 }, null)).toBe(false);
  });
});
