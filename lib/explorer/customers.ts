import {
  CUSTOMER_COLUMNS,
  CustomerRowSchema,
  type CustomerColumn,
  type CustomerRow,
} from '@/lib/schema/customers-master';

/** One customer of customers_master as a named record (the file holds one array per customer). */
export type Customer = {
  [
    I in keyof CustomerRow & `${number}` as (typeof CUSTOMER_COLUMNS)[I & keyof typeof CUSTOMER_COLUMNS] &
      string
  ]: CustomerRow[I];
};

export interface LoadedCustomers {
  currency: string;
  customers: Customer[];
}

/** A problem with the fetched file, said in words a person can act on. */
export class CustomerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomerFileError';
  }
}

function describePath(path: readonly PropertyKey[]): string {
  const [row, col] = path;
  if (typeof col === 'number') return `column ${CUSTOMER_COLUMNS[col] ?? col}`;
  return row === undefined ? '(row)' : String(row);
}

/**
 * Checks the parsed customers_master JSON and turns it into records. The envelope (table name,
 * currency, column order) is checked in full; every row is checked with the table's zod row schema,
 * stopping at the first bad row so a broken file is reported quickly. Throws CustomerFileError
 * saying what is wrong.
 */
export function parseCustomersMaster(raw: unknown): LoadedCustomers {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CustomerFileError('the file is not a JSON object with table, currency, columns and rows');
  }
  const obj = raw as Record<string, unknown>;
  if (obj.table !== 'customers_master') {
    throw new CustomerFileError(`"table" is ${JSON.stringify(obj.table)}, expected "customers_master"`);
  }
  if (typeof obj.currency !== 'string' || obj.currency.length === 0) {
    throw new CustomerFileError('"currency" is missing');
  }
  const columns = obj.columns;
  if (!Array.isArray(columns)) throw new CustomerFileError('"columns" is missing or not a list');
  const mismatch = CUSTOMER_COLUMNS.findIndex((c, i) => columns[i] !== c);
  if (mismatch >= 0 || columns.length !== CUSTOMER_COLUMNS.length) {
    const at = mismatch >= 0 ? mismatch : CUSTOMER_COLUMNS.length;
    throw new CustomerFileError(
      `"columns" differ from this version of the dashboard at position ${at + 1}: found ${JSON.stringify(
        columns[at] ?? null,
      )}, expected ${JSON.stringify(CUSTOMER_COLUMNS[at] ?? '(end of list)')}`,
    );
  }
  const rows = obj.rows;
  if (!Array.isArray(rows)) throw new CustomerFileError('"rows" is missing or not a list');
  if (rows.length === 0) throw new CustomerFileError('"rows" is empty: the file holds no customers');
  const customers: Customer[] = new Array(rows.length);
  const seen = new Set<string>();
  for (let r = 0; r < rows.length; r++) {
    const parsed = CustomerRowSchema.safeParse(rows[r]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CustomerFileError(
        `row ${r + 1} does not match the schema: ${describePath([r, ...issue.path])}: ${issue.message}`,
      );
    }
    const customer = toCustomer(parsed.data);
    if (seen.has(customer.customer_id)) {
      throw new CustomerFileError(`row ${r + 1}: customer_id ${customer.customer_id} appears twice`);
    }
    seen.add(customer.customer_id);
    customers[r] = customer;
  }
  return { currency: obj.currency, customers };
}

export function toCustomer(row: CustomerRow): Customer {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < CUSTOMER_COLUMNS.length; i++) out[CUSTOMER_COLUMNS[i]!] = row[i];
  return out as Customer;
}

export type CustomerValue = Customer[CustomerColumn];
