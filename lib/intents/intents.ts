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
