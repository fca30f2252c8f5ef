/**
 * The own-data build from the command line: export the synthetic orders, build the tables from
 * them, and compare with an analysis of the same log; bad input exits 1 and leaves the output as it was.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashTree, makeTempDir, REPO_ROOT, SHARED_SOURCES_DIR } from '@/test/helpers/source-corpus';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../lib/orders/column-matching';
import { startCustomersRead } from '../../lib/orders/customers-csv';
import { secretFromHex } from '../../lib/orders/pseudonym-secret';
import { startOrdersRead } from '../../lib/orders/read-orders-csv';
import { analyseOwnLog, downloadsOf, tableFileChunks } from '../../lib/own-data/own-tables';
import { customersReadOptions, finishOwnData, readSideFiles } from '../../lib/pipeline/own-data';
import { analyse } from '../../lib/pipeline/run-pipeline';
import { TABLE_NAMES, TABLE_SCHEMAS } from '../../lib/schema';
import { ManifestSchema, type Manifest } from '../../lib/schema/manifest';
import type { ArrivalCell } from '../../lib/sources/arrivals';
import { stageSources } from '../../lib/sources/stage-sources';
import { generateTransactions } from '../../lib/synth/generate-transactions';
import { readSharedSources } from '../../test/helpers/shared-sources';
import { ConfigError, parseBuildConfig, parseOwnDataArgs } from './build-config';

const CUSTOMERS = 2000;
/** The pseudonym secret of these builds (hex), as a brand would keep it in OMNI_ID_SECRET. */
const SECRET_HEX = '0f'.repeat(32);
const KEYS = [...new Set([...ORDER_FIELDS, ...CUSTOMER_FIELDS].map((f) => f.key))];

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(cliArgs: string[]): Promise<CliResult> {
  // A brand build's key map goes to a private folder: the test's own, never the repository's private/.
  const args =
    cliArgs.includes('--orders') && !cliArgs.includes('--private-dir')
      ? [...cliArgs, '--private-dir', path.join(work, `private-${++privateRuns}`)]
      : cliArgs;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('OMNI_')) delete env[key];
  env.OMNI_SOURCES_DIR = SHARED_SOURCES_DIR;
  env.OMNI_ID_SECRET = SECRET_HEX;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
let privateRuns = 0;
let exported: string;
let out: string;
let privateDir: string;
let built: CliResult;

beforeAll(async () => {
  work = await makeTempDir('omni-own-test');
  exported = path.join(work, 'export');
  out = path.join(work, 'brand', 'data');
  privateDir = path.join(work, 'brand', 'private');
  const ex = await runCli(['--export-orders', exported, '--customers', String(CUSTOMERS)]);
  expect(ex.code, ex.stderr).toBe(0);
  built = await runCli([
    '--orders',
    path.join(exported, 'orders.csv'),
    '--customers',
    path.join(exported, 'customers.csv'),
    '--intents',
    path.join(exported, 'intents.csv'),
    '--private-dir',
    privateDir,
    '--out',
    out,
  ]);
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('data:build --export-orders, then --orders (CLI round trip)', () => {
  it('exports orders.csv, intents.csv and customers.csv in the orders format', async () => {
    expect((await readdir(exported)).sort()).toEqual(['customers.csv', 'intents.csv', 'orders.csv']);
    const orders = await readFile(path.join(exported, 'orders.csv'), 'utf8');
    expect(orders.split('\r\n', 1)[0]).toBe(
      'order_id,customer_id,ordered_at,channel,category,quantity,amount,discount,dwell_minutes',
    );
  });

  it('builds every table but marketing, each valid against its schema', async () => {
    expect(built.code, built.stderr).toBe(0);
    const files = new Set(await readdir(out));
    expect(files.has('marketing_effectiveness.json')).toBe(false);
    for (const name of TABLE_NAMES) {
      if (name === 'marketing_effectiveness') continue;
      const doc = JSON.parse(await readFile(path.join(out, `${name}.json`), 'utf8'));
      const parsed = TABLE_SCHEMAS[name].safeParse(doc);
      expect(parsed.success, `${name}: ${parsed.error?.issues[0]?.message}`).toBe(true);
    }
    const demand = JSON.parse(await readFile(path.join(out, 'demand_summary.json'), 'utf8'));
    expect(demand.source).toBe('orders');
    expect(demand.rows[0].dwell_seconds).toBeNull();
    const arrivals = JSON.parse(await readFile(path.join(out, 'arrivals_summary.json'), 'utf8'));
    expect(arrivals.orders_source).toBe('orders');
  });

  it('fits the value model on the brand’s orders and back-tests it, as on the synthetic log', async () => {
    const vm = JSON.parse(await readFile(path.join(out, 'value_model.json'), 'utf8'));
    expect(vm.sufficiency).toMatchObject({ frequency: true, monetary: true, customers: CUSTOMERS });
    expect(vm.bgnbd.converged).toBe(true);
    expect(vm.back_test.auc).toBeGreaterThan(0.7);
    expect(vm.total.customers).toBe(CUSTOMERS);
    const master = JSON.parse(await readFile(path.join(out, 'customers_master.json'), 'utf8'));
    const alive = master.columns.indexOf('p_alive');
    expect(master.rows.every((r: unknown[]) => typeof r[alive] === 'number')).toBe(true);
  });

  it('records the provenance in the manifest', async () => {
    const manifest: Manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(ManifestSchema.safeParse(manifest).success).toBe(true);
    const p = manifest.provenance;
    expect(p.kind).toBe('orders');
    if (p.kind !== 'orders') return;
    expect(p.files).toEqual({
      orders: 'orders.csv',
      customers: 'customers.csv',
      intents: 'intents.csv',
      products: null,
    });
    expect(p.platform).toBe('generic');
    expect(p.rows_read).toBe(manifest.counts.order_lines);
    expect(p.rows_skipped).toBe(0);
    expect(p.customers_file?.customers_without_row).toBe(0);
    expect(manifest.counts.customers).toBe(CUSTOMERS);
    expect(built.stdout).toContain(
      `orders.csv (an orders export): ${p.rows_read.toLocaleString('en')} rows, 0 skipped`,
    );
  });

  it('gives customers_master the clusters and personas of an analysis of the same log without marketing', async () => {
    const config = { ...parseBuildConfig([], {}).config, customers: CUSTOMERS };
    const log = { ...generateTransactions(stageSources(readSharedSources()), config), marketing: null };
    const ctx = analyse(log, { seed: config.seed, k: config.k, currency: config.currency });
    const master = JSON.parse(await readFile(path.join(out, 'customers_master.json'), 'utf8'));
    const ci = master.columns.indexOf('cluster_id');
    const pi = master.columns.indexOf('persona');
    const idi = master.columns.indexOf('customer_id');
    // The tables carry pseudonyms; the private key map turns them back into the file's ids.
    const keyMap = Papa.parse<string[]>(
      (await readFile(path.join(privateDir, 'customer-keys.csv'), 'utf8')).trim(),
      {
        newline: '\r\n',
      },
    ).data;
    expect(keyMap[0]).toEqual(['customer_id', 'customer_key', 'key_kind']);
    const keyOf = new Map(keyMap.slice(1).map(([id, key]) => [id!, key!]));
    expect(master.rows.map((r: unknown[]) => keyOf.get(r[idi] as string))).toEqual(log.customerIds);
    expect(master.rows.every((r: unknown[]) => /^c_[a-z]{14}$/.test(r[idi] as string))).toBe(true);
    expect(master.rows.map((r: unknown[]) => r[ci])).toEqual(Array.from(ctx.clusterOf));
    expect(master.rows.map((r: unknown[]) => r[pi])).toEqual(
      Array.from(ctx.clusterOf, (c) => ctx.personas[c]!.persona),
    );
  }, 60_000);

  it('is byte-identical when built twice from the same files', async () => {
    const again = path.join(work, 'again', 'data');
    const r = await runCli([
      '--orders',
      path.join(exported, 'orders.csv'),
      '--intents',
      path.join(exported, 'intents.csv'),
      '--customers',
      path.join(exported, 'customers.csv'),
      '--out',
      again,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await hashTree(again)).toEqual(await hashTree(out));
  }, 120_000);
});

describe('the browser path ("Analyse your data") against the command line', () => {
  it('builds byte-identical table files from the same orders, customers and intents files', async () => {
    expect(built.code, built.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const text = (name: string) => readFile(path.join(exported, name), 'utf8');
    // What the worker does: intents first, the orders and then the customers in chunks of papaparse
    // rows through the shared readers, then the analysis and the tables.
    const intentsFile = { file: 'intents.csv', text: await text('intents.csv') };
    const side = readSideFiles({ intents: intentsFile });
    const reading = startOrdersRead({ file: 'orders.csv', ...side });
    const rows = Papa.parse<string[]>(await text('orders.csv'), { skipEmptyLines: 'greedy' }).data;
    for (let i = 0; i < rows.length; i += 7_000) reading.addRows(rows.slice(i, i + 7_000));
    const orders = reading.finish();
    const customersReading = startCustomersRead(customersReadOptions('customers.csv', orders, {}));
    const customerRows = Papa.parse<string[]>(await text('customers.csv'), { skipEmptyLines: 'greedy' }).data;
    for (let i = 0; i < customerRows.length; i += 3_000)
      customersReading.addRows(customerRows.slice(i, i + 3_000));
    const { log } = finishOwnData(
      orders,
      side,
      customersReading.finish(),
      { intents: intentsFile },
      {
        secret: secretFromHex(SECRET_HEX)!,
      },
    );
    const arrivals = (
      JSON.parse(await readFile(path.join(out, 'arrivals_summary.json'), 'utf8')) as {
        cells: ArrivalCell[];
      }
    ).cells.map(({ day_index, day, hour, instore_arrivals, online_arrivals }) => ({
      day_index,
      day,
      hour,
      instore_arrivals,
      online_arrivals,
    }));
    const { full, result } = analyseOwnLog(log, {
      k: manifest.config.k,
      currency: manifest.config.currency,
      arrivals,
      seed: manifest.config.seed,
    });
    const downloads = downloadsOf(full);
    expect(downloads.map((d) => d.file)).toContain('customers_master.csv');
    expect(downloads.some((d) => d.table === 'marketing_effectiveness')).toBe(false);
    for (const d of downloads) {
      const browser = tableFileChunks(full, d.table, d.format).join('');
      const cli = await readFile(path.join(out, d.file), 'utf8');
      expect(browser === cli, `${d.file} differs between the browser and the command line`).toBe(true);
    }
    // The page gets every table but the per-customer rows.
    expect(result.tables.customers_master.rows).toEqual([]);
    expect(result.tables.clv_proxy.rows).toEqual([]);
    expect(result.customerRows).toBe(full.customers_master.rows.length);
    expect(result.tables.segmentation).toEqual(full.segmentation);
    expect(result.tables.customer_sample.rows.length).toBeGreaterThan(100);
  }, 120_000);
});

describe('data:build --orders with bad input', () => {
  let previous: string;
  let bad: string;

  beforeAll(async () => {
    previous = path.join(work, 'previous', 'data');
    await mkdir(previous, { recursive: true });
    await writeFile(path.join(previous, 'manifest.json'), '{"previous":true}');
    bad = path.join(work, 'bad');
    await mkdir(bad, { recursive: true });
  });

  async function expectFailure(args: string[], ...messages: Array<string | RegExp>): Promise<void> {
    const before = await hashTree(previous);
    const r = await runCli([...args, '--out', previous]);
    expect(r.code, r.stdout).toBe(1);
    for (const m of messages) expect(r.stderr).toMatch(m);
    expect(r.stderr).toContain('was left as it was');
    expect(await hashTree(previous)).toEqual(before);
    expect(await readdir(path.dirname(previous))).toEqual(['data']);
  }

  it('exits 1 on a missing orders file, naming it', async () => {
    const file = path.join(bad, 'nope.csv');
    await expectFailure(['--orders', file], `Orders file not found: ${file}`);
  });

  it('exits 1 on a missing customers file, naming it', async () => {
    const file = path.join(bad, 'no-customers.csv');
    await expectFailure(
      ['--orders', path.join(exported, 'orders.csv'), '--customers', file],
      `Customers file not found: ${file}`,
    );
  });

  it('exits 1 on a missing required column, naming it and the synonyms tried', async () => {
    const file = path.join(bad, 'no-channel.csv');
    await writeFile(
      file,
      'order_id,customer_id,ordered_at,category,quantity,amount\nO1,C1,2025-01-01,Linen,1,100\n',
    );
    await expectFailure(
      ['--orders', file],
      'a required column is missing',
      /channel: tried "channel", "sales channel"/,
    );
  });

  it('exits 1 when too many rows are bad, listing the first ones with their line', async () => {
    const file = path.join(bad, 'bad-rows.csv');
    const rows = ['order_id,customer_id,ordered_at,channel,category,quantity,amount'];
    for (let i = 0; i < 90; i++)
      rows.push(`O${i},C${i % 45},2025-01-${String((i % 28) + 1).padStart(2, '0')},online,Linen,1,100`);
    for (let i = 0; i < 10; i++) rows.push(`X${i},C1,2025-01-05,carrier pigeon,Linen,1,100`);
    await writeFile(file, `${rows.join('\n')}\n`);
    await expectFailure(
      ['--orders', file],
      /10 of 100 rows \(10\.0 %\) are bad, more than the 5\.0 % allowed/,
      /line 92: channel "carrier pigeon" is neither online nor in-store/,
    );
  });

  it('accepts the same file with --max-bad 0.2', async () => {
    const file = path.join(bad, 'bad-rows.csv');
    const target = path.join(work, 'tolerant', 'data');
    const r = await runCli(['--orders', file, '--max-bad', '0.2', '--k', '2', '--out', target]);
    expect(r.code, r.stderr).toBe(0);
    const manifest: Manifest = JSON.parse(await readFile(path.join(target, 'manifest.json'), 'utf8'));
    expect(manifest.provenance.kind === 'orders' && manifest.provenance.rows_skipped).toBe(10);
    expect(manifest.provenance.kind === 'orders' && manifest.provenance.first_bad_rows[0]?.line).toBe(92);
  }, 60_000);

  it('exits 1 on --customers 300 with --orders, saying it names a file', async () => {
    await expectFailure(
      ['--orders', path.join(exported, 'orders.csv'), '--customers', '300'],
      /with --orders, --customers names the customers file/,
    );
  });
});

describe('parseOwnDataArgs', () => {
  it('takes the own-data flags out and leaves the rest', () => {
    const r = parseOwnDataArgs(
      [
        '--orders',
        'o.csv',
        '--customers=c.csv',
        '--map',
        'order_id=Bill No, channel=Till',
        '--date-order',
        'mdy',
        '--max-bad',
        '0.1',
        '--k',
        '4',
      ],
      KEYS,
    );
    expect(r.argv).toEqual(['--k', '4']);
    expect(r.own).toEqual({
      orders: 'o.csv',
      customers: 'c.csv',
      intents: null,
      products: null,
      channel: undefined,
      privateDir: undefined,
      mapping: { order_id: 'Bill No', channel: 'Till' },
      dateOrder: 'mdy',
      maxBadShare: 0.1,
    });
    expect(r.exportOrders).toBeNull();
  });

  it('leaves --customers to the synthetic build without --orders', () => {
    const r = parseOwnDataArgs(['--customers', '300', '--export-orders', '/tmp/x'], KEYS);
    expect(r).toEqual({ argv: ['--customers', '300'], own: null, exportOrders: '/tmp/x' });
  });

  it.each([
    [['--orders', 'o.csv', '--customers', '1_000'], /names the customers file/],
    [['--orders', 'o.csv', '--map', 'colour=Red'], /unknown field "colour"/],
    [['--orders', 'o.csv', '--map', 'order_id'], /not field=Column/],
    [['--orders', 'o.csv', '--date-order', 'ymd'], /neither dmy/],
    [['--orders', 'o.csv', '--max-bad', '2'], /not a share from 0 to 1/],
    [['--orders'], /--orders needs a value/],
    [['--intents', 'i.csv'], /only goes with --orders FILE/],
    [['--orders', 'o.csv', '--export-orders', 'x'], /does not go with --orders/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseOwnDataArgs(argv, KEYS)).toThrow(ConfigError);
    expect(() => parseOwnDataArgs(argv, KEYS)).toThrow(message);
  });
});
