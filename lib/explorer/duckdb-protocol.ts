/** Messages between the explorer's page and its database worker (./duckdb.worker.ts). */

/** Where next.config.mjs puts duckdb-wasm's files (under public/, so the static export has them too). */
export const DUCKDB_ASSETS = '/duckdb';

export type ToDuckdbWorker = { id: number } & (
  | { kind: 'open'; url: string; name: string }
  | { kind: 'run'; sql: string }
  | { kind: 'rows'; sql: string }
  /** Starts streaming a query's rows; its batches are then asked for one `next` at a time. */
  | { kind: 'stream'; sql: string }
  | { kind: 'next'; stream: number }
  | { kind: 'cancel'; stream: number }
);

export type FromDuckdbWorker = { id: number } & (
  | { kind: 'done' }
  | { kind: 'rows'; rows: Record<string, unknown>[] }
  /** The stream has no more rows. */
  | { kind: 'end' }
  | { kind: 'error'; message: string }
);
