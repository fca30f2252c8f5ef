import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley from the usual start', () => {
    const rosen = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const r = nelderMead(rosen, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('minimises a 4-d quadratic and treats non-finite values as walls', () => {
    const target = [0.5, -2, 3, 1];
    const f = (x: number[]) =>
      x[0]! < -5 ? NaN : x.reduce((s, v, i) => s + (i + 1) * (v - target[i]!) ** 2, 0);
    const r = nelderMead(f, [0, 0, 0, 0]);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i]!, 5));
  });
});
