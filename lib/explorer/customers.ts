import {
  CUSTOMER_COLUMNS,
  CustomerRowSchema,
  CUSTOMERS_MASTER_COLUMNS,
  type CustomerColumn,
  type CustomerRecord,
  type CustomerRow,
} from '@/lib/schema/customers-master';

/** One customer of customers_master as a named record (the file holds one array per customer). */
export type Customer = CustomerRecord;

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
  const col = path[1];
  return typeof col === 'number' ? `column ${CUSTOMER_COLUMNS[col] ?? col}` : '(row)';
}

/**
 * The fast checks of the column dictionary (lib/schema/customers-master.ts), in column order: the same
 * rules as CustomerRowSchema (customers.test.ts proves they agree), about twenty times faster, so
 * 100,000 rows are checked in the browser in tens of milliseconds rather than seconds.
 */
const CHECKS = CUSTOMERS_MASTER_COLUMNS.map((c) => c.check);

/** The first problem with one compact row, as "column X: what was expected", or null when it is valid. */
export function checkCustomerRow(row: unknown): string | null {
  if (!Array.isArray(row)) return 'expected a list of values';
  if (row.length !== CHECKS.length) return `expected ${CHECKS.length} values, got ${row.length}`;
  for (let i = 0; i < CHECKS.length; i++) {
    const problem = CHECKS[i]!(row[i]);
    if (problem) return `column ${CUSTOMER_COLUMNS[i]}: ${problem}`;
  }
  return null;
}

/** The zod schema's verdict on one row, in the same words (kept for tests and small files). */
export function zodCheckCustomerRow(row: unknown): string | null {
  const parsed = CustomerRowSchema.safeParse(row);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${describePath([0, ...issue.path])}: ${issue.message}`;
}

/**
 * Checks the parsed customers_master JSON and turns it into records. The envelope (table name,
 * currency, column order) is checked in full; every row is checked with the table's zod row schema,
 * stopping at the first bad row so a broken file is reported quickly. Rows are checked with
 * checkCustomerRow (the zod row schema's rules as plain checks). Throws CustomerFileError
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
    const problem = checkCustomerRow(rows[r]);
    if (problem) throw new CustomerFileError(`row ${r + 1} does not match the schema: ${problem}`);
    const customer = toCustomer(rows[r] as CustomerRow);
    if (seen.has(customer.customer_id)) {
      throw new CustomerFileError(`row ${r + 1}: customer_id ${customer.customer_id} appears twice`);
    }
    seen.add(customer.customer_id);
    customers[r] = customer;
  }
  return { currency: obj.currency, customers };
}

/** Every column, null: the template each record is copied from, so all customers share one shape. */
const BLANK = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c, null]));

/**
 * A compact row as a record named by the dictionary's columns. Each record starts as a copy of one
 * template (one object shape for every customer: 100,000 of them build in milliseconds and read fast
 * when sorting). customers.test.ts checks it against CUSTOMER_COLUMNS.
 */
export function toCustomer(r: CustomerRow): Customer {
  const c: Record<string, unknown> = { ...BLANK };
  for (let i = 0; i < CUSTOMER_COLUMNS.length; i++) c[CUSTOMER_COLUMNS[i]!] = r[i];
  return c as Customer;
}

export type CustomerValue = Customer[CustomerColumn];
