/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)):
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
 * with probability p ~ Beta(a, b). Fitted by penalised maximum likelihood on log-parameters;
 * customers with the same (x, t_x, T) are grouped so a million customers cost a few thousand
 * likelihood terms. When the data shows no dropout, the model's limit p → 0, the NBD (Ehrenberg
 * 1959: Poisson purchases, Gamma rates, nobody leaves), is used, with every prediction in closed form.
 */
import digamma from '@stdlib/math-base-special-digamma';
import { bfgs } from './bfgs';
import { nelderMead } from './nelder-mead';
import { EPSILON, gammaln, hyp2f1Estimate, lnBeta, logAddExp, type Estimate } from './special-functions';

/**
 * r, α (per week), a, b. a = 0 stands for the no-dropout limit (Beta(a, b) tends to a point mass
 * at p = 0 as a → 0 or b/a → ∞; b then plays no part): the NBD.
 */
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
  if (a === 0) return gammaln(r + x) - gammaln(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + T);
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
  if (a === 0) {
    const nbd = nbdLogLikelihoodWithGradient(r, alpha, groups);
    return { value: nbd.value, gradient: [nbd.gradient[0], nbd.gradient[1], 0, 0] };
  }
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

/**
 * The L2 penalty of the fit, in the spirit of lifetimes' `penalizer_coef` (BetaGeoFitter adds
 * coef·Σ params² to the mean negative log-likelihood per customer, with time rescaled so that the
 * longest history is 1): here −LL/n + coef·(r² + (α/T_max)² + a² + b²). At the no-dropout (or
 * no-heterogeneity) boundary the likelihood keeps rising, ever more slowly, as b/a → ∞ (or r, α → ∞
 * together), so the unpenalised fit runs off to b ~ 10⁸ and beyond without settling (the reported
 * crash: a ≈ 1.1·10³, b ≈ 5.3·10⁸). Penalised, a large b costs more than it gains: the fit settles,
 * with every parameter small, in the other corner of the same limit (a → 0, b moderate, mean
 * dropout a/(a + b) → 0), where the NBD then takes over (fitBgNbd); an interior optimum, as on
 * CDNOW, barely moves.
 *
 * The coefficient was chosen by the back-test, not by taste: `npm run bench:value-penalty` fits
 * every coefficient of a grid on a grid of simulated data sets (the no-dropout limit included) and
 * on CDNOW, forecasts each holdout, and keeps the coefficient with the smallest mean holdout error
 * among those that leave every published CDNOW estimate unchanged at its published precision
 * (benchmarks/value-penalty.md has the figures).
 */
export const DEFAULT_BGNBD_PENALTY = 3e-8;

/**
 * 95th percentile of χ² with 2 degrees of freedom: the BG/NBD is kept over its no-dropout limit,
 * the NBD, when twice the log-likelihood gained by letting customers drop out (a and b, two more
 * parameters) exceeds it; below it the data does not show dropout.
 */
export const NO_DROPOUT_CRITICAL_VALUE = 5.991;

export interface NbdFit {
  r: number;
  alpha: number;
  logLikelihood: number;
  converged: boolean;
}

export interface BgNbdFit {
  /** The parameters the predictions use: the BG/NBD's, or in the no-dropout limit the NBD's r and α with a = 0. */
  params: BgNbdParams;
  /** Log-likelihood of the model used, without the penalty. */
  logLikelihood: number;
  /** Likelihood evaluations of the BG/NBD fit. */
  evaluations: number;
  converged: boolean;
  /** 'bg/nbd', or 'nbd' when the data shows no dropout and its limit p → 0 is used. */
  model: 'bg/nbd' | 'nbd';
  /** The penalised BG/NBD fit, whichever model is used (its a and b say how little dropout there is). */
  dropout: { params: BgNbdParams; logLikelihood: number; converged: boolean };
  /** The NBD (no-dropout) fit it was compared with. */
  nbd: NbdFit;
  /** 2·(LL BG/NBD − LL NBD): the likelihood-ratio statistic for dropout (see NO_DROPOUT_CRITICAL_VALUE). */
  dropoutStatistic: number;
  /** The penalty coefficient used. */
  penalty: number;
}

export interface BgNbdFitOptions {
  /** See DEFAULT_BGNBD_PENALTY; 0 for the plain maximum-likelihood fit. */
  penalty?: number;
}

/**
 * Parameters from log-parameters, each held within e^±300: far beyond any meaningful value, and
 * finite and positive whatever an optimiser does in a flat corner (a → 0 when no dropout is seen).
 */
const expClamped = (v: number) => Math.exp(Math.max(-300, Math.min(300, v)));
const fromLog = ([lr, la, lA, lB]: number[]): BgNbdParams => ({
  r: expClamped(lr!),
  alpha: expClamped(la!),
  a: expClamped(lA!),
  b: expClamped(lB!),
});

/** Σ weights and the longest T: the penalty's customer count and time unit. */
function penaltyScale(groups: RfmGroups): { customers: number; tMax: number } {
  let customers = 0;
  let tMax = 0;
  for (let i = 0; i < groups.x.length; i++) {
    customers += groups.weight[i]!;
    tMax = Math.max(tMax, groups.T[i]!);
  }
  return { customers, tMax: tMax > 0 ? tMax : 1 };
}

/**
 * Customers grouped by (x, T) only, for the NBD, whose likelihood ignores t_x: a few thousand
 * groups at a million customers.
 */
function groupXT(groups: RfmGroups): { x: Float64Array; T: Float64Array; weight: Float64Array } {
  const n = groups.x.length;
  // T in whole days (the usual case): a numeric key, several times faster than a string at 10⁶ groups.
  let daily = true;
  for (let i = 0; i < n && daily; i++) {
    const d = groups.T[i]! * 7;
    daily =
      Math.abs(d - Math.round(d)) < 1e-9 && d < 1e5 && Number.isInteger(groups.x[i]) && groups.x[i]! < 1e9;
  }
  const keyOf = daily
    ? (i: number) => groups.x[i]! * 1e5 + Math.round(groups.T[i]! * 7)
    : (i: number) => `${groups.x[i]}|${groups.T[i]}`;
  const index = new Map<number | string, number>();
  const x: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let g = index.get(key);
    if (g === undefined) {
      g = x.length;
      index.set(key, g);
      x.push(groups.x[i]!);
      T.push(groups.T[i]!);
      w.push(0);
    }
    w[g]! += groups.weight[i]!;
  }
  return { x: Float64Array.from(x), T: Float64Array.from(T), weight: Float64Array.from(w) };
}

/**
 * NBD log-likelihood (the BG/NBD's limit p → 0: customers buy at λ ~ Gamma(r, α) forever):
 * Σ w·[ln Γ(r + x) − ln Γ(r) + r ln α − (r + x) ln(α + T)], and its gradient in (ln r, ln α).
 */
export function nbdLogLikelihoodWithGradient(
  r: number,
  alpha: number,
  groups: { x: ArrayLike<number>; T: ArrayLike<number>; weight: ArrayLike<number> },
): { value: number; gradient: [number, number] } {
  const lnAlpha = Math.log(alpha);
  const psiR = digamma(r);
  const byX = new Map<number, { g: number; psi: number }>();
  let value = 0;
  let gr = 0;
  let ga = 0;
  for (let i = 0; i < groups.x.length; i++) {
    const x = groups.x[i]!;
    const w = groups.weight[i]!;
    let t = byX.get(x);
    if (!t) byX.set(x, (t = { g: gammaln(r + x) - gammaln(r), psi: digamma(r + x) - psiR }));
    const lnT = Math.log(alpha + groups.T[i]!);
    value += w * (t.g + r * lnAlpha - (r + x) * lnT);
    gr += w * (t.psi + lnAlpha - lnT);
    ga += w * (r / alpha - (r + x) / (alpha + groups.T[i]!));
  }
  return { value, gradient: [gr * r, ga * alpha] };
}

/** Penalised NBD fit (the same penalty on r and α as the BG/NBD's), from `start`. */
export function fitNbd(
  groups: RfmGroups,
  penalty: number,
  start: { r: number; alpha: number } = { r: 1, alpha: 1 },
): NbdFit {
  const { customers, tMax } = penaltyScale(groups);
  const xt = groupXT(groups);
  const k = customers * penalty;
  const at = (p: number[]) => ({ r: expClamped(p[0]!), alpha: expClamped(p[1]!) });
  const objective = (p: number[]) => {
    const { r, alpha } = at(p);
    const { value, gradient } = nbdLogLikelihoodWithGradient(r, alpha, xt);
    const a2 = (alpha / tMax) ** 2;
    return {
      value: -value + k * (r * r + a2),
      gradient: [-gradient[0] + 2 * k * r * r, -gradient[1] + 2 * k * a2],
    };
  };
  let result = bfgs(objective, [Math.log(start.r), Math.log(start.alpha)]);
  let converged = result.converged;
  if (!converged) {
    const nm = nelderMead((p) => objective(p).value, result.x);
    result = { ...result, x: nm.x };
    converged = nm.converged;
  }
  const { r, alpha } = at(result.x);
  return { r, alpha, logLikelihood: nbdLogLikelihoodWithGradient(r, alpha, xt).value, converged };
}

/**
 * Penalised maximum-likelihood fit (see DEFAULT_BGNBD_PENALTY) from the default start
 * r = α = a = b = 1 (log-parameters 0): BFGS on the analytic gradient, with Nelder–Mead as the
 * fallback should it stall. Then the no-dropout limit: the NBD is fitted too, and used instead
 * when the BG/NBD does not fit the data significantly better (NO_DROPOUT_CRITICAL_VALUE) — the
 * data shows no dropout, so none is predicted: P(alive) = 1 and E[X(t)] = r·t/α exactly, rather
 * than a BG/NBD whose a and b are wherever the flat likelihood left them.
 */
export function fitBgNbd(groups: RfmGroups, options: BgNbdFitOptions = {}): BgNbdFit {
  const penalty = options.penalty ?? DEFAULT_BGNBD_PENALTY;
  const { customers, tMax } = penaltyScale(groups);
  const k = customers * penalty;
  let evaluations = 0;
  const penalised = (p: number[]) => {
    evaluations++;
    const q = fromLog(p);
    const { value, gradient } = bgnbdLogLikelihoodWithGradient(q, groups);
    if (k === 0) return { value: -value, gradient: gradient.map((g) => -g) };
    const squares = [q.r * q.r, (q.alpha / tMax) ** 2, q.a * q.a, q.b * q.b];
    return {
      value: -value + k * squares.reduce((s, v) => s + v, 0),
      gradient: gradient.map((g, i) => -g + 2 * k * squares[i]!),
    };
  };
  const quasiNewton = bfgs(penalised, [0, 0, 0, 0]);
  let x = quasiNewton.x;
  let converged = quasiNewton.converged;
  if (!converged) {
    const result = nelderMead((p) => penalised(p).value, quasiNewton.x);
    x = result.x;
    converged = result.converged;
  }
  const params = fromLog(x);
  const logLikelihood = bgnbdLogLikelihood(params, groups);
  const dropout = { params, logLikelihood, converged };
  const nbd = fitNbd(groups, penalty, { r: params.r, alpha: params.alpha });
  const statistic = 2 * (logLikelihood - nbd.logLikelihood);
  const noDropout =
    nbd.converged &&
    Number.isFinite(nbd.logLikelihood) &&
    !(statistic >= NO_DROPOUT_CRITICAL_VALUE && Number.isFinite(logLikelihood));
  if (noDropout) {
    return {
      params: { r: nbd.r, alpha: nbd.alpha, a: 0, b: params.b },
      logLikelihood: nbd.logLikelihood,
      evaluations,
      converged: true,
      model: 'nbd',
      dropout,
      nbd,
      dropoutStatistic: statistic,
      penalty,
    };
  }
  return {
    params,
    logLikelihood,
    evaluations,
    converged,
    model: 'bg/nbd',
    dropout,
    nbd,
    dropoutStatistic: statistic,
    penalty,
  };
}

/**
 * P(alive | x, t_x, T) (eq. 13 of the paper's technical note), in logs so that it stays in [0, 1]
 * for any parameters: 1 / (1 + a/(b + x − 1)·((α + T)/(α + t_x))^(r + x)). 1 for customers who
 * never came back, and for everyone in the no-dropout limit (a = 0, or b/a → ∞).
 */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0 || a === 0) return 1;
  const lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[purchases in the next t weeks | alive] in the BG/NBD's own terms: s = r + x (the posterior
 * shape of λ), a and B = b + x (the posterior Beta of p), u = t / (α + T).
 *
 * Given alive, λ ~ Gamma(s, α + T) and p ~ Beta(a, B) independently. Over t weeks the customer
 * meets N ~ NB(s, z = u/(1 + u)) purchase occasions, and the k-th (from 0) is a purchase when they
 * survived the k dropout coins before it, with chance π_k = E(1 − p)^k = Π_{i<k} (B + i)/(B + a + i).
 * So the expectation is Σ_n P(N = n)·e_n with e_n = Σ_{k<n} π_k: every term positive (no
 * cancellation, for any a, b), non-decreasing in t, at most s·u, and equal to eq. 10's closed form
 * (a + B − 1)/(a − 1)·[1 − (1 − z)^s ₂F₁(s, B; a + B − 1; z)] without its 0/0 at a = 1 and its
 * cancellation as b/a → ∞. The no-dropout limit (a = 0, or b/a → ∞: π_k = 1, e_n = n) is the NBD's
 * E[N] = s·u = (r + x)·t/(α + T).
 *
 * Evaluated, to about 10⁻¹² relative, by the cheapest of: the Taylor series in p about 0 (near the
 * no-dropout limit: Σ_m (−1)^m (s)_{m+1}/(m + 1)!·u^(m+1)·E p^m, whose error is at most the first
 * term left out since (1 − (1 + p u)^(−s))/p is completely monotone in p); the NB series above
 * (u up to ~10²); the closed form through ₂F₁ when its error estimate allows (long horizons);
 * else the NB series however long.
 */
export function expectedAlivePurchases(s: number, a: number, B: number, u: number): number {
  if (!(u > 0)) return 0;
  if (a === 0) return s * u;
  const near = nearNoDropout(s, a, B, u);
  if (near !== null) return near;
  const terms = s * u + 10 * Math.sqrt(s * u * (1 + u)) + 40 * (1 + u);
  if (terms > 20_000) {
    const closed = closedForm(s, a, B, u);
    if (closed !== null) return closed;
  }
  return nbSeries(s, a, B, u);
}

/** The Taylor series in p (see expectedAlivePurchases), or null when it does not settle fast. */
function nearNoDropout(s: number, a: number, B: number, u: number): number | null {
  // Every ratio of successive terms is at most u·max((s + m)/(m + 1))·(a + m − 1)/(a + B + m − 1)
  // over the 64 terms allowed: at most ½ means 64 terms are plenty and no digits cancel.
  if (u * Math.max(1, (s + 1) / 2) * ((a + 62) / (a + B + 62)) > 0.5) return null;
  let term = s * u;
  let sum = term;
  let abs = term;
  for (let m = 1; m < 64; m++) {
    const next = -term * ((s + m) / (m + 1)) * u * ((a + m - 1) / (a + B + m - 1));
    const t = Math.abs(next);
    // Cut before `next`: the error is at most |next|, plus rounding.
    if (t + 4 * EPSILON * abs <= 1e-13 * sum) return sum;
    if (t >= Math.abs(term)) return null;
    sum += next;
    abs += t;
    term = next;
  }
  return null;
}

/** Eq. 10's closed form through ₂F₁ (see expectedAlivePurchases), or null unless accurate. */
function closedForm(s: number, a: number, B: number, u: number): number | null {
  if (Math.abs(a - 1) < 1e-3) return null;
  const c = a + B - 1;
  let G: Estimate;
  try {
    G = hyp2f1Estimate(s, B, c, u / (1 + u), -s * Math.log1p(u), 5_000);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return null;
  }
  const k = c / (a - 1);
  const value = k * (1 - G.value);
  const error = Math.abs(k) * (G.error + EPSILON * (Math.abs(G.value) + 1));
  if (!(Number.isFinite(value) && error <= 1e-11 * value && value <= s * u)) return null;
  return value;
}

/**
 * The NB series (see expectedAlivePurchases). P(N = 0) = (1 + u)^(−s) underflows for heavy buyers
 * over long horizons: down to e^−1200 the probabilities are carried scaled by e^K, K ≤ 600, so that
 * P(N = 0) starts at e^−600 (the largest is at most e^600, and the sum at most e^600·s·u: no
 * overflow); below that the sum starts at the mode, P(N = mode) from ln Γ (about 10⁻¹¹ relative).
 */
function nbSeries(s: number, a: number, B: number, u: number): number {
  const z = u / (1 + u);
  const lnP0 = -s * Math.log1p(u);
  let K = 0;
  let n0 = 0;
  let e = 0;
  let pi = 1;
  let P: number;
  if (lnP0 >= -600) P = Math.exp(lnP0);
  else if (lnP0 >= -1200) {
    K = -600 - lnP0;
    P = Math.exp(-600);
  } else {
    n0 = Math.max(0, Math.floor((s - 1) * u));
    for (let k = 0; k < n0; k++) {
      e += pi;
      pi *= (B + k) / (B + a + k);
    }
    P = Math.exp(gammaln(s + n0) - gammaln(s) - gammaln(n0 + 1) + lnP0 + n0 * Math.log(z));
  }
  const [P0, e0, pi0] = [P, e, pi];
  let sum = 0;
  for (let n = n0; n < n0 + 50_000_000; n++) {
    sum += P * e;
    e += pi;
    pi *= (B + n) / (B + a + n);
    P *= ((s + n) / (n + 1)) * z;
    // Σ_{m>n} P_m e_m ≤ P_{n+1} e_{n+1} / (1 − ρ), ρ = z(s + n + 1)/(n + 1) bounding every later
    // ratio (P_{m+1}/P_m = z(s + m)/(m + 1) and e_{m+1}/e_m ≤ (m + 1)/m).
    const rho = (z * (s + n + 1)) / (n + 1);
    if (sum > 0 && rho < 1 && P * e <= 0.5 * EPSILON * sum * (1 - rho)) break;
    if (P === 0 && sum > 0) break;
  }
  // Below the mode: P_{m−1}/P_m = m/((s + m − 1) z), increasing in m, and e_{m−1} ≤ e_m.
  P = P0;
  e = e0;
  pi = pi0;
  for (let n = n0 - 1; n >= 1; n--) {
    P *= (n + 1) / ((s + n) * z);
    pi *= (B + a + n) / (B + n);
    e -= pi;
    const term = P * e;
    sum += term;
    const rho = n / ((s + n - 1) * z);
    if (rho < 1 && (term * rho) / (1 - rho) <= 0.5 * EPSILON * sum) break;
  }
  return Math.min(K > 0 ? Math.exp(Math.log(sum) - K) : sum, s * u);
}

/**
 * E[purchases in the next t weeks | x, T, alive]: eq. 10 of the paper without its P(alive) factor
 * (see expectedAlivePurchases). t_x does not enter, so callers with many customers compute it once
 * per (x, T). Finite, non-negative and non-decreasing in t for any parameters.
 */
export function expectedPurchasesWhileAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  return expectedAlivePurchases(r + x, a, b + x, t / (alpha + T));
}

/** E[purchases in the next t weeks | x, t_x, T] (eq. 10 of the paper). */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  // Eq. 10's denominator 1 + δ(x > 0)·a/(b + x − 1)·((α + T)/(α + t_x))^(r + x) is 1 / P(alive).
  return expectedPurchasesWhileAlive(params, t, x, T) * probabilityAlive(params, x, tx, T);
}

/**
 * E[X(t)]: expected purchases in the first t weeks after a customer's first purchase (eq. 7):
 * expectedAlivePurchases with s = r, B = b, u = t/α; r·t/α in the no-dropout limit.
 */
export function expectedPurchasesFromStart({ r, alpha, a, b }: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  return expectedAlivePurchases(r, a, b, t / alpha);
}
