/** The fuzz's fixed settings, shared by the test and the reproduction script. */

/** Orders kept from each corpus file: enough for every platform rule, small enough for a fast build. */
export const MAX_ORDERS = 150;
/** Seeds of the cases with 1–3 damages chosen at random. */
export const COMBINED_SEEDS: readonly number[] = Array.from({ length: 40 }, (_, i) => 1 + i);
/** The pseudonym secret of the fuzz's builds (hex), as a brand would set OMNI_ID_SECRET. */
export const SECRET_HEX = '5eed'.repeat(16);
/** Clusters: the fewest the build allows, for speed (the fuzz is about reading, not segmenting). */
export const K = 2;
