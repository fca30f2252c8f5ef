/**
 * `npx tsx scripts/bench-analyse-browser.ts`: how long "Analyse your data" takes on a
 * 1,000,000-line orders file in headless Chromium, and whether the page stays responsive.
 *
 * 1. Generates synthetic customers until the orders export has BENCH_LINES (default 1,000,000)
 *    lines (about 28 lines per customer) and writes it to a temporary file.
 * 2. Opens /analyse on a running production server (BENCH_BASE_URL, default http://127.0.0.1:3206:
 *    start one with `npx next build && npx next start -p 3206`), chooses the file, analyses with
 *    k = 5, then changes k to 6 (recomputed from the log kept in the worker).
 * 3. Measures in the page: click → results (wall), the worker's own read and analyse times, and the
 *    longest main-thread task while it ran (PerformanceObserver "longtask"): the page must not freeze.
 *
 * 4. Samples, every 200 ms, the resident memory of Chromium's renderer processes (the tab and its
 *    worker live there) from /proc on Linux, and records the peak against the 2 GB limit.
 *
 * Writes benchmarks/analyse-browser.json and benchmarks/analyse-browser.md.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportOrdersCsv } from '@/lib/orders/export-orders';
import { SOURCE_FILES, type SourceKey } from '@/lib/sources/source-files';
import { stageSources } from '@/lib/sources/stage-sources';
import { generateTransactions } from '@/lib/synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '@/lib/synth/synth-config';
import type { Page } from '@playwright/test';
import { launchChromium } from './lib/headless-chromium';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const BASE_URL = process.env.BENCH_BASE_URL ?? 'http://127.0.0.1:3206';
const SOURCES_DIR = process.env.OMNI_SOURCES_DIR ?? path.resolve('data/sources');
const LINES_PER_CUSTOMER = 26.5;

function readSources(): Record<SourceKey, string> {
  return Object.fromEntries(
    SOURCE_FILES.map((f) => [f.key, readFileSync(path.join(SOURCES_DIR, f.fileName), 'utf8')]),
  ) as Record<SourceKey, string>;
}

function makeFile(dir: string): { file: string; lines: number; customers: number; bytes: number } {
  const sources = stageSources(readSources());
  const customers = Math.max(50, Math.round(LINES / LINES_PER_CUSTOMER));
  const log = { ...generateTransactions(sources, { ...DEFAULT_SYNTH_CONFIG, customers }), marketing: null };
  const { orders } = exportOrdersCsv(log);
  // Keep whole lines up to the target (the last customer may be cut: that is fine for timing).
  let end = 0;
  let lines = -1;
  while (lines < LINES) {
    const next = orders.indexOf('\n', end);
    if (next < 0) break;
    end = next + 1;
    lines++;
  }
  const file = path.join(dir, 'orders-1m.csv');
  writeFileSync(file, orders.slice(0, end));
  return { file, lines, customers, bytes: statSync(file).size };
}

async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

const longest = (page: Page) =>
  page.evaluate(() => Math.round((window as unknown as { __longest: number }).__longest));

/** Long tasks are those over 50 ms; none observed reads as such. */
const taskText = (ms: number) => (ms === 0 ? 'none over 50 ms' : `${ms} ms`);

/** Sum of VmRSS over Chromium renderer processes, in MiB (Linux /proc); null where /proc is absent. */
function rendererRssMiB(): number | null {
  if (!existsSync('/proc')) return null;
  let kib = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kib / 1024;
}

/** Peak of rendererRssMiB() while `run` goes on. */
async function peakMemory<T>(run: () => Promise<T>): Promise<{ value: T; peakMiB: number | null }> {
  let peak: number | null = rendererRssMiB();
  const timer = setInterval(() => {
    const now = rendererRssMiB();
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 200);
  try {
    return { value: await run(), peakMiB: peak };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-analyse-'));
  try {
    const t0 = performance.now();
    const made = makeFile(dir);
    console.log(
      `${made.lines.toLocaleString('en')} lines, ${(made.bytes / 2 ** 20).toFixed(1)} MB, ~${made.customers.toLocaleString('en')} customers (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${BASE_URL}/analyse`);
    await page.locator('[data-testid="analyse-app"][data-ready]').waitFor();
    await page.getByTestId('orders-input').setInputFiles(made.file);
    await page.getByTestId('analyse-button').waitFor();
    await watchLongTasks(page);

    const start = Date.now();
    const { peakMiB } = await peakMemory(async () => {
      await page.getByTestId('analyse-button').click();
      await page.locator('[data-testid="analyse-results"][data-k="5"]').waitFor({ timeout: 900_000 });
    });
    const wall = Date.now() - start;
    const summary = (await page.getByTestId('read-summary').textContent()) ?? '';
    const longestFirst = await longest(page);

    await watchLongTasks(page);
    const kStart = Date.now();
    await page.getByTestId('k-select').selectOption('6');
    await page.locator('[data-testid="analyse-results"][data-k="6"]').waitFor({ timeout: 900_000 });
    const kWall = Date.now() - kStart;
    const longestK = await longest(page);
    await browser.close();

    const secs = (re: RegExp) => Number(re.exec(summary)?.[1] ?? NaN);
    const result = {
      lines: made.lines,
      megabytes: Number((made.bytes / 2 ** 20).toFixed(1)),
      customers_generated: made.customers,
      summary,
      read_s: secs(/Read in ([\d.]+) s/),
      analyse_s: secs(/analysed in ([\d.]+) s/),
      click_to_results_s: Number((wall / 1000).toFixed(1)),
      longest_main_thread_task_ms: longestFirst,
      peak_renderer_rss_mib: peakMiB === null ? null : Math.round(peakMiB),
      memory_target_met: peakMiB === null ? null : peakMiB < 2048,
      k6_click_to_results_s: Number((kWall / 1000).toFixed(1)),
      k6_longest_main_thread_task_ms: longestK,
      machine: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
      date: new Date().toISOString().slice(0, 10),
    };
    console.log(result);
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync('benchmarks/analyse-browser.json', `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      'benchmarks/analyse-browser.md',
      [
        '# Analyse your data: a 1,000,000-line orders file in the browser',
        '',
        '`npx tsx scripts/bench-analyse-browser.ts` against `next start` (production build), headless Chromium,',
        `1440 × 900. ${result.machine}; ${result.date}.`,
        '',
        '| measure | value |',
        '| --- | ---: |',
        `| orders file | ${result.lines.toLocaleString('en')} lines, ${result.megabytes} MB |`,
        `| read in the worker (papaparse chunks → OrdersReader) | ${result.read_s} s |`,
        `| analyse in the worker (features, scores, k-means, k diagnostics, PCA, value model and back-test, every table), k = 5 | ${result.analyse_s} s |`,
        `| click → results on screen, k = 5 | ${result.click_to_results_s} s |`,
        `| longest main-thread task meanwhile | ${taskText(result.longest_main_thread_task_ms)} |`,
        `| peak resident memory of the tab (renderer processes, worker included) | ${result.peak_renderer_rss_mib === null ? 'not measured (no /proc)' : `${result.peak_renderer_rss_mib.toLocaleString('en')} MiB (limit 2,048: ${result.memory_target_met ? 'met' : '**MISSED**'})`} |`,
        `| change k to 6 → results (no re-read) | ${result.k6_click_to_results_s} s |`,
        `| longest main-thread task meanwhile | ${taskText(result.k6_longest_main_thread_task_ms)} |`,
        '',
        `Page: “${result.summary.trim()}”`,
        '',
        'Everything runs in the worker; the main thread only draws progress and the result, so the page stays',
        'usable (and Cancel works) throughout. The read runs the same OrdersReader as `npm run data:build --',
        '--orders` (see benchmarks/orders.md for the command line on a file of the same size).',
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
