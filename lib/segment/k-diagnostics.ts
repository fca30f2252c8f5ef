import { kmeans } from 'ml-kmeans';
import { rowsAsArrays, type FeatureMatrix } from './feature-matrix';
import { nearestCentroid, sampleIndices } from './kmeans-fit';

export interface KDiagnostic {
  k: number;
  /** Within-cluster sum of squares on the diagnostic sample (elbow). */
  inertia: number;
  /** Mean silhouette on the silhouette sample, −1 … 1. */
  silhouette: number;
}

export interface KDiagnosticsOptions {
  seed: number;
  kMin: number;
  kMax: number;
  /** Rows the k-means runs for each k use. */
  sampleSize: number;
  /** Rows the O(n²) silhouette uses. */
  silhouetteSize: number;
  restarts: number;
}

export const DEFAULT_K_DIAGNOSTICS: KDiagnosticsOptions = {
  seed: 42,
  kMin: 2,
  kMax: 10,
  sampleSize: 4_000,
  silhouetteSize: 1_500,
  restarts: 2,
};

/** Mean silhouette of the rows `idx` with labels `labels` (same order). */
export function silhouette(
  m: FeatureMatrix,
  idx: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): number {
  const n = idx.length;
  const d = m.cols;
  const sums = new Float64Array(k);
  const counts = new Uint32Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]!]!++;
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const oi = idx[i]! * d;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const oj = idx[j]! * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = m.values[oi + t]! - m.values[oj + t]!;
        s += diff * diff;
      }
      sums[labels[j]!]! += Math.sqrt(s);
    }
    const own = labels[i]!;
    if (counts[own]! <= 1) continue; // silhouette of a singleton is 0 by convention
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Elbow (inertia) and silhouette for k = kMin … kMax on seeded samples. */
export function computeKDiagnostics(
  m: FeatureMatrix,
  options: Partial<KDiagnosticsOptions> = {},
): KDiagnostic[] {
  const o = { ...DEFAULT_K_DIAGNOSTICS, ...options };
  const sample = sampleIndices(m.rows, o.sampleSize, o.seed + 1);
  const data = rowsAsArrays(m, sample);
  const silIdx = sampleIndices(sample.length, Math.min(o.silhouetteSize, sample.length), o.seed + 2).map(
    (i) => sample[i]!,
  );
  const out: KDiagnostic[] = [];
  for (let k = o.kMin; k <= Math.min(o.kMax, sample.length - 1); k++) {
    let best: number[][] | null = null;
    let bestInertia = Infinity;
    for (let r = 0; r < o.restarts; r++) {
      const res = kmeans(data, k, { seed: o.seed + r, initialization: 'kmeans++', maxIterations: 200 });
      let inertia = 0;
      for (const i of sample) inertia += nearestCentroid(m.values, i * m.cols, m.cols, res.centroids)[1];
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = res.centroids;
      }
    }
    const labels = Array.from(silIdx, (i) => nearestCentroid(m.values, i * m.cols, m.cols, best!)[0]);
    out.push({ k, inertia: bestInertia, silhouette: silhouette(m, silIdx, labels, k) });
  }
  return out;
}
