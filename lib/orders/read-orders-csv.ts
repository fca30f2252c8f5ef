/**
 * Reads a brand's orders export into the transaction shape: the delimiter sniffed from the header
 * (`,`, `;` or tab), UTF-8 with or without BOM, rows fed to the OrdersReader as they are parsed.
 * The browser worker hands over the chunks papaparse streams from the File, the command line those
 * it streams from disk (read-csv-file.ts), and the tests a whole text (readOrdersCsv). All go
 * through startOrdersRead.
 */
import type { TransactionLog } from '../transactions/transaction-log';
import type { Delimiter } from './csv-text';
import { OrdersInputError } from './orders-input-error';
import { OrdersReader, type OrdersReadOptions, type OrdersReport } from './orders-reader';
import { listHeaders } from './quote-value';
import { readCsvText, startRowsRead, type RowsRead } from './rows-read';

/** The orders read: rows in, the transaction log and its report out. */
export type OrdersRead = RowsRead<{ log: TransactionLog; report: OrdersReport }>;

/** Rows in, transaction log out, through the OrdersReader; throws OrdersInputError on bad input. */
export function startOrdersRead(options: OrdersReadOptions): OrdersRead {
  let reader: OrdersReader | null = null;
  return startRowsRead(
    options.file,
    (raw, line) => {
      if (reader) return reader.addRow(raw, line);
      const headers = raw.map((h) => h.trim());
      if (headers.length < 2) {
        throw new OrdersInputError(
          `${options.file}: the header has a single column (${listHeaders(headers)}); the file is not split by commas, semicolons or tabs. Export the orders as CSV with one of those.`,
        );
      }
      reader = new OrdersReader(headers, options);
    },
    () => {
      if (!reader) throw new OrdersInputError(`${options.file}: the file is empty.`);
      return reader.finish();
    },
  );
}

export function readOrdersCsv(
  text: string,
  options: OrdersReadOptions,
): { log: TransactionLog; report: OrdersReport; delimiter: Delimiter } {
  return readCsvText(text, 'the orders', startOrdersRead(options));
}
