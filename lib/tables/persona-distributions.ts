import { CUSTOMER_COLUMNS, type CustomersMaster } from '../schema/customers-master';
import type {
  DistributionBin,
  DistributionGroup,
  DistributionMetric,
  PersonaDistributions,
} from '../schema/persona-distributions';
import { binWidth, tidy } from '../stats/bins';
import { quantileSorted } from '../stats/quantile';
import { pct, round } from './numbers';

/** How a metric's range is cut: fixed edges in equal steps, or [0, cap) up to a quantile of everyone. */
type BinRule = { fixed: [number, number]; step: number } | { capQuantile: number; bins: number };

/**
 * The bins of each metric. Scores and shares with a natural range get fixed bins; open-ended
 * metrics are cut at the 95th percentile of all customers (and an open "≥ cap" bin holds the
 * rest), so one big spender does not squash everyone else into the first bar.
 */
export const BIN_RULES: Record<DistributionMetric, BinRule> = {
  clv_proxy: { capQuantile: 0.95, bins: 10 },
  orders_per_month: { capQuantile: 0.95, bins: 10 },
  avg_order_value: { capQuantile: 0.95, bins: 10 },
  churn_risk: { fixed: [0, 100], step: 10 },
  engagement_index: { fixed: [0, 100], step: 10 },
  discount_share: { capQuantile: 0.95, bins: 8 },
  online_ratio: { fixed: [0, 1], step: 0.1 },
};

/**
 * Bins shared by every group: fixed ranges cut into equal steps (the last bin closed), or
 * [0, cap) in round steps where cap ≥ the `capQuantile` of all customers, plus an open "≥ cap"
 * bin when anyone lies above it.
 */
export function makeBins(allSorted: ArrayLike<number>, rule: BinRule): DistributionBin[] {
  if ('fixed' in rule) {
    const [lo, hi] = rule.fixed;
    const n = Math.max(1, Math.round((hi - lo) / rule.step));
    return Array.from({ length: n }, (_, i) => ({
      from: tidy(lo + i * rule.step),
      to: tidy(i === n - 1 ? hi : lo + (i + 1) * rule.step),
    }));
  }
  const max = allSorted.length ? allSorted[allSorted.length - 1]! : 0;
  const cap = allSorted.length ? quantileSorted(allSorted, rule.capQuantile) : 0;
  const step = binWidth(cap > 0 ? cap : max > 0 ? max : 1, rule.bins);
  const n = Math.max(1, Math.ceil(tidy(cap / step)) || 1);
  const top = tidy(n * step);
  const bins: DistributionBin[] = Array.from({ length: n }, (_, i) => ({
    from: tidy(i * step),
    to: tidy((i + 1) * step),
  }));
  if (max >= top) bins.push({ from: top, to: null });
  else bins[bins.length - 1] = { from: bins[bins.length - 1]!.from, to: top };
  return bins;
}

/** Index of the bin holding `v` ([from, to) except the closed last bin); values outside clamp to the ends. */
export function binIndex(bins: readonly DistributionBin[], v: number): number {
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    if (b.to === null || v < b.to) return i;
  }
  return bins.length - 1;
}

/**
 * Histograms of the distribution metrics for all customers and every persona, on bins shared by
 * all groups, as % of each group's customers (so shapes compare whatever the group size). Built
 * here, once, so that no page reads customer rows to draw them.
 */
export function buildPersonaDistributions(master: CustomersMaster): PersonaDistributions {
  const clusterCol = CUSTOMER_COLUMNS.indexOf('cluster_id');
  const clusters = [...new Set(master.rows.map((r) => r[clusterCol] as number))].sort((a, b) => a - b);
  const metricNames = Object.keys(BIN_RULES) as DistributionMetric[];
  const metricCols = metricNames.map((metric) => CUSTOMER_COLUMNS.indexOf(metric));
  const slotOf = new Map(clusters.map((c, i) => [c, i]));
  // A million rows are a million small arrays in a large heap: each is read twice in all (count,
  // then fill) rather than once per metric, into typed arrays sized up front, so nothing grows
  // and the collector has little to do. Typed arrays also sort numerically without a comparator.
  const isValue = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const counts = metricNames.map(() => new Array<number>(clusters.length).fill(0));
  for (const row of master.rows) {
    const slot = slotOf.get(row[clusterCol] as number)!;
    for (let m = 0; m < metricCols.length; m++) if (isValue(row[metricCols[m]!])) counts[m]![slot]! += 1;
  }
  const values = counts.map((perCluster) => perCluster.map((n) => new Float64Array(n)));
  const filled = counts.map((perCluster) => perCluster.map(() => 0));
  for (const row of master.rows) {
    const slot = slotOf.get(row[clusterCol] as number)!;
    for (let m = 0; m < metricCols.length; m++) {
      const v = row[metricCols[m]!];
      if (isValue(v)) values[m]![slot]![filled[m]![slot]!++] = v;
    }
  }
  const metrics = metricNames.map((metric, m) => {
    const perCluster = values[m]!.map((v) => v.sort());
    const everyone = new Float64Array(perCluster.reduce((n, v) => n + v.length, 0));
    let at = 0;
    for (const v of perCluster) {
      everyone.set(v, at);
      at += v.length;
    }
    everyone.sort();
    const byCluster = new Map(clusters.map((c, i) => [c, perCluster[i]!]));
    const bins = makeBins(everyone, BIN_RULES[metric]);
    const overallMedian = everyone.length ? quantileSorted(everyone, 0.5) : null;
    const group = (clusterId: number | null, values: Float64Array): DistributionGroup => {
      const counts = new Array<number>(bins.length).fill(0);
      for (const v of values) counts[binIndex(bins, v)]! += 1;
      const above = overallMedian === null ? 0 : values.filter((v) => v > overallMedian).length;
      return {
        cluster_id: clusterId,
        customers: values.length,
        share_pct: counts.map((c) => pct(c, values.length)),
        median: values.length ? round(quantileSorted(values, 0.5), 6) : null,
        mean: values.length ? round(values.reduce((t, v) => t + v, 0) / values.length, 6) : null,
        above_overall_median_pct: pct(above, values.length),
      };
    };
    return {
      metric,
      bins,
      overall_median: overallMedian === null ? null : round(overallMedian, 6),
      groups: [group(null, everyone), ...clusters.map((c) => group(c, byCluster.get(c)!))],
    };
  });
  return { table: 'persona_distributions', metrics };
}
