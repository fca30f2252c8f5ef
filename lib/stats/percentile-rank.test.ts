import { describe, expect, it } from 'vitest';
import { percentileRanks } from './percentile-rank';
import { quantileSorted } from './quantile';

describe('percentileRanks', () => {
  it('ranks (below + half of equal) / n, sharing ranks between ties', () => {
    const r = percentileRanks(Float64Array.from([10, 20, 20, 30]));
    expect(Array.from(r)).toEqual([0.125, 0.5, 0.5, 0.875]);
  });

  it('does not depend on row order', () => {
    const a = percentileRanks(Float64Array.from([3, 1, 2]));
    const b = percentileRanks(Float64Array.from([1, 2, 3]));
    expect([a[1], a[2], a[0]]).toEqual(Array.from(b));
  });

  it('keeps NaN as NaN and ranks among finite values only', () => {
    const r = percentileRanks(Float64Array.from([NaN, 5, 7]));
    expect(Number.isNaN(r[0]!)).toBe(true);
    expect(r[1]).toBe(0.25);
    expect(r[2]).toBe(0.75);
  });

  it('handles a column of identical values', () => {
    expect(Array.from(percentileRanks(Float64Array.from([0, 0, 0])))).toEqual([0.5, 0.5, 0.5]);
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly (type 7)', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted(s, 0.25)).toBeCloseTo(1.75, 12);
  });
});
