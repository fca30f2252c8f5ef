import { readSharedSources } from '@/test/helpers/shared-sources';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAPPED_FAMILY_NAMES, readableFamilyName } from './family-names';

describe('readable family names', () => {
  it('puts back the punctuation the source stripped', () => {
    expect(readableFamilyName('Ice cream ice')).toBe('Ice cream & ice');
    expect(readableFamilyName('Soy lactosefree')).toBe('Soy & lactose-free');
    expect(readableFamilyName('Cold flu allergy')).toBe('Cold, flu & allergy');
  });

  it('leaves names it does not know (a brand’s own categories) as they are', () => {
    expect(readableFamilyName('Block-print bedsheets')).toBe('Block-print bedsheets');
    expect(readableFamilyName('Bread')).toBe('Bread');
  });

  it('renames only families of the public data, and keeps every word of the source name', () => {
    const sources = readSharedSources();
    const rows = Papa.parse<Record<string, string>>(sources.familyMapping.trim(), {
      header: true,
    }).data;
    const families = new Set(rows.map((r) => r['Product family']));
    for (const source of MAPPED_FAMILY_NAMES) {
      expect(families.has(source), `"${source}" is not a family of the public data`).toBe(true);
      const readable = readableFamilyName(source).toLowerCase();
      for (const word of source.toLowerCase().split(' ')) {
        // Each source word is still there (its first four letters: "Juice" may read "Juices").
        expect(readable, `"${readableFamilyName(source)}" lost "${word}"`).toContain(word.slice(0, 4));
      }
    }
  });
});
