import { describe, expect, it } from 'vitest';
import { rangeTicks, zeroAxis } from './ticks';

// Expectations worked by hand from the rule "a step of 1, 2 or 5 × 10ⁿ, the smallest that needs no
// more than `count` intervals".
describe('zeroAxis', () => {
  it('tops out at the first round step at or above the largest value', () => {
    // 11.6 in ≤ 4 steps: 2 needs 6, 5 needs 3 → 0, 5, 10, 15.
    expect(zeroAxis(11.6, 4)).toEqual({ max: 15, ticks: [0, 5, 10, 15] });
    // 8 in ≤ 4 steps: 2 needs exactly 4.
    expect(zeroAxis(8, 4)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    // 0.9 in ≤ 4 steps: 0.2 needs 5, 0.5 needs 2.
    expect(zeroAxis(0.9, 4)).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    // ₹3.4 Cr in ≤ 4 steps: 1 Cr needs 4.
    expect(zeroAxis(3.4e7, 4)).toEqual({ max: 4e7, ticks: [0, 1e7, 2e7, 3e7, 4e7] });
  });

  it('never gives more intervals than asked for', () => {
    for (const v of [0.07, 1.3, 7.7, 19, 47.9, 99, 101, 12345, 9.99e6]) {
      for (const count of [2, 3, 4, 5, 8]) {
        const axis = zeroAxis(v, count);
        expect(axis.ticks.length - 1).toBeLessThanOrEqual(count);
        expect(axis.max).toBeGreaterThanOrEqual(v);
        expect(axis.ticks.at(-1)).toBe(axis.max);
      }
    }
  });

  it('gives a usable axis when there is nothing to show', () => {
    expect(zeroAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(zeroAxis(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

describe('rangeTicks', () => {
  it('marks round values inside the range without extending it', () => {
    expect(rangeTicks(12, 87, 5)).toEqual([20, 40, 60, 80]);
    expect(rangeTicks(-0.35, 0.4, 3)).toEqual([-0.2, 0, 0.2, 0.4]);
  });
});
