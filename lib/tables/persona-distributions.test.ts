import { describe, expect, it } from 'vitest';
import { binIndex, buildPersonaDistributions, makeBins } from './persona-distributions';
import { masterOf } from './test-context.test-util';

// Five customers in two clusters.
const FIVE = masterOf([
  { cluster_id: 0, churn_risk: 5, online_ratio: 0, clv_proxy: 10, total_spend: 100.4 },
  { cluster_id: 0, churn_risk: 15, online_ratio: 1, clv_proxy: 20, total_spend: 0 },
  { cluster_id: 1, churn_risk: 95, online_ratio: 0.5, clv_proxy: 30, total_spend: 250.6 },
  { cluster_id: 1, churn_risk: 100, online_ratio: 0.05, clv_proxy: 40, total_spend: 80 },
  { cluster_id: 1, churn_risk: 55, online_ratio: 0.1, clv_proxy: 1000, total_spend: 10 },
]);

const metricOf = (name: string) => buildPersonaDistributions(FIVE).metrics.find((m) => m.metric === name)!;

describe('buildPersonaDistributions', () => {
  it('bins churn risk in tens, the last bin closed at 100, as shares of each group', () => {
    const churn = metricOf('churn_risk');
    expect(churn.bins).toHaveLength(10);
    expect(churn.bins.at(-1)).toEqual({ from: 90, to: 100 });
    const [all, c0, c1] = churn.groups;
    // 5 → [0,10), 15 → [10,20), 55 → [50,60), 95 and 100 → [90,100].
    expect(all!.cluster_id).toBeNull();
    expect(all!.share_pct).toEqual([20, 20, 0, 0, 0, 20, 0, 0, 0, 40]);
    expect(c0!.share_pct).toEqual([50, 50, 0, 0, 0, 0, 0, 0, 0, 0]);
    // 1 of 3 = 33.33 %, 2 of 3 = 66.67 %.
    expect(c1!.share_pct).toEqual([0, 0, 0, 0, 0, 33.33, 0, 0, 0, 66.67]);
  });

  it('gives each group its median, mean and share above everyone’s median', () => {
    const churn = metricOf('churn_risk');
    // Everyone: 5, 15, 55, 95, 100 → median 55, mean 270 / 5 = 54.
    expect(churn.overall_median).toBe(55);
    const [all, c0, c1] = churn.groups;
    expect([all!.median, all!.mean, all!.above_overall_median_pct]).toEqual([55, 54, 40]);
    // Cluster 0: 5, 15 → median 10, mean 10, none above 55.
    expect([c0!.customers, c0!.median, c0!.mean, c0!.above_overall_median_pct]).toEqual([2, 10, 10, 0]);
    // Cluster 1: 55, 95, 100 → median 95, mean 250 / 3, two of three above 55.
    expect(c1!.customers).toBe(3);
    expect(c1!.median).toBe(95);
    expect(c1!.mean).toBeCloseTo(83.333333, 6);
    expect(c1!.above_overall_median_pct).toBe(66.67);
  });

  it('cuts an open-ended metric at the 95th percentile and keeps the rest in an open top bin', () => {
    const clv = metricOf('clv_proxy');
    // 95th percentile of 10, 20, 30, 40, 1000: 40 + 0.8 × 960 = 808. A step of 100 needs 9 bins
    // (≤ 10) up to 900; the customer at 1000 lies above, so an open "≥ 900" bin follows.
    expect(clv.bins).toHaveLength(10);
    expect(clv.bins[0]).toEqual({ from: 0, to: 100 });
    expect(clv.bins.at(-1)).toEqual({ from: 900, to: null });
    expect(clv.groups[0]!.share_pct).toEqual([80, 0, 0, 0, 0, 0, 0, 0, 0, 20]);
  });

  it('puts a share of exactly 1 in the last bin of 0–1 and 0.1 in the second', () => {
    const online = metricOf('online_ratio');
    // 0 and 0.05 → [0, 0.1); 0.1 → [0.1, 0.2); 0.5 → [0.5, 0.6); 1 → [0.9, 1].
    expect(online.groups[0]!.share_pct).toEqual([40, 20, 0, 0, 0, 20, 0, 0, 0, 20]);
  });

  it('leaves out customers without a value, and gives an empty group zeros rather than NaN', () => {
    const some = masterOf([
      { cluster_id: 0, churn_risk: 20 },
      { cluster_id: 1 }, // churn risk unknown
    ]);
    const churn = buildPersonaDistributions(some).metrics.find((m) => m.metric === 'churn_risk')!;
    const c1 = churn.groups.find((g) => g.cluster_id === 1)!;
    expect(churn.groups[0]!.customers).toBe(1);
    expect(c1).toEqual({
      cluster_id: 1,
      customers: 0,
      share_pct: new Array(10).fill(0),
      median: null,
      mean: null,
      above_overall_median_pct: 0,
    });
  });
});

describe('makeBins', () => {
  it('cuts a fixed range with a closed last bin', () => {
    const bins = makeBins([], { fixed: [0, 1], step: 0.1 });
    expect(bins).toHaveLength(10);
    expect(bins[9]).toEqual({ from: 0.9, to: 1 });
    expect(binIndex(bins, 1)).toBe(9);
    expect(binIndex(bins, 0)).toBe(0);
    expect(binIndex(bins, 0.1)).toBe(1);
  });

  it('caps a skewed range at a quantile and adds an open top bin', () => {
    const values = Array.from({ length: 100 }, (_, i) => i); // 0 … 99
    const bins = makeBins(values, { capQuantile: 0.5, bins: 5 }); // cap 49.5 → step 10 → 0…50 + ≥ 50
    expect(bins.map((b) => [b.from, b.to])).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 40],
      [40, 50],
      [50, null],
    ]);
    expect(binIndex(bins, 1000)).toBe(5);
    // Nobody above the cap: no open bin.
    expect(makeBins([0, 1, 2, 3, 3.5], { capQuantile: 1, bins: 4 }).at(-1)).toEqual({ from: 3, to: 4 });
    // A value exactly at the top edge goes to the open bin.
    expect(makeBins([0, 1, 2, 3, 4], { capQuantile: 1, bins: 4 }).at(-1)).toEqual({ from: 4, to: null });
  });
});
