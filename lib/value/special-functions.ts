/**
 * Special functions the buy-till-you-die models need. ln Γ comes from stdlib (well kept, accurate to
 * the last bits); the Gauss hypergeometric function ₂F₁ has no maintained npm implementation, so it
 * is written here for the real arguments the models use (z < 1), and tested against closed forms.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

export { gammaln };

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

const MAX_TERMS = 100_000;

/** The defining power series Σ (a)_n (b)_n / (c)_n z^n / n!, for |z| < 1. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0 || Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`₂F₁(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1 and c not a non-positive integer.
 * For z < 0 the Pfaff transformation maps z into [0, 1); on [0, 1) Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) is used when it shrinks the
 * coefficients, which is what makes the BG/NBD forecast fast for customers with many purchases
 * (a = r + x and b = b + x grow with x, c − a and c − b do not). Above z = 0.9 the transformation
 * to 1 − z takes over where c − a − b is not an integer.
 */
/** sign(Γ(x)): positive for x > 0, alternating between the poles for x < 0. */
function gammaSign(x: number): number {
  return x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** Γ(p1)Γ(p2) / (Γ(q1)Γ(q2)), in logs so large arguments do not overflow. */
function gammaRatio(p1: number, p2: number, q1: number, q2: number): number {
  const sign = gammaSign(p1) * gammaSign(p2) * gammaSign(q1) * gammaSign(q2);
  return sign * Math.exp(gammaln(p1) + gammaln(p2) - gammaln(q1) - gammaln(q2));
}

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`₂F₁ is implemented for z < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`₂F₁ is undefined for c = ${c}`);
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z / (z − 1)), with z / (z − 1) in (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  const s = c - a - b;
  if (z > 0.9 && Math.abs(s - Math.round(s)) > 1e-6) {
    // Near 1 the series crawls: the linear transformation to 1 − z (valid when c − a − b is not an integer).
    const w = 1 - z;
    return (
      gammaRatio(c, s, c - a, c - b) * series(a, b, 1 - s, w) +
      Math.pow(w, s) * gammaRatio(c, -s, a, b) * series(c - a, c - b, 1 + s, w)
    );
  }
  const direct = Math.abs((a * b) / c);
  const euler = Math.abs(((c - a) * (c - b)) / c);
  if (euler < direct) return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
  return series(a, b, c, z);
}
