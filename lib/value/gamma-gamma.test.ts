import { describe, expect, it } from 'vitest';
import { expectedAverageValue, gammaGammaLogLikelihoodWithGradient } from './gamma-gamma';
import { gammaln } from './special-functions';

describe('Gamma-Gamma', () => {
  const x = [1, 2, 2, 5, 9];
  const m = [12.5, 30, 8, 22.1, 41];
  const lnM = m.map(Math.log);

  it('has an analytic gradient that agrees with finite differences', () => {
    const at = [Math.log(6), Math.log(3.7), Math.log(15)];
    // The per-customer density written out directly (Fader & Hardie 2013, eq. 3), independently of the module.
    const ll = (v: number[]) => {
      const [p, q, g] = v.map(Math.exp) as [number, number, number];
      return x.reduce((sum, xi, i) => {
        const mi = m[i]!;
        return (
          sum +
          gammaln(p * xi + q) -
          gammaln(p * xi) -
          gammaln(q) +
          q * Math.log(g) +
          (p * xi - 1) * Math.log(mi) +
          p * xi * Math.log(xi) -
          (p * xi + q) * Math.log(g + mi * xi)
        );
      }, 0);
    };
    const { value, gradient } = gammaGammaLogLikelihoodWithGradient({ p: 6, q: 3.7, gamma: 15 }, x, m, lnM);
    expect(value).toBeCloseTo(ll(at), 10);
    for (let k = 0; k < 3; k++) {
      const h = 1e-6;
      const up = at.map((v, i) => (i === k ? v + h : v));
      const down = at.map((v, i) => (i === k ? v - h : v));
      expect(gradient[k]).toBeCloseTo((ll(up) - ll(down)) / (2 * h), 5);
    }
  });

  it('expects the population mean without repeat purchases, and leans on the customer’s own mean with more of them', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (6.25 * 15.44) / 2.74;
    expect(expectedAverageValue(params, 0, NaN)).toBeCloseTo(population, 10);
    const few = expectedAverageValue(params, 1, 100);
    const many = expectedAverageValue(params, 20, 100);
    expect(few).toBeGreaterThan(population);
    expect(Math.abs(many - 100)).toBeLessThan(Math.abs(few - 100));
  });
});
