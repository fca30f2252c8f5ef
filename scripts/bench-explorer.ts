/**
 * `npx tsx scripts/bench-explorer.ts`: is the customer explorer responsive with 100,000 customers?
 *
 * 1. Builds the data with BENCH_CUSTOMERS (default 100,000) customers into a temporary folder
 *    (`scripts/build-data.ts --customers N --out <tmp>`; public/data is never touched).
 * 2. Builds the static export (`OMNI_STATIC_EXPORT=1 next build` → out/, what `npm run export` makes)
 *    and serves out/ with a plain static file server on 127.0.0.1:BENCH_PORT (3213), with /data/*
 *    answered from the temporary folder — so the page fetches the 100K customers_master.json over HTTP.
 * 3. Drives headless Chromium (Playwright) at 1440 × 900 and measures, inside the page with
 *    performance.now(): from a sort click or a filter change to the frame after the table shows the
 *    result (the table box's data-view attribute changes in the same React commit as the rows; the
 *    time is taken after the next animation frame and a macrotask, i.e. after that frame is painted).
 * 4. Scrolls the table through its whole height, in steps and with the mouse wheel, and checks after
 *    each frame that rows cover the box from the header to the bottom edge (no blank rows).
 *
 * Writes benchmarks/explorer.json and benchmarks/explorer.md. Targets: sort and filter < 200 ms each,
 * no blank rows. A missed target is written as missed, and the command exits 1.
 *
 * Flags via env: BENCH_CUSTOMERS, BENCH_PORT, BENCH_RUNS (repeats per action, default 5),
 * BENCH_SKIP_BUILD=1 (reuse an existing out/ export).
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3213);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 200;
const OUT = path.resolve('out');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.woff2': 'font/woff2',
};

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** out/ as a static site, except the data files under /data/, which come from the benchmark's own data folder. */
function serve(siteRoot: string, dataRoot: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    // A data file comes from the benchmark's folder; anything else under /data/ (the Data & sources
    // page and its prefetch files) from the export.
    const dataFile = url.startsWith('/data/') ? path.join(dataRoot, url.slice('/data'.length)) : null;
    const fromData = dataFile !== null && existsSync(dataFile) && statSync(dataFile).isFile();
    const root = fromData ? dataRoot : siteRoot;
    let file = fromData ? dataFile : path.join(siteRoot, url);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

function executablePath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Clicks `selector` inside the page and resolves with the ms from the click to the painted frame
 * that shows the new view (the box's data-view changed) and the row count then shown.
 */
async function timeAction(page: Page, selector: string): Promise<{ ms: number; rows: number }> {
  return page.evaluate(
    (sel) =>
      new Promise<{ ms: number; rows: number }>((resolve, reject) => {
        const box = document.querySelector('[data-testid="customer-scroll"]');
        const target = document.querySelector<HTMLElement>(sel);
        if (!box || !target) return reject(new Error(`missing ${box ? sel : 'table box'}`));
        const before = box.getAttribute('data-view');
        let t0 = 0;
        const timer = setTimeout(() => reject(new Error(`no view change after clicking ${sel}`)), 20_000);
        const obs = new MutationObserver(() => {
          if (box.getAttribute('data-view') === before) return;
          obs.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timer);
              resolve({ ms: performance.now() - t0, rows: Number(box.getAttribute('data-row-count')) });
            }, 0),
          );
        });
        obs.observe(box, { attributes: true, attributeFilter: ['data-view'] });
        t0 = performance.now();
        target.click();
      }),
    selector,
  );
}

/** Largest blank height (px) between the header and the bottom edge of the box, now. */
async function blankNow(page: Page): Promise<{ blank: number; scrollTop: number; rendered: number }> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="customer-scroll"]')!;
    const head = el.querySelector('thead')!.getBoundingClientRect();
    const boxTop = el.getBoundingClientRect().top;
    const bottom = boxTop + el.clientHeight;
    const rows = [...el.querySelectorAll('tbody tr[data-row]')]
      .map((r) => r.getBoundingClientRect())
      .sort((a, b) => a.top - b.top);
    let covered = head.bottom;
    let blank = 0;
    for (const r of rows) {
      if (r.bottom <= covered) continue;
      if (r.top > covered + 0.5) blank = Math.max(blank, Math.min(r.top, bottom) - covered);
      covered = Math.max(covered, r.bottom);
      if (covered >= bottom) break;
    }
    blank = Math.max(blank, bottom - covered);
    return { blank: blank > 0.5 ? blank : 0, scrollTop: el.scrollTop, rendered: rows.length };
  });
}

async function frame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

interface ActionResult {
  action: string;
  runs_ms: number[];
  median_ms: number;
  max_ms: number;
  rows_shown: number;
  meets_target: boolean;
}

async function main(): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-explorer-'));
  const dataDir = path.join(tmp, 'data');
  let server: http.Server | undefined;
  try {
    console.log(`\n1/4 Building data with ${CUSTOMERS.toLocaleString('en')} customers into ${dataDir}`);
    const t = performance.now();
    run(path.join('node_modules', '.bin', 'tsx'), [
      'scripts/build-data.ts',
      '--customers',
      String(CUSTOMERS),
      '--out',
      dataDir,
    ]);
    const dataBuildS = (performance.now() - t) / 1000;
    const fileBytes = statSync(path.join(dataDir, 'customers_master.json')).size;

    if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(path.join(OUT, 'customers', 'index.html'))) {
      console.log('\n2/4 Reusing the static export in out/');
    } else {
      console.log('\n2/4 Building the static export (OMNI_STATIC_EXPORT=1 next build → out/)');
      run(path.join('node_modules', '.bin', 'next'), ['build'], { OMNI_STATIC_EXPORT: '1' });
    }
    server = await serve(OUT, dataDir);
    const base = `http://127.0.0.1:${PORT}`;

    console.log(`\n3/4 Measuring in headless Chromium against ${base}/customers/`);
    const browser = await chromium.launch({
      executablePath: executablePath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    page.on(
      'response',
      (r) => void (r.status() >= 400 && consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`)),
    );
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(`${base}/customers/`);
    await page.waitForSelector('[data-testid="customer-scroll"]', { timeout: 120_000 });
    const load = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const res = performance
        .getEntriesByType('resource')
        .find((r) => r.name.endsWith('/data/customers_master.json')) as PerformanceResourceTiming | undefined;
      return {
        table_shown_ms: performance.now(),
        dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null,
        json_fetched_ms: res?.responseEnd ?? null,
        rows: Number(
          document.querySelector('[data-testid="customer-scroll"]')!.getAttribute('data-row-count'),
        ),
      };
    });
    if (load.rows !== CUSTOMERS) throw new Error(`the table shows ${load.rows} rows, expected ${CUSTOMERS}`);
    console.log(`   table shown ${Math.round(load.table_shown_ms)} ms after navigation (${load.rows} rows)`);

    const actions: ActionResult[] = [];
    /** Runs `steps` RUNS times; the step at `measured` is the one timed (the others set up or undo it). */
    const measure = async (action: string, steps: string[], measured = 0) => {
      const runs: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        for (const [j, sel] of steps.entries()) {
          const r = await timeAction(page, sel);
          if (j === measured) {
            runs.push(round1(r.ms));
            rows = r.rows;
          }
          await page.waitForTimeout(150);
        }
      }
      const result: ActionResult = {
        action,
        runs_ms: runs,
        median_ms: round1(median(runs)),
        max_ms: round1(Math.max(...runs)),
        rows_shown: rows,
        meets_target: Math.max(...runs) < TARGET_MS,
      };
      actions.push(result);
      console.log(
        `   ${action.padEnd(58)} median ${String(result.median_ms).padStart(6)} ms, max ${String(result.max_ms).padStart(6)} ms`,
      );
    };
    const sortBy = (id: string) => `button[data-sort-button="${id}"]`;
    const tick = (key: string, value: string) => `input[data-filter="${key}"][value="${value}"]`;

    // Sorting: each run clicks the column (first direction), then another column to reset.
    await measure(`sort ${CUSTOMERS.toLocaleString('en')} by total spend (number)`, [
      sortBy('total_spend'),
      sortBy('customer_id'),
    ]);
    await measure('sort by persona (text)', [sortBy('persona'), sortBy('customer_id')]);
    await measure('sort by last order (date)', [sortBy('last_order_date'), sortBy('customer_id')]);
    await measure(
      'reverse the sort (total spend, desc → asc)',
      [sortBy('total_spend'), sortBy('total_spend'), sortBy('customer_id')],
      1,
    );
    // Sorted by total spend, descending, for the filters below.
    await timeAction(page, sortBy('total_spend'));
    // Filtering, with the table sorted by total spend: every filter change re-sorts what is kept.
    await measure('filter: tick churn risk "high" (sorted by spend)', [
      tick('churn_risk_band', 'high'),
      tick('churn_risk_band', 'high'),
    ]);
    await measure(
      'filter: untick churn risk "high" (back to all, sorted)',
      [tick('churn_risk_band', 'high'), tick('churn_risk_band', 'high')],
      1,
    );
    await measure('filter: tick region "urban" (sorted by spend)', [
      tick('locale', 'urban'),
      tick('locale', 'urban'),
    ]);

    // Search: type one more character into the id search.
    const searchRuns: number[] = [];
    let searchRows = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.fill('input[type="search"]', '');
      await page.waitForTimeout(150);
      const r = await page.evaluate(
        () =>
          new Promise<{ ms: number; rows: number }>((resolve) => {
            const box = document.querySelector('[data-testid="customer-scroll"]')!;
            const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
            const before = box.getAttribute('data-view');
            const obs = new MutationObserver(() => {
              if (box.getAttribute('data-view') === before) return;
              obs.disconnect();
              requestAnimationFrame(() =>
                setTimeout(
                  () =>
                    resolve({ ms: performance.now() - t0, rows: Number(box.getAttribute('data-row-count')) }),
                  0,
                ),
              );
            });
            obs.observe(box, { attributes: true, attributeFilter: ['data-view'] });
            // React listens for input events; set the value through the native setter as typing does.
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            const t0 = performance.now();
            setter.call(input, 'C0001');
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
      );
      searchRuns.push(round1(r.ms));
      searchRows = r.rows;
    }
    actions.push({
      action: 'search: id contains "C0001" (sorted by spend)',
      runs_ms: searchRuns,
      median_ms: round1(median(searchRuns)),
      max_ms: round1(Math.max(...searchRuns)),
      rows_shown: searchRows,
      meets_target: Math.max(...searchRuns) < TARGET_MS,
    });
    console.log(
      `   search: median ${round1(median(searchRuns))} ms, max ${round1(Math.max(...searchRuns))} ms`,
    );
    await page.fill('input[type="search"]', '');
    await page.waitForTimeout(300);

    console.log('\n4/4 Scrolling through the table');
    const box = page.getByTestId('customer-scroll');
    const { scrollHeight, clientHeight } = await box.evaluate((el) => ({
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
    }));
    let checks = 0;
    let blankFrames = 0;
    let worstBlank = 0;
    let maxRendered = 0;
    // (a) Jumps: 200 positions spread over the whole height, checked on the next frame.
    const STEPS = 200;
    for (let i = 0; i <= STEPS; i++) {
      await box.evaluate((el, top) => (el.scrollTop = top), ((scrollHeight - clientHeight) * i) / STEPS);
      await frame(page);
      const b = await blankNow(page);
      checks++;
      maxRendered = Math.max(maxRendered, b.rendered);
      if (b.blank > 0) blankFrames++;
      worstBlank = Math.max(worstBlank, b.blank);
    }
    // (b) The mouse wheel, as a person scrolls: 150 notches of 400 px from the top, checked each frame.
    await box.evaluate((el) => (el.scrollTop = 0));
    await box.hover();
    for (let i = 0; i < 150; i++) {
      await page.mouse.wheel(0, 400);
      await frame(page);
      const b = await blankNow(page);
      checks++;
      if (b.blank > 0) blankFrames++;
      worstBlank = Math.max(worstBlank, b.blank);
    }
    await browser.close();

    const scroll = {
      checks,
      frames_with_blank_rows: blankFrames,
      worst_blank_px: round1(worstBlank),
      max_rows_in_dom: maxRendered,
      scroll_height_px: scrollHeight,
      meets_target: blankFrames === 0,
    };
    console.log(
      `   ${checks} frames checked, ${blankFrames} with blank rows, at most ${maxRendered} rows in the DOM`,
    );

    const allMet = actions.every((a) => a.meets_target) && scroll.meets_target && consoleErrors.length === 0;
    const report = {
      generated_at: new Date().toISOString(),
      command: 'npx tsx scripts/bench-explorer.ts',
      machine: {
        load_average_at_end: os.loadavg().map((x) => Math.round(x * 100) / 100),
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      customers: CUSTOMERS,
      customers_master_json_bytes: fileBytes,
      data_build_s: round1(dataBuildS),
      served_as:
        'static export (out/) from a plain Node static server; the data files under /data/ from the benchmark data folder',
      viewport: '1440x900',
      target_ms: TARGET_MS,
      runs_per_action: RUNS,
      load: {
        json_fetched_ms: load.json_fetched_ms === null ? null : Math.round(load.json_fetched_ms),
        table_shown_ms: Math.round(load.table_shown_ms),
      },
      actions,
      scroll,
      console_errors: consoleErrors,
      all_targets_met: allMet,
    };
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync(path.join('benchmarks', 'explorer.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(path.join('benchmarks', 'explorer.md'), markdown(report));
    console.log(
      `\nWrote benchmarks/explorer.json and benchmarks/explorer.md — ${allMet ? 'all targets met' : 'TARGET MISSED'}`,
    );
    return allMet ? 0 : 1;
  } finally {
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function markdown(r: {
  generated_at: string;
  machine: { cpus: number; cpu: string; node: string; platform: string; load_average_at_end: number[] };
  customers: number;
  customers_master_json_bytes: number;
  data_build_s: number;
  served_as: string;
  target_ms: number;
  runs_per_action: number;
  load: { json_fetched_ms: number | null; table_shown_ms: number };
  actions: ActionResult[];
  scroll: {
    checks: number;
    frames_with_blank_rows: number;
    worst_blank_px: number;
    max_rows_in_dom: number;
    meets_target: boolean;
  };
  console_errors: string[];
  all_targets_met: boolean;
}): string {
  const n = r.customers.toLocaleString('en');
  const lines = [
    `# Customer explorer benchmark (${n} customers)`,
    '',
    `Generated ${r.generated_at} by \`npx tsx scripts/bench-explorer.ts\` on ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}, headless Chromium, 1440 × 900.`,
    `Load average (1, 5, 15 min) when the run ended: ${r.machine.load_average_at_end.join(', ')} — on a shared machine other work competes for the ${r.machine.cpus} cores, and the figures include that.`,
    `Served as: ${r.served_as}. customers_master.json: ${(r.customers_master_json_bytes / 2 ** 20).toFixed(1)} MiB (data build ${r.data_build_s} s).`,
    '',
    `**${r.all_targets_met ? 'All targets met.' : 'A target was missed — see the rows marked MISSED.'}**`,
    '',
    '## Load (not a target)',
    '',
    `- JSON downloaded: ${r.load.json_fetched_ms ?? '—'} ms after navigation start`,
    `- table shown (downloaded, parsed, every row checked with the row schema's rules — plain checks proven equal to the zod schema in customers.test.ts — and first render): ${r.load.table_shown_ms} ms`,
    '',
    `## Sort and filter (target < ${r.target_ms} ms, every run)`,
    '',
    'Time from the click (or the input event) to the painted frame that shows the result, measured in the page with `performance.now()`.',
    '',
    '| action | rows shown | median ms | max ms | runs (ms) | target |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...r.actions.map(
      (a) =>
        `| ${a.action} | ${a.rows_shown.toLocaleString('en')} | ${a.median_ms} | ${a.max_ms} | ${a.runs_ms.join(', ')} | ${a.meets_target ? 'met' : '**MISSED**'} |`,
    ),
    '',
    '## Scrolling (target: no blank rows)',
    '',
    `${r.scroll.checks} frames checked (200 jumps spread over the whole table, then 150 mouse-wheel notches of 400 px): ` +
      `${r.scroll.frames_with_blank_rows} with blank space between the header and the bottom of the box` +
      (r.scroll.frames_with_blank_rows ? ` (worst ${r.scroll.worst_blank_px} px)` : '') +
      `; at most ${r.scroll.max_rows_in_dom} rows in the DOM. ${r.scroll.meets_target ? 'Met.' : '**MISSED.**'}`,
    '',
    `Console errors during the run: ${r.console_errors.length ? r.console_errors.map((e) => `\`${e}\``).join('; ') : 'none'}.`,
    '',
  ];
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
