/**
 * The worker behind "Analyse your data": reads the brand's files where they lie (streamed from the
 * File a slice at a time, lib/own-data/stream-file.ts), feeds the shared readers row by row, runs the same analysis and
 * builds the same tables as `data:build --orders`, and posts them back without their per-customer
 * rows. The parsed log and the full tables stay here: a new k needs no re-read, and the downloads
 * are made here.
 * Nothing is sent anywhere: this file makes no network request.
 */
import { keyMapCsv, type CustomerKeyMap } from '@/lib/orders/customer-keys';
import { startCustomersRead } from '@/lib/orders/customers-csv';
import { OrdersInputError } from '@/lib/orders/orders-input-error';
import type { OrdersReport } from '@/lib/orders/orders-reader';
import { secretFromHex } from '@/lib/orders/pseudonym-secret';
import { startOrdersRead } from '@/lib/orders/read-orders-csv';
import { analyseOwnLog, tableFileChunks } from '@/lib/own-data/own-tables';
import type { FromWorker, IntentsFileReport, ReadSummary, ToWorker } from '@/lib/own-data/protocol';
import { blobText, headOfBlob, streamFile } from '@/lib/own-data/stream-file';
import { inspectHead } from '@/lib/own-data/stream-orders';
import {
  customersReadOptions,
  finishOwnData,
  NO_CUSTOMERS_FILE,
  readSideFiles,
  type CustomersJoin,
  type InputText,
  type OwnDataReport,
} from '@/lib/pipeline/own-data';
import type { Tables } from '@/lib/schema';
import type { ArrivalCell } from '@/lib/sources/arrivals';
import { NonFiniteTableError } from '@/lib/tables/check-finite';
import type { TransactionLog } from '@/lib/transactions/transaction-log';

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
  keyMap: CustomerKeyMap;
  currency: string;
  arrivals: ArrivalCell[];
  tables: Tables | null;
} | null = null;

/** A message for the analyst: the file's problem in its own words, or a plain sentence for a fault of ours. */
function messageOf(error: unknown): string {
  if (error instanceof OrdersInputError || error instanceof NonFiniteTableError) return error.message;
  return 'Something went wrong inside the analysis, not in your file. Reload the page and try again; if it happens again, please report it.';
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

/** The key map, made here from what the worker holds: it never leaves this browser but as this file. */
function downloadKeys(id: number) {
  if (!kept) {
    post({ type: 'error', id, message: 'The results are no longer in memory: analyse the file again.' });
    return;
  }
  const text = keyMapCsv(kept.keyMap);
  post({ type: 'file', id, name: 'customer-keys.csv', blob: new Blob([text], { type: 'text/csv' }) });
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

/** A small side file's text (intents, products), or a sentence when the browser cannot read it. */
async function textOf(file: File | null): Promise<InputText | undefined> {
  if (!file) return undefined;
  const { text, bytes } = await blobText(file, file.name);
  return { file: file.name, text, firstBytes: bytes.subarray(0, 2) };
}

/** The customers file's part of the summary (the shared reader's report). */
function customersSummary(report: OwnDataReport): ReadSummary['customersFile'] {
  const c = report.customers;
  if (!c) return null;
  return {
    file: c.file,
    rows: c.rowsRead,
    matched: c.rowsRead - c.rowsSkipped - c.rowsWithoutOrders,
    unknownIds: c.rowsWithoutOrders,
    columns: c.columns,
    known: c.known,
    warnings: c.warnings,
  };
}

async function inspect(id: number, file: File) {
  try {
    const head = await headOfBlob(file, file.name);
    post({ type: 'inspected', id, ...inspectHead(file.name, head.text, head.bytes) });
  } catch (error) {
    post({ type: 'error', id, message: messageOf(error) });
  }
}

function read(message: Extract<ToWorker, { type: 'read' }>) {
  const {
    id,
    file,
    customersFile,
    intentsFile,
    productsFile,
    arrivals,
    mapping,
    dateOrder,
    channel,
    k,
    currency,
  } = message;
  kept = null;
  const t0 = performance.now();
  const fail = (error: unknown, problems?: ReadSummary['problems']) => {
    const report = error instanceof OrdersInputError ? error.report : undefined;
    post({ type: 'error', id, message: messageOf(error), problems: problems ?? report?.problems });
  };
  const secret = secretFromHex(message.secretHex);
  if (!secret) {
    fail(new OrdersInputError('The pseudonym secret must be hex, at least 32 characters (16 bytes).'));
    return;
  }
  // The side files the read needs first (intents, products), then the orders and the customers
  // streamed from their Files.
  void (async () => {
    const sideTexts = { intents: await textOf(intentsFile), products: await textOf(productsFile) };
    const side = readSideFiles(sideTexts);
    const reading = startOrdersRead({
      file: file.name,
      mapping,
      ...(dateOrder ? { dateOrder } : {}),
      ...(channel ? { channel } : {}),
      ...side,
    });
    const ordersRead = await streamFile(file, 'the orders', reading, (bytes) =>
      post({ type: 'progress', id, rows: reading.rowsRead(), bytes, totalBytes: file.size }),
    );
    const options = { mapping, secret: secret! };
    // A customers file that cannot be used does not stop the analysis of the orders: the page says why.
    let customers: CustomersJoin | null = null;
    let customersError: string | null = null;
    if (customersFile) {
      try {
        const reading = startCustomersRead(customersReadOptions(customersFile.name, ordersRead, options));
        customers = await streamFile(customersFile, 'the customers', reading);
      } catch (error) {
        if (!(error instanceof OrdersInputError)) throw error;
        customersError = error.message;
      }
    }
    const own = finishOwnData(ordersRead, side, customers, sideTexts, options);
    const orders: OrdersReport = own.report.orders;
    const summary: ReadSummary = {
      ...orders,
      customersFile: customersSummary(own.report),
      customersError,
      intentsFile: intentsReport(intentsFile, side.intents, own.log),
      productsFile: own.report.productsFile,
      bytes: file.size,
      // The side files' warnings are said with their summaries; here only the orders file's, and a
      // missing customers file (not when one failed: that is said above, and this would contradict it).
      warnings: own.report.warnings.filter(
        (w) => orders.warnings.includes(w) || (w === NO_CUSTOMERS_FILE && !customersError),
      ),
      readMs: Math.round(performance.now() - t0),
    };
    kept = { log: own.log, read: summary, keyMap: own.keyMap, currency, arrivals, tables: null };
    analyseAndPost(id, k);
  })().catch((error: unknown) => fail(error));
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'inspect') void inspect(message.id, message.file);
  else if (message.type === 'read') read(message);
  else if (message.type === 'download' || message.type === 'download-keys') {
    try {
      if (message.type === 'download') download(message);
      else downloadKeys(message.id);
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
