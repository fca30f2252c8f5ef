import { describe, expect, it } from 'vitest';
import { beta, exponential, gamma } from '../random/distributions';
import { createRng } from '../random/rng';
import {
  bgnbdCustomerLogLikelihood,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodWithGradient,
  expectedPurchases,
  expectedPurchasesFromStart,
  fitBgNbd,
  groupRfm,
  probabilityAlive,
} from './bg-nbd';
import { summarisePurchases } from './rfm-summary';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD log-likelihood', () => {
  it('equals hand-computed values', () => {
    // x = 0: r·ln(α / (α + T)).
    expect(bgnbdCustomerLogLikelihood({ r: 1, alpha: 2, a: 3, b: 4 }, 0, 0, 3)).toBeCloseTo(
      Math.log(2 / 5),
      12,
    );
    // x = 1, r = α = a = b = 1, t_x = 1, T = 2: ½·1/9 + ½·1/4 = 13/72.
    expect(bgnbdCustomerLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1, 2)).toBeCloseTo(
      Math.log(13 / 72),
      12,
    );
  });

  it('sums grouped customers with their weights', () => {
    const groups = groupRfm([0, 2, 0, 2], [0, 5, 0, 5], [10, 8, 10, 8]);
    expect(Array.from(groups.weight)).toEqual([2, 2]);
    expect(Array.from(groups.groupOf)).toEqual([0, 1, 0, 1]);
    // Histories in whole days get numeric keys, others string keys: the same groups either way.
    const daily = groupRfm([1, 1, 2], [1 / 7, 1 / 7, 3], [2, 2, 4]);
    const fractional = groupRfm([1, 1, 2], [0.1, 0.1, 3], [2.05, 2.05, 4]);
    expect(Array.from(daily.groupOf)).toEqual([0, 0, 1]);
    expect(Array.from(fractional.groupOf)).toEqual([0, 0, 1]);
    const each = 2 * bgnbdCustomerLogLikelihood(P, 0, 0, 10) + 2 * bgnbdCustomerLogLikelihood(P, 2, 5, 8);
    expect(bgnbdLogLikelihood(P, groups)).toBeCloseTo(each, 10);
  });
});

describe('predictions', () => {
  it('P(alive) is 1 without repeat purchases and 1 / (1 + a / (b + x − 1)) when t_x = T', () => {
    expect(probabilityAlive(P, 0, 0, 30)).toBe(1);
    expect(probabilityAlive({ r: 1, alpha: 1, a: 1, b: 2 }, 1, 20, 20)).toBeCloseTo(2 / 3, 12);
    // The longer the silence since the last purchase, the lower.
    expect(probabilityAlive(P, 3, 10, 30)).toBeLessThan(probabilityAlive(P, 3, 25, 30));
  });

  it('expected purchases: none in no time, more in more time, and E[X(t)] for a brand-new customer', () => {
    expect(expectedPurchases(P, 0, 2, 10, 20)).toBe(0);
    expect(expectedPurchases(P, 52, 2, 10, 20)).toBeGreaterThan(expectedPurchases(P, 26, 2, 10, 20));
    expect(expectedPurchases(P, 39, 0, 0, 0)).toBeCloseTo(expectedPurchasesFromStart(P, 39), 10);
  });
});

describe('fitBgNbd', () => {
  it('on data simulated from the model: a likelihood at least the truth’s, the mean rate and dropout recovered', () => {
    const rng = createRng(11, 0);
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const start = [0];
    const days: number[] = [];
    for (let c = 0; c < 10_000; c++) {
      const lambda = gamma(rng, truth.r, 1 / truth.alpha);
      const p = beta(rng, truth.a, truth.b);
      let t = 0;
      days.push(0);
      for (;;) {
        t += exponential(rng, lambda);
        if (t > 52) break;
        days.push(t * 7);
        if (rng.next() < p) break;
      }
      start.push(days.length);
    }
    const rfm = summarisePurchases(start, days, new Float64Array(days.length), 52 * 7);
    const groups = groupRfm(rfm.x, rfm.tx, rfm.T);
    const fit = fitBgNbd(groups);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, groups));
    const rate = (q: typeof truth) => q.r / q.alpha;
    const dropout = (q: typeof truth) => q.a / (q.a + q.b);
    expect(Math.abs(rate(fit.params) / rate(truth) - 1)).toBeLessThan(0.1);
    expect(Math.abs(dropout(fit.params) / dropout(truth) - 1)).toBeLessThan(0.15);
  });
});

describe('summarisePurchases', () => {
  it('merges same-day purchases, and the first day’s extras are part of the first purchase', () => {
    // Customer 0: day 0 (two purchases), day 7, day 7, day 21; customer 1: one purchase; window ends day 28.
    const rfm = summarisePurchases([0, 5, 6], [0, 0, 7, 7, 21, 14], [10, 5, 20, 10, 30, 99], 28);
    expect(Array.from(rfm.x)).toEqual([2, 0]);
    expect(Array.from(rfm.tx)).toEqual([3, 0]);
    expect(Array.from(rfm.T)).toEqual([4, 2]);
    expect(rfm.meanRepeatValue[0]).toBe(30); // (20 + 10 + 30) / 2
    expect(rfm.meanRepeatValue[1]).toBeNaN();
  });
});

describe('the analytic gradient', () => {
  it('agrees with central finite differences in every log-parameter', () => {
    const groups = groupRfm([0, 1, 3, 7, 0], [0, 4, 10.5, 30, 0], [20, 12, 25, 33, 5]);
    const at = [Math.log(0.4), Math.log(3), Math.log(0.9), Math.log(2.1)];
    // Summed customer by customer with the ungrouped formula, independently of the grouped code.
    const ll = (p: number[]) => {
      const q = { r: Math.exp(p[0]!), alpha: Math.exp(p[1]!), a: Math.exp(p[2]!), b: Math.exp(p[3]!) };
      let sum = 0;
      for (let i = 0; i < groups.x.length; i++) {
        sum += groups.weight[i]! * bgnbdCustomerLogLikelihood(q, groups.x[i]!, groups.tx[i]!, groups.T[i]!);
      }
      return sum;
    };
    const { value, gradient } = bgnbdLogLikelihoodWithGradient({ r: 0.4, alpha: 3, a: 0.9, b: 2.1 }, groups);
    expect(value).toBeCloseTo(ll(at), 10);
    const h = 1e-6;
    for (let k = 0; k < 4; k++) {
      const up = at.map((v, i) => (i === k ? v + h : v));
      const down = at.map((v, i) => (i === k ? v - h : v));
      expect(gradient[k]).toBeCloseTo((ll(up) - ll(down)) / (2 * h), 5);
    }
  });
});
