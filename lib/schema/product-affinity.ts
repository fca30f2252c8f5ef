import { z } from 'zod';

const pct = z.number().min(0).max(100);

export const AffinityCellSchema = z.object({
  cluster_id: z.number().int().nonnegative(),
  /** Intent name or family id, depending on the level. */
  category: z.union([z.string(), z.number().int()]),
  spend: z.number().nonnegative(),
  /** Share of the cluster's spend on this category. */
  spend_share_pct: pct,
  /** Share of the cluster's customers who bought the category at least once. */
  penetration_pct: pct,
  /** Cluster spend share ÷ everyone's spend share on the category; 1 = same as everyone. */
  index: z.number().nonnegative(),
});

export const OverallCategorySchema = z.object({
  category: z.union([z.string(), z.number().int()]),
  spend: z.number().nonnegative(),
  spend_share_pct: pct,
  penetration_pct: pct,
  orders: z.number().int().nonnegative(),
});

/** [category a, category b, orders with both, lift]; a < b. */
export const LiftPairSchema = z.tuple([
  z.union([z.string(), z.number().int()]),
  z.union([z.string(), z.number().int()]),
  z.number().int().nonnegative(),
  z.number().nonnegative(),
]);

export const ProductAffinitySchema = z.object({
  table: z.literal('product_affinity'),
  currency: z.string(),
  intents: z.array(z.string()),
  families: z.array(z.object({ family_id: z.number().int(), family_name: z.string(), intent: z.string() })),
  intent_cells: z.array(AffinityCellSchema),
  family_cells: z.array(AffinityCellSchema),
  overall_intents: z.array(OverallCategorySchema),
  overall_families: z.array(OverallCategorySchema),
  orders: z.number().int().nonnegative(),
  /** Lift of buying both in one order: P(a and b) ÷ (P(a) × P(b)), over all orders. */
  intent_lift: z.array(LiftPairSchema),
  /** Family pairs bought together in at least `min_pair_orders` orders. */
  family_lift: z.array(LiftPairSchema),
  min_pair_orders: z.number().int().positive(),
  top_pairs_by_cluster: z.array(
    z.object({
      cluster_id: z.number().int().nonnegative(),
      persona: z.string(),
      pairs: z.array(LiftPairSchema),
    }),
  ),
});

export type AffinityCell = z.infer<typeof AffinityCellSchema>;
export type ProductAffinity = z.infer<typeof ProductAffinitySchema>;
export type LiftPair = z.infer<typeof LiftPairSchema>;
