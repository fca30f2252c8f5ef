/**
 * The worker behind "Analyse your data": reads the brand's file where it lies (papaparse streaming
 * over the File, in chunks), feeds the shared OrdersReader row by row, runs the same analysis and
 * builds the same tables as `data:build --orders`, and posts them back without their per-customer
 * rows. The parsed log and the full tables stay here: a new k needs no re-read, and the downloads
 * are made here.
 * Nothing is sent anywhere: this file makes no network request.
 */
import { readCustomersCsv } from '@/lib/orders/customers-csv';
import { readIntentsCsv } from '@/lib/orders/intents-csv';
import { OrdersInputError } from '@/lib/orders/orders-reader';
import { analyseOwnLog, tableFileChunks } from '@/lib/own-data/own-tables';
import type { FromWorker, IntentsFileReport, ReadSummary, ToWorker } from '@/lib/own-data/protocol';
import { inspectHead, startChunkedRead } from '@/lib/own-data/stream-orders';
import type { Tables } from '@/lib/pipeline/tables';
import type { ArrivalCell } from '@/lib/sources/arrivals';
import type { TransactionLog } from '@/lib/transactions/transaction-log';
import Papa from 'papaparse';

const CHUNK_BYTES = 256 * 1024;
/** Fewer customers than this per cluster make personas meaningless. */
const MIN_CUSTOMERS_PER_CLUSTER = 10;

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const post = (message: FromWorker) => scope.postMessage(message);

let kept: {
  log: TransactionLog;
  read: ReadSummary;
  currency: string;
  arrivals: ArrivalCell[];
  tables: Tables | null;
} | null = null;

function messageOf(error: unknown): string {
  if (error instanceof OrdersInputError) return error.message;
  if (error instanceof Error) return `Something went wrong while reading the file: ${error.message}`;
  return 'Something went wrong while reading the file.';
}

function analyseAndPost(id: number, k: number) {
  if (!kept) {
    post({ type: 'error', id, message: 'The file is no longer in memory: choose it again.' });
    return;
  }
  const { log, read, currency, arrivals } = kept;
  kept.tables = null;
  const needed = k * MIN_CUSTOMERS_PER_CLUSTER;
  if (log.customerCount < needed) {
    post({
      type: 'error',
      id,
      message: `${read.file}: ${log.customerCount} customers are too few for ${k} personas (at least ${needed}, ${MIN_CUSTOMERS_PER_CLUSTER} per persona). Choose a smaller number of personas or a file with more customers.`,
    });
    return;
  }
  post({ type: 'analysing', id, k });
  const t0 = performance.now();
  const { full, result } = analyseOwnLog(log, { k, currency, arrivals });
  kept.tables = full;
  post({ type: 'done', id, read, result, analyseMs: Math.round(performance.now() - t0) });
}

function download(message: Extract<ToWorker, { type: 'download' }>) {
  const { id, table, format } = message;
  if (!kept?.tables) {
    post({ type: 'error', id, message: 'The results are no longer in memory: analyse the file again.' });
    return;
  }
  const blob = new Blob(tableFileChunks(kept.tables, table, format), {
    type: format === 'csv' ? 'text/csv' : 'application/json',
  });
  post({ type: 'file', id, name: `${table}.${format}`, blob });
}

/** The optional intents file, read before the orders (the reader assigns intents as it goes). */
async function readIntents(file: File | null): Promise<Map<string, string> | undefined> {
  return file ? readIntentsCsv(file.name, await file.text()) : undefined;
}

function intentsReport(
  file: File | null,
  intents: Map<string, string> | undefined,
  log: TransactionLog,
): IntentsFileReport | null {
  if (!file || !intents) return null;
  return {
    file: file.name,
    mapped: log.categories.filter((c) => intents.has(c.name)).length,
    intents: new Set(log.categories.map((c) => c.intent)).size,
    categoriesWithoutIntent: log.categories.filter((c) => !intents.has(c.name)).map((c) => c.name),
  };
}

/**
 * The optional customers file: read whole (it is small) by the same reader as the command line,
 * and applied to the log's attributes.
 */
async function readCustomers(
  file: File | null,
  log: TransactionLog,
): Promise<Pick<ReadSummary, 'customersFile' | 'customersError'>> {
  if (!file) return { customersFile: null, customersError: null };
  try {
    const { attributes, report } = readCustomersCsv(await file.text(), {
      file: file.name,
      customerIds: log.customerIds,
    });
    log.attributes = attributes;
    return {
      customersFile: {
        file: report.file,
        rows: report.rowsRead,
        matched: report.rowsRead - report.rowsSkipped - report.rowsWithoutOrders,
        unknownIds: report.rowsWithoutOrders,
        columns: report.columns,
        known: report.known,
        warnings: report.warnings,
      },
      customersError: null,
    };
  } catch (error) {
    return { customersFile: null, customersError: messageOf(error) };
  }
}

async function inspect(id: number, file: File) {
  try {
    const head = await file.slice(0, 64 * 1024).text();
    post({ type: 'inspected', id, ...inspectHead(file.name, head) });
  } catch (error) {
    post({ type: 'error', id, message: messageOf(error) });
  }
}

function read(message: Extract<ToWorker, { type: 'read' }>) {
  const { id, file, customersFile, intentsFile, arrivals, mapping, dateOrder, k, currency } = message;
  kept = null;
  const t0 = performance.now();
  let failed = false;
  const fail = (error: unknown, problems?: ReadSummary['problems']) => {
    failed = true;
    const report = error instanceof OrdersInputError ? error.report : undefined;
    post({ type: 'error', id, message: messageOf(error), problems: problems ?? report?.problems });
  };
  // The header decides the delimiter; a file that is not text is refused before parsing.
  let intents: Map<string, string> | undefined;
  readIntents(intentsFile)
    .then((read) => {
      intents = read;
      return file.slice(0, 64 * 1024).text();
    })
    .then((head) => {
      const { delimiter } = inspectHead(file.name, head);
      const reading = startChunkedRead({
        file: file.name,
        mapping,
        ...(dateOrder ? { dateOrder } : {}),
        ...(intents ? { intents } : {}),
      });
      let chunks = 0;
      Papa.parse<string[]>(file, {
        delimiter,
        skipEmptyLines: 'greedy',
        chunkSize: CHUNK_BYTES,
        chunk(results, parser) {
          if (failed) return;
          chunks++;
          try {
            reading.addRows(results.data);
          } catch (error) {
            parser.abort();
            fail(error);
            return;
          }
          post({
            type: 'progress',
            id,
            rows: reading.rowsRead(),
            bytes: Math.min(file.size, chunks * CHUNK_BYTES),
            totalBytes: file.size,
          });
        },
        complete() {
          if (failed) return;
          let read: ReturnType<typeof reading.finish>;
          try {
            read = reading.finish();
          } catch (error) {
            fail(error);
            return;
          }
          void readCustomers(customersFile, read.log).then((customers) => {
            try {
              const { log, report } = read;
              const summary: ReadSummary = {
                ...customers,
                ...report,
                intentsFile: intentsReport(intentsFile, intents, log),
                bytes: file.size,
                warnings: report.warnings.map((w) =>
                  w.includes('--date-order')
                    ? 'Dates such as 03/04/2025 could be day-first or month-first, and no date in the file settles it; they were read day-first. Choose “month first” under date order if they are month-first.'
                    : w,
                ),
                readMs: Math.round(performance.now() - t0),
              };
              kept = { log, read: summary, currency, arrivals, tables: null };
              analyseAndPost(id, k);
            } catch (error) {
              fail(error);
            }
          });
        },
        error(error) {
          fail(new OrdersInputError(`${file.name}: the file could not be read (${error.message}).`));
        },
      });
    })
    .catch((error: unknown) => fail(error));
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'inspect') void inspect(message.id, message.file);
  else if (message.type === 'read') read(message);
  else if (message.type === 'download') {
    try {
      download(message);
    } catch (error) {
      post({ type: 'error', id: message.id, message: messageOf(error) });
    }
  } else {
    try {
      analyseAndPost(message.id, message.k);
    } catch (error) {
      post({ type: 'error', id: message.id, message: messageOf(error) });
    }
  }
};
