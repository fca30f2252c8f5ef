import { kmeans } from 'ml-kmeans';
import { createRng } from '../random/rng';
import { rowsAsArrays, type FeatureMatrix } from './feature-matrix';

export interface KMeansFit {
  k: number;
  /** Cluster of each row, 0 … k−1, ordered by cluster size (0 = largest) for stable ids. */
  assignments: Uint8Array;
  centroids: number[][];
  /** Sum of squared distances to the assigned centroid over all rows. */
  inertia: number;
  iterations: number;
  restarts: number;
  /** Rows the restarts were run on (all rows when n ≤ sampleSize). */
  fittedOn: number;
}

export interface KMeansOptions {
  seed: number;
  restarts: number;
  /** Above this many rows, restarts run on a seeded sample and the best centroids seed a full-data run. */
  sampleSize: number;
  maxIterations: number;
}

export const DEFAULT_KMEANS_OPTIONS: KMeansOptions = {
  seed: 42,
  restarts: 4,
  sampleSize: 60_000,
  maxIterations: 300,
};

/** A seeded sample of row indices without replacement (partial Fisher–Yates), in ascending order. */
export function sampleIndices(n: number, size: number, seed: number): Uint32Array {
  if (size >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed, 0x5a3913);
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, size).sort();
}

export function nearestCentroid(
  row: Float64Array,
  offset: number,
  d: number,
  centroids: number[][],
): [number, number] {
  let best = 0;
  let bestDist = Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const centre = centroids[c]!;
    let dist = 0;
    for (let j = 0; j < d; j++) {
      const diff = row[offset + j]! - centre[j]!;
      dist += diff * diff;
    }
    if (dist < bestDist) {
      bestDist = dist;
      best = c;
    }
  }
  return [best, bestDist];
}

export function inertiaOf(m: FeatureMatrix, centroids: number[][], indices?: ArrayLike<number>): number {
  let total = 0;
  const count = indices ? indices.length : m.rows;
  for (let r = 0; r < count; r++) {
    const i = indices ? indices[r]! : r;
    total += nearestCentroid(m.values, i * m.cols, m.cols, centroids)[1];
  }
  return total;
}

/** k-means++ with several seeded restarts (ml-kmeans), keeping the lowest inertia. */
export function fitKMeans(m: FeatureMatrix, k: number, options: Partial<KMeansOptions> = {}): KMeansFit {
  const o = { ...DEFAULT_KMEANS_OPTIONS, ...options };
  if (m.rows < k) throw new Error(`k-means: ${m.rows} customers cannot form ${k} clusters`);
  const sample = sampleIndices(m.rows, o.sampleSize, o.seed);
  const data = rowsAsArrays(m, sample);
  let best: { centroids: number[][]; inertia: number; iterations: number } | null = null;
  for (let r = 0; r < o.restarts; r++) {
    const res = kmeans(data, k, {
      seed: o.seed + r,
      initialization: 'kmeans++',
      maxIterations: o.maxIterations,
    });
    const inertia = inertiaOf(m, res.centroids, sample);
    if (!best || inertia < best.inertia)
      best = { centroids: res.centroids, inertia, iterations: res.iterations };
  }
  let centroids = best!.centroids;
  let iterations = best!.iterations;
  if (sample.length < m.rows) {
    const full = kmeans(rowsAsArrays(m), k, { initialization: centroids, maxIterations: o.maxIterations });
    centroids = full.centroids;
    iterations += full.iterations;
  }
  // Assign every row, then relabel clusters by size so ids do not depend on initialisation order.
  const raw = new Uint8Array(m.rows);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < m.rows; i++) {
    const c = nearestCentroid(m.values, i * m.cols, m.cols, centroids)[0];
    raw[i] = c;
    sizes[c]!++;
  }
  const order = sizes.map((s, c) => [s, c] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const relabel = new Uint8Array(k);
  order.forEach(([, c], newId) => (relabel[c] = newId));
  const assignments = raw.map((c) => relabel[c]!);
  const ordered = order.map(([, c]) => centroids[c]!);
  return {
    k,
    assignments,
    centroids: ordered,
    inertia: inertiaOf(m, ordered),
    iterations,
    restarts: o.restarts,
    fittedOn: sample.length,
  };
}
