/**
 * `npm run bench:orders [-- --lines 1000000]`: exports a synthetic build with enough customers for
 * about a million order lines into a temporary folder (never public/data), then times
 * `data:build --orders` on it end to end in a fresh process (wall clock and peak RSS from
 * /usr/bin/time when present, else the child's own report), and writes benchmarks/orders.json and
 * benchmarks/orders.md with the figures and whether the target is met.
 *
 * Past GENERATED_MAX_LINES (`--lines 10000000`), the orders and customers files repeat a 1M-line
 * export, renumbered (see writeRepeated), and the figures go to benchmarks/orders-<size>.json and
 * .md: a file that size is past what one JavaScript string holds, which the build must still read.
 *
 * `--crm-rows N` makes the customers file a CRM export of N members (writeCrmExport): the orders'
 * customers, then members who bought nothing in the window, each with an e-mail, a mobile, a name
 * and an address. At 10M members it is over a gigabyte, past one string too. Figures go to
 * benchmarks/orders-crm-<size>.json and .md.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBuildConfig } from './lib/build-config';
import { exportSyntheticOrders } from './lib/build-data-lib';
import { writeRepeated } from './lib/repeat-orders';
import { resolveSourcesDir } from './lib/sources-dir';

const TARGET_SECONDS = 30;
/**
 * Issue 15's target for a million lines: no slower than the reader before DuckDB, 12.1 s on this
 * machine when the issue was filed. This machine's speed drifts by up to 1.6× between runs, so a
 * run near it says little alone: compare side by side.
 */
const NO_SLOWER_THAN_SECONDS = 12.1;
/** Order lines per synthetic customer at the default settings, measured at 36,101 customers (977,451 lines); a little under, so the file holds at least the lines asked for. */
const LINES_PER_CUSTOMER = 26.9;
/** The most order lines generated here; a bigger file repeats them. */
const GENERATED_MAX_LINES = 1_000_000;

/**
 * Rewrites the exported customers file (customer_id, age, gender, region_type) as a CRM export of
 * `rows` members: its customers first, then members without orders. Three columns are named like a
 * key (customer id, e-mail, mobile), so the read tries each; addresses are quoted over two lines.
 * Written a batch at a time: the file is bigger than one string holds.
 */
function writeCrmExport(file: string, rows: number): void {
  const [, ...customers] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
  const out = openSync(file, 'w');
  try {
    let batch = 'Customer ID,Email,Mobile,Name,Address,Age,Gender,Region Type\r\n';
    for (let i = 0; i < rows; i++) {
      const [id, age, gender, region] =
        i < customers.length ? customers[i]!.split(',') : [`M${i}`, '', '', ''];
      batch += `${id},member${i}@example.in,${9_000_000_000 + i},Member ${i},"${i} MG Road,\nBengaluru",${age},${gender},${region}\r\n`;
      if (batch.length > 1 << 22) {
        writeSync(out, batch);
        batch = '';
      }
    }
    writeSync(out, batch);
  } finally {
    closeSync(out);
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
  return v;
}

async function main(): Promise<void> {
  const lines = arg('--lines', 1_000_000);
  const repeated = lines > GENERATED_MAX_LINES;
  const crmRows = process.argv.includes('--crm-rows') ? arg('--crm-rows', 0) : null;
  const customers = Math.round(Math.min(lines, GENERATED_MAX_LINES) / LINES_PER_CUSTOMER);
  const { config } = parseBuildConfig(['--customers', String(customers)], {});
  const work = mkdtempSync(path.join(os.tmpdir(), 'omni-bench-orders-'));
  try {
    console.log(`Exporting ${customers.toLocaleString('en')} synthetic customers → ${work}`);
    const t0 = performance.now();
    const exported = await exportSyntheticOrders({ sourcesDir: resolveSourcesDir(), dir: work, config });
    const { customerCount } = exported.log;
    let orderLines = exported.rows;
    if (repeated) {
      // The orders and customers files again, as copies of the export renumbered up to `lines`.
      const copy = (file: string, rows: number, keys: 1 | 2) => {
        const text = readFileSync(file, 'utf8');
        return writeRepeated(file, text, rows, keys);
      };
      const orders = copy(exported.orders, lines, 2);
      copy(exported.customers, customerCount * orders.copies, 1);
      orderLines = orders.rows;
    }
    if (crmRows !== null) writeCrmExport(exported.customers, crmRows);
    const customersMiB = statSync(exported.customers).size / 2 ** 20;
    const exportSeconds = (performance.now() - t0) / 1000;
    const bytes = statSync(exported.orders).size;
    console.log(
      `  ${orderLines.toLocaleString('en')} order lines, ${(bytes / 2 ** 20).toFixed(1)} MiB, in ${exportSeconds.toFixed(1)} s`,
    );

    const out = path.join(work, 'out', 'data');
    const cli = [
      '--import',
      'tsx',
      'scripts/build-data.ts',
      '--orders',
      exported.orders,
      '--customers',
      exported.customers,
      '--intents',
      exported.intents,
      '--out',
      out,
      // The pseudonym secret and key map stay in the temporary folder, not in the repository's private/.
      '--private-dir',
      path.join(work, 'private'),
    ];
    const useTime = existsSync('/usr/bin/time');
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const args = useTime ? ['-f', 'BENCH_MAXRSS_KB=%M', process.execPath, ...cli] : cli;
    console.log(`Timing data:build --orders in a fresh process…`);
    const t1 = performance.now();
    const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const seconds = (performance.now() - t1) / 1000;
    process.stdout.write(run.stdout);
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      throw new Error(`data:build --orders exited ${run.status}`);
    }
    const timeRss = /BENCH_MAXRSS_KB=(\d+)/.exec(run.stderr);
    const childRss = /peak RSS (\d+) MiB/.exec(run.stdout);
    const peakMiB = timeRss ? Number(timeRss[1]) / 1024 : Number(childRss?.[1] ?? NaN);
    const stages = [...run.stdout.matchAll(/^ {2}(\S[\w -]*?)\s{2,}(\d+\.\d+) s {3}(.*)$/gm)].map((m) => ({
      stage: m[1]!.trim(),
      seconds: Number(m[2]),
      detail: m[3]!,
    }));
    const readDetail = stages.find((s) => s.stage === 'read orders')?.detail ?? '';
    const countOf = (pattern: RegExp) => Number(pattern.exec(readDetail)?.[1]?.replace(/,/g, '') ?? NaN);
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      // As the build counted them (a repeated file's last copy may stop partway).
      customers: countOf(/([\d,]+) customers, [\d,]+ orders/),
      orders: countOf(/([\d,]+) orders, [\d,]+ lines/),
      order_lines: orderLines,
      repeated_from_lines: repeated ? exported.rows : null,
      file_mib: Math.round((bytes / 2 ** 20) * 10) / 10,
      crm_rows: crmRows,
      customers_file_mib: Math.round(customersMiB * 10) / 10,
      total_seconds: Math.round(seconds * 100) / 100,
      peak_rss_mib: Math.round(peakMiB),
      peak_rss_from: timeRss ? '/usr/bin/time (whole process)' : 'the build’s own stage samples',
      // The target is for a million lines; a bigger file is measured, not judged.
      target_seconds: repeated || crmRows ? null : TARGET_SECONDS,
      target_met: repeated || crmRows ? null : seconds < TARGET_SECONDS,
      no_slower_than_seconds: repeated || crmRows ? null : NO_SLOWER_THAN_SECONDS,
      no_slower_than_met: repeated || crmRows ? null : seconds <= NO_SLOWER_THAN_SECONDS,
      stages,
    };
    mkdirSync('benchmarks', { recursive: true });
    const judged = result.target_met !== null;
    const report = crmRows
      ? `benchmarks/orders-crm-${crmRows / 1e6}m`
      : repeated
        ? `benchmarks/orders-${lines / 1e6}m`
        : 'benchmarks/orders';
    const command = `npm run bench:orders${repeated ? ` -- --lines ${lines}` : ''}${crmRows ? `${repeated ? '' : ' --'} --crm-rows ${crmRows}` : ''}`;
    const customersFile = crmRows
      ? `a CRM export of ${crmRows.toLocaleString('en')} members as customers.csv (${result.customers_file_mib.toLocaleString('en')} MiB: the orders' customers, then members without orders; customer id, e-mail, mobile, name, an address over two lines, age, gender, region type)`
      : 'customers.csv';
    writeFileSync(`${report}.json`, `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Own-orders build benchmark',
      '',
      `\`${command}\` — ${result.date.slice(0, 10)}, ${result.machine}.`,
      '',
      `${repeated ? `A ${exported.rows.toLocaleString('en')}-line synthetic export, its orders and customers files repeated with every copy renumbered (` : 'A synthetic build exported in the orders format ('}${result.customers.toLocaleString('en')} customers, ${result.orders.toLocaleString('en')} orders, ${result.order_lines.toLocaleString('en')} order lines, ${result.file_mib} MiB, plus ${customersFile} and intents.csv), then \`data:build --orders\` on it in a fresh process, end to end (start-up, reading, analysis, tables, validation, writing).`,
      '',
      '| measure | value | target |',
      '| --- | ---: | ---: |',
      `| wall clock | ${result.total_seconds.toFixed(1)} s | ${judged ? `< ${TARGET_SECONDS} s ${result.target_met ? '(met)' : '(**missed**)'}` : 'none (measured)'} |`,
      ...(judged
        ? [
            `| wall clock against issue 15 (no slower than before DuckDB) | ${result.total_seconds.toFixed(1)} s | ≤ ${NO_SLOWER_THAN_SECONDS} s ${result.no_slower_than_met ? '(met)' : '(**missed**)'} |`,
          ]
        : []),
      `| peak RSS | ${result.peak_rss_mib.toLocaleString('en')} MiB | — |`,
      '',
      `Peak RSS from ${result.peak_rss_from}.`,
      '',
      '| stage | seconds | detail |',
      '| --- | ---: | --- |',
      ...stages.map((s) => `| ${s.stage} | ${s.seconds.toFixed(2)} | ${s.detail.replace(/\|/g, '\\|')} |`),
      '',
    ].join('\n');
    writeFileSync(`${report}.md`, md);
    // Formatted like every other file in the repository, so prettier --check stays clean.
    spawnSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', `${report}.md`], {
      stdio: 'ignore',
    });
    console.log(
      `\n${result.total_seconds.toFixed(1)} s, peak RSS ${result.peak_rss_mib} MiB${judged ? `: target < ${TARGET_SECONDS} s ${result.target_met ? 'met' : 'MISSED'}, issue 15's ≤ ${NO_SLOWER_THAN_SECONDS} s ${result.no_slower_than_met ? 'met' : 'MISSED'}` : ''}. Wrote ${report}.md and ${report}.json.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
