/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)):
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
 * with probability p ~ Beta(a, b). Fitted by maximum likelihood on log-parameters; customers with the
 * same (x, t_x, T) are grouped so a million customers cost a few thousand likelihood terms.
 */
import digamma from '@stdlib/math-base-special-digamma';
import { bfgs } from './bfgs';
import { nelderMead } from './nelder-mead';
import { gammaln, hyp2f1, lnBeta, logAddExp } from './special-functions';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with identical (x, t_x, T), and how many there are. */
export interface RfmGroups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** The group of each input customer. */
  groupOf: Uint32Array;
}

/**
 * Groups customers by (x, t_x, T). Histories measured in whole days (t_x and T multiples of 1/7
 * week, the usual case) get a numeric key, several times faster than a string key at 1M customers.
 */
export function groupRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RfmGroups {
  const n = x.length;
  let daily = true;
  for (let i = 0; i < n && daily; i++) {
    const a = tx[i]! * 7;
    const b = T[i]! * 7;
    daily =
      Number.isInteger(x[i]) &&
      x[i]! < 1e6 &&
      Math.abs(a - Math.round(a)) < 1e-9 &&
      Math.abs(b - Math.round(b)) < 1e-9 &&
      b < 1e5 &&
      a >= 0;
  }
  const keyOf = daily
    ? (i: number) => (x[i]! * 1e5 + Math.round(tx[i]! * 7)) * 1e5 + Math.round(T[i]! * 7)
    : (i: number) => `${x[i]}|${tx[i]}|${T[i]}`;
  const index = new Map<number | string, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const w: number[] = [];
  const groupOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let g = index.get(key);
    if (g === undefined) {
      g = gx.length;
      index.set(key, g);
      gx.push(x[i]!);
      gtx.push(tx[i]!);
      gT.push(T[i]!);
      w.push(0);
    }
    w[g]!++;
    groupOf[i] = g;
  }
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    weight: Float64Array.from(w),
    groupOf,
  };
}

/** Log-likelihood of one customer (eq. 6 of the paper, summed in logs so it never overflows). */
export function bgnbdCustomerLogLikelihood(
  { r, alpha, a, b }: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const common = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) - lnBeta(a, b);
  const stillAlive = lnBeta(a, b + x) - (r + x) * Math.log(alpha + T);
  if (x === 0) return common + stillAlive;
  const droppedAtLast = lnBeta(a + 1, b + x - 1) - (r + x) * Math.log(alpha + tx);
  return common + logAddExp(stillAlive, droppedAtLast);
}

/** The grouped log-likelihood (the value half of bgnbdLogLikelihoodWithGradient). */
export function bgnbdLogLikelihood(params: BgNbdParams, groups: RfmGroups): number {
  return bgnbdLogLikelihoodWithGradient(params, groups).value;
}

/**
 * Log-likelihood and its gradient with respect to the log-parameters (ln r, ln α, ln a, ln b).
 * Per customer LL = lnΓ(r+x) − lnΓ(r) + r ln α − ln B(a, b) + ln(A + D), with A the "still alive"
 * and D the "dropped after the last purchase" term; their shares of A + D weight the derivatives.
 */
export function bgnbdLogLikelihoodWithGradient(
  params: BgNbdParams,
  groups: RfmGroups,
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  const lnAlpha = Math.log(alpha);
  const psiA = digamma(a);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const base = -gammaln(r) + r * lnAlpha - lnBeta(a, b);
  const byX = new Map<
    number,
    {
      common: number;
      alive: number;
      dropped: number;
      dr: number;
      daAlive: number;
      dbAlive: number;
      daDrop: number;
      dbDrop: number;
    }
  >();
  let value = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < groups.x.length; i++) {
    const x = groups.x[i]!;
    const w = groups.weight[i]!;
    let t = byX.get(x);
    if (!t) {
      const psiABX = digamma(a + b + x);
      t = {
        common: base + gammaln(r + x),
        alive: lnBeta(a, b + x),
        dropped: x > 0 ? lnBeta(a + 1, b + x - 1) : -Infinity,
        dr: digamma(r + x) - digamma(r) + lnAlpha,
        daAlive: psiA - psiABX,
        dbAlive: digamma(b + x) - psiABX,
        daDrop: x > 0 ? digamma(a + 1) - psiABX : 0,
        dbDrop: x > 0 ? digamma(b + x - 1) - psiABX : 0,
      };
      byX.set(x, t);
    }
    const lnT = Math.log(alpha + groups.T[i]!);
    const la = t.alive - (r + x) * lnT;
    let total = la;
    let wAlive = 1;
    let wDrop = 0;
    let lnTx = 0;
    if (x > 0) {
      lnTx = Math.log(alpha + groups.tx[i]!);
      const ld = t.dropped - (r + x) * lnTx;
      total = logAddExp(la, ld);
      wAlive = Math.exp(la - total);
      wDrop = Math.exp(ld - total);
    }
    value += w * (t.common + total);
    gr += w * (t.dr - wAlive * lnT - wDrop * lnTx);
    gAlpha +=
      w *
      (r / alpha -
        wAlive * ((r + x) / (alpha + groups.T[i]!)) -
        (x > 0 ? wDrop * ((r + x) / (alpha + groups.tx[i]!)) : 0));
    ga += w * (-(psiA - psiAB) + wAlive * t.daAlive + wDrop * t.daDrop);
    gb += w * (-(psiB - psiAB) + wAlive * t.dbAlive + wDrop * t.dbDrop);
  }
  // Chain rule to the log-parameters.
  return { value, gradient: [gr * r, gAlpha * alpha, ga * a, gb * b] };
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  evaluations: number;
  converged: boolean;
}

const fromLog = ([lr, la, lA, lB]: number[]): BgNbdParams => ({
  r: Math.exp(lr!),
  alpha: Math.exp(la!),
  a: Math.exp(lA!),
  b: Math.exp(lB!),
});

/**
 * Maximum-likelihood fit from the default start r = α = a = b = 1 (log-parameters 0): BFGS on the
 * analytic gradient, with Nelder–Mead as the fallback should it ever stall.
 */
export function fitBgNbd(groups: RfmGroups): BgNbdFit {
  let evaluations = 0;
  const objective = (p: number[]) => {
    evaluations++;
    const { value, gradient } = bgnbdLogLikelihoodWithGradient(fromLog(p), groups);
    return { value: -value, gradient: gradient.map((g) => -g) };
  };
  const quasiNewton = bfgs(objective, [0, 0, 0, 0]);
  if (quasiNewton.converged) {
    return {
      params: fromLog(quasiNewton.x),
      logLikelihood: -quasiNewton.value,
      evaluations,
      converged: true,
    };
  }
  const result = nelderMead((p) => -bgnbdLogLikelihood(fromLog(p), groups), quasiNewton.x);
  return {
    params: fromLog(result.x),
    logLikelihood: -result.value,
    evaluations: evaluations + result.evaluations,
    converged: result.converged,
  };
}

/** P(alive | x, t_x, T) (eq. 13 of the paper's technical note); 1 for customers who never came back. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const odds = (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  return 1 / (1 + odds);
}

/**
 * E[purchases in the next t weeks | x, T, alive]: eq. 10 of the paper without its P(alive) factor.
 * t_x does not enter, so callers with many customers compute it once per (x, T).
 */
export function expectedPurchasesWhileAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const ratio = Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  return ((a + b + x - 1) / (a - 1)) * (1 - ratio * hyp2f1(r + x, b + x, a + b + x - 1, z));
}

/** E[purchases in the next t weeks | x, t_x, T] (eq. 10 of the paper). */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  // Eq. 10's denominator 1 + δ(x > 0)·a/(b + x − 1)·((α + T)/(α + t_x))^(r + x) is 1 / P(alive).
  return expectedPurchasesWhileAlive(params, t, x, T) * probabilityAlive(params, x, tx, T);
}

/** E[X(t)]: expected purchases in the first t weeks after a customer's first purchase (eq. 7). */
export function expectedPurchasesFromStart({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const ratio = Math.pow(alpha / (alpha + t), r);
  return ((a + b - 1) / (a - 1)) * (1 - ratio * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
