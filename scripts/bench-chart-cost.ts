/**
 * `npm run bench:chart-cost`: what a chart library and a URL-state library would add to a page's
 * JavaScript, beside what our own chart kit and URL hook cost, measured side by side in one run.
 * Each candidate is installed into a temporary folder from the npm registry (none is a dependency),
 * bundled with esbuild (minified, production, React and Next left out as every page has them) and
 * gzipped. Written to benchmarks/chart-cost.md. This is the measurement behind the README's choice of
 * server-drawn SVG over Recharts and of our own URL hook over nuqs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = process.cwd();
const EXTERNAL = ['react', 'react-dom', 'react-is', 'react/jsx-runtime', 'next', 'next/*'];

interface Candidate {
  name: string;
  what: string;
  /** Source of the entry module (imports what one page would use). */
  entry: string;
  /** npm packages to install first. */
  install: string[];
}

const CANDIDATES: Candidate[] = [
  {
    name: 'recharts',
    what: 'Recharts: the charts /revenue draws (area, line, bar, scatter, axes, grid, tooltip, legend, responsive container)',
    install: ['recharts'],
    entry: `export { AreaChart, Area, LineChart, Line, BarChart, Bar, ScatterChart, Scatter, ComposedChart, XAxis, YAxis, ZAxis, CartesianGrid, Tooltip, Legend, ResponsiveContainer, ReferenceLine, ReferenceArea, Cell } from 'recharts';`,
  },
  {
    name: 'chart kit',
    what: "Our chart kit's client JavaScript (the tooltip and focus island; frame, axes and marks render on the server)",
    install: [],
    entry: `export { ChartTips } from '${path.join(ROOT, 'components/charts/chart-tips.tsx')}';`,
  },
  {
    name: 'nuqs',
    what: 'nuqs: one URL setting with a parser, and its Next.js adapter',
    install: ['nuqs'],
    entry: `export { useQueryState, parseAsStringLiteral } from 'nuqs';\nexport { NuqsAdapter } from 'nuqs/adapters/next/app';`,
  },
  {
    name: 'url hook',
    what: 'Our URL-state hook (lib/url/url-state.ts)',
    install: [],
    entry: `export { useUrlState, useUrlView, editQuery } from '${path.join(ROOT, 'lib/url/url-state.ts')}';`,
  },
];

async function sizeOf(dir: string, c: Candidate): Promise<{ version: string; bytes: number; gzip: number }> {
  const entry = path.join(dir, `${c.name.replace(/\W+/g, '-')}.tsx`);
  writeFileSync(entry, c.entry);
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [path.join(dir, 'node_modules'), path.join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const pkg = c.install[0];
  const version = pkg
    ? (
        JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version
    : 'this repo';
  return { version, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chart-cost-'));
  try {
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    const packages = CANDIDATES.flatMap((c) => c.install);
    // --legacy-peer-deps: the candidates' React/Next peers are left out of the bundle anyway.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', ...packages], {
      cwd: dir,
      stdio: 'inherit',
    });
    const rows: string[] = [];
    for (const c of CANDIDATES) {
      const s = await sizeOf(dir, c);
      rows.push(
        `| ${c.what} | ${s.version} | ${(s.bytes / 1024).toFixed(1)} | ${(s.gzip / 1024).toFixed(1)} |`,
      );
      console.log(`${c.name}: ${(s.gzip / 1024).toFixed(1)} KB gzipped`);
    }
    mkdirSync('benchmarks', { recursive: true });
    writeFileSync(
      path.join('benchmarks', 'chart-cost.md'),
      [
        '# What a library would add to a page (`npm run bench:chart-cost`)',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)}: esbuild, minified, production; React and Next left out (every page has them).`,
        '',
        '| candidate | version | KB | KB gzipped |',
        '|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(
    `bench:chart-cost could not finish: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
