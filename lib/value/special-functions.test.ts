import { describe, expect, it } from 'vitest';
import { hyp2f1Reference } from '../../test/value/high-precision-reference';
import { EPSILON, hyp2f1, hyp2f1Estimate, lnBeta, logAddExp } from './special-functions';

const close = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe('hyp2f1 against closed forms and tabulated special values', () => {
  it.each([0.1, 0.5, 0.9, 0.99, -0.5, -3, -20])('₂F₁(1, 1; 2; z) = −ln(1 − z) / z at z = %f', (z) => {
    close(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z);
  });

  it.each([0.2, 0.7, 0.95, -2])('₂F₁(a, b; b; z) = (1 − z)^(−a) at z = %f', (z) => {
    close(hyp2f1(2.5, 3.25, 3.25, z), Math.pow(1 - z, -2.5));
  });

  it.each([0.3, 0.6, 0.9])('₂F₁(1/2, 1/2; 3/2; z²) = arcsin(z) / z at z = %f', (z) => {
    close(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z);
  });

  it.each([0.3, -0.8])('₂F₁(1/2, 1; 3/2; −z²) = arctan(z) / z at z = %f', (z) => {
    close(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z);
  });

  it('matches tabulated algebraic values', () => {
    // Vidunas, "Dihedral Gauss hypergeometric functions" / classical evaluations.
    close(hyp2f1(1 / 3, 2 / 3, 5 / 6, 27 / 32), 8 / 5, 1e-11);
    close(hyp2f1(1 / 4, 1 / 2, 3 / 4, 80 / 81), 9 / 5, 1e-10);
  });

  it('matches Gauss’s theorem as z → 1 when c > a + b', () => {
    // ₂F₁(a, b; c; 1) = Γ(c)Γ(c − a − b) / (Γ(c − a)Γ(c − b)); a = 1/2, b = 1/4, c = 2: Γ(2)Γ(5/4) / (Γ(3/2)Γ(7/4)).
    const gauss = (1 * 0.9064024770554771) / (0.886226925452758 * 0.9190625268488832);
    close(hyp2f1(0.5, 0.25, 2, 1 - 1e-12), gauss, 1e-9);
    // The two sides of the switch to the 1 − z transformation meet.
    close(hyp2f1(0.3, 0.7, 2.4, 0.9 - 1e-9), hyp2f1(0.3, 0.7, 2.4, 0.9 + 1e-9), 1e-7);
  });

  it('uses the 1 − z transformation correctly, for positive and negative c − a − b', () => {
    close(hyp2f1(2.5, 3.25, 3.25, 0.97), Math.pow(0.03, -2.5), 1e-10);
    close(hyp2f1(0.5, 0.5, 1.5, 0.95), Math.asin(Math.sqrt(0.95)) / Math.sqrt(0.95), 1e-11);
    close(hyp2f1(0.5, 0.5, 1.5, 0.999999), Math.asin(Math.sqrt(0.999999)) / Math.sqrt(0.999999), 1e-10);
  });

  it('stays fast and finite for large BG/NBD parameters (a = r + x grows with x)', () => {
    const v = hyp2f1(0.24 + 60, 2.4 + 60, 0.79 + 2.4 + 60 - 1, 52 / (4.4 + 70 + 52));
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(1);
  });

  it('refuses arguments it does not implement', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});

describe('lnBeta and logAddExp', () => {
  it('agree with direct evaluation', () => {
    close(lnBeta(2, 3), Math.log(1 / 12));
    close(logAddExp(Math.log(2), Math.log(3)), Math.log(5));
    close(logAddExp(-1000, -1000), -1000 + Math.log(2));
    expect(logAddExp(-Infinity, 1.5)).toBe(1.5);
  });
});

describe('hyp2f1 for large parameters, against a 512-bit summation of the defining series', () => {
  // The BG/NBD's ₂F₁(r + x, b + x; a + b + x − 1; z) near the no-dropout boundary the reported fit
  // ran to (a ≈ 1.1·10³, b ≈ 5.3·10⁸), far from it, and for heavy buyers (x in the hundreds); z up
  // to 0.99, where the old transformation to 1 − z overflowed into NaN for b ~ 10⁸. Values are
  // kept within the double range ((r + x)·ln(1/(1 − z)) < 700). The reference is the plain series
  // in BigInt fixed point (high-precision-reference.ts): no transformation, no double arithmetic.
  const cases: Array<[number, number, number, number, number]> = [
    // r, a, b, x, z
    [0.504, 1100, 5.3e8, 0, 0.99],
    [0.504, 1100, 5.3e8, 1, 0.95],
    [0.504, 1100, 5.3e8, 60, 0.95],
    [0.504, 1100, 5.3e8, 300, 0.6],
    [2, 1000, 1e8, 1, 0.99],
    [2, 1000, 1e8, 7, 0.9],
    [0.5, 0.3, 1e8, 1, 0.95],
    [0.5, 0.3, 1e8, 150, 0.3],
    [0.243, 0.793, 2.426, 0, 0.95],
    [0.243, 0.793, 2.426, 40, 0.6],
    [0.243, 0.793, 2.426, 300, 0.05],
    [1, 1.5, 0.5, 7, 0.8],
  ];
  it.each(cases)('r = %f, a = %f, b = %f, x = %f, z = %f', (r, a, b, x, z) => {
    const [p, q, c] = [r + x, b + x, a + b + x - 1];
    const reference = hyp2f1Reference(p, q, c, z);
    const got = hyp2f1Estimate(p, q, c, z);
    close(got.value, reference, 1e-12);
    // The error estimate is honest: the actual error is within it (up to rounding of the check).
    expect(Math.abs(got.value - reference)).toBeLessThanOrEqual(
      4 * got.error + 4 * EPSILON * Math.abs(reference),
    );
  });

  it('gives (1 − z)^s·₂F₁ past the double range through the scale, for heavy buyers near z = 1', () => {
    // s = 300.5, z = 0.99: ₂F₁ ~ 100^300.5 overflows, (1 − z)^s·₂F₁ does not (it is E(1 + p·u)^(−s) ≤ 1).
    const [s, B, c, z] = [300.5, 5.3e8 + 300, 5.3e8 + 300 + 1099, 0.99];
    const scaled = hyp2f1Estimate(s, B, c, z, s * Math.log1p(-z)).value;
    expect(scaled).toBeGreaterThan(0);
    expect(scaled).toBeLessThanOrEqual(1);
    expect(hyp2f1(s, B, c, z)).toBe(Infinity);
    // Against the reference at a smaller z where both are representable, scaled the same way.
    const z2 = 0.6;
    close(
      hyp2f1Estimate(s, B, c, z2, s * Math.log1p(-z2)).value,
      Math.pow(1 - z2, s) * hyp2f1Reference(s, B, c, z2),
      1e-12,
    );
  });
});
