/**
 * Proves the dashboard works as a static export: builds it with OMNI_STATIC_EXPORT=1 into out/,
 * serves out/ with a plain static file server (no Next.js), and checks that every page, every script
 * it references and the data files answer 200 with the expected content. Exit 1 on any failure.
 */
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadTable } from '../lib/data/load-data';
import { FAMILIES_URL } from '../lib/view/demand';
import { PAGES } from './bench-pages-list';
import { describeFindings, scanFolder } from './lib/scan-published';
import { serveStatic } from './lib/static-server';

const OUT = path.resolve('out');

async function main(): Promise<number> {
  const build = spawnSync(path.join('node_modules', '.bin', 'next'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, OMNI_STATIC_EXPORT: '1' },
  });
  if (build.status !== 0) {
    console.error('Static export build failed.');
    return 1;
  }
  const server = await serveStatic(OUT);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const problems: string[] = [];
  try {
    const scripts = new Set<string>();
    for (const page of PAGES) {
      const url = page.endsWith('/') ? page : `${page}/`;
      const res = await fetch(base + url);
      const html = await res.text();
      if (res.status !== 200) problems.push(`${url}: HTTP ${res.status}`);
      else if (!/<h1[\s>]/.test(html)) problems.push(`${url}: no <h1> in the exported HTML`);
      for (const m of html.matchAll(/src="(\/_next\/[^"]+\.js)"/g)) scripts.add(m[1]!);
      console.log(`${url.padEnd(16)} ${res.status}`);
    }
    for (const src of scripts) {
      const res = await fetch(base + src);
      if (res.status !== 200) problems.push(`${src}: HTTP ${res.status}`);
    }
    console.log(`${scripts.size} scripts referenced by the pages`);
    const manifest = await fetch(`${base}/data/manifest.json`);
    if (manifest.status !== 200) problems.push(`/data/manifest.json: HTTP ${manifest.status}`);
    // The demand table fetches every family when used: a file the export must hold, one per family.
    const families = await fetch(`${base}${FAMILIES_URL}`);
    const familyRows: unknown = families.status === 200 ? await families.json() : null;
    const familyCount = loadTable('demand_summary')?.rows.length ?? 0;
    if (!Array.isArray(familyRows) || familyRows.length !== familyCount)
      problems.push(
        `${FAMILIES_URL}: HTTP ${families.status}, expected a JSON list of the ${familyCount} families`,
      );
  } finally {
    server.close();
  }
  // What a host would publish holds no personal data and no spreadsheet formula.
  for (const dir of [path.resolve('public', 'data'), OUT]) {
    const findings = await scanFolder(dir);
    if (findings.length)
      problems.push(`${path.relative(process.cwd(), dir)}:\n${describeFindings(findings).join('\n')}`);
  }
  if (problems.length) {
    console.error(`Static export problems:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  console.log(
    'Static export: every page, script and data file is served by a plain static server, and neither it nor public/data holds an e-mail, a phone number or a spreadsheet formula.',
  );
  return 0;
}

main().then((code) => process.exit(code));
