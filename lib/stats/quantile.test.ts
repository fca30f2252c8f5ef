import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile';

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([0, 10], 0.5)).toBe(5);
    expect(quantileSorted([1, 2, 3], 0.5)).toBe(2);
    expect(quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.25)).toBeCloseTo(1.75, 12);
  });

  it('clamps q to [0, 1] and is NaN without values', () => {
    expect(quantileSorted([1, 2, 3], -1)).toBe(1);
    expect(quantileSorted([1, 2, 3], 2)).toBe(3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
