/**
 * The browser's engine (duckdb-wasm, the same package and build) run in Node for the tests, so the
 * explorer's SQL is tested on the engine that runs it, not on the native DuckDB of the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTableParquet } from '@/lib/duckdb/table-parquet';
import { CUSTOMER_COLUMNS, CUSTOMERS_MASTER_COLUMNS } from '@/lib/schema/customers-master';
import { arrowRows } from './arrow-rows';
import type { Customer } from './customers';
import { CustomerEngine, type SqlRunner } from './engine';

const require = createRequire(import.meta.url);
// The package's Node build, loaded by path: its export map gives TypeScript the browser's types.
const NODE_BUILD = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const duckdb = require(
  NODE_BUILD,
) as typeof import('../../node_modules/@duckdb/duckdb-wasm/dist/types/src/targets/duckdb-node-blocking');
const DIST = path.dirname(NODE_BUILD);

/** A fresh duckdb-wasm in this process, as a SqlRunner. */
export async function nodeRunner(): Promise<SqlRunner> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: path.join(DIST, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: path.join(DIST, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({});
  const connection = db.connect();
  return {
    async run(sql) {
      connection.query(sql);
    },
    async rows(sql) {
      return arrowRows(connection.query(sql));
    },
    async *batches(sql) {
      for (const batch of await connection.send(sql)) yield arrowRows(batch);
    },
  };
}

/**
 * Writes `customers` as customers_master.parquet (the build's writer) in a temporary folder and
 * opens the explorer's engine on it; `inMemory` copies the file into memory first, as the page
 * does after the first rows.
 */
export async function engineOver(
  customers: readonly Customer[],
  inMemory = false,
  memoryCopyMax?: number,
  searchHitsMax?: number,
): Promise<CustomerEngine> {
  const file = await customersParquet(customers);
  const engine = await CustomerEngine.open(await nodeRunner(), file, memoryCopyMax, searchHitsMax);
  if (inMemory) {
    await engine.loadIntoMemory();
    rmSync(path.dirname(file), { recursive: true });
  }
  return engine;
}

/** `customers` as customers_master.parquet (the build's writer) in a new temporary folder: its path. */
export async function customersParquet(customers: readonly Customer[]): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'explorer-')), 'customers_master.parquet');
  await writeTableParquet(
    file,
    CUSTOMERS_MASTER_COLUMNS,
    customers.map((c) => CUSTOMER_COLUMNS.map((name) => c[name])),
  );
  return file;
}
