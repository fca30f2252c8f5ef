import type { CustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';

export type SegmentFeatureKey = keyof Omit<CustomerFeatures, 'count'> | keyof CustomerScores;

export interface SegmentFeature {
  key: SegmentFeatureKey;
  /** log1p tames the long right tail of counts and money before z-scoring. */
  transform: 'none' | 'log1p';
  label: string;
}

/**
 * The features k-means sees, one idea each: loyalty (consistency, repeat, recency), order value, price
 * sensitivity, engagement and churn risk — what the personas are about. Frequency, recency and total
 * spend are not added again: they are near-combinations of these and would let activity outvote order
 * value (tried: with them, no cluster separates on order value at all). Channel mix, dwell and basket
 * size describe personas but are not clustered on, so personas are not split by channel alone.
 */
export const SEGMENT_FEATURES: readonly SegmentFeature[] = [
  { key: 'loyalty_score', transform: 'none', label: 'Loyalty score' },
  { key: 'avg_order_value', transform: 'log1p', label: 'Average order value (log)' },
  { key: 'discount_share', transform: 'none', label: 'Discount share' },
  { key: 'engagement_index', transform: 'none', label: 'Engagement index' },
  { key: 'churn_risk', transform: 'none', label: 'Churn risk' },
];

export interface FeatureMatrix {
  rows: number;
  cols: number;
  /** Row-major z-scores. */
  values: Float64Array;
  means: number[];
  sds: number[];
  features: readonly SegmentFeature[];
}

export function columnOf(f: CustomerFeatures, s: CustomerScores, key: SegmentFeatureKey): Float64Array {
  const source = (
    key in s ? s[key as keyof CustomerScores] : f[key as keyof Omit<CustomerFeatures, 'count'>]
  ) as Float64Array | undefined;
  if (!source) throw new Error(`Unknown segmentation feature "${key}"`);
  return source;
}

/** z-score each (transformed) feature; missing values are imputed at the mean (z = 0). */
export function buildFeatureMatrix(
  f: CustomerFeatures,
  s: CustomerScores,
  features: readonly SegmentFeature[] = SEGMENT_FEATURES,
): FeatureMatrix {
  const n = f.count;
  const d = features.length;
  const values = new Float64Array(n * d);
  const means: number[] = [];
  const sds: number[] = [];
  features.forEach((feature, j) => {
    const col = columnOf(f, s, feature.key);
    const x = feature.transform === 'log1p' ? col.map((v) => Math.log1p(Math.max(0, v))) : col;
    let sum = 0;
    let k = 0;
    for (const v of x) {
      if (!Number.isFinite(v)) continue;
      sum += v;
      k++;
    }
    const mean = k > 0 ? sum / k : 0;
    let ss = 0;
    for (const v of x) if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
    const sd = k > 1 ? Math.sqrt(ss / (k - 1)) : 0;
    means.push(mean);
    sds.push(sd);
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      values[i * d + j] = Number.isFinite(v) && sd > 0 ? (v - mean) / sd : 0;
    }
  });
  return { rows: n, cols: d, values, means, sds, features };
}

export function rowsAsArrays(m: FeatureMatrix, indices?: ArrayLike<number>): number[][] {
  const count = indices ? indices.length : m.rows;
  const out: number[][] = new Array(count);
  for (let r = 0; r < count; r++) {
    const i = indices ? indices[r]! : r;
    out[r] = Array.from(m.values.subarray(i * m.cols, (i + 1) * m.cols));
  }
  return out;
}
