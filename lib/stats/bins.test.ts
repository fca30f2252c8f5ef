import { describe, expect, it } from 'vitest';
import { binWidth } from './bins';

// Worked by hand: the smallest step of 1, 2 or 5 × 10ⁿ that needs no more than `bins` bins.
describe('binWidth', () => {
  it('cuts [0, max] into at most the bins asked for', () => {
    expect(binWidth(47.9, 10)).toBe(5); // 47.9 / 10 = 4.79 → 5 (10 bins)
    expect(binWidth(1.258, 10)).toBe(0.2); // 0.1 would need 13 bins
    expect(binWidth(0.1257, 8)).toBe(0.02); // 0.01 would need 13
    expect(binWidth(50057, 10)).toBe(10000); // 5000 would need 11
    expect(binWidth(100, 20)).toBe(5);
  });
});
