import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs';

describe('bfgs', () => {
  it('minimises the Rosenbrock valley with its analytic gradient', () => {
    const r = bfgs(
      ([x, y]) => ({
        value: 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2,
        gradient: [-400 * x! * (y! - x! * x!) - 2 * (1 - x!), 200 * (y! - x! * x!)],
      }),
      [-1.2, 1],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('reports no convergence when the line search cannot descend', () => {
    // A gradient that points the wrong way: every step goes uphill.
    const r = bfgs(([x]) => ({ value: x! * x!, gradient: [-2 * x!] }), [3]);
    expect(r.converged).toBe(false);
  });
});
