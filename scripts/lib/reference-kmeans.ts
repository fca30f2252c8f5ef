import { createRng } from '../../lib/random/rng';
import type { FeatureMatrix } from '../../lib/segment/feature-matrix';

/**
 * A plain Lloyd's k-means with k-means++ seeding over the flat Float64Array, written independently of
 * ml-kmeans so the benchmark can check the pipeline's clustering against it on the same matrix.
 */
export function referenceKMeans(
  m: FeatureMatrix,
  k: number,
  seed: number,
  restarts: number,
  maxIterations = 300,
): { inertia: number; iterations: number } {
  const { rows: n, cols: d, values } = m;
  let best = { inertia: Infinity, iterations: 0 };
  const labels = new Int32Array(n);
  const dist = new Float64Array(n);
  for (let r = 0; r < restarts; r++) {
    const rng = createRng(seed + 1000 + r, 7);
    const centres = new Float64Array(k * d);
    // k-means++: first centre uniform, then proportional to squared distance.
    const first = Math.floor(rng.next() * n);
    for (let j = 0; j < d; j++) centres[j] = values[first * d + j]!;
    dist.fill(Infinity);
    for (let c = 1; c < k; c++) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (values[i * d + j]! - centres[(c - 1) * d + j]!) ** 2;
        if (s < dist[i]!) dist[i] = s;
        total += dist[i]!;
      }
      let u = rng.next() * total;
      let pick = n - 1;
      for (let i = 0; i < n; i++) {
        u -= dist[i]!;
        if (u <= 0) {
          pick = i;
          break;
        }
      }
      for (let j = 0; j < d; j++) centres[c * d + j] = values[pick * d + j]!;
    }
    let iterations = 0;
    let inertia = Infinity;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (; iterations < maxIterations; iterations++) {
      let changed = 0;
      inertia = 0;
      sums.fill(0);
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        let bestC = 0;
        let bestD = Infinity;
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += (values[i * d + j]! - centres[c * d + j]!) ** 2;
          if (s < bestD) {
            bestD = s;
            bestC = c;
          }
        }
        if (labels[i] !== bestC || iterations === 0) changed++;
        labels[i] = bestC;
        inertia += bestD;
        counts[bestC]!++;
        for (let j = 0; j < d; j++) sums[bestC * d + j]! += values[i * d + j]!;
      }
      for (let c = 0; c < k; c++) {
        if (counts[c]! > 0) for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j]! / counts[c]!;
      }
      if (changed === 0) break;
    }
    if (inertia < best.inertia) best = { inertia, iterations };
  }
  return best;
}
