/**
 * When each customer buys: the BG/NBD story the value model assumes. A customer's first purchase
 * falls somewhere in the window; while alive she buys as a Poisson process of rate λ ~ Gamma;
 * after each purchase she drops out with probability p ~ Beta.
 */
import { exponential, gamma } from '@/lib/random/distributions';
import type { Rng } from '@/lib/random/rng';
import { betaDraw } from './util';

export interface TimelineParams {
  /** Days in the window; purchases fall on days 0 … days − 1. */
  days: number;
  /** First purchases are spread over the first `birthShare` of the window. */
  birthShare: number;
  /** Mean days between purchases of a live customer (λ's mean is its inverse). */
  meanGapDays: number;
  /** Gamma shape of λ across customers (small: very uneven buyers; large: alike). */
  rateShape: number;
  /** Beta(a, b) of the dropout probability after each purchase. */
  dropA: number;
  dropB: number;
  /** At most this many purchases per customer. */
  maxPurchases?: number;
}

/** Sorted purchase days of one customer (at least one). */
export function purchaseDays(rng: Rng, p: TimelineParams): number[] {
  const lambda = gamma(rng, p.rateShape, 1 / (p.meanGapDays * p.rateShape));
  const drop = betaDraw(rng, p.dropA, p.dropB);
  const max = p.maxPurchases ?? 40;
  let t = Math.floor(rng.next() * p.days * p.birthShare);
  const days = [t];
  while (days.length < max) {
    if (rng.next() < drop) break;
    t += Math.max(1, Math.round(exponential(rng, lambda)));
    if (t >= p.days) break;
    days.push(t);
  }
  return days;
}
