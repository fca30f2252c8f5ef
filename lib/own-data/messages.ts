import type { MissingField } from '../orders/column-matching';

/** A page-friendly sentence per missing field (the reader's own message speaks of command-line flags). */
export function missingMessage(missing: readonly MissingField[]): string {
  return missing
    .map((m) => `No column for ${m.label} (tried ${m.synonyms.map((s) => `“${s}”`).join(', ')}).`)
    .join(' ');
}
