import mapping from './family-intents.json';

/** Lifestyle intents the 134 grocery product families roll up to (owned by this project). */
export const INTENTS = mapping.intents as readonly string[];

export interface FamilyIntent {
  aisle_id: number;
  family_name: string;
  intent: string;
  note?: string;
}

export const FAMILY_INTENTS = mapping.families as readonly FamilyIntent[];

/** Each category's index among `intents` (−1 for a category whose intent is not among them). */
export function categoryIntents(
  categories: readonly { intent: string }[],
  intents: readonly string[],
): number[] {
  return categories.map((c) => intents.indexOf(c.intent));
}
