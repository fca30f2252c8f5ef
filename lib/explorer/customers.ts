import {
  AGE_BANDS,
  CHURN_BANDS,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
  CustomerRowSchema,
  PREFERRED_CHANNELS,
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
  const col = path[1];
  return typeof col === 'number' ? `column ${CUSTOMER_COLUMNS[col] ?? col}` : '(row)';
}

type Check = (v: unknown) => string | null;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text: Check = (v) => (typeof v === 'string' ? null : 'expected text');
const nonEmpty: Check = (v) => (typeof v === 'string' && v.length > 0 ? null : 'expected non-empty text');
const range =
  (min: number, max: number, int = false, nullable = false): Check =>
  (v) => {
    if (v === null && nullable) return null;
    if (!isNum(v) || (int && !Number.isInteger(v))) return `expected ${int ? 'an integer' : 'a number'}`;
    return v < min || v > max ? `expected ${min} … ${max}, got ${v}` : null;
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.join(', ')}`;
const isoDate: Check = (v) =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'expected a date YYYY-MM-DD';
const INF = Number.POSITIVE_INFINITY;

/**
 * The row schema of lib/schema/customers-master.ts as plain checks, one per column: the same rules
 * as CustomerRowSchema (customers.test.ts proves they agree), about twenty times faster, so 100,000
 * rows are checked in the browser in tens of milliseconds rather than seconds.
 */
const ROW_CHECKS: Record<CustomerColumn, Check> = {
  customer_id: nonEmpty,
  cluster_id: range(0, INF, true),
  persona: nonEmpty,
  age: range(0, 120, true, true),
  age_band: oneOf(AGE_BANDS),
  gender: text,
  locale: text,
  first_order_date: isoDate,
  last_order_date: isoDate,
  tenure_days: range(0, INF, true),
  order_count: range(1, INF, true),
  orders_per_month: range(0, INF),
  recency_days: range(0, INF, true),
  total_spend: range(0, INF),
  avg_order_value: range(0, INF),
  basket_size: range(0, INF),
  dwell_minutes: range(0, INF, false, true),
  online_ratio: range(0, 1),
  preferred_channel: oneOf(PREFERRED_CHANNELS),
  category_diversity: range(1, INF, true),
  top_intent: text,
  discount_share: range(0, 1),
  active_month_share: range(0, 1),
  response_rate: range(0, 1, false, true),
  engagement_index: range(0, 100),
  loyalty_score: range(0, 100),
  churn_risk: range(0, 100),
  churn_risk_band: oneOf(CHURN_BANDS),
  clv_proxy: range(0, 100),
  clv_proxy_value: range(0, INF),
  clv_band: oneOf(CLV_BANDS),
  p_alive: range(0, 1, false, true),
  expected_purchases: range(0, INF, false, true),
  predicted_clv: range(0, INF, false, true),
  predicted_clv_p10: range(0, INF, false, true),
  predicted_clv_p90: range(0, INF, false, true),
};
const CHECKS = CUSTOMER_COLUMNS.map((c) => ROW_CHECKS[c]);

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

/**
 * A compact row as a record. Written as one object literal (not a loop over the column names) so
 * every customer shares one shape: 100,000 of them build in milliseconds and read fast when sorting.
 * customers.test.ts checks it against CUSTOMER_COLUMNS.
 */
export function toCustomer(r: CustomerRow): Customer {
  return {
    customer_id: r[0],
    cluster_id: r[1],
    persona: r[2],
    age: r[3],
    age_band: r[4],
    gender: r[5],
    locale: r[6],
    first_order_date: r[7],
    last_order_date: r[8],
    tenure_days: r[9],
    order_count: r[10],
    orders_per_month: r[11],
    recency_days: r[12],
    total_spend: r[13],
    avg_order_value: r[14],
    basket_size: r[15],
    dwell_minutes: r[16],
    online_ratio: r[17],
    preferred_channel: r[18],
    category_diversity: r[19],
    top_intent: r[20],
    discount_share: r[21],
    active_month_share: r[22],
    response_rate: r[23],
    engagement_index: r[24],
    loyalty_score: r[25],
    churn_risk: r[26],
    churn_risk_band: r[27],
    clv_proxy: r[28],
    clv_proxy_value: r[29],
    clv_band: r[30],
    p_alive: r[31],
    expected_purchases: r[32],
    predicted_clv: r[33],
    predicted_clv_p10: r[34],
    predicted_clv_p90: r[35],
  };
}

export type CustomerValue = Customer[CustomerColumn];
