import { CALIBRATION_END_DAY, readCdnow } from '@/test/helpers/cdnow';
import { describe, expect, it } from 'vitest';
import { expectedAlivePurchasesReference } from '../../test/value/high-precision-reference';
import { beta, exponential, gamma } from '../random/distributions';
import { createRng } from '../random/rng';
import {
  bgnbdCustomerLogLikelihood,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodWithGradient,
  expectedAlivePurchases,
  expectedPurchases,
  expectedPurchasesFromStart,
  expectedPurchasesWhileAlive,
  fitBgNbd,
  fitNbd,
  groupRfm,
  NO_DROPOUT_CRITICAL_VALUE,
  probabilityAlive,
} from './bg-nbd';
import { summarisePurchases } from './rfm-summary';
import { simulatePurchases } from './simulate-purchases';

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

describe('expected purchases while alive, against a fixed-point reference of eq. 10', () => {
  // expectedAlivePurchases(s, a, B, u) is E[purchases in t weeks | alive] with s = r + x, B = b + x,
  // u = t/(α + T). The reference evaluates eq. 10's closed form (a + B − 1)/(a − 1)·[1 − w^s·₂F₁]
  // in BigInt fixed point (high-precision-reference.ts), where its cancellation costs nothing:
  // a different formula, in different arithmetic. Tolerance 10⁻¹¹ relative: the probabilities of
  // the NB series carry a scale e^(s·ln(1 + u)) whose rounding is about ε·s·ln(1 + u).
  const cases: Array<[string, number, number, number]> = [
    ['CDNOW', 0.793, 2.426, 1],
    ['a near 1 (eq. 10 is 0/0 at a = 1)', 1 + 1e-7, 5, 1],
    ['a near 1, the other side', 1 - 1e-7, 5, 1],
    ['the reported boundary fit', 1100, 5.3e8, 1],
    ['the a → 0 corner', 1e-9, 0.05, 1],
    ['little dropout', 1.5, 50, 1],
    ['much dropout', 2, 3, 1],
  ];
  const points: Array<[number, number]> = [
    // [x, u]
    [0, 1e-6],
    [0, 0.3],
    [0, 20],
    [2, 1],
    [6, 5],
    [30, 0.5],
    [300, 0.2],
  ];
  it.each(cases)('%s (a = %f, b = %f)', (_name, a, b, r) => {
    for (const [x, u] of points) {
      const s = r + x;
      const got = expectedAlivePurchases(s, a, b + x, u);
      const reference = expectedAlivePurchasesReference(s, a, b + x, u);
      expect(Math.abs(got / reference - 1), `x = ${x}, u = ${u}`).toBeLessThan(1e-11);
    }
  });

  it('for very heavy buyers too, whose P(no purchase in the horizon) underflows (scaled, or from the mode)', () => {
    // (1 + u)^(−s) = e^−757 (carried scaled) and e^−1410 (summed from the mode of N).
    for (const [s, a, B, u, tolerance] of [
      [1501, 0.8, 1502.5, 0.656, 1e-11],
      [3001, 0.8, 3002.5, 0.6, 1e-10],
    ] as const) {
      const got = expectedAlivePurchases(s, a, B, u);
      expect(Math.abs(got / expectedAlivePurchasesReference(s, a, B, u) - 1), `s = ${s}`).toBeLessThan(
        tolerance,
      );
    }
  });

  it('is the NBD’s (r + x)·t/(α + T) in the no-dropout limit, exactly at a = 0 and in the limit b/a → ∞', () => {
    const nbd = { r: 0.5, alpha: 6.5, a: 0, b: 1 };
    for (const [x, T, t] of [
      [0, 0, 10],
      [5, 40, 52],
      [400, 78, 260],
    ] as const) {
      expect(expectedPurchasesWhileAlive(nbd, t, x, T)).toBeCloseTo(((0.5 + x) * t) / (6.5 + T), 10);
      expect(probabilityAlive(nbd, x, T / 2, T)).toBe(1);
    }
    expect(expectedPurchasesFromStart(nbd, 52)).toBeCloseTo((0.5 * 52) / 6.5, 12);
    // Approaching the limit, from E[(1 − (1 + p·u)^(−s))/p] expanded in p with E p = a/(a + B) and
    // E p² = a(a + 1)/((a + B)(a + B + 1)): s·u − (s)₂/2!·u²·E p + (s)₃/3!·u³·E p², the next term
    // being of order (a/B)³ (below 10⁻²⁰ here).
    const [s, a, u] = [6.5, 1100, 2];
    for (const B of [5.3e8, 5.3e10]) {
      const p1 = a / (a + B);
      const p2 = (p1 * (a + 1)) / (a + B + 1);
      const expansion =
        s * u - ((s * (s + 1)) / 2) * u ** 2 * p1 + ((s * (s + 1) * (s + 2)) / 6) * u ** 3 * p2;
      expect(Math.abs(expectedAlivePurchases(s, a, B, u) / expansion - 1)).toBeLessThan(1e-13);
    }
  });

  it('is continuous through a = 1, where eq. 10 reads 0/0', () => {
    const at = (a: number) => expectedAlivePurchases(3.5, a, 7.5, 4);
    // More dropout (larger a at fixed b), fewer purchases: a = 1 sits between its neighbours.
    expect(at(1)).toBeLessThan(at(1 - 1e-9));
    expect(at(1)).toBeGreaterThan(at(1 + 1e-9));
    expect(Math.abs(at(1) / at(1 + 1e-9) - 1)).toBeLessThan(1e-8);
  });

  it('never falls as the horizon grows and never exceeds the no-dropout s·u, across every method', () => {
    const us = Array.from({ length: 400 }, (_, i) => 1e-4 * Math.pow(10, (i * 8) / 399));
    for (const [s, a, B] of [
      [0.243, 0.793, 2.426],
      [6.5, 1100, 5.3e8],
      [300.5, 0.8, 302.5],
      [0.6, 1e-9, 0.05],
      [2, 1, 3],
    ] as const) {
      let before = 0;
      for (const u of us) {
        const e = expectedAlivePurchases(s, a, B, u);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(before * (1 - 1e-12));
        expect(e).toBeLessThanOrEqual(s * u * (1 + 1e-12));
        before = e;
      }
    }
  });
});

describe('the penalised fit and its no-dropout limit', () => {
  it('on CDNOW: the NBD reproduces its published fit (r 0.385, α 12.072, LL −9763.7) and dropout is clear', () => {
    // Fader, Hardie & Lee (2005), table 1: the NBD is the BG/NBD without dropout.
    const cdnow = readCdnow();
    const rfm = summarisePurchases(cdnow.start, cdnow.day, cdnow.value, CALIBRATION_END_DAY);
    const groups = groupRfm(rfm.x, rfm.tx, rfm.T);
    const nbd = fitNbd(groups, 0);
    expect(nbd.r).toBeCloseTo(0.385, 3);
    expect(nbd.alpha).toBeCloseTo(12.072, 3);
    expect(nbd.logLikelihood).toBeCloseTo(-9763.7, 1);
    const fit = fitBgNbd(groups);
    expect(fit.model).toBe('bg/nbd');
    expect(fit.dropoutStatistic).toBeCloseTo(2 * (-9582.4 + 9763.7), 0);
  });

  it('on data with no dropout: finite parameters, the NBD limit, P(alive) = 1 and E[X(t)] = r·t/α', () => {
    const truth = { r: 0.5, alpha: 6.5, a: 0, b: 1, p: 6, q: 4, gamma: 15 };
    const p = simulatePurchases(400, 2, { truth, windowDays: 364, firstPurchaseDays: 182 });
    const rfm = summarisePurchases(p.start, p.day, p.value, 363);
    const groups = groupRfm(rfm.x, rfm.tx, rfm.T);
    const unpenalised = fitBgNbd(groups, { penalty: 0 });
    const fit = fitBgNbd(groups);
    for (const v of Object.values(fit.dropout.params)) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeLessThan(1e4);
    }
    // Unpenalised, the fit heads for a no-dropout boundary (b/a → ∞, as in the reported crash, or
    // a, b → 0, depending on the sample): mean dropout a/(a + b) under 1 %. The penalty holds every
    // parameter below 10⁴, and the fit converges.
    const { a, b } = unpenalised.dropout.params;
    expect(a / (a + b)).toBeLessThan(0.01);
    expect(Math.max(b, 1 / a)).toBeGreaterThan(1e6);
    expect(fit.dropout.converged).toBe(true);
    expect(fit.model).toBe('nbd');
    expect(fit.dropoutStatistic).toBeLessThan(NO_DROPOUT_CRITICAL_VALUE);
    expect(fit.params.a).toBe(0);
    expect(probabilityAlive(fit.params, 3, 10, 40)).toBe(1);
    expect(expectedPurchasesFromStart(fit.params, 30)).toBeCloseTo(
      (fit.params.r * 30) / fit.params.alpha,
      12,
    );
  });
});
