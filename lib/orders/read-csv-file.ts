/**
 * The command line's read of a brand's orders and customers files (Node only): streamed from disk a
 * chunk at a time into the same reads the browser worker feeds (startOrdersRead,
 * startCustomersRead), so a file is never one string. One string cannot hold it at a brand's size:
 * V8 refuses a text over 512 MiB (2^29 − 24 characters), about 6.7 million order lines in the plain
 * layout bench:orders writes (80 bytes a line), fewer in an export with more columns, and a CRM
 * export of a few million customers with names and addresses. Before, such a file failed the build
 * with an internal error; a whole text also kept its size in memory while it was read.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import Papa from 'papaparse';
import type { CustomerAttributes, TransactionLog } from '../transactions/transaction-log';
import { HEAD_BYTES, openCsvText, type Delimiter } from './csv-text';
import { startCustomersRead, type CustomersReadOptions, type CustomersReport } from './customers-csv';
import { OrdersInputError } from './orders-input-error';
import type { OrdersReadOptions, OrdersReport } from './orders-reader';
import { startOrdersRead } from './read-orders-csv';
import { ROW_MAX_BYTES, ROWS_PARSE, unclosedQuote, type RowsRead } from './rows-read';

/** The size of the chunks read from disk and parsed at a time. */
export const CHUNK_BYTES = 1 << 16;

/** The first bytes of a file. */
async function headOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A stream of text without its NUL bytes (errors of the file come through it, by pipeline). */
const dropNul = () =>
  new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string, _encoding, done) {
      done(null, chunk.replace(/\u0000/g, ''));
    },
  });

/** A Node file error (the file moved, unreadable, a failing disk), as against a fault in our code. */
const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/**
 * A file that could not be read, said in words (with the Node error as its cause), or the error as
 * it is when it is not a file error: that one is ours.
 */
export function unreadableFile(file: string, error: unknown): unknown {
  if (!isFileError(error)) return error;
  const why =
    error.code === 'EACCES' || error.code === 'EPERM'
      ? 'this account may not read it (permission denied). Check the file’s permissions, or copy it to a folder of yours'
      : error.code === 'EISDIR'
        ? 'it is a folder, not a file. Name the CSV file itself'
        : 'it may have been moved, or the disk may have failed while reading it. Check the file is in place';
  return Object.assign(
    new OrdersInputError(`${file}: the file could not be read: ${why}, then run the build again.`),
    { cause: error },
  );
}

/**
 * Streams the CSV file at `filePath` into `reading` (whose `file` names it in every message) and
 * returns its result; throws OrdersInputError on bad input, as the whole-text read does. `what`
 * names the file's content for the advice ("the orders", "the customers").
 */
export async function readCsvFile<Result>(
  filePath: string,
  what: string,
  reading: RowsRead<Result>,
): Promise<Result & { delimiter: Delimiter }> {
  const { file } = reading;
  let head: Buffer;
  try {
    head = await headOf(filePath);
  } catch (error) {
    throw unreadableFile(file, error);
  }
  const { delimiter, byteOrderMarks } = openCsvText(file, head.toString('utf8'), what, head);
  // The stream starts after the byte-order marks (three bytes each in UTF-8). With an encoding, it
  // decodes a character split between two chunks whole.
  const source = createReadStream(filePath, {
    encoding: 'utf8',
    highWaterMark: CHUNK_BYTES,
    start: 3 * byteOrderMarks,
  });
  await new Promise<void>((resolve, reject) => {
    let failure: unknown = null;
    let parser: Papa.Parser | null = null;
    const fail = (error: unknown) => {
      failure ??= error;
      parser?.abort();
      source.destroy();
      reject(failure);
    };
    // Where the last whole row ended, in bytes read: a row that grows past ROW_MAX_BYTES is refused.
    let bytesAtLastRow = 0;
    source.on('data', () => {
      if (failure || source.bytesRead - bytesAtLastRow <= ROW_MAX_BYTES) return;
      // The rows read so far, and the header: the quote opens on the line after them.
      fail(unclosedQuote(file, reading.linesRead() + 1, ROW_MAX_BYTES / 2 ** 20));
    });
    // The read's NUL bytes dropped on the way, when it asks (see RowsRead.dropsNul).
    const text = reading.dropsNul ? pipeline(source, dropNul(), () => {}) : source;
    Papa.parse<string[]>(text, {
      ...ROWS_PARSE,
      delimiter,
      // Row by row, not a chunk's rows at a time: measured at 1M lines, the arrays of a chunk's rows
      // made the read slower and its memory bigger.
      step(results, handle) {
        if (failure) return;
        parser = handle;
        bytesAtLastRow = source.bytesRead;
        // A problem of the whole file (its header, a missing column): the rest is not read.
        if (!reading.feed([results.data], results.errors, handle)) fail(reading.problem());
      },
      complete: () => {
        const problem = failure ?? reading.problem();
        if (problem !== null) reject(problem);
        else resolve();
      },
      error(error) {
        // A file error is said in words; anything else is ours, and goes on as it is.
        fail(unreadableFile(file, error));
      },
    });
  });
  return { ...reading.finish(), delimiter };
}

/** Reads the orders file at `filePath` (named `options.file` in every message) into the transaction log. */
export function readOrdersCsvFile(
  filePath: string,
  options: OrdersReadOptions,
): Promise<{ log: TransactionLog; report: OrdersReport; delimiter: Delimiter }> {
  return readCsvFile(filePath, 'the orders', startOrdersRead(options));
}

/** Reads the customers file at `filePath` (named `options.file`) into the log's demographics. */
export function readCustomersCsvFile(
  filePath: string,
  options: CustomersReadOptions,
): Promise<{ attributes: CustomerAttributes; report: CustomersReport; delimiter: Delimiter }> {
  return readCsvFile(filePath, 'the customers', startCustomersRead(options));
}
