/**
 * duckdb-wasm in the browser, for the explorer (issue 15). The engine and its worker are served
 * from this dashboard's own /duckdb/ folder (copied from the package by next.config.mjs), never
 * from a CDN: the explorer works offline and behind a brand's firewall, and no customer row leaves
 * the browser. Imported only by the explorer, lazily, so no other page loads any of it.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { SqlRunner } from './engine';

/** Where next.config.mjs puts the engine's files (under public/, so the static export has them too). */
export const DUCKDB_ASSETS = '/duckdb';

type Row = Record<string, unknown>;
const toRows = (rows: { toJSON(): Row }[]) => rows.map((r) => r.toJSON());

/**
 * Starts DuckDB in a worker and registers `url` (the customers_master Parquet) under `name`. The
 * file is read with HTTP range requests: the first rows and the summaries read only the parts of
 * the file they need.
 */
export async function openBrowserDuckDB(
  url: string,
  name: string,
): Promise<{ runner: SqlRunner; close(): void }> {
  const bundle = await duckdb.selectBundle({
    mvp: {
      mainModule: `${DUCKDB_ASSETS}/duckdb-mvp.wasm`,
      mainWorker: `${DUCKDB_ASSETS}/duckdb-browser-mvp.worker.js`,
    },
    eh: {
      mainModule: `${DUCKDB_ASSETS}/duckdb-eh.wasm`,
      mainWorker: `${DUCKDB_ASSETS}/duckdb-browser-eh.worker.js`,
    },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule);
    // Range requests where the host answers them (every common static host does), the whole file where not.
    await db.open({ filesystem: { allowFullHTTPReads: true } });
    await db.registerFileURL(
      name,
      new URL(url, window.location.href).href,
      duckdb.DuckDBDataProtocol.HTTP,
      false,
    );
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const connection = await db.connect();
  const runner: SqlRunner = {
    async run(sql) {
      await connection.query(sql);
    },
    async rows(sql) {
      return toRows((await connection.query(sql)).toArray());
    },
    // An export streams on a connection of its own, so the table can keep fetching rows meanwhile.
    async *batches(sql) {
      const own = await db.connect();
      try {
        for await (const batch of await own.send(sql)) yield toRows(batch.toArray());
      } finally {
        await own.close();
      }
    },
  };
  return {
    runner,
    close() {
      void connection.close().finally(() => void db.terminate());
    },
  };
}
