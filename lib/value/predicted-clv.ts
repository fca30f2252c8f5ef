/**
 * Predicted customer value for a horizon: expected purchases per month from BG/NBD × expected value
 * per purchase from Gamma-Gamma, discounted monthly; and a range per customer from seeded simulation
 * of the fitted model (each customer's draws come from its own random stream, so the range does not
 * depend on which other customers are in the run).
 */
import { beta, exponential, gamma } from '../random/distributions';
import { createRng, type Rng } from '../random/rng';
import { expectedPurchases, probabilityAlive, type BgNbdParams } from './bg-nbd';
import { expectedAverageValue, type GammaGammaParams } from './gamma-gamma';

export const WEEKS_PER_MONTH = 52 / 12;

export interface ClvOptions {
  /** Months ahead (default 12). */
  horizonMonths: number;
  /** Monthly discount rate, e.g. 0.01 (default). */
  monthlyDiscount: number;
}

export const DEFAULT_CLV_OPTIONS: ClvOptions = { horizonMonths: 12, monthlyDiscount: 0.01 };

export interface CustomerHistory {
  x: number;
  tx: number;
  T: number;
  /** Mean repeat-purchase value; NaN or 0 when there is none. */
  meanValue: number;
}

/** Expected purchases in each month of the horizon (month m covers weeks (m − 1)·4.33 … m·4.33). */
export function expectedPurchasesByMonth(bg: BgNbdParams, h: CustomerHistory, months: number): number[] {
  const out: number[] = [];
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const cumulative = expectedPurchases(bg, m * WEEKS_PER_MONTH, h.x, h.tx, h.T);
    out.push(Math.max(0, cumulative - before));
    before = cumulative;
  }
  return out;
}

/** Σ_m E[purchases in month m] / (1 + d)^m: the discounted purchase count a customer's value scales. */
export function discountedExpectedPurchases(
  bg: BgNbdParams,
  h: Pick<CustomerHistory, 'x' | 'tx' | 'T'>,
  options: ClvOptions = DEFAULT_CLV_OPTIONS,
): number {
  return expectedPurchasesByMonth(bg, { ...h, meanValue: NaN }, options.horizonMonths).reduce(
    (sum, n, i) => sum + n / Math.pow(1 + options.monthlyDiscount, i + 1),
    0,
  );
}

/** Expected discounted value over the horizon: Σ_m E[purchases in m] × E[value] / (1 + d)^m. */
export function expectedClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  h: CustomerHistory,
  options: ClvOptions = DEFAULT_CLV_OPTIONS,
): number {
  return discountedExpectedPurchases(bg, h, options) * expectedAverageValue(gg, h.x, h.meanValue);
}

export interface ClvRange {
  p10: number;
  p50: number;
  p90: number;
}

/**
 * Simulated discounted values over the horizon of a customer who is still alive, in units of
 * γ + m·x (sorted ascending): λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x) (the posterior given
 * x purchases in T weeks and being alive, which does not depend on t_x), purchases at rate λ with
 * dropout p after each, each worth Gamma(p, ν) with ν ~ Gamma(px + q, γ + m·x). Since
 * ν = ν′ / (γ + m·x) with ν′ ~ Gamma(px + q, 1), every value is exactly (γ + m·x) times the value
 * drawn with ν′: one simulation serves every customer with the same x and T, whatever their t_x
 * (which only sets P(alive), see mixtureQuantile) and their mean spend. `xm` is x when the repeat
 * purchases have a positive mean value, else 0 (the population prior). In the no-dropout limit
 * (a = 0) nobody drops out: purchases are Poisson(λ·horizon) given λ, the NBD's future.
 */
export function simulateAliveUnitClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  x: number,
  T: number,
  xm: number,
  rng: Rng,
  options: ClvOptions = DEFAULT_CLV_OPTIONS,
  draws = 200,
): Float64Array {
  const horizonWeeks = options.horizonMonths * WEEKS_PER_MONTH;
  const discount = Array.from(
    { length: options.horizonMonths + 1 },
    (_, m) => 1 / Math.pow(1 + options.monthlyDiscount, m),
  );
  const values = new Float64Array(draws);
  for (let s = 0; s < draws; s++) {
    const lambda = gamma(rng, bg.r + x, 1 / (bg.alpha + T));
    // In the no-dropout limit (a = 0) p is 0: the customer buys at λ to the end of the horizon.
    const dropout = bg.a === 0 ? 0 : beta(rng, bg.a, bg.b + x);
    const nu = gamma(rng, gg.p * xm + gg.q, 1);
    let t = 0;
    let total = 0;
    for (;;) {
      t += exponential(rng, lambda);
      if (t > horizonWeeks) break;
      const month = Math.min(options.horizonMonths, Math.ceil(t / WEEKS_PER_MONTH));
      total += (gamma(rng, gg.p, 1) / nu) * discount[month]!;
      if (rng.next() < dropout) break;
    }
    values[s] = total;
  }
  return values.sort();
}

/**
 * Quantile `p` of "dead with probability 1 − P(alive), worth 0; else one of the alive draws": 0 up
 * to 1 − P(alive), then the alive draws' quantile (p − (1 − P(alive))) / P(alive), nearest rank.
 */
export function mixtureQuantile(sortedAlive: Float64Array, pAlive: number, p: number): number {
  const dead = 1 - pAlive;
  if (p <= dead || !(pAlive > 0)) return 0;
  const n = sortedAlive.length;
  const u = (p - dead) / pAlive;
  return sortedAlive[Math.min(n - 1, Math.max(0, Math.round(u * (n - 1))))]!;
}

/** γ + m·x: the factor the unit simulation is scaled by for a customer (γ alone without a positive mean). */
export function spendScale(gg: GammaGammaParams, x: number, meanValue: number): number {
  return meanValue > 0 && x > 0 ? gg.gamma + meanValue * x : gg.gamma;
}

/**
 * The 10th, 50th and 90th percentile of discounted value over the horizon for one customer, from
 * `draws` simulated futures while alive, on its own random stream, mixed with P(alive).
 */
export function simulateClvRange(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  h: CustomerHistory,
  seed: number,
  stream: number,
  options: ClvOptions = DEFAULT_CLV_OPTIONS,
  draws = 200,
): ClvRange {
  const xm = h.meanValue > 0 ? h.x : 0;
  const values = simulateAliveUnitClv(bg, gg, h.x, h.T, xm, createRng(seed, stream), options, draws);
  const alive = probabilityAlive(bg, h.x, h.tx, h.T);
  const scale = spendScale(gg, h.x, h.meanValue);
  return {
    p10: mixtureQuantile(values, alive, 0.1) * scale,
    p50: mixtureQuantile(values, alive, 0.5) * scale,
    p90: mixtureQuantile(values, alive, 0.9) * scale,
  };
}
