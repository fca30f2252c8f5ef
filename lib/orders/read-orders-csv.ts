/**
 * Reads a brand's orders export into the transaction shape: the delimiter sniffed from the header
 * (`,`, `;` or tab), UTF-8 with or without BOM, rows fed to the OrdersReader as they are parsed.
 * The command line hands over the whole text (readOrdersCsv); the browser worker hands over the
 * chunks papaparse streams from the File (startOrdersRead). Both go through startOrdersRead.
 */
import Papa from 'papaparse';
import type { TransactionLog } from '../transactions/transaction-log';
import { checkLooksLikeText, firstLine, sniffDelimiter, type Delimiter } from './csv-text';
import { OrdersInputError } from './orders-input-error';
import { OrdersReader, type OrdersReadOptions, type OrdersReport } from './orders-reader';
import { listHeaders } from './quote-value';

export interface OrdersRead {
  /** Feeds parsed rows (the first row of the file is its header). */
  addRows(rows: readonly string[][]): void;
  rowsRead(): number;
  finish(): { log: TransactionLog; report: OrdersReport };
}

/** Rows in, transaction log out, through the OrdersReader; throws OrdersInputError on bad input. */
export function startOrdersRead(options: OrdersReadOptions): OrdersRead {
  let reader: OrdersReader | null = null;
  let line = 0;
  return {
    addRows(rows) {
      for (const raw of rows) {
        // papaparse's greedy skip leaves no blank rows; a stray one of a single empty cell is ignored too.
        if (raw.length === 1 && raw[0]!.trim() === '') continue;
        line++;
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
    rowsRead: () => Math.max(0, line - 1),
    finish() {
      if (!reader) throw new OrdersInputError(`${options.file}: the file is empty.`);
      return reader.finish();
    },
  };
}

export function readOrdersCsv(
  text: string,
  options: OrdersReadOptions,
): { log: TransactionLog; report: OrdersReport; delimiter: Delimiter } {
  checkLooksLikeText(options.file, text);
  const body = text.replace(/^\uFEFF+/, '');
  const delimiter = sniffDelimiter(firstLine(body));
  const reading = startOrdersRead(options);
  let failure: unknown = null;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      try {
        reading.addRows([result.data]);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return { ...reading.finish(), delimiter };
}
