import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { expectedPurchases } from './bg-nbd';
import { judgeSufficiency } from './data-sufficiency';
import {
  DEFAULT_CLV_OPTIONS,
  expectedClv,
  expectedPurchasesByMonth,
  simulateAliveUnitClv,
  simulateClvRange,
  WEEKS_PER_MONTH,
} from './predicted-clv';
import { summarisePurchases } from './rfm-summary';

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const ACTIVE = { x: 4, tx: 30, T: 32, meanValue: 40 };

describe('expected CLV', () => {
  it('spreads the 12-month expectation over months and discounts it', () => {
    const months = expectedPurchasesByMonth(BG, ACTIVE, 12);
    expect(months.reduce((s, v) => s + v, 0)).toBeCloseTo(expectedPurchases(BG, 52, 4, 30, 32), 10);
    const undiscounted = expectedClv(BG, GG, ACTIVE, { horizonMonths: 12, monthlyDiscount: 0 });
    const discounted = expectedClv(BG, GG, ACTIVE, { horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(discounted).toBeLessThan(undiscounted);
    expect(discounted).toBeGreaterThan(undiscounted / 1.01 ** 12);
  });
});

describe('simulated CLV range', () => {
  it('is the same for the same seed and stream, and ordered', () => {
    const a = simulateClvRange(BG, GG, ACTIVE, 42, 7);
    expect(simulateClvRange(BG, GG, ACTIVE, 42, 7)).toEqual(a);
    expect(simulateClvRange(BG, GG, ACTIVE, 42, 8)).not.toEqual(a);
    expect(a.p10).toBeLessThanOrEqual(a.p50);
    expect(a.p50).toBeLessThanOrEqual(a.p90);
    expect(a.p90).toBeGreaterThan(0);
  });

  it('brackets the closed-form expectation, whose mean it reproduces', () => {
    const expected = expectedClv(BG, GG, ACTIVE);
    const r = simulateClvRange(BG, GG, ACTIVE, 1, 1, undefined, 4000);
    expect(r.p10).toBeLessThan(expected);
    expect(r.p90).toBeGreaterThan(expected);
  });
});

describe('the simulation in the no-dropout limit (a = 0)', () => {
  it('draws Poisson futures: its mean is the NBD’s closed form, within 4 standard errors', () => {
    // Nobody drops out: purchases at λ ~ Gamma(r + x, α + T) all through the 12 months, so month m
    // holds (r + x)/(α + T)·52/12 purchases on average, each worth p/(q − 1) in units of γ + m·x
    // (ν′ ~ Gamma(q, 1) without a positive mean, E 1/ν′ = 1/(q − 1)), discounted by 1.01^m.
    const bg = { r: 0.5, alpha: 6.5, a: 0, b: 1 };
    const x = 5;
    const T = 40;
    const draws = simulateAliveUnitClv(bg, GG, x, T, 0, createRng(1, 1), DEFAULT_CLV_OPTIONS, 20_000);
    let discount = 0;
    for (let m = 1; m <= 12; m++) discount += 1 / 1.01 ** m;
    const expected = (((bg.r + x) / (bg.alpha + T)) * WEEKS_PER_MONTH * discount * GG.p) / (GG.q - 1);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1));
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
  });
});

describe('data sufficiency', () => {
  const history = (customers: number, repeatEvery: number, days: number, value = 10) => {
    const start = [0];
    const day: number[] = [];
    const val: number[] = [];
    for (let c = 0; c < customers; c++) {
      day.push(0);
      val.push(value);
      if (c % repeatEvery === 0) {
        day.push(days - 1);
        val.push(value);
      }
      start.push(day.length);
    }
    return summarisePurchases(start, day, val, days);
  };

  it('accepts enough customers, repeaters and history', () => {
    const v = judgeSufficiency(history(400, 4, 365));
    expect(v).toMatchObject({ frequency: true, monetary: true, reasons: [] });
  });

  it('says what is missing', () => {
    expect(judgeSufficiency(history(50, 1, 365)).reasons).toEqual(['50 customers; at least 200 are needed']);
    expect(judgeSufficiency(history(400, 100, 365)).reasons).toEqual([
      '4 customers bought more than once; at least 50 are needed',
      '4 customers have repeat purchases of positive value; at least 50 are needed',
    ]);
    expect(judgeSufficiency(history(400, 2, 70)).reasons[0]).toBe(
      '10.0 weeks of history; at least 26 are needed',
    );
    const zero = judgeSufficiency(history(400, 2, 365, 0));
    expect(zero).toMatchObject({
      frequency: true,
      monetary: false,
      reasons: ['no repeat purchase has a positive value'],
    });
  });
});
