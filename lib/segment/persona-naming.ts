import type { ClusterProfile, ProfileMetric } from './cluster-profiles';

type Z = Record<ProfileMetric, number>;

export interface Archetype {
  key: 'engaged-regulars' | 'transitional' | 'premium-at-risk' | 'occasional-premiums' | 'price-sensitive';
  name: string;
  /** How well a centroid profile (z against everyone) fits the archetype; higher is better. */
  fit: (z: Z) => number;
}

/** The five personas of the data model, each scored from the traits its name promises. */
export const ARCHETYPES: readonly Archetype[] = [
  {
    key: 'engaged-regulars',
    name: 'Engaged Regulars',
    fit: (z) => z.engagement_index + z.orders_per_month + z.loyalty_score - z.churn_risk,
  },
  {
    key: 'transitional',
    name: 'Transitional Shoppers',
    fit: (z) => -Math.abs(z.total_spend) - 0.5 * Math.abs(z.avg_order_value) - 0.5 * z.active_month_share,
  },
  {
    key: 'premium-at-risk',
    name: 'Premium but At-Risk',
    fit: (z) => z.total_spend + 0.5 * z.avg_order_value + z.churn_risk,
  },
  {
    key: 'occasional-premiums',
    name: 'Occasional Premiums',
    fit: (z) => z.avg_order_value - z.orders_per_month,
  },
  {
    key: 'price-sensitive',
    name: 'Price-Sensitive Shoppers',
    fit: (z) => 1.5 * z.discount_share - 0.5 * z.avg_order_value - 0.5 * z.total_spend,
  },
];

export interface PersonaName {
  cluster_id: number;
  persona: string;
  /** Archetype key when k = 5, else null (descriptive name). */
  archetype: Archetype['key'] | null;
  fit: number | null;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

/**
 * One-to-one assignment of the five archetypes to five clusters maximising the total fit
 * (exhaustive over the 120 permutations; ties broken by the first permutation in a fixed order).
 */
export function assignArchetypes(profiles: ClusterProfile[]): PersonaName[] {
  if (profiles.length !== ARCHETYPES.length)
    throw new Error(`assignArchetypes needs ${ARCHETYPES.length} clusters`);
  const fits = profiles.map((p) => ARCHETYPES.map((a) => a.fit(p.z)));
  let best: number[] = [];
  let bestTotal = -Infinity;
  for (const perm of permutations(ARCHETYPES.length)) {
    const total = perm.reduce((sum, a, c) => sum + fits[c]![a]!, 0);
    if (total > bestTotal + 1e-12) {
      bestTotal = total;
      best = perm;
    }
  }
  return profiles.map((p, c) => ({
    cluster_id: p.cluster_id,
    persona: ARCHETYPES[best[c]!]!.name,
    archetype: ARCHETYPES[best[c]!]!.key,
    fit: fits[c]![best[c]!]!,
  }));
}

const TRAIT_WORDS: Partial<Record<ProfileMetric, [high: string, low: string]>> = {
  orders_per_month: ['Frequent', 'Infrequent'],
  avg_order_value: ['Big-basket', 'Small-basket'],
  total_spend: ['High-spend', 'Low-spend'],
  churn_risk: ['At-risk', 'Steady'],
  discount_share: ['Deal-seeking', 'Full-price'],
  engagement_index: ['Engaged', 'Quiet'],
  online_ratio: ['Online-first', 'Store-first'],
  loyalty_score: ['Loyal', 'Lapsing'],
};

/** Names from the two or three most distinctive traits, for k other than five. */
export function describeClusters(profiles: ClusterProfile[]): PersonaName[] {
  const used = new Set<string>();
  return profiles.map((p) => {
    const ranked = (Object.keys(TRAIT_WORDS) as ProfileMetric[])
      .map((m) => ({ m, z: p.z[m] }))
      .filter((t) => Number.isFinite(t.z))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.m.localeCompare(b.m));
    const words = (count: number) => ranked.slice(0, count).map((t) => TRAIT_WORDS[t.m]![t.z >= 0 ? 0 : 1]);
    // Same words in another order read as the same name: compare word sets.
    const key = (ws: string[]) => [...ws].sort().join('|');
    let chosen = words(2);
    if (used.has(key(chosen))) chosen = words(3);
    let name = `${chosen.join(', ')} Shoppers`;
    if (used.has(key(chosen))) name = `${name} (${p.cluster_id + 1})`;
    used.add(key(chosen));
    return { cluster_id: p.cluster_id, persona: name, archetype: null, fit: null };
  });
}

export function namePersonas(profiles: ClusterProfile[]): PersonaName[] {
  return profiles.length === ARCHETYPES.length ? assignArchetypes(profiles) : describeClusters(profiles);
}
