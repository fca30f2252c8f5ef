import { CUSTOMER_COLUMNS, type CustomerRecord } from '@/lib/schema/customers-master';

/** One customer of customers_master as a named record, keys in the dictionary's order. */
export type Customer = CustomerRecord;

/** A problem with the customer file, said in words a person can act on. */
export class CustomerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomerFileError';
  }
}

/**
 * Why a file's columns cannot be read by this version of the dashboard, or null when they are
 * customers_master's, in order.
 */
export function columnsProblem(columns: readonly string[]): string | null {
  const mismatch = CUSTOMER_COLUMNS.findIndex((c, i) => columns[i] !== c);
  if (mismatch < 0 && columns.length === CUSTOMER_COLUMNS.length) return null;
  const at = mismatch >= 0 ? mismatch : CUSTOMER_COLUMNS.length;
  return `its columns differ from this version of the dashboard at position ${at + 1}: found ${JSON.stringify(
    columns[at] ?? '(end of list)',
  )}, expected ${JSON.stringify(CUSTOMER_COLUMNS[at] ?? '(end of list)')}`;
}
