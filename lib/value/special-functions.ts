/**
 * Special functions the buy-till-you-die models need. ln Γ comes from stdlib (well kept, accurate to
 * the last bits); the Gauss hypergeometric function ₂F₁ has no maintained npm implementation, so it
 * is written here for the real arguments the models use (z < 1), and tested against closed forms
 * and an independent arbitrary-precision summation.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

export { gammaln };

/** Machine epsilon, 2^−52. */
export const EPSILON = 2.220446049250313e-16;

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** ln(e^x + e^y) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
}

/** A computed value and an estimate of its absolute error (rounding and truncation). */
export interface Estimate {
  value: number;
  error: number;
}

/** sign(Γ(x)): positive for x > 0, alternating between the poles for x < 0. */
function gammaSign(x: number): number {
  return x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
}

/**
 * Whether Σ (p)_n (q)_n / (c)_n (−u)^n / n!, u > 0, is the Taylor series of a mixture
 * E[(1 + u·t)^(−e)] over t ~ Beta(β, c − β) with {e, β} = {p, q}, β > 0, c − β > 0 and e > −1.
 * Then (1 + v)^(−e) is completely monotone (e > 0) or has completely monotone derivatives
 * (−1 < e < 0), so stopping the series after any term (past the first) leaves an error no larger
 * than the first term left out, even where the series diverges (u ≥ 1): an asymptotic series with
 * a rigorous bound.
 */
function alternatingBound(p: number, q: number, c: number): boolean {
  return (q > 0 && c > q && p > -1) || (p > 0 && c > p && q > -1);
}

/**
 * The power series Σ (a)_n (b)_n / (c)_n z^n / n! with an error estimate, or null when it does not
 * settle within `maxTerms` terms or overflows. The tail is bounded from the term ratio
 * z·(a + n)/(n + 1)·(b + n)/(c + n): past the poles each factor is monotone in n, so its supremum
 * over the rest of the series is its current value (decreasing) or its limit 1 (increasing). With
 * `certified` (see alternatingBound), a series in z < 0 may also be cut at its smallest term.
 */
function powerSeries(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms: number,
  certified = false,
): Estimate | null {
  let term = 1;
  let sum = 1;
  let abs = 1;
  let best: Estimate | null = null;
  const past = Math.max(0, -a, -b, -c) + 1;
  const alternating = certified && z < 0;
  const az = Math.abs(z);
  for (let n = 0; n < maxTerms; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const t = Math.abs(term);
    // Cutting before this term leaves an error of at most this term (certified series only).
    if (alternating && n >= 1 && (best === null || t < best.error)) best = { value: sum, error: t };
    sum += term;
    abs += t;
    if (t > 0.5 * EPSILON * Math.abs(sum) || n + 1 < past) {
      // Terms summing to far less than their sizes: digits are lost to cancellation that more
      // terms cannot bring back.
      if (abs > 1e8 * Math.abs(sum) || !Number.isFinite(abs)) break;
      continue;
    }
    const rounding = EPSILON * abs * (2 + Math.sqrt(n + 1));
    if (term === 0) return { value: sum, error: rounding };
    // Bound the ratio of the terms still to come by pairing the factors both ways.
    const m = n + 1;
    const sup = (p: number, q: number) => (p >= q ? (p + m) / (q + m) : 1);
    const rho = az * Math.min(sup(a, 1) * sup(b, c), sup(b, 1) * sup(a, c));
    if (rho < 1) {
      const tail = (t * rho) / (1 - rho);
      if (tail <= 0.5 * EPSILON * Math.abs(sum)) return { value: sum, error: tail + rounding };
    } else if (alternating) {
      // The first term left out bounds the error.
      return { value: sum, error: t * Math.abs((((a + m) * (b + m)) / ((c + m) * (m + 1))) * z) + rounding };
    }
  }
  if (best === null) return null;
  return { value: best.value, error: best.error + EPSILON * abs * (2 + Math.sqrt(maxTerms)) };
}

/** e^lnScale × (1 − z)^power × a series, in logs so that neither factor over- or underflows alone. */
function scaled(lnScale: number, power: number, z: number, s: Estimate | null): Estimate | null {
  if (s === null || !Number.isFinite(s.value)) return null;
  if (s.value === 0) return { value: 0, error: Math.exp(lnScale + power * Math.log1p(-z)) * s.error };
  const ln = lnScale + power * Math.log1p(-z);
  const factor = Math.exp(ln + Math.log(Math.abs(s.value)));
  const value = Math.sign(s.value) * factor;
  // The factor's own rounding: ln carries absolute error ~ ε·(|lnScale| + |power·ln(1 − z)|).
  const lnError = EPSILON * (Math.abs(lnScale) + Math.abs(power * Math.log1p(-z)) + 1);
  return { value, error: factor * (s.error / Math.abs(s.value) + 2 * lnError) };
}

/**
 * The linear transformation to 1 − z (Abramowitz & Stegun 15.3.6), valid when s = c − a − b is
 * not an integer; both series are in w = 1 − z, so it is the fast way near z = 1, as long as the
 * parameters are moderate (it is ill-conditioned when a·b·w is large, which the error estimate
 * shows). The Γ ratios are taken in logs.
 */
function oneMinusZ(a: number, b: number, c: number, z: number, lnScale: number, maxTerms: number) {
  const s = c - a - b;
  if (Math.abs(s - Math.round(s)) < 1e-9) return null;
  const w = 1 - z;
  // Hopelessly ill-conditioned when the first terms already grow by orders of magnitude (large
  // parameters, e.g. b ~ 10⁸ in the BG/NBD): skip rather than sum into cancellation.
  if (Math.abs((a * b * w) / (1 - s)) > 1e4 || Math.abs(((c - a) * (c - b) * w) / (1 + s)) > 1e4) return null;
  const part = (
    p1: number,
    p2: number,
    q1: number,
    q2: number,
    power: number,
    series: Estimate | null,
  ): Estimate | null => {
    if (series === null) return null;
    const lnG = gammaln(p1) + gammaln(p2) - gammaln(q1) - gammaln(q2);
    if (!Number.isFinite(lnG)) return null;
    const sign = gammaSign(p1) * gammaSign(p2) * gammaSign(q1) * gammaSign(q2);
    const r = scaled(lnScale + lnG, power, z, series);
    if (r === null) return null;
    const lnGError =
      EPSILON *
      4 *
      (Math.abs(gammaln(p1)) + Math.abs(gammaln(p2)) + Math.abs(gammaln(q1)) + Math.abs(gammaln(q2)));
    return { value: sign * r.value, error: r.error + Math.abs(r.value) * lnGError };
  };
  const first = part(c, s, c - a, c - b, 0, powerSeries(a, b, 1 - s, w, maxTerms));
  const second = part(c, -s, a, b, s, powerSeries(c - a, c - b, 1 + s, w, maxTerms));
  if (first === null || second === null) return null;
  return { value: first.value + second.value, error: first.error + second.error };
}

/**
 * e^lnScale · ₂F₁(a, b; c; z) with an estimate of its absolute error, for real z < 1 and c not a
 * non-positive integer. The scale lets callers take (1 − z)^s·₂F₁ (the BG/NBD form) when ₂F₁
 * alone would overflow. Several exact representations are tried, cheapest first for the region,
 * and the first whose estimated relative error is below 10⁻¹³ is returned (else the most accurate):
 *
 * - the defining series, or Euler's (1 − z)^(c−a−b)·₂F₁(c − a, c − b; c; z) when that shrinks its
 *   coefficients (a = r + x and b = b + x grow with x in the BG/NBD, c − a and c − b do not);
 * - Pfaff's (1 − z)^(−a)·₂F₁(a, c − b; c; z/(z − 1)) (and its a ↔ b twin): for z ≥ 0 an alternating
 *   series in −z/(1 − z), convergent below z = ½ and, when it is a Beta mixture of a completely
 *   monotone function, usable past that as an asymptotic series with a rigorous bound — the fast
 *   way for the BG/NBD's near-no-dropout parameters (b ~ 10⁸: c − b = a − 1 stays small while c is
 *   huge, so the terms fall like (a·s·u/c)^n);
 * - the transformation to 1 − z, when c − a − b is not an integer (near z = 1 with moderate
 *   parameters).
 */
export function hyp2f1Estimate(
  a: number,
  b: number,
  c: number,
  z: number,
  lnScale = 0,
  maxTerms = 2_000_000,
): Estimate {
  if (!(z < 1)) throw new RangeError(`₂F₁ is implemented for z < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`₂F₁ is undefined for c = ${c}`);
  if (z === 0 || a === 0 || b === 0) return { value: Math.exp(lnScale), error: 0 };
  const y = z / (z - 1);
  const direct = (max: number) =>
    scaled(lnScale, 0, z, powerSeries(a, b, c, z, max, alternatingBound(a, b, c)));
  const euler = (max: number) => scaled(lnScale, c - a - b, z, powerSeries(c - a, c - b, c, z, max));
  const pfaffA = (max: number) =>
    scaled(lnScale, -a, z, powerSeries(a, c - b, c, y, max, alternatingBound(a, c - b, c)));
  const pfaffB = (max: number) =>
    scaled(lnScale, -b, z, powerSeries(c - a, b, c, y, max, alternatingBound(c - a, b, c)));
  const transform = (max: number) => oneMinusZ(a, b, c, z, lnScale, max);
  const eulerFirst = Math.abs(((c - a) * (c - b)) / c) < Math.abs((a * b) / c);
  const [near, far] = eulerFirst ? [euler, direct] : [direct, euler];
  let order: Array<(max: number) => Estimate | null>;
  if (z < 0) order = Math.abs(z) < 0.5 ? [direct, pfaffA, pfaffB] : [pfaffA, pfaffB, direct];
  else if (z > 0.9) order = [transform, pfaffA, pfaffB, near, far];
  else order = [near, pfaffA, pfaffB, transform, far];
  let best: Estimate | null = null;
  // A series that settled, times a factor past the double range: the value itself is out of range.
  let overflow: Estimate | null = null;
  const relative = (e: Estimate) => e.error / Math.max(Math.abs(e.value), Number.MIN_VALUE);
  for (const max of maxTerms > 5_000 ? [5_000, maxTerms] : [maxTerms]) {
    for (const method of order) {
      const e = method(max);
      if (e !== null && (e.value === Infinity || e.value === -Infinity))
        overflow = { value: e.value, error: 0 };
      if (e === null || !Number.isFinite(e.value) || !Number.isFinite(e.error)) continue;
      if (relative(e) <= 1e-13) return e;
      if (best === null || relative(e) < relative(best)) best = e;
    }
    if (best !== null && relative(best) <= 1e-10) return best;
  }
  if (best !== null && (relative(best) <= 1e-6 || maxTerms <= 5_000)) return best;
  if (overflow !== null) return overflow;
  throw new RangeError(`₂F₁(${a}, ${b}; ${c}; ${z}) could not be evaluated to a useful accuracy`);
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1 and c not a non-positive integer
 * (see hyp2f1Estimate for how); Infinity where the value itself exceeds the double range.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return hyp2f1Estimate(a, b, c, z).value;
}
