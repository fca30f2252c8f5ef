import { INK, PAIR_COLORS } from '@/lib/charts/theme';

/** Join lines of the data model: colour-blind-safe (the theme's pair colours) and dashed differently. */
export const JOIN_STYLE = {
  customer_id: { color: PAIR_COLORS.first, dash: undefined, label: 'customer_id' },
  cluster_id: { color: PAIR_COLORS.second, dash: '7 4', label: 'cluster_id' },
  reference: { color: INK.muted, dash: '2 3', label: 'shared source grain' },
} as const;
