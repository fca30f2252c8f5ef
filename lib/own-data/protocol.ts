/** Messages between the "Analyse your data" page and its worker: plain, structured-cloneable data. */
import type { CustomerField, OrderField } from '../orders/column-matching';
import type { RowProblem } from '../orders/orders-input-error';
import type { OrdersReport } from '../orders/orders-reader';
import type { DateOrder } from '../orders/parse-values';
import type { ProductsFileReport } from '../pipeline/own-data';
import type { TableName } from '../schema';
import type { ArrivalCell } from '../sources/arrivals';
import type { DownloadFormat, OwnTablesResult } from './own-tables';
import type { HeaderInspection } from './stream-orders';

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
      /** Optional category → lifestyle intent file (without one, each category is its own intent). */
      intentsFile: File | null;
      /** Optional products export: each line's category by SKU or product title (Shopify). */
      productsFile: File | null;
      /** Every order's channel, when the file has no channel column. */
      channel: 'online' | 'in-store' | null;
      /** The pseudonym secret, hex (the page makes one per visit unless the analyst gives theirs). */
      secretHex: string;
      /** The public arrival curves the brand's orders are drawn against (from the dashboard's data). */
      arrivals: ArrivalCell[];
      mapping: Partial<Record<OrderField, string>>;
      dateOrder: DateOrder | null;
      k: number;
      currency: string;
    }
  | { type: 'recompute'; id: number; k: number }
  /** One of the computed tables as a file, as `data:build` would write it. */
  | { type: 'download'; id: number; table: TableName; format: DownloadFormat }
  /** The private key map: pseudonymous id → the customer key as the file wrote it (never uploaded). */
  | { type: 'download-keys'; id: number };

/** What the page shows of the read: the shared reader's report (counts, date range, bad rows) and more. */
export interface ReadSummary extends OrdersReport {
  bytes: number;
  readMs: number;
  /** What was read of the customers file, or why it could not be (the orders are analysed either way). */
  customersFile: CustomersFileReport | null;
  customersError: string | null;
  /** What the intents file mapped (a file that cannot be read stops the run with its error). */
  intentsFile: IntentsFileReport | null;
  /** What the products file gave (a file that cannot be read stops the run with its error). */
  productsFile: ProductsFileReport | null;
}

export interface IntentsFileReport {
  file: string;
  /** Categories the file maps to an intent. */
  mapped: number;
  intents: number;
  /** Categories of the orders the file does not name (each stands as its own intent). */
  categoriesWithoutIntent: string[];
}

export type FromWorker =
  | ({ type: 'inspected'; id: number } & HeaderInspection)
  | { type: 'progress'; id: number; rows: number; bytes: number; totalBytes: number }
  | { type: 'analysing'; id: number; k: number }
  | { type: 'done'; id: number; read: ReadSummary; result: OwnTablesResult; analyseMs: number }
  | { type: 'file'; id: number; name: string; blob: Blob }
  | { type: 'error'; id: number; message: string; problems?: RowProblem[] };
