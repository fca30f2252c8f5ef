/**
 * Imported first by `data:build` (scripts/build-data.ts), before any module that loads DuckDB: on a
 * machine without DuckDB's engine it prints what to do (./duckdb-native.ts) and exits 1, instead of
 * DuckDB's own error from deep in an import.
 */
import { createRequire } from 'node:module';
import { duckdbEngineProblem } from './duckdb-native';

const problem = duckdbEngineProblem(
  () => createRequire(import.meta.url)('@duckdb/node-bindings'),
  process.platform,
  process.arch,
);
if (problem) {
  console.error(problem);
  process.exit(1);
}
