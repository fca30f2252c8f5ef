/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)):
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
 * with probability p ~ Beta(a, b). Fitted by maximum likelihood on log-parameters; customers with the
 * same (x, t_x, T) are grouped so a million customers cost a few thousand likelihood terms.
 */
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
}

export function groupRfm(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RfmGroups {
  const index = new Map<string, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]}|${tx[i]}|${T[i]}`;
    const g = index.get(key);
    if (g === undefined) {
      index.set(key, gx.length);
      gx.push(x[i]!);
      gtx.push(tx[i]!);
      gT.push(T[i]!);
      w.push(1);
    } else w[g]!++;
  }
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    weight: Float64Array.from(w),
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

export function bgnbdLogLikelihood(params: BgNbdParams, groups: RfmGroups): number {
  const { r, alpha, a, b } = params;
  // Terms that depend only on x are computed once per distinct x.
  const byX = new Map<number, { common: number; alive: number; dropped: number }>();
  const lnAlpha = Math.log(alpha);
  const base = -gammaln(r) + r * lnAlpha - lnBeta(a, b);
  let sum = 0;
  for (let i = 0; i < groups.x.length; i++) {
    const x = groups.x[i]!;
    let t = byX.get(x);
    if (!t) {
      t = {
        common: base + gammaln(r + x),
        alive: lnBeta(a, b + x),
        dropped: x > 0 ? lnBeta(a + 1, b + x - 1) : -Infinity,
      };
      byX.set(x, t);
    }
    const stillAlive = t.alive - (r + x) * Math.log(alpha + groups.T[i]!);
    const ll =
      x === 0 ? stillAlive : logAddExp(stillAlive, t.dropped - (r + x) * Math.log(alpha + groups.tx[i]!));
    sum += groups.weight[i]! * (t.common + ll);
  }
  return sum;
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

/** Maximum-likelihood fit from the default start r = α = a = b = 1 (log-parameters 0). */
export function fitBgNbd(groups: RfmGroups): BgNbdFit {
  const result = nelderMead((p) => -bgnbdLogLikelihood(fromLog(p), groups), [0, 0, 0, 0]);
  return {
    params: fromLog(result.x),
    logLikelihood: -result.value,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/** P(alive | x, t_x, T) (eq. 13 of the paper's technical note); 1 for customers who never came back. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const odds = (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  return 1 / (1 + odds);
}

/** E[purchases in the next t weeks | x, t_x, T] (eq. 10 of the paper). */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const ratio = Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
  const head = ((a + b + x - 1) / (a - 1)) * (1 - ratio * hyp2f1(r + x, b + x, a + b + x - 1, z));
  const odds =
    x > 0 ? (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))) : 0;
  return head / (1 + odds);
}

/** E[X(t)]: expected purchases in the first t weeks after a customer's first purchase (eq. 7). */
export function expectedPurchasesFromStart({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const ratio = Math.pow(alpha / (alpha + t), r);
  return ((a + b - 1) / (a - 1)) * (1 - ratio * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
