import { z } from 'zod';
import { recordSchema, rowSchema } from './column-schemas';
import { columnOf, recordOf, tupleOf, type Column, type RecordOf, type Zod } from './columns';
import { CUSTOMERS_MASTER_COLUMNS } from './customers-master';

const pct = (z: Zod) => z.number().min(0).max(100);
const categoryRule = (z: Zod) => z.union([z.string(), z.number().int()]);

/** product_affinity's intent_cells and family_cells: one per persona × category. */
export const AFFINITY_CELL_COLUMNS = [
  columnOf(CUSTOMERS_MASTER_COLUMNS, 'cluster_id'),
  {
    name: 'category',
    label: 'Category',
    unit: 'category',
    description: 'Intent name or family id, depending on the level',
    rule: categoryRule,
  },
  { name: 'spend', label: 'Spend', unit: 'currency', rule: (z) => z.number().nonnegative() },
  {
    name: 'spend_share_pct',
    label: 'Spend share',
    unit: 'percent',
    description: 'Share of the cluster’s spend on this category',
    rule: pct,
    metric: {
      name: 'Spend share',
      definition: 'The persona’s spend on the category ÷ its spend on all categories.',
      scale: '%',
    },
  },
  {
    name: 'penetration_pct',
    label: 'Penetration',
    unit: 'percent',
    description: 'Share of the cluster’s customers who bought the category at least once',
    rule: pct,
    metric: {
      name: 'Penetration',
      definition: 'Share of the persona’s customers who bought the category at least once.',
      scale: '%',
    },
  },
  {
    name: 'index',
    label: 'Index vs all customers',
    unit: 'ratio',
    description: 'Cluster spend share ÷ everyone’s spend share on the category; 1 = same as everyone',
    rule: (z) => z.number().nonnegative(),
    metric: {
      name: 'Affinity index',
      definition: 'The persona’s spend share on a category ÷ everyone’s spend share on it.',
      scale: 'ratio; 1.00× = same as everyone, 2.00× = twice',
    },
  },
] as const satisfies readonly Column[];

const cellColumn = <N extends (typeof AFFINITY_CELL_COLUMNS)[number]['name']>(name: N) =>
  columnOf(AFFINITY_CELL_COLUMNS, name);

/** overall_intents and overall_families: one per category, over all customers. */
export const OVERALL_CATEGORY_COLUMNS = [
  cellColumn('category'),
  cellColumn('spend'),
  cellColumn('spend_share_pct'),
  cellColumn('penetration_pct'),
  {
    name: 'orders',
    label: 'Orders',
    unit: 'count',
    description: 'Orders holding the category',
    rule: (z) => z.number().int().nonnegative(),
  },
] as const satisfies readonly Column[];

/** A lift pair, compact: [category a, category b, orders with both, lift]; a < b. */
export const LIFT_PAIR_COLUMNS = [
  { ...cellColumn('category'), name: 'a', label: 'Category A' },
  { ...cellColumn('category'), name: 'b', label: 'Category B' },
  {
    name: 'orders',
    label: 'Orders with both',
    unit: 'count',
    rule: (z) => z.number().int().nonnegative(),
  },
  {
    name: 'lift',
    label: 'Lift',
    unit: 'ratio',
    description: 'P(a and b) ÷ (P(a) × P(b)), over the orders',
    rule: (z) => z.number().nonnegative(),
    metric: {
      name: 'Lift',
      definition:
        'P(a and b in one order) ÷ (P(a) × P(b)), over all orders (or one persona’s orders); product-family pairs need at least {minPairOrders} orders with both.',
      scale: 'ratio; 1.00× = independent, above 1 = bought together more than chance',
    },
  },
] as const satisfies readonly Column[];

/** The rise in attach rate each cross-sell opportunity is valued at, in percentage points. */
export const ATTACH_RISE_POINTS = 5;

/**
 * A cross-sell opportunity, compact: from family A to family B, over every order. Both directions of
 * a pair are rows of their own (attach rate and value differ by direction).
 */
export const CROSS_SELL_COLUMNS = [
  { ...cellColumn('category'), name: 'from', label: 'Bought (A)' },
  { ...cellColumn('category'), name: 'to', label: 'Add (B)' },
  {
    ...columnOf(OVERALL_CATEGORY_COLUMNS, 'orders'),
    name: 'from_orders',
    label: 'Orders with A',
    description: 'Orders holding A',
  },
  { ...columnOf(LIFT_PAIR_COLUMNS, 'orders'), name: 'both_orders' },
  {
    name: 'attach_pct',
    label: 'Attach rate A → B',
    unit: 'percent',
    description: 'Share of the orders holding A that also hold B',
    rule: (z) => z.number().min(0).max(100),
    metric: {
      name: 'Attach rate A → B',
      definition:
        'Of the orders holding family A, the share that also hold family B, over every order in the data. Both directions of a pair are listed (A → B and B → A differ); a pair needs at least {minPairOrders} orders with both and a lift above 1.',
      scale: '% of the orders holding A',
    },
  },
  columnOf(LIFT_PAIR_COLUMNS, 'lift'),
  {
    name: 'basket_value',
    label: 'Basket value with both',
    unit: 'currency',
    description: 'Average net value of the orders holding both',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'to_spend_per_order',
    label: 'B spend per order',
    unit: 'currency',
    description: 'Average net spend on B in an order that holds B',
    rule: (z) => z.number().nonnegative(),
  },
  {
    name: 'value_of_rise',
    label: `Worth of +${ATTACH_RISE_POINTS} pt attach`,
    unit: 'currency',
    description: `Net revenue if ${ATTACH_RISE_POINTS} percentage points more of the orders holding A also held B, each at B’s average spend per order, over the data’s period`,
    rule: (z) => z.number().nonnegative(),
    metric: {
      name: `Worth of a ${ATTACH_RISE_POINTS}-point rise in attach rate`,
      definition: `The net revenue B would add if ${ATTACH_RISE_POINTS} percentage points more of the orders holding A also held B, each at B’s average net spend in an order that holds it, over the data’s whole period: ${ATTACH_RISE_POINTS} % × orders with A × B’s spend per order. A size of prize to rank pairs by, not a forecast: it assumes the added B sells at its usual value and takes nothing from other lines.`,
      scale: '{currency}, over the data’s period',
    },
  },
] as const satisfies readonly Column[];

export const AffinityCellSchema = recordSchema(AFFINITY_CELL_COLUMNS);
export const OverallCategorySchema = recordSchema(OVERALL_CATEGORY_COLUMNS);
export const LiftPairSchema = rowSchema(LIFT_PAIR_COLUMNS);
export const CrossSellRowSchema = rowSchema(CROSS_SELL_COLUMNS);

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
  /** The most valuable cross-sells (family pairs with at least `min_pair_orders` orders with both). */
  cross_sell: z.array(CrossSellRowSchema),
  /** The rise in attach rate `value_of_rise` prices, in percentage points. */
  attach_rise_pct: z.number().positive(),
  top_pairs_by_cluster: z.array(
    z.object({
      cluster_id: z.number().int().nonnegative(),
      persona: z.string(),
      pairs: z.array(LiftPairSchema),
    }),
  ),
});

export type AffinityCell = z.infer<typeof AffinityCellSchema>;
export type OverallCategory = z.infer<typeof OverallCategorySchema>;
export type ProductAffinity = z.infer<typeof ProductAffinitySchema>;
export type LiftPair = z.infer<typeof LiftPairSchema>;
export type CrossSellRow = z.infer<typeof CrossSellRowSchema>;

/** Rows with their keys (or, for a lift pair, its values) in the dictionary's order. */
export const affinityCell = (values: AffinityCell): AffinityCell => recordOf(AFFINITY_CELL_COLUMNS, values);
export const overallCategory = (values: OverallCategory): OverallCategory =>
  recordOf(OVERALL_CATEGORY_COLUMNS, values);
export const liftPair = (values: RecordOf<typeof LIFT_PAIR_COLUMNS>): LiftPair =>
  tupleOf(LIFT_PAIR_COLUMNS, values);
export const crossSellRow = (values: RecordOf<typeof CROSS_SELL_COLUMNS>): CrossSellRow =>
  tupleOf(CROSS_SELL_COLUMNS, values);
