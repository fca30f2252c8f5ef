/**
 * The whole dashboard built from brands' own exports, checked in a browser, for every case of the
 * corpus of realistic exports (test/corpus: Shopify with its products export, a trimmed Shopify
 * file, WooCommerce, an Indian POS register with its CRM export, a Shopify export re-saved by
 * Excel). For each case:
 *
 *   1. `data:build --orders … [--products] [--customers] [--intents]` builds every table into
 *      .test-reports/brand/<case>/data, the key map into its private/ folder (the POS case without
 *      the public sources, as a brand's machine may have none);
 *   2. the dashboard is exported statically from that folder (OMNI_DATA_DIR) into out-brand/,
 *      with the case's tables as its /data files; public/data is not touched;
 *   3. a plain static server serves it and the e2e-brand Playwright tests check the case: its
 *      revenue reconciles with the file's, nothing published holds personal data, and every page
 *      shows the brand's data.
 *
 * Exit code: non-zero when any step or test failed. The Playwright reports of the cases are merged
 * into .test-reports/e2e-brand.json, whose counts `npm test` adds up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generateCorpus, type CorpusCase } from '../test/corpus/generate';
import { serveStatic } from './lib/static-server';

const WORK = path.resolve('.test-reports', 'brand');
const OUT = path.resolve('out-brand');
const REPORT = path.resolve('.test-reports', 'e2e-brand.json');
/** The case built without the public sources: a brand's machine need not have them. */
const WITHOUT_SOURCES = 'pos-register';
/** The pseudonym secret of these builds, as a brand would keep it in OMNI_ID_SECRET. */
const SECRET = 'ab'.repeat(32);

function step(what: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${what}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) console.error(`${what}: failed (exit ${r.status ?? r.signal}).`);
  return r.status === 0;
}

/** The case's files on disk, as a brand would have them. */
function writeInputs(
  c: CorpusCase,
  dir: string,
): Record<'orders' | 'products' | 'customers' | 'intents', string | null> {
  mkdirSync(dir, { recursive: true });
  const put = (file: { name: string; text: string } | undefined) => {
    if (!file) return null;
    const p = path.join(dir, file.name);
    writeFileSync(p, file.text);
    return p;
  };
  writeFileSync(path.join(dir, 'truth.json'), JSON.stringify(c.truth));
  return {
    orders: put(c.files.orders),
    products: put(c.files.products),
    customers: put(c.files.customers),
    intents: put(c.files.intents),
  };
}

/** Builds, exports and serves one case, and runs the e2e-brand tests against it; the Playwright report's path. */
async function checkCase(c: CorpusCase, tsx: string, next: string): Promise<{ report: string; ok: boolean }> {
  const dir = path.join(WORK, c.name);
  const data = path.join(dir, 'data');
  const report = path.join(WORK, `e2e-brand-${c.name}.json`);
  const files = writeInputs(c, path.join(dir, 'input'));
  const noSources = path.join(dir, 'no-sources');
  mkdirSync(noSources, { recursive: true });
  const args = ['scripts/build-data.ts', '--orders', files.orders!];
  for (const flag of ['products', 'customers', 'intents'] as const)
    if (files[flag]) args.push(`--${flag}`, files[flag]!);
  args.push('--private-dir', path.join(dir, 'private'), '--out', data);
  const ok =
    step(`${c.name}: build the tables from ${c.files.orders.name}`, tsx, args, {
      OMNI_ID_SECRET: SECRET,
      ...(c.name === WITHOUT_SOURCES ? { OMNI_SOURCES_DIR: noSources } : {}),
    }) &&
    step(`${c.name}: export the dashboard from its tables`, next, ['build'], {
      OMNI_STATIC_EXPORT: '1',
      OMNI_EXPORT_DIR: path.basename(OUT),
      OMNI_DATA_DIR: data,
    });
  if (!ok) return { report, ok: false };
  // The export copied public/data's files into out-brand/data/, beside the /data page's own
  // index.html: swap those files for the case's (the pages fetch their lazy files from /data).
  const exported = path.join(OUT, 'data');
  for (const name of readdirSync(path.resolve('public', 'data')))
    rmSync(path.join(exported, name), { force: true });
  cpSync(data, exported, { recursive: true });

  const server = await serveStatic(OUT);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Asynchronous: the server answers from this process's event loop while the tests run.
    const code = await new Promise<number>((resolve) => {
      const tests = spawn(
        next.replace(/next$/, 'playwright'),
        ['test', '--config', 'playwright.brand.config.ts'],
        {
          stdio: 'inherit',
          env: {
            ...process.env,
            PLAYWRIGHT_BASE_URL: base,
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
            OMNI_BRAND_CASE: c.name,
            OMNI_BRAND_DIR: dir,
            OMNI_BRAND_EXPORT: OUT,
            OMNI_BRAND_WITHOUT_SOURCES: c.name === WITHOUT_SOURCES ? '1' : '',
          },
        },
      );
      tests.on('error', () => resolve(1));
      tests.on('close', (status) => resolve(status ?? 1));
    });
    return { report, ok: code === 0 };
  } finally {
    server.close();
  }
}

/** The cases' Playwright reports as one, for npm test's counts. */
function mergeReports(reports: string[], failedSteps: number): void {
  const stats = { expected: 0, unexpected: failedSteps, flaky: 0, skipped: 0 };
  for (const file of reports) {
    try {
      const s = (JSON.parse(readFileSync(file, 'utf8')) as { stats: typeof stats }).stats;
      for (const key of Object.keys(stats) as Array<keyof typeof stats>) stats[key] += s[key] ?? 0;
    } catch {
      stats.unexpected++;
    }
  }
  writeFileSync(REPORT, JSON.stringify({ stats }));
}

async function main(): Promise<number> {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const bin = (name: string) => path.join('node_modules', '.bin', name);
  const reports: string[] = [];
  let failedSteps = 0;
  let allOk = true;
  for (const c of generateCorpus()) {
    const r = await checkCase(c, bin('tsx'), bin('next'));
    allOk &&= r.ok;
    if (readdirSync(WORK).includes(path.basename(r.report))) reports.push(r.report);
    else failedSteps++;
  }
  mergeReports(reports, failedSteps);
  return allOk ? 0 : 1;
}

main().then((code) => process.exit(code));
