/**
 * `npx tsx scripts/make-corpus.ts --out DIR [--seed N]`: writes the test corpus — realistic order
 * exports (Shopify, a trimmed Shopify file, WooCommerce, an Indian POS register with its CRM) —
 * as DIR/<case>/<files> and DIR/<case>/truth.json, and prints a line per case. Same seed →
 * byte-identical files. See test/corpus/FORMATS.md for the formats and their sources.
 */
import path from 'node:path';
import { DEFAULT_CORPUS_SEED, generateCorpus } from '../test/corpus/generate';
import { writeCorpus } from '../test/corpus/write';

const USAGE = 'usage: npx tsx scripts/make-corpus.ts --out DIR [--seed N]';

function fail(message: string): never {
  console.error(`make-corpus: ${message}\n${USAGE}`);
  process.exit(1);
}

function parseArgs(argv: string[]): { out: string; seed: number } {
  let out: string | undefined;
  let seed = DEFAULT_CORPUS_SEED;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? (a.split(/=(.*)/s, 2) as [string, string]) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(`${flag} needs a value`);
      return v;
    };
    if (flag === '--out') out = value();
    else if (flag === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff)
        fail(`--seed must be a whole number from 0 to 4294967295 (got "${v}")`);
      seed = Number(v);
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument "${a}"`);
  }
  if (!out) fail('--out DIR is required');
  return { out, seed };
}

/** Data rows of a CSV text: line ends outside quoted fields, less the header. */
function countRows(text: string): number {
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 10 && !quoted) lines++;
  }
  return lines - 1;
}

const rupees = (paise: number) =>
  `₹${(paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function main(): void {
  const { out, seed } = parseArgs(process.argv.slice(2));
  const cases = generateCorpus({ seed });
  const written = writeCorpus(out, cases);
  console.log(`Corpus (seed ${seed}) → ${path.resolve(out)}`);
  for (const [i, c] of cases.entries()) {
    const t = c.truth;
    const rows = countRows(c.files.orders.text);
    console.log(
      `  ${c.name.padEnd(13)} ${written[i]!.files.join(', ')}: ${rows.toLocaleString('en')} rows, ` +
        `${t.orders.toLocaleString('en')} orders, ${t.customers.toLocaleString('en')} customers ` +
        `(${t.repeatCustomers.toLocaleString('en')} repeat), ${t.firstDay} – ${t.lastDay}, net ${rupees(t.netRevenuePaise)}`,
    );
  }
}

main();
