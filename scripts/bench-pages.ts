/**
 * `npm run bench:pages`: first-load JavaScript (gzipped) and Largest Contentful Paint of every page,
 * measured in headless Chromium against the production build (`next build` must have run), written to
 * benchmarks/pages.json and benchmarks/pages.md. Targets (issue 3): ≤ 250 KB gzipped JS, LCP < 1.5 s.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGES } from './bench-pages-list';
import { launchChromium } from './lib/headless-chromium';
import { median, startNextServer } from './lib/next-server';

const PORT = Number(process.env.BENCH_PORT ?? 3311);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const JS_BUDGET_KB = 250;
const LCP_BUDGET_MS = 1500;

interface PageResult {
  url: string;
  js_gzip_kb: number;
  js_files: number;
  /** The document as served, gzipped: a phone downloads and parses all of it before the page shows. */
  html_gzip_kb: number;
  /** Of which React's hydration payload (the inline `self.__next_f` strings), uncompressed. */
  hydration_payload_kb: number;
  /** Elements in the page after load: what a phone lays out and React hydrates. */
  dom_elements: number;
  lcp_ms_median: number;
  lcp_ms_runs: number[];
}

async function main(): Promise<number> {
  if (!existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    return 1;
  }
  const server = await startNextServer(PORT);
  const base = server.base;
  try {
    const browser = await launchChromium();
    const results: PageResult[] = [];
    for (const url of PAGES) {
      const lcps: number[] = [];
      let jsBytes = 0;
      let jsFiles = 0;
      let htmlBytes = 0;
      let payloadBytes = 0;
      let domElements = 0;
      for (let run = 0; run < RUNS; run++) {
        // A fresh context per run: a cold cache, as on a first visit.
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const scripts: Promise<Buffer | null>[] = [];
        page.on('response', (response) => {
          if (response.request().resourceType() === 'script') scripts.push(response.body().catch(() => null));
        });
        const response = await page.goto(base + url, { waitUntil: 'load' });
        const lcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: 'largest-contentful-paint', buffered: true });
              setTimeout(() => resolve(-1), 3000);
            }),
        );
        lcps.push(Math.round(lcp));
        if (run === 0) {
          const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => b !== null);
          jsFiles = bodies.length;
          jsBytes = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
          const html = (await response?.text()) ?? '';
          htmlBytes = gzipSync(html).length;
          payloadBytes = hydrationPayloadBytes(html);
          domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
        }
        await context.close();
      }
      const result = {
        url,
        js_gzip_kb: Math.round((jsBytes / 1024) * 10) / 10,
        js_files: jsFiles,
        html_gzip_kb: Math.round((htmlBytes / 1024) * 10) / 10,
        hydration_payload_kb: Math.round((payloadBytes / 1024) * 10) / 10,
        dom_elements: domElements,
        lcp_ms_median: median(lcps),
        lcp_ms_runs: lcps,
      };
      console.log(
        `${url.padEnd(16)} JS ${result.js_gzip_kb.toFixed(1).padStart(6)} KB gz (${jsFiles} files)   HTML ${result.html_gzip_kb.toFixed(1).padStart(5)} KB gz   payload ${result.hydration_payload_kb.toFixed(1).padStart(6)} KB   ${String(domElements).padStart(5)} elements   LCP ${result.lcp_ms_median} ms`,
      );
      results.push(result);
    }
    await browser.close();
    const machine = `${os.cpus().length} cores, Node ${process.version}, headless Chromium`;
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync('benchmarks/pages.json', JSON.stringify({ machine, runs: RUNS, results }, null, 2) + '\n');
    const rows = results.map(
      (r) =>
        `| \`${r.url}\` | ${r.js_gzip_kb.toFixed(1)} | ${r.js_gzip_kb <= JS_BUDGET_KB ? 'yes' : '**no**'} | ${r.html_gzip_kb.toFixed(1)} | ${r.hydration_payload_kb.toFixed(1)} | ${r.dom_elements} | ${r.lcp_ms_median} | ${
          r.lcp_ms_median >= 0 && r.lcp_ms_median < LCP_BUDGET_MS ? 'yes' : '**no**'
        } |`,
    );
    writeFileSync(
      'benchmarks/pages.md',
      [
        '# Page benchmark',
        '',
        `Made by \`npm run bench:pages\` against the production build (\`next start\`) on ${machine}.`,
        `First-load JS: every script the page loads on a cold visit, gzipped (level 6) and summed. LCP: median of ${RUNS}`,
        'cold visits at 1440 × 900 (Largest Contentful Paint from the browser, milliseconds after navigation start).',
        `Targets: ≤ ${JS_BUDGET_KB} KB gzipped, LCP < ${LCP_BUDGET_MS} ms.`,
        'What a phone must also take in (no target; they drive its main-thread time, issue 13): the HTML as served,',
        "gzipped; React's hydration payload inside it (uncompressed); and the page's elements after load.",
        '',
        '| page | first-load JS (KB gz) | ≤ 250 KB | HTML (KB gz) | hydration payload (KB) | elements | LCP median (ms) | < 1.5 s |',
        '|---|---:|---|---:|---:|---:|---:|---|',
        ...rows,
        '',
      ].join('\n'),
    );
    console.log('Wrote benchmarks/pages.json and benchmarks/pages.md');
    return 0;
  } finally {
    server.stop();
  }
}

/** Bytes of the React Server Components payload Next inlines in the HTML for hydration. */
function hydrationPayloadBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g))
    bytes += Buffer.byteLength(JSON.parse(m[1]!) as string);
  return bytes;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
