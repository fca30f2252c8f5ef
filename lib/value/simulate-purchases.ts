/**
 * Purchases of customers drawn from known BG/NBD and Gamma-Gamma parameters: the benchmarks' input,
 * in Node and in the browser worker alike (pure, seeded).
 */
import { beta, exponential, gamma } from '../random/distributions';
import { createRng } from '../random/rng';
import type { Purchases } from './customer-value';

export const BENCH_WINDOW_DAYS = 728;
export const BENCH_TRUTH = { r: 0.5, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

/** `n` customers, each first buying in the window's first year, then buying and dropping out by the model. */
export function simulatePurchases(n: number, seed = 2026): Purchases {
  const truth = BENCH_TRUTH;
  const rng = createRng(seed, 0);
  const start = new Uint32Array(n + 1);
  const days: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < n; c++) {
    start[c] = days.length;
    const first = Math.floor(rng.next() * 364);
    const lambda = gamma(rng, truth.r, 1 / truth.alpha) / 7;
    const drop = beta(rng, truth.a, truth.b);
    const nu = gamma(rng, truth.q, 1 / truth.gamma);
    let t = first;
    days.push(first);
    values.push(gamma(rng, truth.p, 1 / nu));
    for (;;) {
      t += exponential(rng, lambda);
      if (t >= BENCH_WINDOW_DAYS) break;
      days.push(Math.floor(t));
      values.push(gamma(rng, truth.p, 1 / nu));
      if (rng.next() < drop) break;
    }
  }
  start[n] = days.length;
  return { start, day: Float64Array.from(days), value: Float64Array.from(values) };
}
