/**
 * BFGS minimisation with an Armijo backtracking line search, for smooth objectives with analytic
 * gradients: a few dozen iterations where Nelder–Mead needs a thousand evaluations.
 */
export interface GradientResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function bfgs(
  f: (x: number[]) => { value: number; gradient: number[] },
  start: number[],
  { gradientTolerance = 1e-7, maxIterations = 500, maxStep = 1 } = {},
): GradientResult {
  const n = start.length;
  let x = start.slice();
  let fx = f(x);
  // Inverse Hessian approximation, starting from the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  for (let it = 0; it < maxIterations; it++) {
    const g = fx.gradient;
    if (Math.sqrt(dot(g, g)) <= gradientTolerance * Math.max(1, Math.abs(fx.value))) {
      return { x, value: fx.value, iterations: it, converged: true };
    }
    let d = H.map((row) => -dot(row, g));
    if (dot(d, g) >= 0) {
      // Not a descent direction: restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      d = g.map((v) => -v);
    }
    // Log-parameters move at most `maxStep` per iteration: the first, identity-Hessian step along a
    // large gradient would otherwise leap into a flat, degenerate corner (a → 0) and stop there.
    const longest = Math.max(...d.map(Math.abs));
    if (longest > maxStep) d = d.map((v) => (v * maxStep) / longest);
    let step = 1;
    let next = x.map((v, i) => v + step * d[i]!);
    let fn = f(next);
    const slope = dot(g, d);
    while (!(Number.isFinite(fn.value) && fn.value <= fx.value + 1e-4 * step * slope) && step > 1e-12) {
      step /= 2;
      next = x.map((v, i) => v + step * d[i]!);
      fn = f(next);
    }
    if (step <= 1e-12) return { x, value: fx.value, iterations: it, converged: false };
    const s = next.map((v, i) => v - x[i]!);
    const y = fn.gradient.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) =>
        row.map(
          (v, j) => v + ((sy + yHy) * s[i]! * s[j]!) / (sy * sy) - (Hy[i]! * s[j]! + s[i]! * Hy[j]!) / sy,
        ),
      );
    }
    x = next;
    fx = fn;
  }
  return { x, value: fx.value, iterations: maxIterations, converged: false };
}
