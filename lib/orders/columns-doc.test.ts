import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from './column-matching';
import { COLUMNS_BEGIN, COLUMNS_END, columnsMarkdown } from './columns-doc';

describe('columnsMarkdown', () => {
  it('lists every order field with its synonyms', () => {
    const md = columnsMarkdown();
    for (const f of ORDER_FIELDS) {
      expect(md).toContain(`| \`${f.key}\` |`);
      for (const s of f.synonyms) expect(md).toContain(`\`${s}\``);
    }
  });

  it('is what README.md shows (run npx tsx scripts/columns-doc.ts after changing the synonyms)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const start = readme.indexOf(COLUMNS_BEGIN);
    const end = readme.indexOf(COLUMNS_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + COLUMNS_BEGIN.length, end).trim()).toBe(columnsMarkdown().trim());
  });
});
