/**
 * `npm run bench:orders [-- --lines 1000000]`: exports a synthetic build with enough customers for
 * about a million order lines into a temporary folder (never public/data), then times
 * `data:build --orders` on it end to end in a fresh process (wall clock and peak RSS from
 * /usr/bin/time when present, else the child's own report), and writes benchmarks/orders.json and
 * benchmarks/orders.md with the figures and whether the target is met.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBuildConfig } from './lib/build-config';
import { exportSyntheticOrders } from './lib/build-data-lib';
import { resolveSourcesDir } from './lib/sources-dir';

const TARGET_SECONDS = 30;
/** Order lines per synthetic customer at the default settings, measured at 36,101 customers (977,451 lines); a little under, so the file holds at least the lines asked for. */
const LINES_PER_CUSTOMER = 26.9;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
  return v;
}

async function main(): Promise<void> {
  const lines = arg('--lines', 1_000_000);
  const customers = Math.round(lines / LINES_PER_CUSTOMER);
  const { config } = parseBuildConfig(['--customers', String(customers)], {});
  const work = mkdtempSync(path.join(os.tmpdir(), 'omni-bench-orders-'));
  try {
    console.log(`Exporting ${customers.toLocaleString('en')} synthetic customers → ${work}`);
    const t0 = performance.now();
    const exported = await exportSyntheticOrders({ sourcesDir: resolveSourcesDir(), dir: work, config });
    const exportSeconds = (performance.now() - t0) / 1000;
    const bytes = statSync(exported.orders).size;
    console.log(
      `  ${exported.rows.toLocaleString('en')} order lines, ${(bytes / 2 ** 20).toFixed(1)} MiB, in ${exportSeconds.toFixed(1)} s`,
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
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      customers: exported.log.customerCount,
      orders: exported.log.orderCount,
      order_lines: exported.rows,
      file_mib: Math.round((bytes / 2 ** 20) * 10) / 10,
      total_seconds: Math.round(seconds * 100) / 100,
      peak_rss_mib: Math.round(peakMiB),
      peak_rss_from: timeRss ? '/usr/bin/time (whole process)' : 'the build’s own stage samples',
      target_seconds: TARGET_SECONDS,
      target_met: seconds < TARGET_SECONDS,
      stages,
    };
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync('benchmarks/orders.json', `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Own-orders build benchmark',
      '',
      `\`npm run bench:orders\` — ${result.date.slice(0, 10)}, ${result.machine}.`,
      '',
      `A synthetic build exported in the orders format (${result.customers.toLocaleString('en')} customers, ${result.orders.toLocaleString('en')} orders, ${result.order_lines.toLocaleString('en')} order lines, ${result.file_mib} MiB, plus customers.csv and intents.csv), then \`data:build --orders\` on it in a fresh process, end to end (start-up, reading, analysis, tables, validation, writing).`,
      '',
      '| measure | value | target |',
      '| --- | ---: | ---: |',
      `| wall clock | ${result.total_seconds.toFixed(1)} s | < ${TARGET_SECONDS} s ${result.target_met ? '(met)' : '(**missed**)'} |`,
      `| peak RSS | ${result.peak_rss_mib.toLocaleString('en')} MiB | — |`,
      '',
      `Peak RSS from ${result.peak_rss_from}.`,
      '',
      '| stage | seconds | detail |',
      '| --- | ---: | --- |',
      ...stages.map((s) => `| ${s.stage} | ${s.seconds.toFixed(2)} | ${s.detail.replace(/\|/g, '\\|')} |`),
      '',
    ].join('\n');
    writeFileSync('benchmarks/orders.md', md);
    // Formatted like every other file in the repository, so prettier --check stays clean.
    spawnSync(
      process.execPath,
      ['node_modules/prettier/bin/prettier.cjs', '--write', 'benchmarks/orders.md'],
      {
        stdio: 'ignore',
      },
    );
    console.log(
      `\n${result.total_seconds.toFixed(1)} s, peak RSS ${result.peak_rss_mib} MiB: target < ${TARGET_SECONDS} s ${result.target_met ? 'met' : 'MISSED'}. Wrote benchmarks/orders.md and benchmarks/orders.json.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
