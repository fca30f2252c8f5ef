import { percentileRanks } from '../stats/percentile-rank';
import { quantileSorted } from '../stats/quantile';
import type { CustomerFeatures } from './customer-features';

/**
 * The engineered 0–100 scores of the data model. Each is relative to the customer base it was computed
 * on (built from percentile ranks), never an absolute or financial figure.
 */
export interface CustomerScores {
  /** Visit frequency, channel interactions (marketing responses), category diversity. */
  engagement_index: Float64Array;
  /** Purchase consistency (active months), repeat behaviour (orders), recency. */
  loyalty_score: Float64Array;
  /** Frequency decline, response decline (channel disengagement), overdue against own rhythm. */
  churn_risk: Float64Array;
  /** AOV × orders per month × expected lifespan × engagement weight, in currency: relative value. */
  clv_proxy_value: Float64Array;
  /** clv_proxy_value as 0–100 of the 99th-percentile customer (capped at 100). */
  clv_proxy: Float64Array;
  /** Expected lifespan used in the CLV proxy, in months. */
  expected_lifespan_months: Float64Array;
}

/** Horizon of the CLV proxy: a retained customer is assumed to stay this long. */
export const CLV_HORIZON_MONTHS = 36;

/** Mean of the available (non-NaN) components, × 100; NaN components (e.g. no marketing data) are skipped. */
function meanScore(components: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let k = 0;
    for (const comp of components) {
      const v = comp[i]!;
      if (Number.isFinite(v)) {
        sum += v;
        k++;
      }
    }
    out[i] = k > 0 ? (100 * sum) / k : 50;
  }
  return out;
}

const negate = (xs: Float64Array) => xs.map((v) => -v);

/** (earlier − recent) / (earlier + recent): +1 stopped, 0 steady, −1 only recent. Unknown periods are neutral. */
export function decline(earlier: Float64Array, recent: Float64Array): Float64Array {
  return earlier.map((e, i) => {
    const r = recent[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(r) || e + r === 0) return 0;
    return (e - r) / (e + r);
  });
}

export function computeCustomerScores(f: CustomerFeatures): CustomerScores {
  const n = f.count;
  const hasMarketing = f.responses_per_month.some((v) => Number.isFinite(v));

  const engagement = meanScore(
    [
      percentileRanks(f.orders_per_month),
      ...(hasMarketing ? [percentileRanks(f.responses_per_month)] : []),
      percentileRanks(f.category_diversity),
    ],
    n,
  );
  const loyalty = meanScore(
    [
      percentileRanks(f.active_month_share),
      percentileRanks(f.order_count),
      percentileRanks(negate(f.recency_days)),
    ],
    n,
  );
  // Overdue: days since the last order against the customer's own average gap between orders.
  const overdue = f.recency_days.map((r, i) => r / Math.max(7, f.tenure_days[i]! / f.order_count[i]!));
  const churn = meanScore(
    [
      percentileRanks(decline(f.earlier_order_rate, f.recent_order_rate)),
      ...(hasMarketing ? [percentileRanks(decline(f.earlier_response_rate, f.recent_response_rate))] : []),
      percentileRanks(overdue),
    ],
    n,
  );

  const lifespan = churn.map((c) => CLV_HORIZON_MONTHS * (1 - c / 100));
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const weight = 0.5 + engagement[i]! / 100;
    value[i] = f.avg_order_value[i]! * f.orders_per_month[i]! * lifespan[i]! * weight;
  }
  const sorted = value.slice().sort();
  const p99 = quantileSorted(sorted, 0.99);
  const clv = value.map((v) => (p99 > 0 ? Math.min(100, (100 * v) / p99) : 0));

  return {
    engagement_index: engagement,
    loyalty_score: loyalty,
    churn_risk: churn,
    clv_proxy_value: value,
    clv_proxy: clv,
    expected_lifespan_months: lifespan,
  };
}
