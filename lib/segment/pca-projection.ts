import { PCA } from 'ml-pca';
import { rowsAsArrays, type FeatureMatrix } from './feature-matrix';
import { sampleIndices } from './kmeans-fit';

export interface PcaProjection {
  /** Share of variance explained by each component, 0–1. */
  explained_variance: number[];
  /** loadings[c][j]: weight of feature j in component c (first two components). */
  loadings: number[][];
  /** Row indices of the plotted sample and their 2-D coordinates. */
  indices: Uint32Array;
  points: Array<[number, number]>;
}

/** PCA (ml-pca) fitted on a seeded sample of the standardised matrix, for validation and plotting. */
export function projectPca(
  m: FeatureMatrix,
  seed: number,
  fitSize = 20_000,
  plotSize = 2_000,
): PcaProjection {
  const fitRows = rowsAsArrays(m, sampleIndices(m.rows, fitSize, seed + 3));
  const pca = new PCA(fitRows, { method: 'covarianceMatrix', center: true, scale: false });
  const raw = pca.getLoadings().to2DArray().slice(0, 2);
  // Eigenvector signs are arbitrary: make each component's largest loading positive so plots read the same.
  const signs = raw.map((row) => {
    let maxAbs = 0;
    let sign = 1;
    for (const v of row) {
      if (Math.abs(v) <= maxAbs) continue;
      maxAbs = Math.abs(v);
      sign = Math.sign(v) || 1;
    }
    return sign;
  });
  const loadings = raw.map((row, c) => row.map((v) => v * signs[c]!));
  const indices = sampleIndices(m.rows, plotSize, seed + 4);
  const projected = pca.predict(rowsAsArrays(m, indices), { nComponents: 2 }).to2DArray();
  return {
    explained_variance: pca.getExplainedVariance(),
    loadings,
    indices,
    points: projected.map((p) => [p[0]! * signs[0]!, (p[1] ?? 0) * signs[1]!] as [number, number]),
  };
}
