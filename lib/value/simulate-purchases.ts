/**
 * Purchases of customers drawn from known BG/NBD and Gamma-Gamma parameters: the benchmarks' input,
 * in Node and in the browser worker alike (pure, seeded), and the property tests' (any parameters,
 * any window, the no-dropout limit a = 0 included).
 */
import { beta, exponential, gamma } from '../random/distributions';
import { createRng } from '../random/rng';
import type { Purchases } from './customer-value';

export const BENCH_WINDOW_DAYS = 728;
export const BENCH_TRUTH = { r: 0.5, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

/** True parameters of a simulation: BG/NBD (α per week) and Gamma-Gamma. a = 0: nobody ever drops out (NBD). */
export interface SimulationTruth {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  gamma: number;
}

export interface SimulationOptions {
  truth: SimulationTruth;
  /** Days in the window (purchases on days 0 … windowDays − 1). */
  windowDays: number;
  /** First purchases fall uniformly on days 0 … firstPurchaseDays − 1. */
  firstPurchaseDays: number;
  /**
   * Purchase times as whole days (floored, the default: what a till records, so fast buyers get
   * same-day ties), or as exact times in days (the model's own continuous time, for checking that a
   * fit recovers its parameters without the blur of whole days).
   */
  wholeDays: boolean;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  truth: BENCH_TRUTH,
  windowDays: BENCH_WINDOW_DAYS,
  firstPurchaseDays: 364,
  wholeDays: true,
};

/**
 * `n` customers, each first buying in the window's first `firstPurchaseDays` days (the first year
 * by default), then buying at a Poisson rate λ ~ Gamma(r, α) a week and dropping out with
 * probability p ~ Beta(a, b) after each purchase; purchase values Gamma(p, ν), ν ~ Gamma(q, γ).
 * Days are whole (floored) unless `wholeDays` is false, so a fast buyer can buy twice on one day.
 * The default arguments give the benchmarks' customers, draw for draw.
 */
export function simulatePurchases(
  n: number,
  seed = 2026,
  options: Partial<SimulationOptions> = {},
): Purchases {
  const { truth, windowDays, firstPurchaseDays, wholeDays } = { ...DEFAULT_SIMULATION, ...options };
  const rng = createRng(seed, 0);
  const start = new Uint32Array(n + 1);
  const days: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < n; c++) {
    start[c] = days.length;
    const u = rng.next() * firstPurchaseDays;
    const first = wholeDays ? Math.floor(u) : u;
    const lambda = gamma(rng, truth.r, 1 / truth.alpha) / 7;
    // a = 0 is the no-dropout limit (Beta(0, b) is a point mass at 0): nothing to draw.
    const drop = truth.a === 0 ? 0 : beta(rng, truth.a, truth.b);
    const nu = gamma(rng, truth.q, 1 / truth.gamma);
    let t = first;
    days.push(first);
    values.push(gamma(rng, truth.p, 1 / nu));
    for (;;) {
      t += exponential(rng, lambda);
      if (t >= windowDays) break;
      days.push(wholeDays ? Math.floor(t) : t);
      values.push(gamma(rng, truth.p, 1 / nu));
      if (rng.next() < drop) break;
    }
  }
  start[n] = days.length;
  return { start, day: Float64Array.from(days), value: Float64Array.from(values) };
}
