/**
 * Reads a brand's orders export into the transaction shape: the delimiter sniffed from the header
 * (`,`, `;` or tab), UTF-8 with or without BOM, rows fed to the OrdersReader as they are parsed.
 * The browser worker hands over the chunks papaparse streams from the File, the command line those
 * it streams from disk (read-orders-file.ts), and the tests a whole text (readOrdersCsv). All go
 * through startOrdersRead.
 */
import Papa from 'papaparse';
import type { TransactionLog } from '../transactions/transaction-log';
import { openCsvText, type Delimiter } from './csv-text';
import { OrdersInputError } from './orders-input-error';
import { OrdersReader, type OrdersReadOptions, type OrdersReport } from './orders-reader';
import { listHeaders } from './quote-value';

export interface OrdersRead {
  /**
   * Feeds parsed rows (the first row of the file is its header), with papaparse's errors for them
   * (an error's `row` is its index in `rows`).
   */
  addRows(rows: readonly string[][], errors?: readonly ParseProblem[]): void;
  /**
   * addRows from inside papaparse's step or chunk callback: on a problem, keeps it (see problem)
   * and only then stops papaparse, whose abort calls complete at once, so a complete that checks
   * problem() never takes the rows read so far for the file. False once the read has stopped.
   */
  feed(rows: readonly string[][], errors: readonly ParseProblem[], parser: { abort(): void }): boolean;
  /** What stopped the read, or null. */
  problem(): unknown;
  rowsRead(): number;
  finish(): { log: TransactionLog; report: OrdersReport };
}

/** What papaparse says of a row it could not read cleanly (its ParseError, in part). */
export interface ParseProblem {
  code: string;
  row?: number;
}

/**
 * A value opened by a quote that is not closed: papaparse reads the rest of the file as that one
 * value (MissingQuotes), which would lose every line after it without a word. `withinMB`: the
 * streamed read gives up after that much, rather than read the rest again with every chunk.
 */
export function unclosedQuote(file: string, line: number, withinMB?: number): OrdersInputError {
  return new OrdersInputError(
    `${file}: line ${line} (counting the header as line 1) has a value that opens with a quote (") and is not closed${withinMB ? ` within ${withinMB} MB` : ''}, so the rest of the file would read as one value. Check the quotes on that line (a quote inside a value is written twice: ""), then export the file again.`,
  );
}

/** Rows in, transaction log out, through the OrdersReader; throws OrdersInputError on bad input. */
export function startOrdersRead(options: OrdersReadOptions): OrdersRead {
  let reader: OrdersReader | null = null;
  let line = 0;
  let problem: unknown = null;
  const read: OrdersRead = {
    addRows(rows, errors = []) {
      const unclosedAt = errors.find((e) => e.code === 'MissingQuotes')?.row;
      for (const [index, raw] of rows.entries()) {
        // papaparse's greedy skip leaves no blank rows; a stray one of a single empty cell is ignored too.
        if (raw.length === 1 && raw[0]!.trim() === '' && index !== unclosedAt) continue;
        line++;
        if (index === unclosedAt) throw unclosedQuote(options.file, line);
        if (!reader) {
          const headers = raw.map((h) => h.trim());
          if (headers.length < 2) {
            throw new OrdersInputError(
              `${options.file}: the header has a single column (${listHeaders(headers)}); the file is not split by commas, semicolons or tabs. Export the orders as CSV with one of those.`,
            );
          }
          reader = new OrdersReader(headers, options);
        } else reader.addRow(raw as string[], line);
      }
    },
    feed(rows, errors, parser) {
      if (problem !== null) return false;
      try {
        read.addRows(rows, errors);
        return true;
      } catch (error) {
        problem = error;
        parser.abort();
        return false;
      }
    },
    problem: () => problem,
    rowsRead: () => Math.max(0, line - 1),
    finish() {
      if (!reader) throw new OrdersInputError(`${options.file}: the file is empty.`);
      return reader.finish();
    },
  };
  return read;
}

export function readOrdersCsv(
  text: string,
  options: OrdersReadOptions,
): { log: TransactionLog; report: OrdersReport; delimiter: Delimiter } {
  const { body, delimiter } = openCsvText(options.file, text);
  const reading = startOrdersRead(options);
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => void reading.feed([result.data], result.errors, parser),
  });
  if (reading.problem() !== null) throw reading.problem();
  return { ...reading.finish(), delimiter };
}
