/**
 * The browser's read of an orders file, in pieces: the header is inspected first (from the file's
 * first bytes) so the page can show and fix the column mapping, then rows arrive in chunks from
 * papaparse and are fed to the shared OrdersReader. Pure: the worker does the file reading.
 */
import Papa from 'papaparse';
import { matchColumns, ORDER_FIELDS, type MissingField, type OrderField } from '../orders/column-matching';
import {
  OrdersInputError,
  OrdersReader,
  type OrdersReadOptions,
  type OrdersReport,
} from '../orders/orders-reader';
import { checkLooksLikeText, sniffDelimiter, type Delimiter } from '../orders/read-orders-csv';
import type { TransactionLog } from '../transactions/transaction-log';

export interface HeaderInspection {
  headers: string[];
  delimiter: Delimiter;
  /** Field → column name found automatically. */
  columns: Partial<Record<OrderField, string>>;
  /** Field → how it was found. */
  how: Partial<Record<OrderField, string>>;
  missing: MissingField[];
}

function headerCells(file: string, head: string, delimiter: Delimiter): string[] {
  const body = head.replace(/^\uFEFF/, '');
  const end = body.search(/\r?\n|\r/);
  const line = end < 0 ? body : body.slice(0, end);
  const parsed = Papa.parse<string[]>(line, { delimiter });
  const headers = (parsed.data[0] ?? []).map((h) => h.trim());
  if (headers.length < 2) {
    throw new OrdersInputError(
      `${file}: the header has a single column ("${headers[0] ?? ''}"); the file is not split by commas, semicolons or tabs. Export the orders as CSV with one of those.`,
    );
  }
  return headers;
}

/** The header of a file from its first bytes (as text): columns, delimiter and the automatic mapping. */
export function inspectHead(file: string, head: string): HeaderInspection {
  checkLooksLikeText(file, head);
  const body = head.replace(/^\uFEFF/, '');
  const end = body.search(/\r?\n|\r/);
  const delimiter = sniffDelimiter(end < 0 ? body : body.slice(0, end));
  const headers = headerCells(file, head, delimiter);
  const match = matchColumns(headers, ORDER_FIELDS);
  const columns: Partial<Record<OrderField, string>> = {};
  for (const [key, index] of Object.entries(match.columns) as Array<[OrderField, number]>) {
    columns[key] = headers[index];
  }
  // A unit price stands in for the amount, as the reader allows.
  const missing = match.missing.filter((m) => !(m.key === 'amount' && columns.unit_price !== undefined));
  return { headers, delimiter, columns, how: match.how, missing };
}

export interface ChunkedRead {
  /** Feeds parsed rows (the first row of the file is its header). */
  addRows(rows: readonly string[][]): void;
  rowsRead(): number;
  finish(): { log: TransactionLog; report: OrdersReport };
}

/** Rows in, transaction log out, through the shared OrdersReader; throws OrdersInputError on bad input. */
export function startChunkedRead(options: OrdersReadOptions): ChunkedRead {
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
              `${options.file}: the header has a single column ("${headers[0] ?? ''}"); the file is not split by commas, semicolons or tabs.`,
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
