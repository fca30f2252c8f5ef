/**
 * A brand's own data → the transaction log every table is built from. Texts in, log and report
 * out: no file system, so the command line and a browser worker call the same function.
 */
import type { CustomerField, OrderField } from '../orders/column-matching';
import { readCustomersCsv, type CustomersReport } from '../orders/customers-csv';
import { readIntentsCsv } from '../orders/intents-csv';
import type { OrdersReport } from '../orders/orders-reader';
import type { DateOrder } from '../orders/parse-values';
import { readOrdersCsv } from '../orders/read-orders-csv';
import type { TransactionLog } from '../transactions/transaction-log';

export interface OwnDataInput {
  orders: { file: string; text: string };
  customers?: { file: string; text: string };
  intents?: { file: string; text: string };
}

export interface OwnDataOptions {
  /**
   * Field → column name. Order fields name the orders file's columns. Customer fields name the
   * customers file's, as `customers.<field>` (`customers.customer_id` is its id column) or, for
   * age, age_band, gender and region_type, without the prefix.
   */
  mapping?: Partial<Record<OrderField | CustomerField | `customers.${CustomerField}`, string>>;
  dateOrder?: DateOrder;
  maxBadShare?: number;
  recentMonths?: number;
}

export interface OwnDataReport {
  orders: OrdersReport;
  customers: CustomersReport | null;
  intentsFile: string | null;
  /** Categories of the orders without an intent in the intents file (each is its own intent). */
  categoriesWithoutIntent: string[];
  warnings: string[];
}

const ORDER_KEYS = new Set<string>([
  'order_id',
  'customer_id',
  'ordered_at',
  'channel',
  'category',
  'quantity',
  'amount',
  'unit_price',
  'discount',
  'dwell_minutes',
]);
const CUSTOMER_KEYS = new Set<string>(['customer_id', 'age', 'age_band', 'gender', 'region_type']);

function pick<K extends string>(
  mapping: Record<string, string> | undefined,
  keys: Set<string>,
): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(mapping ?? {}).filter(([k]) => keys.has(k))) as Partial<
    Record<K, string>
  >;
}

export function readOwnData(
  input: OwnDataInput,
  options: OwnDataOptions = {},
): { log: TransactionLog; report: OwnDataReport } {
  const intents = input.intents ? readIntentsCsv(input.intents.file, input.intents.text) : undefined;
  const { log, report } = readOrdersCsv(input.orders.text, {
    file: input.orders.file,
    mapping: pick<OrderField>(options.mapping, ORDER_KEYS),
    dateOrder: options.dateOrder,
    maxBadShare: options.maxBadShare,
    recentMonths: options.recentMonths,
    intents,
  });
  let customers: CustomersReport | null = null;
  let full = log;
  if (input.customers) {
    // An unprefixed customer_id names the orders file's column; `customers.customer_id` the customers file's.
    const mapping = pick<CustomerField>(options.mapping, CUSTOMER_KEYS);
    delete mapping.customer_id;
    for (const [key, column] of Object.entries(options.mapping ?? {})) {
      if (key.startsWith('customers.') && column)
        mapping[key.slice('customers.'.length) as CustomerField] = column;
    }
    const read = readCustomersCsv(input.customers.text, {
      file: input.customers.file,
      customerIds: log.customerIds,
      mapping,
      maxBadShare: options.maxBadShare,
    });
    customers = read.report;
    full = { ...log, attributes: read.attributes };
  }
  const categoriesWithoutIntent = intents
    ? log.categories.filter((c) => !intents.has(c.name)).map((c) => c.name)
    : [];
  const warnings = [...report.warnings, ...(customers?.warnings ?? [])];
  if (categoriesWithoutIntent.length) {
    warnings.push(
      `${input.intents!.file}: ${categoriesWithoutIntent.length} categories have no intent and stand as their own: ${categoriesWithoutIntent
        .slice(0, 5)
        .map((c) => `"${c}"`)
        .join(', ')}${categoriesWithoutIntent.length > 5 ? ', …' : ''}.`,
    );
  }
  if (!input.customers)
    warnings.push(
      'No customers file: age, gender and region are unknown, so the demographic breakdowns are empty.',
    );
  return {
    log: full,
    report: {
      orders: report,
      customers,
      intentsFile: input.intents?.file ?? null,
      categoriesWithoutIntent,
      warnings,
    },
  };
}
