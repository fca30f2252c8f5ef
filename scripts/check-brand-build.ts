/**
 * The whole dashboard built from a brand's own files, checked in a browser:
 *
 *   1. the synthetic orders are exported in the orders format (orders, customers, intents files);
 *   2. `data:build --orders … --out .test-reports/brand/data` builds every table from them;
 *   3. the dashboard is exported statically from that folder (OMNI_DATA_DIR), into its own
 *      out-brand/ folder, with the brand's tables as its /data files; public/data is not touched;
 *   4. a plain static server serves it and the e2e-brand Playwright tests open every page.
 *
 * Exit code: Playwright's (its JSON report at .test-reports/e2e-brand.json has the counts), or 1
 * when a step before it fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serveStatic } from './lib/static-server';

const WORK = path.resolve('.test-reports', 'brand');
const EXPORT = path.join(WORK, 'export');
const DATA = path.join(WORK, 'data');
const OUT = path.resolve('out-brand');
/** Enough customers for five personas and the value model, small enough to build in seconds. */
const CUSTOMERS = '2000';

function step(what: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${what}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) console.error(`${what}: failed (exit ${r.status ?? r.signal}).`);
  return r.status === 0;
}

async function main(): Promise<number> {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const ok =
    step('Export the synthetic orders', tsx, [
      'scripts/build-data.ts',
      '--export-orders',
      EXPORT,
      '--customers',
      CUSTOMERS,
    ]) &&
    step('Build the tables from the orders files', tsx, [
      'scripts/build-data.ts',
      '--orders',
      path.join(EXPORT, 'orders.csv'),
      '--customers',
      path.join(EXPORT, 'customers.csv'),
      '--intents',
      path.join(EXPORT, 'intents.csv'),
      '--out',
      DATA,
    ]) &&
    step('Export the dashboard from the brand tables', path.join('node_modules', '.bin', 'next'), ['build'], {
      OMNI_STATIC_EXPORT: '1',
      OMNI_EXPORT_DIR: 'out-brand',
      OMNI_DATA_DIR: DATA,
    });
  if (!ok) return 1;
  // The export copied public/data's files into out-brand/data/, beside the /data page's own
  // index.html: swap those files for the brand's (the pages fetch their lazy files from /data).
  const exported = path.join(OUT, 'data');
  for (const name of readdirSync(path.resolve('public', 'data')))
    rmSync(path.join(exported, name), { force: true });
  cpSync(DATA, exported, { recursive: true });

  const server = await serveStatic(OUT);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // Asynchronous: the server answers from this process's event loop while the tests run.
    return await new Promise<number>((resolve) => {
      const tests = spawn(
        path.join('node_modules', '.bin', 'playwright'),
        ['test', '--config', 'playwright.brand.config.ts'],
        {
          stdio: 'inherit',
          env: {
            ...process.env,
            PLAYWRIGHT_BASE_URL: base,
            OMNI_BRAND_EXPORT: EXPORT,
            OMNI_BRAND_DATA: DATA,
          },
        },
      );
      tests.on('error', () => resolve(1));
      tests.on('close', (code) => resolve(code ?? 1));
    });
  } finally {
    server.close();
  }
}

main().then((code) => process.exit(code));
