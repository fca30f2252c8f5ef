/**
 * The explorer's database worker (issue 13's phone budget, issue 15's engine). It holds duckdb-wasm's
 * client and Apache Arrow, so the page's main thread never loads, compiles or runs either: on a
 * phone that was about a third of /customers' blocking time (bench:mobile). It starts DuckDB (in a
 * worker of its own, as duckdb-wasm does), opens the customers_master Parquet over HTTP range
 * requests, and answers the page's SQL with plain rows: only the rows asked for cross to the page.
 * The engine's files come from this dashboard's own /duckdb/ folder (copied from the package by
 * next.config.mjs), never from a CDN, so the explorer works offline and no customer row leaves the browser.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { DUCKDB_ASSETS, type FromDuckdbWorker, type ToDuckdbWorker } from './duckdb-protocol';

type Row = Record<string, unknown>;

/**
 * A value the page can receive: Arrow gives lists as Vectors and structs as row proxies, which
 * hold functions and cannot be posted; numbers, text, BigInts, dates and typed arrays can.
 */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date)
    return value;
  if (Array.isArray(value)) return value.map(plain);
  if (Symbol.iterator in value && 'type' in value) return Array.from(value as Iterable<unknown>, plain);
  const record = 'toJSON' in value ? (value as { toJSON(): object }).toJSON() : value;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v)]));
}
const toRows = (rows: { toJSON(): Row }[]) => rows.map((r) => plain(r) as Row);

const scope = self as unknown as {
  postMessage(message: FromDuckdbWorker): void;
  onmessage: ((event: MessageEvent<ToDuckdbWorker>) => void) | null;
};

let db: duckdb.AsyncDuckDB | null = null;
let connection: duckdb.AsyncDuckDBConnection | null = null;
/** Exports in progress: each streams on a connection of its own, so the table keeps fetching rows meanwhile. */
const streams = new Map<
  number,
  { own: duckdb.AsyncDuckDBConnection; batches: AsyncIterator<{ toArray(): { toJSON(): Row }[] }> }
>();

/** Starts DuckDB and registers `url` (absolute) under `name`. */
async function open(url: string, name: string): Promise<void> {
  const base = new URL(DUCKDB_ASSETS, self.location.href).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: `${base}/duckdb-mvp.wasm`, mainWorker: `${base}/duckdb-browser-mvp.worker.js` },
    eh: { mainModule: `${base}/duckdb-eh.wasm`, mainWorker: `${base}/duckdb-browser-eh.worker.js` },
  });
  const worker = new Worker(bundle.mainWorker!);
  const started = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await started.instantiate(bundle.mainModule);
    // Range requests where the host answers them (every common static host does), the whole file where not.
    await started.open({ filesystem: { allowFullHTTPReads: true } });
    await started.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false);
    connection = await started.connect();
    db = started;
  } catch (error) {
    worker.terminate();
    throw error;
  }
}

function ready(): { db: duckdb.AsyncDuckDB; connection: duckdb.AsyncDuckDBConnection } {
  if (!db || !connection) throw new Error('DuckDB is not open');
  return { db, connection };
}

async function answer(message: ToDuckdbWorker): Promise<FromDuckdbWorker> {
  const { id } = message;
  switch (message.kind) {
    case 'open':
      await open(message.url, message.name);
      return { id, kind: 'done' };
    case 'run':
      await ready().connection.query(message.sql);
      return { id, kind: 'done' };
    case 'rows':
      return { id, kind: 'rows', rows: toRows((await ready().connection.query(message.sql)).toArray()) };
    case 'stream': {
      const own = await ready().db.connect();
      const reader = await own.send(message.sql);
      streams.set(id, { own, batches: reader[Symbol.asyncIterator]() });
      return { id, kind: 'done' };
    }
    case 'next': {
      const stream = streams.get(message.stream);
      if (!stream) return { id, kind: 'end' };
      const next = await stream.batches.next();
      if (!next.done) return { id, kind: 'rows', rows: toRows(next.value.toArray()) };
      streams.delete(message.stream);
      await stream.own.close();
      return { id, kind: 'end' };
    }
    case 'cancel': {
      const stream = streams.get(message.stream);
      streams.delete(message.stream);
      if (stream) {
        await stream.batches.return?.();
        await stream.own.close();
      }
      return { id, kind: 'done' };
    }
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  answer(message).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({
        id: message.id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
