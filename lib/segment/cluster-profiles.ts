import type { CustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';
import { columnOf, type SegmentFeatureKey } from './feature-matrix';

/** Metrics that describe a cluster against everyone, in their own units and as z-differences. */
export const PROFILE_METRICS = [
  'orders_per_month',
  'recency_days',
  'avg_order_value',
  'total_spend',
  'basket_size',
  'dwell_minutes',
  'online_ratio',
  'category_diversity',
  'discount_share',
  'active_month_share',
  'response_rate',
  'engagement_index',
  'loyalty_score',
  'churn_risk',
  'clv_proxy',
] as const satisfies readonly SegmentFeatureKey[];
export type ProfileMetric = (typeof PROFILE_METRICS)[number];

export interface ClusterProfile {
  cluster_id: number;
  customers: number;
  /** Cluster mean of each metric (NaN values skipped). */
  mean: Record<ProfileMetric, number>;
  /** (cluster mean − overall mean) / overall SD. */
  z: Record<ProfileMetric, number>;
  /** cluster mean / overall mean. */
  ratio: Record<ProfileMetric, number>;
}

export interface Profiles {
  overall: Record<ProfileMetric, number>;
  overallSd: Record<ProfileMetric, number>;
  clusters: ClusterProfile[];
}

export function computeProfiles(
  f: CustomerFeatures,
  s: CustomerScores,
  assignments: Uint8Array,
  k: number,
): Profiles {
  const overall = {} as Record<ProfileMetric, number>;
  const overallSd = {} as Record<ProfileMetric, number>;
  const clusters: ClusterProfile[] = Array.from({ length: k }, (_, c) => ({
    cluster_id: c,
    customers: 0,
    mean: {} as Record<ProfileMetric, number>,
    z: {} as Record<ProfileMetric, number>,
    ratio: {} as Record<ProfileMetric, number>,
  }));
  for (const a of assignments) clusters[a]!.customers++;
  for (const metric of PROFILE_METRICS) {
    const col = columnOf(f, s, metric);
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!Number.isFinite(v)) continue;
      sums[assignments[i]!]! += v;
      counts[assignments[i]!]!++;
      sum += v;
      count++;
    }
    const mean = count > 0 ? sum / count : NaN;
    let ss = 0;
    for (const v of col) if (Number.isFinite(v)) ss += (v - mean) ** 2;
    const sd = count > 1 ? Math.sqrt(ss / (count - 1)) : NaN;
    overall[metric] = mean;
    overallSd[metric] = sd;
    clusters.forEach((cl, c) => {
      const m = counts[c]! > 0 ? sums[c]! / counts[c]! : NaN;
      cl.mean[metric] = m;
      cl.z[metric] = sd > 0 ? (m - mean) / sd : 0;
      cl.ratio[metric] = mean !== 0 ? m / mean : NaN;
    });
  }
  return { overall, overallSd, clusters };
}
