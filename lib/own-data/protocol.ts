/** Messages between the "Analyse your data" page and its worker: plain, structured-cloneable data. */
import type { CustomerField, OrderField } from '../orders/column-matching';
import type { RowProblem } from '../orders/orders-reader';
import type { DateOrder } from '../orders/parse-values';
import type { HeaderInspection } from './stream-orders';
import type { OwnResult } from './summarise';

/** What the page shows of the optional customers file (from the shared reader's report). */
export interface CustomersFileReport {
  file: string;
  rows: number;
  /** Rows whose id is a customer of the orders file. */
  matched: number;
  /** Rows whose id is not in the orders file. */
  unknownIds: number;
  columns: Partial<Record<CustomerField, string>>;
  /** Customers of the orders file with a known age, gender, region type. */
  known: { age: number; gender: number; locale: number };
  /** Values left unknown, bad rows skipped: the reader's own words. */
  warnings: string[];
}

export type ToWorker =
  | { type: 'inspect'; id: number; file: File }
  | {
      type: 'read';
      id: number;
      file: File;
      /** Optional customers file (age, gender, region type by customer id). */
      customersFile: File | null;
      mapping: Partial<Record<OrderField, string>>;
      dateOrder: DateOrder | null;
      k: number;
      currency: string;
    }
  | { type: 'recompute'; id: number; k: number };

/** What the page shows of the read: counts, the date range, bad rows. */
export interface ReadSummary {
  file: string;
  bytes: number;
  rowsRead: number;
  rowsSkipped: number;
  problems: RowProblem[];
  skippedBy: Record<string, number>;
  columns: Partial<Record<OrderField, string>>;
  dateOrder: DateOrder;
  dateOrderAssumed: boolean;
  firstDay: string;
  lastDay: string;
  customers: number;
  orders: number;
  lines: number;
  warnings: string[];
  readMs: number;
  /** What was read of the customers file, or why it could not be (the orders are analysed either way). */
  customersFile: CustomersFileReport | null;
  customersError: string | null;
}

export type FromWorker =
  | ({ type: 'inspected'; id: number } & HeaderInspection)
  | { type: 'progress'; id: number; rows: number; bytes: number; totalBytes: number }
  | { type: 'analysing'; id: number; k: number }
  | { type: 'done'; id: number; read: ReadSummary; result: OwnResult; analyseMs: number }
  | { type: 'error'; id: number; message: string; problems?: RowProblem[] };
