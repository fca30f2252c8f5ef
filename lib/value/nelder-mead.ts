/**
 * Nelder–Mead minimisation (Lagarias et al. 1998 coefficients), restarted from its own optimum until
 * a restart no longer improves: derivative-free, so it copes with the flat, curved likelihoods of
 * the buy-till-you-die models from a default start.
 */
export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  { tolerance = 1e-10, maxEvaluations = 20_000, step = 0.5, restarts = 6 } = {},
): MinimiseResult {
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: start.slice(), v: value(start) };
  let converged = false;
  for (let round = 0; round <= restarts && evaluations < maxEvaluations; round++) {
    const n = best.x.length;
    const simplex = [best.x.slice(), ...best.x.map((_, i) => best.x.map((v, j) => (i === j ? v + step : v)))];
    const values = simplex.map(value);
    while (evaluations < maxEvaluations) {
      const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
      const sorted = order.map((i) => simplex[i]!);
      const sortedValues = order.map((i) => values[i]!);
      simplex.splice(0, simplex.length, ...sorted);
      values.splice(0, values.length, ...sortedValues);
      const spread = Math.abs(values[n]! - values[0]!);
      const size = Math.max(
        ...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0]![j]!)))),
      );
      if (spread <= tolerance * (1 + Math.abs(values[0]!)) && size <= 1e-8) break;
      const centroid = Array.from(
        { length: n },
        (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n,
      );
      const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
      const reflected = along(-1);
      const fr = value(reflected);
      if (fr < values[0]!) {
        const expanded = along(-2);
        const fe = value(expanded);
        [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      } else if (fr < values[n - 1]!) {
        [simplex[n], values[n]] = [reflected, fr];
      } else {
        const outside = fr < values[n]!;
        const contracted = along(outside ? -0.5 : 0.5);
        const fc = value(contracted);
        if (fc < (outside ? fr : values[n]!)) [simplex[n], values[n]] = [contracted, fc];
        else {
          for (let i = 1; i <= n; i++) {
            simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
            values[i] = value(simplex[i]!);
          }
        }
      }
    }
    const improved = values[0]! < best.v - tolerance * (1 + Math.abs(best.v));
    best = values[0]! <= best.v ? { x: simplex[0]!.slice(), v: values[0]! } : best;
    if (!improved && round > 0) {
      converged = true;
      break;
    }
  }
  return { x: best.x, value: best.v, evaluations, converged };
}
