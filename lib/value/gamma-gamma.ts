/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, JMR 42(4); Fader & Hardie
 * 2013 note): a customer's purchase values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
 * Fitted on customers with at least one repeat purchase of positive value.
 */
import digamma from '@stdlib/math-base-special-digamma';
import { bfgs } from './bfgs';
import { nelderMead } from './nelder-mead';
import { gammaln } from './special-functions';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Log-likelihood of the mean repeat value m of x repeat purchases, summed over customers. */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  x: ArrayLike<number>,
  m: ArrayLike<number>,
  lnM: ArrayLike<number> = Array.from(m, Math.log),
): number {
  return gammaGammaLogLikelihoodWithGradient(params, x, m, lnM).value;
}

/** The log-likelihood and its gradient in the log-parameters (ln p, ln q, ln γ). */
export function gammaGammaLogLikelihoodWithGradient(
  { p, q, gamma }: GammaGammaParams,
  x: ArrayLike<number>,
  m: ArrayLike<number>,
  lnM: ArrayLike<number>,
): { value: number; gradient: [number, number, number] } {
  const lnGamma = Math.log(gamma);
  const base = -gammaln(q) + q * lnGamma;
  const psiQ = digamma(q);
  const byX = new Map<number, { g: number; dp: number; dq: number }>();
  let value = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const px = p * xi;
    let t = byX.get(xi);
    if (!t) {
      const psiPxQ = digamma(px + q);
      t = {
        g: base + gammaln(px + q) - gammaln(px) + px * Math.log(xi),
        dp: xi * (psiPxQ - digamma(px) + Math.log(xi)),
        dq: -psiQ + lnGamma + psiPxQ,
      };
      byX.set(xi, t);
    }
    const lnDen = Math.log(gamma + m[i]! * xi);
    value += t.g + (px - 1) * lnM[i]! - (px + q) * lnDen;
    gp += t.dp + xi * (lnM[i]! - lnDen);
    gq += t.dq - lnDen;
    gg += q / gamma - (px + q) / (gamma + m[i]! * xi);
  }
  return { value, gradient: [gp * p, gq * q, gg * gamma] };
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
}

/** Fits p, q, γ from the customers with x ≥ 1 and a positive mean repeat value (the others are left out). */
export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>): GammaGammaFit {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! >= 1 && m[i]! > 0) {
      xs.push(x[i]!);
      ms.push(m[i]!);
    }
  }
  const params = ([lp, lq, lg]: number[]): GammaGammaParams => ({
    p: Math.exp(lp!),
    q: Math.exp(lq!),
    gamma: Math.exp(lg!),
  });
  const lnM = ms.map(Math.log);
  const quasiNewton = bfgs(
    (v) => {
      const o = gammaGammaLogLikelihoodWithGradient(params(v), xs, ms, lnM);
      return { value: -o.value, gradient: o.gradient.map((g) => -g) };
    },
    [0, 0, 0],
  );
  if (quasiNewton.converged) {
    return {
      params: params(quasiNewton.x),
      logLikelihood: -quasiNewton.value,
      customers: xs.length,
      converged: true,
    };
  }
  // Nelder–Mead as the fallback should BFGS ever stall.
  const r = nelderMead((v) => -gammaGammaLogLikelihood(params(v), xs, ms, lnM), quasiNewton.x);
  return { params: params(r.x), logLikelihood: -r.value, customers: xs.length, converged: r.converged };
}

/** E[mean purchase value | x, m]: a weighted mix of the population mean and the customer's own mean. */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParams, x: number, m: number): number {
  const populationMean = (p * gamma) / (q - 1);
  if (!(x > 0) || !(m > 0)) return populationMean;
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
