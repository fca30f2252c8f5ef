/** `npx tsx scripts/columns-doc.ts`: rewrites the accepted-columns block of README.md from ORDER_FIELDS and CUSTOMER_FIELDS. */
import { readFileSync, writeFileSync } from 'node:fs';
import { COLUMNS_BEGIN, COLUMNS_END, columnsMarkdown } from '../lib/orders/columns-doc';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(COLUMNS_BEGIN);
const end = readme.indexOf(COLUMNS_END);
if (start < 0 || end < start) throw new Error('README.md has no columns block');
writeFileSync(
  'README.md',
  `${readme.slice(0, start + COLUMNS_BEGIN.length)}\n\n${columnsMarkdown()}\n\n${readme.slice(end)}`,
);
console.log('README.md: columns block rewritten');
