/**
 * `npm run data:build [-- --seed N --customers N --k N …]`: builds every table into public/data.
 * `npm run data:build -- --orders FILE [--customers FILE] …`: the same tables from a brand's own orders.
 * `npm run data:build -- --export-orders DIR`: the synthetic orders in the orders format.
 * Sources come from OMNI_SOURCES_DIR, else data/sources (see `npm run data:fetch`).
 */
// First: says plainly when this machine has no DuckDB engine, before anything loads one.
import './lib/duckdb-engine-required';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../lib/orders/column-matching';
import { OrdersInputError } from '../lib/orders/orders-input-error';
import { reconciliationLines } from '../lib/orders/reconciliation';
import { NonFiniteTableError } from '../lib/tables/check-finite';
import { ConfigError, parseBuildConfig, parseOwnDataArgs } from './lib/build-config';
import { buildData, exportSyntheticOrders, TableValidationError } from './lib/build-data-lib';
import { resolveSourcesDir, SourcesError } from './lib/sources-dir';

/** Fields --map accepts: those of the orders file, and `customers.<field>` for the customers file. */
const FIELD_KEYS = [
  ...new Set([...ORDER_FIELDS, ...CUSTOMER_FIELDS].map((f) => f.key)),
  ...CUSTOMER_FIELDS.map((f) => `customers.${f.key}`),
];

export const HELP = `Usage:
  npm run data:build [-- options]                       synthetic customers on the public data
  npm run data:build -- --orders FILE [own-data options] a brand's own orders
  npm run data:build -- --export-orders DIR [options]    write the synthetic orders as DIR/orders.csv, intents.csv, customers.csv

Options (synthetic):
  --seed N  --customers N (number of synthetic customers)  --k N  --months N  --window-end YYYY-MM-DD
  --recent-months N  --currency XXX  --usd-rate N  --out DIR

Own data (with --orders):
  --orders FILE          orders export, one row per order line (CSV; , ; or tab): a POS register,
                         a Shopify or WooCommerce orders export, or any file with the columns below
  --products FILE        products export (Shopify: Products → Export): categories by SKU or title
  --customers FILE       customers file: id, e-mail or mobile, and age or age band, gender, region type
                         (with --orders, --customers names this FILE, not a number of customers)
  --intents FILE         category,intent mapping (default: each category is its own intent)
  --channel online|in-store   every order of the file is in this channel (no channel column)
  --private-dir DIR      where the pseudonym secret and the customer key map are kept
                         (default private/, git-ignored; OMNI_ID_SECRET overrides the secret)
  --map field=Column,…   columns by hand; fields: ${FIELD_KEYS.join(', ')}
                         (customers.customer_id names the customers file's id column; age, gender
                         and region_type apply to the customers file with or without the prefix)
  --date-order dmy|mdy   how to read dates like 03/04/2025 (default: detected, else dmy)
  --max-bad SHARE        stop when more than this share of rows is bad (default 0.05)
  --seed, --k, --recent-months, --currency, --out as above

Customer keys (e-mails, phone numbers, ids) never reach the tables: they carry pseudonymous ids,
and DIR/customer-keys.csv in the private folder maps them back for your CRM. Keep it private.
On any error the command exits 1 and leaves the output folder as it was.`;

/** Errors that describe the input or the settings speak for themselves; anything else is our fault. */
const FOR_PEOPLE = [ConfigError, OrdersInputError, SourcesError, NonFiniteTableError, TableValidationError];

export function messageForPeople(error: unknown): string {
  if (FOR_PEOPLE.some((kind) => error instanceof kind)) return (error as Error).message;
  if ((error as NodeJS.ErrnoException | null)?.code === 'ENOSPC')
    return 'the disk is full. Free some space and run the build again.';
  if ((error as NodeJS.ErrnoException | null)?.code === 'EACCES')
    return `a file or folder could not be written (${(error as NodeJS.ErrnoException).path ?? 'permission denied'}). Check the permissions of the output and private folders.`;
  return 'something went wrong inside Omnichannel Insights (not in your files). Run the build again with OMNI_DEBUG=1 for the details, and report them to us.';
}

export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let outDir = path.resolve('public', 'data');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  try {
    const { argv: synthArgv, own, exportOrders } = parseOwnDataArgs(argv, FIELD_KEYS);
    // With --orders the customer count comes from the file: OMNI_CUSTOMERS does not apply.
    const env = own ? { ...process.env, OMNI_CUSTOMERS: undefined } : process.env;
    const { config, rest } = parseBuildConfig(synthArgv, env);
    outDir = path.resolve(rest.get('--out') ?? outDir);
    rest.delete('--out');
    if (rest.size > 0) throw new ConfigError(`Unknown option(s): ${[...rest.keys()].join(', ')}`);
    const sourcesDir = resolveSourcesDir();
    if (exportOrders !== null) {
      const dir = path.resolve(exportOrders);
      outDir = dir;
      console.log(
        `Exporting synthetic orders: seed ${config.seed}, ${config.customers.toLocaleString('en')} customers → ${dir}`,
      );
      const r = await exportSyntheticOrders({ sourcesDir, dir, config });
      console.log(`  ${path.relative(process.cwd(), r.orders)}  ${r.rows.toLocaleString('en')} order lines`);
      console.log(`  ${path.relative(process.cwd(), r.intents)}  ${r.log.categories.length} categories`);
      console.log(
        `  ${path.relative(process.cwd(), r.customers)}  ${r.log.customerCount.toLocaleString('en')} customers`,
      );
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
      return 0;
    }
    console.log(
      own
        ? `Building data from ${own.orders}${own.customers ? ` + ${own.customers}` : ''}: seed ${config.seed}, k = ${config.k}`
        : `Building data: seed ${config.seed}, ${config.customers.toLocaleString('en')} customers, k = ${config.k}`,
    );
    console.log(`  sources: ${sourcesDir}\n  output:  ${outDir}`);
    const report = await buildData({ sourcesDir, outDir, config, own, log: (l) => console.log(`  ${l}`) });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Done in ${seconds.toFixed(2)} s, peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB.`,
    );
    for (const t of report.manifest.tables)
      console.log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(9)} rows`);
    if (report.ownReport) {
      const o = report.ownReport.orders;
      console.log(
        `  ${o.file} (${o.platformLabel}): ${o.rowsRead.toLocaleString('en')} rows, ${o.rowsSkipped.toLocaleString('en')} skipped, ${o.firstDay} – ${o.lastDay}`,
      );
      for (const p of o.problems) console.log(`    line ${p.line}: ${p.reason}`);
      for (const line of reconciliationLines(o.reconciliation)) console.log(`  ${line}`);
      for (const w of report.ownReport.warnings) console.log(`  warning: ${w}`);
      if (report.keyMapFile)
        console.log(
          `  Customer keys → pseudonymous ids: ${path.relative(process.cwd(), report.keyMapFile)} (keep it private).`,
        );
    }
    return 0;
  } catch (error) {
    console.error(`\nData build failed: ${messageForPeople(error)}`);
    console.error(`${path.relative(process.cwd(), outDir) || outDir} was left as it was.`);
    if (process.env.OMNI_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
