/**
 * Copies duckdb-wasm's engine (its WebAssembly modules) from node_modules into public/duckdb/, so the explorer
 * loads them from the dashboard itself (never a CDN) under `next start`, `next dev` and in the
 * static export. Called from next.config.mjs, the one file every build, dev server and export reads.
 * Plain JavaScript because next.config.mjs imports it before any TypeScript tooling runs.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The files the explorer's database worker asks for (lib/explorer/duckdb.worker.ts). */
export const DUCKDB_FILES = ['duckdb-eh.wasm', 'duckdb-mvp.wasm'];

export function vendorDuckdbWasm(projectRoot = process.cwd()) {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'));
  const target = path.join(projectRoot, 'public', 'duckdb');
  mkdirSync(target, { recursive: true });
  for (const file of DUCKDB_FILES) {
    const from = path.join(dist, file);
    const to = path.join(target, file);
    // Copied again whenever the installed package's file differs in size or is newer.
    if (
      existsSync(to) &&
      statSync(to).size === statSync(from).size &&
      statSync(to).mtimeMs >= statSync(from).mtimeMs
    )
      continue;
    copyFileSync(from, to);
  }
}
