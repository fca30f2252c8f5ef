import { describe, expect, it } from 'vitest';
import { PROFILE_METRICS, type ClusterProfile, type ProfileMetric } from './cluster-profiles';
import { assignArchetypes, describeClusters, namePersonas } from './persona-naming';

function profile(id: number, z: Partial<Record<ProfileMetric, number>>): ClusterProfile {
  const full = Object.fromEntries(PROFILE_METRICS.map((m) => [m, z[m] ?? 0])) as Record<
    ProfileMetric,
    number
  >;
  return { cluster_id: id, customers: 100, mean: full, z: full, ratio: full };
}

// Centroid profiles written to match each archetype, deliberately in a shuffled order.
const profiles = [
  profile(0, { discount_share: 3, avg_order_value: -0.4, total_spend: -0.5 }), // price-sensitive
  profile(1, { engagement_index: 1.2, orders_per_month: 1.4, loyalty_score: 1.2, churn_risk: -0.7 }), // engaged
  profile(2, { avg_order_value: 1.1, orders_per_month: -0.6 }), // occasional premiums
  profile(3, { total_spend: 0.6, avg_order_value: 0.3, churn_risk: 1.3 }), // premium at risk
  profile(4, { total_spend: -0.1, avg_order_value: 0, active_month_share: -0.4 }), // transitional
];

describe('assignArchetypes', () => {
  it('assigns each of the five personas to the cluster whose profile fits it', () => {
    const names = assignArchetypes(profiles).map((p) => p.persona);
    expect(names).toEqual([
      'Price-Sensitive Shoppers',
      'Engaged Regulars',
      'Occasional Premiums',
      'Premium but At-Risk',
      'Transitional Shoppers',
    ]);
  });

  it('is one-to-one', () => {
    const names = assignArchetypes(profiles).map((p) => p.persona);
    expect(new Set(names).size).toBe(5);
  });

  it('does not depend on the order of the clusters', () => {
    const reversed = [...profiles].reverse();
    const byId = new Map(assignArchetypes(reversed).map((p) => [p.cluster_id, p.persona]));
    const direct = new Map(assignArchetypes(profiles).map((p) => [p.cluster_id, p.persona]));
    expect(byId).toEqual(direct);
  });
});

describe('describeClusters', () => {
  it('names clusters from their strongest traits, uniquely, for k other than five', () => {
    const names = namePersonas([
      profile(0, { orders_per_month: 2, engagement_index: 1 }),
      profile(1, { churn_risk: 1.5, discount_share: 0.8 }),
      profile(2, { orders_per_month: 2, engagement_index: 1 }),
    ]).map((p) => p.persona);
    expect(names[0]).toBe('Frequent, Engaged Shoppers');
    expect(names[1]).toBe('At-risk, Deal-seeking Shoppers');
    expect(new Set(names).size).toBe(3);
    expect(describeClusters([profile(0, { online_ratio: -1 })])[0]!.archetype).toBeNull();
  });

  it('treats the same words in another order as the same name', () => {
    const names = describeClusters([
      profile(0, { engagement_index: -1.2, loyalty_score: -1.1, orders_per_month: -0.2 }),
      profile(1, { loyalty_score: -1.2, engagement_index: -1.1, orders_per_month: -0.9 }),
    ]).map((p) => p.persona);
    expect(names[0]).toBe('Quiet, Lapsing Shoppers');
    expect(names[1]).toBe('Lapsing, Quiet, Infrequent Shoppers');
  });
});
