/**
 * The query keys of the period bar, as every page's links carry them. `persona` and `channel` mean
 * the same on Affinity (its cross-sell list) and Demand (a family's channel lean); the explorer
 * translates them to its own filters (lib/explorer/query.ts). The comparison is `vs`, because the
 * persona page's `compare` is another persona. Kept apart from lib/view/period.ts so that the
 * navigation, on every page, does not bring the period code with it.
 */
export const PERIOD_KEYS = { from: 'from', to: 'to', compare: 'vs', persona: 'persona', channel: 'channel' };
export const SHARED_VIEW_KEYS: readonly string[] = Object.values(PERIOD_KEYS);
/** The keys no other page reads: the range and the comparison. */
export const PERIOD_ONLY_KEYS: readonly string[] = [PERIOD_KEYS.from, PERIOD_KEYS.to, PERIOD_KEYS.compare];
