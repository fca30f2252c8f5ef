/**
 * duckdb-wasm in the browser, for the explorer (issue 15), seen from the page: a SqlRunner whose SQL
 * runs in ./duckdb.worker.ts. The page itself loads none of duckdb-wasm or Apache Arrow (the worker
 * does), and gets back only plain rows. Imported only by the explorer, lazily.
 */
import type { FromDuckdbWorker, ToDuckdbWorker } from './duckdb-protocol';
import type { SqlRunner } from './engine';

type Row = Record<string, unknown>;
type Request = ToDuckdbWorker extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

/**
 * Starts the worker, which starts DuckDB and registers `url` (the customers_master Parquet) under
 * `name`. The file is read with HTTP range requests: the first rows and the summaries read only
 * the parts of the file they need.
 */
export async function openBrowserDuckDB(
  url: string,
  name: string,
): Promise<{ runner: SqlRunner; close(): void }> {
  const worker = new Worker(new URL('./duckdb.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(m: FromDuckdbWorker): void; reject(e: Error): void }>();
  let nextId = 1;
  let failed: Error | null = null;

  worker.onmessage = (event: MessageEvent<FromDuckdbWorker>) => {
    const reply = event.data;
    const waiter = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!waiter) return;
    if (reply.kind === 'error') waiter.reject(new Error(reply.message));
    else waiter.resolve(reply);
  };
  // A worker that cannot start or dies (out of memory) fails every question, now and later.
  worker.onerror = (event) => {
    event.preventDefault();
    failed = new Error(event.message || 'the database worker stopped');
    for (const waiter of waiting.values()) waiter.reject(failed);
    waiting.clear();
  };

  const send = (id: number, request: Request): Promise<FromDuckdbWorker> => {
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as ToDuckdbWorker);
    });
  };
  const ask = (request: Request) => send(nextId++, request);
  const rowsOf = (reply: FromDuckdbWorker): Row[] => (reply.kind === 'rows' ? reply.rows : []);

  try {
    await ask({ kind: 'open', url: new URL(url, window.location.href).href, name });
  } catch (error) {
    worker.terminate();
    throw error;
  }

  const runner: SqlRunner = {
    async run(sql) {
      await ask({ kind: 'run', sql });
    },
    async rows(sql) {
      return rowsOf(await ask({ kind: 'rows', sql }));
    },
    // A batch is asked for only when the last one is used, so an export of millions never piles up here.
    async *batches(sql) {
      // A stream is named by the id of the request that started it.
      const stream = nextId++;
      await send(stream, { kind: 'stream', sql });
      let ended = false;
      try {
        for (;;) {
          const reply = await ask({ kind: 'next', stream });
          if (reply.kind === 'end') {
            ended = true;
            return;
          }
          yield rowsOf(reply);
        }
      } finally {
        if (!ended) await ask({ kind: 'cancel', stream }).catch(() => {});
      }
    },
  };
  return { runner, close: () => worker.terminate() };
}
