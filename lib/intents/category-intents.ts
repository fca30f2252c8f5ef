/**
 * Each category's index among `intents` (−1 for a category whose intent is not among them).
 * Kept apart from intents.ts, whose JSON import the Playwright specs' loader cannot read without
 * an import attribute: the table builders import this, and the specs import the builders.
 */
export function categoryIntents(
  categories: readonly { intent: string }[],
  intents: readonly string[],
): number[] {
  return categories.map((c) => intents.indexOf(c.intent));
}
