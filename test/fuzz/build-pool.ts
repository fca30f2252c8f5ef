/**
 * Worker threads that run the fuzz's builds (build-job.ts), so that each case has a real timeout: a
 * build stuck in a loop is stopped by terminating its worker (a promise race cannot interrupt
 * synchronous code), and an error thrown outside the build's promise (an uncaught exception or an
 * unhandled rejection) ends its worker instead of the test run. Either is reported for the case, and
 * the next case gets a fresh worker. The builds run in this process, TypeScript loaded through tsx.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface BuildJob {
  /** Command-line arguments of `npm run data:build --`, e.g. `--orders FILE --k 3`. */
  argv: string[];
  sourcesDir: string;
  outDir: string;
  projectRoot: string;
}

export type BuildOutcome =
  | {
      kind: 'built';
      ms: number;
      /** What the build logged, stage by stage. */
      log: string[];
      /** What the command prints after a build: the bad rows kept, and the warnings. */
      printed: string[];
      rowsRead: number;
      rowsSkipped: number;
      keyMapFile: string | null;
    }
  | {
      kind: 'threw';
      ms: number;
      log: string[];
      /** The user-facing class the error is an instance of, else its constructor's name. */
      className: string;
      userFacing: boolean;
      message: string;
      /** What the command shows people (messageForPeople). */
      shown: string;
      stack: string;
    }
  /** No answer within the timeout: the worker was terminated. */
  | { kind: 'hang'; ms: number }
  /** The worker died of an error thrown outside the build's promise, or exited. */
  | { kind: 'uncaught'; ms: number; message: string; stack: string };

const requireHere = createRequire(import.meta.url);
/**
 * tsx's ESM API (its `import` build: the `require` one finds its loader at a wrong path when it
 * registers). `--import tsx/esm` registers in the main thread only on Node 20, so a worker calls it.
 */
const TSX_API = path.join(path.dirname(requireHere.resolve('tsx/esm/api')), 'index.mjs');
const JOB_MODULE = fileURLToPath(new URL('./build-job.ts', import.meta.url));

/** The worker's entry: tsx registered first, then the job module, which answers 'ready'. */
const ENTRY = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import(pathToFileURL(workerData.tsxApi).href)
  .then((tsx) => tsx.register())
  .then(() => import(pathToFileURL(workerData.jobModule).href));
`;

interface Slot {
  worker: Worker | null;
  ready: Promise<Worker> | null;
}

export class BuildPool {
  private readonly slots: Slot[];
  private readonly queue: Array<() => void> = [];
  private free: Slot[];

  constructor(
    size: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: null, ready: null }));
    this.free = [...this.slots];
  }

  private start(slot: Slot): Promise<Worker> {
    if (slot.ready) return slot.ready;
    slot.ready = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(ENTRY, {
        eval: true,
        env: this.env,
        workerData: { tsxApi: TSX_API, jobModule: JOB_MODULE },
        stdout: false,
        stderr: false,
      });
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (m: { kind?: string }) => {
        worker.off('error', onError);
        if (m.kind === 'ready') resolve(worker);
        else reject(new Error(`build worker said ${JSON.stringify(m)} before it was ready`));
      });
      slot.worker = worker;
    });
    return slot.ready;
  }

  private async stop(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (worker) await worker.terminate();
  }

  private async acquire(): Promise<Slot> {
    while (this.free.length === 0) await new Promise<void>((resolve) => this.queue.push(resolve));
    return this.free.shift()!;
  }

  private release(slot: Slot): void {
    this.free.push(slot);
    this.queue.shift()?.();
  }

  /** Runs one build, at most `timeoutMs` long. */
  async run(job: BuildJob, timeoutMs: number): Promise<BuildOutcome> {
    const slot = await this.acquire();
    try {
      const worker = await this.start(slot);
      const started = performance.now();
      const outcome = await new Promise<BuildOutcome>((resolve) => {
        const done = (o: BuildOutcome) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          resolve(o);
        };
        const timer = setTimeout(() => done({ kind: 'hang', ms: performance.now() - started }), timeoutMs);
        const onMessage = (o: BuildOutcome) => done(o);
        const onError = (e: Error) =>
          done({
            kind: 'uncaught',
            ms: performance.now() - started,
            message: e.message,
            stack: e.stack ?? '',
          });
        const onExit = (code: number) =>
          done({
            kind: 'uncaught',
            ms: performance.now() - started,
            message: `the build's worker exited with code ${code}`,
            stack: '',
          });
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage(job);
      });
      // A hung or dead worker is replaced by a fresh one for the next case.
      if (outcome.kind === 'hang' || outcome.kind === 'uncaught') await this.stop(slot);
      return outcome;
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => this.stop(s)));
  }
}
