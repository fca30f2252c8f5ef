/**
 * `npm run bench:value-browser`: BG/NBD + Gamma-Gamma fit, predictions and ranges for 100,000
 * customers in a Web Worker in headless Chromium — the code the "Analyse your data" worker runs
 * (lib/value/customer-value.ts), bundled with esbuild as the page's worker is bundled by Next.
 * Customers are simulated in the worker from known parameters (not timed). Writes
 * benchmarks/value-browser.md and .json. Target: under 5 s. BENCH_CUSTOMERS changes the count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from './lib/headless-chromium';
import { serveStatic } from './lib/static-server';

const N = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const TARGET_MS = 5_000;

interface WorkerResult {
  ms: number;
  stages: Array<{ stage: string; ms: number }>;
  finite: boolean;
  histories: number;
  cells: number;
  params: Record<string, number>;
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'omni-value-bench-'));
  try {
    await build({
      entryPoints: [path.resolve('scripts', 'lib', 'value-bench.worker.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      outfile: path.join(dir, 'worker.js'),
      logLevel: 'warning',
    });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>value bench</title>');
    const server = await serveStatic(dir);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    let result: WorkerResult;
    let version: string;
    try {
      version = browser.version();
      const page = await browser.newPage();
      await page.goto(`${base}/index.html`);
      result = await page.evaluate(
        (customers) =>
          new Promise<WorkerResult>((resolve, reject) => {
            const worker = new Worker('/worker.js', { type: 'module' });
            worker.onmessage = (e) => resolve(e.data as WorkerResult);
            worker.onerror = (e) => reject(new Error(e.message));
            worker.postMessage({ customers });
          }),
        N,
      );
    } finally {
      await browser.close();
      server.close();
    }
    const met = result.ms < TARGET_MS && result.finite;
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium ${version}`;
    const json = {
      customers: N,
      seconds: result.ms / 1000,
      targetSeconds: TARGET_MS / 1000,
      met,
      allFinite: result.finite,
      histories: result.histories,
      rangeCells: result.cells,
      stages: result.stages,
      fitted: result.params,
      loadAverage: loadavg(),
      machine,
    };
    const f = (x: number, d = 2) => x.toFixed(d);
    const md = [
      '# Predicted value in the browser worker',
      '',
      `Made by \`npm run bench:value-browser\` on ${machine}; load average at the end ${json.loadAverage.map((x) => x.toFixed(2)).join(', ')}.`,
      `${N.toLocaleString('en')} customers simulated in the worker (not timed; same simulation as benchmarks/value.md); ${result.histories.toLocaleString('en')} distinct (x, t_x, T), ${result.cells.toLocaleString('en')} range cells.`,
      'Timed in a Web Worker in headless Chromium: `predictCustomerValue` (lib/value/customer-value.ts, bundled with esbuild), the same function the build and "Analyse your data" run: RFM summary, grouping, both fits, P(alive), expected purchases, discounted 12-month CLV and p10–p90 ranges.',
      '',
      `**${f(json.seconds)} s against the ${json.targetSeconds} s target: ${met ? 'met' : '**MISSED**'}.** Every prediction finite: ${result.finite ? 'yes' : 'no'}.`,
      '',
      '| stage | seconds |',
      '|---|---:|',
      ...result.stages.map((s) => `| ${s.stage} | ${f(s.ms / 1000)} |`),
      '',
      `Fitted: ${Object.entries(result.params)
        .map(([k, v]) => `${k} ${f(v, 3)}`)
        .join(', ')}.`,
      '',
    ].join('\n');
    writeFileSync(path.resolve('benchmarks', 'value-browser.md'), md);
    writeFileSync(path.resolve('benchmarks', 'value-browser.json'), `${JSON.stringify(json, null, 2)}\n`);
    console.log(md);
    return met ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
