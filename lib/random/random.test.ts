import { describe, expect, it } from 'vitest';
import { AliasTable, beta, binomial, gamma, normal, poisson } from './distributions';
import { createRng } from './rng';

const draws = (n: number, f: () => number) => Array.from({ length: n }, f);
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const varOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

describe('rng', () => {
  it('gives the same stream for the same seed and stream, and different ones otherwise', () => {
    const a = draws(5, () => createRng(42, 7).next());
    const r1 = createRng(42, 7);
    const r2 = createRng(42, 7);
    expect(draws(5, () => r1.next())).toEqual(draws(5, () => r2.next()));
    expect(a[0]).not.toBe(createRng(43, 7).next());
    expect(createRng(42, 8).next()).not.toBe(createRng(42, 7).next());
  });

  it('pins the stream (a change here changes every generated file)', () => {
    const r = createRng(42, 0);
    expect(draws(3, () => r.nextUint32())).toMatchInlineSnapshot(`
      [
        863280503,
        1837502284,
        4086423005,
      ]
    `);
  });

  it('is uniform on [0, 1)', () => {
    const r = createRng(1);
    const xs = draws(50_000, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(meanOf(xs)).toBeCloseTo(0.5, 2);
  });
});

describe('distributions', () => {
  const r = createRng(2024);
  it('normal has the requested mean and SD', () => {
    const xs = draws(40_000, () => normal(r, 3, 2));
    expect(meanOf(xs)).toBeCloseTo(3, 1);
    expect(Math.sqrt(varOf(xs))).toBeCloseTo(2, 1);
  });

  it('gamma has mean shape·scale and variance shape·scale², also for shape < 1', () => {
    for (const [shape, scale] of [
      [2.5, 0.4],
      [0.45, 2],
    ] as const) {
      const xs = draws(60_000, () => gamma(r, shape, scale));
      expect(meanOf(xs)).toBeCloseTo(shape * scale, 1);
      expect(varOf(xs) / (shape * scale * scale)).toBeCloseTo(1, 1);
    }
  });

  it('beta has mean a / (a + b)', () => {
    expect(meanOf(draws(40_000, () => beta(r, 1.4, 9)))).toBeCloseTo(1.4 / 10.4, 2);
  });

  it('poisson and binomial have their means', () => {
    expect(meanOf(draws(40_000, () => poisson(r, 2.4)))).toBeCloseTo(2.4, 1);
    expect(meanOf(draws(40_000, () => poisson(r, 45)))).toBeCloseTo(45, 0);
    expect(meanOf(draws(40_000, () => binomial(r, 100, 0.03)))).toBeCloseTo(3, 1);
    expect(meanOf(draws(40_000, () => binomial(r, 20, 0.9)))).toBeCloseTo(18, 1);
    expect(binomial(r, 0, 0.5)).toBe(0);
    expect(binomial(r, 7, 1)).toBe(7);
  });

  it('rejects invalid gamma parameters', () => {
    expect(() => gamma(r, 0)).toThrow(/shape and scale must be > 0/);
  });
});

describe('AliasTable', () => {
  it('samples in proportion to the weights and never a zero weight', () => {
    const table = new AliasTable([1, 0, 3, 6]);
    const r = createRng(9);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[table.sample(r)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 1e5).toBeCloseTo(0.1, 2);
    expect(counts[2]! / 1e5).toBeCloseTo(0.3, 2);
    expect(counts[3]! / 1e5).toBeCloseTo(0.6, 2);
  });

  it('rejects empty, negative or all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow();
    expect(() => new AliasTable([1, -1])).toThrow(/weight 1/);
    expect(() => new AliasTable([0, 0])).toThrow(/sum to 0/);
  });
});
