/**
 * Families whose scraped price statistics describe appliances rather than the groceries of the
 * family (the source scraped a web shop by keyword). Left as they are, two families would carry a
 * third of all synthetic revenue. The generator prices them like the median family of their intent;
 * the staged source and the demand table keep the published figures, flagged.
 */
export const PRICE_ERRATA: ReadonlyArray<{ family_id: number; reason: string }> = [
  { family_id: 27, reason: 'Beers coolers: 4 items priced $1,888–$2,857 (drinks coolers, not drinks)' },
  {
    family_id: 31,
    reason: 'Refrigerated: 32 items priced $4.99–$5,652.92, averaging $1,622.59 (refrigerators)',
  },
];

export function priceErratumOf(familyId: number): string | null {
  return PRICE_ERRATA.find((e) => e.family_id === familyId)?.reason ?? null;
}
