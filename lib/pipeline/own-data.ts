/**
 * A brand's own data → the transaction log every table is built from. Texts in, log and report
 * out: no file system, so the command line and a browser worker call the same functions (the
 * worker feeds the orders and customers files in chunks through startOrdersRead and
 * startCustomersRead, then calls finishOwnData).
 *
 * Order: the side files that the orders read needs (intents, products), the orders, the customers
 * file joined on the normalised customer keys, and last the keys pseudonymised, so that no table
 * built from the log can hold an e-mail address or a phone number.
 */
import type { CustomerField, OrderField } from '../orders/column-matching';
import { pseudonymiseCustomers, type CustomerKeyMap } from '../orders/customer-keys';
import { readCustomersCsv, type CustomersReadOptions, type CustomersReport } from '../orders/customers-csv';
import { readIntentsCsv } from '../orders/intents-csv';
import type { OrdersReadOptions, OrdersReport } from '../orders/orders-reader';
import type { DateOrder } from '../orders/parse-values';
import { readProductsCsv, type ProductCatalogue } from '../orders/products-csv';
import { readOrdersCsv } from '../orders/read-orders-csv';
import type { CustomerAttributes, TransactionLog } from '../transactions/transaction-log';

/** Said when there is no customers file (the browser leaves it out when the file it was given failed). */
export const NO_CUSTOMERS_FILE =
  'No customers file: age, gender and region are unknown, so the demographic breakdowns are empty.';

export interface InputText {
  file: string;
  text: string;
  /** The file's first bytes, when the caller has them: a UTF-16 byte-order mark shows only there. */
  firstBytes?: Uint8Array;
}

export interface OwnDataInput {
  orders: InputText;
  customers?: InputText;
  intents?: InputText;
  /** A products export: the category of each order line by SKU or product title (Shopify). */
  products?: InputText;
}

export type OwnDataMapping = Partial<
  Record<OrderField | CustomerField | `customers.${CustomerField}`, string>
>;

export interface OwnDataOptions {
  /**
   * Field → column name. Order fields name the orders file's columns. Customer fields name the
   * customers file's, as `customers.<field>` (`customers.customer_id` is its id column) or, for
   * age, age_band, gender and region_type, without the prefix.
   */
  mapping?: OwnDataMapping;
  dateOrder?: DateOrder;
  maxBadShare?: number;
  recentMonths?: number;
  /** Every order is in this channel (a file without a channel column). */
  channel?: 'online' | 'in-store';
  /** The secret customer keys are pseudonymised with (16 bytes or more). */
  secret: Uint8Array;
}

export interface ProductsFileReport {
  file: string;
  products: number;
  withoutCategory: number;
  categoryColumn: string;
}

export interface OwnDataReport {
  orders: OrdersReport;
  customers: CustomersReport | null;
  intentsFile: string | null;
  productsFile: ProductsFileReport | null;
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
  'order_discount',
  'refunded',
  'subtotal',
  'status',
  'cancelled_at',
  'payment_method',
  'location',
  'sku',
  'product_name',
  'dwell_minutes',
  'ordered_time',
] satisfies OrderField[]);
const CUSTOMER_KEYS = new Set<string>([
  'customer_id',
  'age',
  'age_band',
  'date_of_birth',
  'gender',
  'region_type',
]);

function pick<K extends string>(
  mapping: Record<string, string> | undefined,
  keys: Set<string>,
): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(mapping ?? {}).filter(([k]) => keys.has(k))) as Partial<
    Record<K, string>
  >;
}

/** The order fields of a mapping (the rest names the customers file's columns). */
export const orderMapping = (mapping: OwnDataMapping | undefined) => pick<OrderField>(mapping, ORDER_KEYS);

/** The side files the orders read needs before it starts: intents and products. */
export function readSideFiles(input: Pick<OwnDataInput, 'intents' | 'products'>): {
  intents?: Map<string, string>;
  products?: ProductCatalogue;
} {
  return {
    ...(input.intents
      ? { intents: readIntentsCsv(input.intents.file, input.intents.text, input.intents.firstBytes) }
      : {}),
    ...(input.products
      ? { products: readProductsCsv(input.products.file, input.products.text, input.products.firstBytes) }
      : {}),
  };
}

/**
 * The options of the customers file's read: its column mapping (an unprefixed customer_id names the
 * orders file's column; `customers.customer_id` the customers file's), and the orders read's
 * customers, last day (ages from dates of birth are taken then) and date order.
 */
export function customersReadOptions(
  file: string,
  orders: { log: TransactionLog; report: OrdersReport },
  options: Pick<OwnDataOptions, 'mapping' | 'maxBadShare'>,
): CustomersReadOptions {
  const mapping = pick<CustomerField>(options.mapping, CUSTOMER_KEYS);
  delete mapping.customer_id;
  for (const [key, column] of Object.entries(options.mapping ?? {})) {
    if (key.startsWith('customers.') && column)
      mapping[key.slice('customers.'.length) as CustomerField] = column;
  }
  return {
    file,
    customerIds: orders.log.customerIds,
    mapping,
    maxBadShare: options.maxBadShare,
    ageOn: orders.report.lastDay,
    dateOrder: orders.report.dateOrder,
  };
}

/** The customers file, read (readCustomersCsv on a text, or streamed): its demographics and report. */
export type CustomersJoin = { attributes: CustomerAttributes; report: CustomersReport };

/**
 * After the orders and the customers file are read (the customers read with customersReadOptions):
 * the demographics joined, the intents checked, the report put together, and the customer keys
 * pseudonymised. `input` names the side files for the report.
 */
export function finishOwnData(
  read: { log: TransactionLog; report: OrdersReport },
  side: { intents?: Map<string, string>; products?: ProductCatalogue },
  customersJoin: CustomersJoin | null,
  input: { intents?: { file: string } },
  options: Pick<OwnDataOptions, 'secret'>,
): { log: TransactionLog; report: OwnDataReport; keyMap: CustomerKeyMap } {
  const { log, report } = read;
  const customers = customersJoin?.report ?? null;
  const full = customersJoin ? { ...log, attributes: customersJoin.attributes } : log;
  const { intents, products } = side;
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
  if (!customersJoin) warnings.push(NO_CUSTOMERS_FILE);
  const keyMap = pseudonymiseCustomers(full.customerIds, options.secret);
  return {
    log: { ...full, customerIds: keyMap.ids },
    report: {
      orders: report,
      customers,
      intentsFile: input.intents?.file ?? null,
      productsFile: products
        ? {
            file: products.file,
            products: products.products,
            withoutCategory: products.withoutCategory,
            categoryColumn: products.categoryColumn,
          }
        : null,
      categoriesWithoutIntent,
      warnings,
    },
    keyMap,
  };
}

/** The options of the orders read, from the build's options and the side files read first. */
export function ordersReadOptions(
  file: string,
  options: OwnDataOptions,
  side: ReturnType<typeof readSideFiles>,
): OrdersReadOptions {
  return {
    file,
    mapping: orderMapping(options.mapping),
    dateOrder: options.dateOrder,
    maxBadShare: options.maxBadShare,
    recentMonths: options.recentMonths,
    channel: options.channel,
    ...side,
  };
}

/**
 * The whole read from texts: a pseudonymised log, its report and the private key map out. The
 * command line streams the orders and customers files from disk instead (readOrdersCsvFile,
 * readCustomersCsvFile, then finishOwnData).
 */
export function readOwnData(
  input: OwnDataInput,
  options: OwnDataOptions,
): { log: TransactionLog; report: OwnDataReport; keyMap: CustomerKeyMap } {
  const side = readSideFiles(input);
  const read = readOrdersCsv(input.orders.text, ordersReadOptions(input.orders.file, options, side));
  const customers = input.customers
    ? readCustomersCsv(input.customers.text, customersReadOptions(input.customers.file, read, options))
    : null;
  return finishOwnData(read, side, customers, input, options);
}
