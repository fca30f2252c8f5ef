import { describe, expect, it } from 'vitest';
import { normal } from '../random/distributions';
import { createRng } from '../random/rng';
import type { FeatureMatrix } from './feature-matrix';
import { computeKDiagnostics, silhouette } from './k-diagnostics';
import { fitKMeans, sampleIndices } from './kmeans-fit';

/** Three well-separated blobs in 2-D, as a standardised matrix. */
function blobs(perBlob: number): FeatureMatrix {
  const r = createRng(5);
  const centres = [
    [-5, 0],
    [5, 0],
    [0, 8],
  ];
  const values: number[] = [];
  for (const [x, y] of centres)
    for (let i = 0; i < perBlob; i++) values.push(normal(r, x!, 0.5), normal(r, y!, 0.5));
  return {
    rows: perBlob * 3,
    cols: 2,
    values: Float64Array.from(values),
    means: [0, 0],
    sds: [1, 1],
    features: [
      { key: 'loyalty_score', transform: 'none', label: 'x' },
      { key: 'churn_risk', transform: 'none', label: 'y' },
    ],
  };
}

describe('fitKMeans', () => {
  const m = blobs(200);
  it('recovers well-separated clusters, every row in exactly one', () => {
    const fit = fitKMeans(m, 3, { seed: 1 });
    expect(fit.assignments.length).toBe(600);
    for (let b = 0; b < 3; b++) {
      const labels = new Set(Array.from(fit.assignments.subarray(b * 200, (b + 1) * 200)));
      expect(labels.size).toBe(1);
    }
    expect(new Set(fit.assignments).size).toBe(3);
  });

  it('is deterministic for a seed, with clusters ordered by size', () => {
    const a = fitKMeans(m, 4, { seed: 3 });
    const b = fitKMeans(m, 4, { seed: 3 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.inertia).toBe(b.inertia);
    const sizes = [0, 1, 2, 3].map((c) => a.assignments.filter((x) => x === c).length);
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
  });

  it('refines sample centroids on all rows when the data is larger than the sample', () => {
    const fit = fitKMeans(m, 3, { seed: 1, sampleSize: 90 });
    expect(fit.fittedOn).toBe(90);
    expect(new Set(fit.assignments).size).toBe(3);
  });

  it('refuses more clusters than rows', () => {
    expect(() => fitKMeans(blobs(1), 5)).toThrow(/cannot form 5 clusters/);
  });
});

describe('k diagnostics', () => {
  it('silhouette is near 1 for separated blobs and the elbow and silhouette pick k = 3', () => {
    const m = blobs(150);
    const d = computeKDiagnostics(m, { seed: 2, kMax: 6, sampleSize: 450, silhouetteSize: 300 });
    expect(d.map((x) => x.k)).toEqual([2, 3, 4, 5, 6]);
    const best = d.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(3);
    expect(best.silhouette).toBeGreaterThan(0.85);
    for (let i = 1; i < d.length; i++) expect(d[i]!.inertia).toBeLessThanOrEqual(d[i - 1]!.inertia * 1.0001);
  });

  it('silhouette of a hand-checked layout', () => {
    // Points 0,1 at x=0 and x=1 (cluster 0), point 2 at x=10 (cluster 1, a singleton counts 0).
    const m = { ...blobs(1), rows: 3, cols: 1, values: Float64Array.from([0, 1, 10]) };
    const s = silhouette(m, [0, 1, 2], [0, 0, 1], 2);
    // a(0)=1, b(0)=10 → 0.9; a(1)=1, b(1)=9 → 8/9; singleton → 0.
    expect(s).toBeCloseTo((0.9 + 8 / 9 + 0) / 3, 10);
  });
});

describe('sampleIndices', () => {
  it('samples without replacement, sorted, reproducibly', () => {
    const a = sampleIndices(1000, 100, 7);
    expect(new Set(a).size).toBe(100);
    expect(Array.from(a)).toEqual([...a].sort((x, y) => x - y));
    expect(Array.from(a)).toEqual(Array.from(sampleIndices(1000, 100, 7)));
    expect(sampleIndices(10, 50, 1).length).toBe(10);
  });
});
