/**
 * The explorer's database worker (issue 13's phone budget, issue 15's engine). DuckDB runs here,
 * through duckdb-wasm's blocking API: its WebAssembly module, its JavaScript and Apache Arrow load in
 * this worker only, so the page's main thread never loads, compiles or runs them (on a phone that was
 * about a third of /customers' blocking time, bench:mobile). It opens the customers_master Parquet
 * over HTTP range requests (synchronous reads, which a worker may make) and answers the page's SQL
 * with plain rows: only the rows asked for cross to the page.
 *
 * Blocking, not duckdb-wasm's AsyncDuckDB: that client starts DuckDB in a worker of its own, so here it
 * would be a worker inside a worker, one more hop for every answer. (bench:explorer at 5M gave view
 * medians of 0.63–0.98 s that way, 0.41–0.61 s with the client on the page and 0.31–0.96 s with this
 * one; runs of one build differ by up to 0.3 s there, so the figures do not rank the three.)
 * The engine's files come from this dashboard's own /duckdb/ folder (copied from the package by
 * next.config.mjs), never from a CDN, so the explorer works offline and no customer row leaves the browser.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { arrowRows, type ArrowColumns } from './arrow-rows';
import { DUCKDB_ASSETS, type FromDuckdbWorker, type ToDuckdbWorker } from './duckdb-protocol';

const scope = self as unknown as {
  postMessage(message: FromDuckdbWorker): void;
  onmessage: ((event: MessageEvent<ToDuckdbWorker>) => void) | null;
};

let db: duckdb.DuckDBBindings | null = null;
let connection: duckdb.DuckDBConnection | null = null;
/** Exports in progress: each streams on a connection of its own. */
const streams = new Map<number, { own: duckdb.DuckDBConnection; batches: AsyncIterator<ArrowColumns> }>();

/** Starts DuckDB and registers `url` (absolute) under `name`. */
async function open(url: string, name: string): Promise<void> {
  const base = new URL(DUCKDB_ASSETS, self.location.href).href;
  // The blocking API runs the module here: no worker script of DuckDB's own is needed.
  const started = await duckdb.createDuckDB(
    {
      mvp: { mainModule: `${base}/duckdb-mvp.wasm`, mainWorker: '' },
      eh: { mainModule: `${base}/duckdb-eh.wasm`, mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.BROWSER_RUNTIME,
  );
  await started.instantiate(() => {});
  // Range requests where the host answers them (every common static host does), the whole file where not.
  started.open({ filesystem: { allowFullHTTPReads: true } });
  started.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false);
  connection = started.connect();
  db = started;
}

function ready(): { db: duckdb.DuckDBBindings; connection: duckdb.DuckDBConnection } {
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
      ready().connection.query(message.sql);
      return { id, kind: 'done' };
    case 'rows':
      return { id, kind: 'rows', rows: arrowRows(ready().connection.query(message.sql)) };
    case 'stream': {
      const own = ready().db.connect();
      const reader = await own.send(message.sql);
      streams.set(id, { own, batches: reader[Symbol.asyncIterator]() });
      return { id, kind: 'done' };
    }
    case 'next': {
      const stream = streams.get(message.stream);
      if (!stream) return { id, kind: 'end' };
      const next = await stream.batches.next();
      if (!next.done) return { id, kind: 'rows', rows: arrowRows(next.value) };
      streams.delete(message.stream);
      stream.own.close();
      return { id, kind: 'end' };
    }
    case 'cancel': {
      const stream = streams.get(message.stream);
      streams.delete(message.stream);
      if (stream) {
        await stream.batches.return?.();
        stream.own.close();
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
