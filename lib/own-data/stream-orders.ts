/**
 * The browser's first look at an orders file: its header and first rows, read from the file's
 * first bytes, so the page can show which platform it comes from and the column mapping to check
 * or fix before the whole file is read (by the shared startOrdersRead, in the worker).
 */
import Papa from 'papaparse';
import { ORDER_FIELDS, type MissingField, type OrderField } from '../orders/column-matching';
import { checkHeaderIsNames, firstLine, openCsvText, type Delimiter } from '../orders/csv-text';
import { matchOrderColumns, missingOrderFields } from '../orders/order-columns';
import { OrdersInputError } from '../orders/orders-input-error';
import { detectPlatform, type PlatformId } from '../orders/platforms';
import { listHeaders } from '../orders/quote-value';

export interface HeaderInspection {
  headers: string[];
  delimiter: Delimiter;
  /** The platform the header says the file comes from, and what that means for the read. */
  platform: PlatformId;
  platformLabel: string;
  platformNotes: readonly string[];
  /** Every order's channel when the platform says so (a web shop), else null. */
  fixedChannel: 'online' | 'in-store' | null;
  /** The column categories come from when there is no category column and no products file. */
  categoryFallback: string | null;
  /** Field → column name found automatically. */
  columns: Partial<Record<OrderField, string>>;
  /** Field → how it was found. */
  how: Partial<Record<OrderField, string>>;
  missing: MissingField[];
}

/**
 * The header of a file from its first bytes (as text, and as bytes when the caller has them):
 * columns, delimiter, platform and the automatic mapping.
 */
export function inspectHead(file: string, head: string, firstBytes?: Uint8Array): HeaderInspection {
  const { body, delimiter } = openCsvText(file, head, 'the orders', firstBytes);
  // The last line of the head may be cut short: it is left out of the sample.
  const rows = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' }).data.slice(0, -1);
  const headers = (rows[0] ?? Papa.parse<string[]>(firstLine(body), { delimiter }).data[0] ?? []).map((h) =>
    h.trim(),
  );
  if (headers.length < 2) {
    throw new OrdersInputError(
      `${file}: the header has a single column (${listHeaders(headers)}); the file is not split by commas, semicolons or tabs. Export the orders as CSV with one of those.`,
    );
  }
  checkHeaderIsNames(file, headers);
  const platform = detectPlatform(headers);
  const match = matchOrderColumns(headers, rows.slice(1), platform);
  const columns: Partial<Record<OrderField, string>> = {};
  for (const [key, index] of Object.entries(match.columns) as Array<[OrderField, number]>) {
    columns[key] = headers[index];
  }
  const missingKeys = missingOrderFields(headers, match.columns, platform, {});
  return {
    headers,
    delimiter,
    platform: platform.id,
    platformLabel: platform.label,
    platformNotes: platform.notes,
    fixedChannel: platform.channel,
    categoryFallback:
      platform.categoryFallback && headers.includes(platform.categoryFallback)
        ? platform.categoryFallback
        : null,
    columns,
    how: match.how,
    missing: ORDER_FIELDS.filter((f) => missingKeys.includes(f.key)),
  };
}
