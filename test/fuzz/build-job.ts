/**
 * Runs inside a worker thread of the fuzz (build-pool.ts): one real command-line build per message,
 * `buildData` of scripts/lib/build-data-lib.ts with the options `parseOwnDataArgs` gives, and the
 * outcome posted back: what the build logged, what `main` would print on success (bad rows and
 * warnings), or the error with its class as the command would judge it.
 */
import { parentPort } from 'node:worker_threads';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../lib/orders/column-matching';
import { OrdersInputError } from '../../lib/orders/orders-input-error';
import { NonFiniteTableError } from '../../lib/tables/check-finite';
import { messageForPeople } from '../../scripts/build-data';
import { ConfigError, parseBuildConfig, parseOwnDataArgs } from '../../scripts/lib/build-config';
import { buildData } from '../../scripts/lib/build-data-lib';
import { SourcesError } from '../../scripts/lib/sources-dir';
import type { BuildJob, BuildOutcome } from './build-pool';

/** The errors the brief counts as speaking to people; anything else is a fault of ours. */
const USER_FACING = [
  ['OrdersInputError', OrdersInputError],
  ['ConfigError', ConfigError],
  ['SourcesError', SourcesError],
  ['NonFiniteTableError', NonFiniteTableError],
] as const;

/** The fields `--map` accepts, as scripts/build-data.ts lists them. */
const FIELD_KEYS = [
  ...new Set([...ORDER_FIELDS, ...CUSTOMER_FIELDS].map((f) => f.key)),
  ...CUSTOMER_FIELDS.map((f) => `customers.${f.key}`),
];

async function run(job: BuildJob): Promise<BuildOutcome> {
  const started = performance.now();
  const log: string[] = [];
  try {
    // The options exactly as the command line makes them from its flags.
    const parsed = parseOwnDataArgs(job.argv, FIELD_KEYS);
    const { config } = parseBuildConfig(parsed.argv, {});
    const report = await buildData({
      sourcesDir: job.sourcesDir,
      outDir: job.outDir,
      config,
      own: parsed.own,
      projectRoot: job.projectRoot,
      log: (line) => log.push(line),
    });
    const o = report.ownReport!.orders;
    return {
      kind: 'built',
      ms: performance.now() - started,
      log,
      printed: [...o.problems.map((p) => `line ${p.line}: ${p.reason}`), ...report.ownReport!.warnings],
      rowsRead: o.rowsRead,
      rowsSkipped: o.rowsSkipped,
      keyMapFile: report.keyMapFile,
    };
  } catch (error) {
    const userFacing = USER_FACING.find(([, kind]) => error instanceof kind)?.[0] ?? null;
    const e = error instanceof Error ? error : null;
    return {
      kind: 'threw',
      ms: performance.now() - started,
      log,
      className: userFacing ?? e?.constructor.name ?? typeof error,
      userFacing: userFacing !== null,
      message: e ? e.message : String(error),
      shown: messageForPeople(error),
      stack: e?.stack ?? '',
    };
  }
}

parentPort!.on('message', (job: BuildJob) => {
  void run(job).then((outcome) => parentPort!.postMessage(outcome));
});
parentPort!.postMessage({ kind: 'ready' });
