/**
 * Turns the rows of a brand's orders export into the transaction shape every table is built from.
 *
 * Rows arrive one at a time (papaparse's step callback, in Node or in a worker), so a 50 MB file is
 * never held as strings. The first rows are held back until the column mapping (a channel column
 * may only be recognised by its values), the date order and the decimal separator can be told from
 * the data. Then the rows of each order are gathered (exports write an order's lines together) and
 * the order is read as a whole, by the semantics of the platform it comes from (platforms.ts):
 * order-level fields carried to every line, discounts counted once, refunds netted, cancelled and
 * voided orders, guests and returns left out and reported. Every rupee of the file is accounted for
 * in the report's reconciliation. Bad rows are counted, the first few kept with line and reason,
 * and the read stops with a clear error when too many are bad.
 *
 * Customer keys are normalised here (customer-keys.ts); they are pseudonymised before any table is
 * built (lib/pipeline/own-data.ts), and no message or report ever quotes one.
 */
import { daysBetween, windowStartOf } from '../synth/synth-config';
import {
  CHANNEL_INSTORE,
  CHANNEL_ONLINE,
  Growable,
  NO_CONTACT,
  UNKNOWN_ATTRIBUTE,
  type Category,
  type CustomerAttributes,
  type TransactionLog,
} from '../transactions/transaction-log';
import { describeMissing, findColumn, ORDER_FIELDS, type OrderField } from './column-matching';
import { checkHeaderIsNames } from './csv-text';
import { normaliseCustomerKey, type CustomerKeyKind } from './customer-keys';
import { matchOrderColumns, missingOrderFields } from './order-columns';
import { OrdersInputError, type RowProblem } from './orders-input-error';
import {
  detectDateOrder,
  detectDecimalSeparator,
  hasOrderDependentDates,
  parseAmount,
  parseOrderTime,
  type DateOrder,
  type DecimalSeparator,
} from './parse-values';
import {
  detectPlatform,
  type ChannelReading,
  type OrderStatus,
  type Platform,
  type PlatformId,
} from './platforms';
import { categoryOfProduct, type ProductCatalogue } from './products-csv';
import { isPersonalShape, listHeaders, quoteValue, safeText } from './quote-value';
import {
  EXCLUSION_LABELS,
  EXCLUSION_REASONS,
  formatPaise,
  type ExclusionReason,
  type Reconciliation,
} from './reconciliation';
import { splitWhole } from './split-whole';

export { OrdersInputError, type RowProblem } from './orders-input-error';

export interface OrdersReadOptions {
  /** File name used in messages. */
  file: string;
  /** Field → column name, overriding the automatic match. */
  mapping?: Partial<Record<OrderField, string>>;
  /** Forced date order for dates like 03/04/2025; detected from the data when absent. */
  dateOrder?: DateOrder;
  decimal?: DecimalSeparator;
  /** The read fails when more than this share of rows is bad (default 0.05). */
  maxBadShare?: number;
  /** How many bad rows are kept for the report (default 10). */
  shownErrors?: number;
  /** Category (as written) → lifestyle intent; a category without one is its own intent. */
  intents?: ReadonlyMap<string, string>;
  /** Months at the end of the window that count as recent (default 6). */
  recentMonths?: number;
  /** Observation window; by default from the first to the last order day. */
  window?: { start: string; end: string };
  /** A products file: the category of each line by SKU or product title. */
  products?: ProductCatalogue;
  /** Every order is in this channel (a file without a channel column). */
  channel?: 'online' | 'in-store';
}

export interface OrdersReport {
  file: string;
  /** Which platform the file was read as. */
  platform: PlatformId;
  platformLabel: string;
  /** The platform semantics applied, one sentence each. */
  notes: string[];
  rowsRead: number;
  rowsSkipped: number;
  /** The first bad rows, in file order. */
  problems: RowProblem[];
  /** Bad rows per reason (the reason's first words, without values). */
  skippedBy: Record<string, number>;
  columns: Partial<Record<OrderField, string>>;
  /** Field → how its column was found (by hand, by name, by its values). */
  columnsHow: Partial<Record<OrderField, string>>;
  /** How dates like 03/04/2025 were read (ISO dates need no order). */
  dateOrder: DateOrder;
  /** Set when the date order could not be proven from the data and a default was used. */
  dateOrderAssumed: boolean;
  decimal: DecimalSeparator;
  firstDay: string;
  lastDay: string;
  customers: number;
  orders: number;
  lines: number;
  /** Customers by the kind of key the file identifies them with, and keys merged by normalisation. */
  customerKeys: Record<CustomerKeyKind, number> & { merged: number };
  /** Counted orders whose payment is still to come, cash on delivery or otherwise. */
  pendingOrders: { cashOnDelivery: number; other: number };
  /** Online orders from sales channels written as an app id, and sources we do not know: source → orders. */
  appSources: Record<string, number>;
  unknownSources: Record<string, number>;
  /** Statuses we do not know, read as sales: status → orders. */
  unknownStatuses: Record<string, number>;
  /** Where categories came from, and lines the products file did not know. */
  categorySource: string;
  linesWithoutProduct: number;
  reconciliation: Reconciliation;
  warnings: string[];
}

/** Rows held back until the mapping, date order and decimal separator can be told from the data. */
const SAMPLE_ROWS = 2000;

const u32 = (n: number) => new Uint32Array(n);
const f64 = (n: number) => new Float64Array(n);

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function isoOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

const toPaise = (v: number) => Math.round(v * 100);

interface Row {
  cells: string[];
  line: number;
}

/** The rows of one order as they come, with the customer and day they share. */
interface OrderGroup {
  id: string;
  rows: Row[];
  /** The normalised customer of its first row that has one, else ''. */
  key: string;
  /** The day of its first row that has a readable one. */
  time: number | null;
}

/** One line of an order, read. */
interface ReadLine {
  line: number;
  category: string;
  quantity: number;
  grossPaise: number;
  discountPaise: number;
  netPaise: number;
}

const CASH_ON_DELIVERY = /cash on delivery|\bcod\b|pay on delivery/i;
/** A category or a customer key longer than this is a broken line, not a name or an id. */
const MAX_CATEGORY_LENGTH = 200;
const MAX_KEY_LENGTH = 320;
/** Net paise of some lines. */
const sumNet = (lines: readonly ReadLine[]) => lines.reduce((s, l) => s + l.netPaise, 0);

/**
 * A till's stand-in for "no customer": a placeholder word ("Cash Customer", "Walk-in", "Guest",
 * "NA") or a number of one repeated digit (9999999999, 0000000000). Read as a guest, not a person
 * who would otherwise become the brand's biggest customer.
 */
const PLACEHOLDER_WORDS =
  /^(?:cash|cash customer|cash sale|walk[ -]?in(?: customer)?|guest|guest customer|customer|unknown|na|n\/a|none|nil|null|-+|\.+|0+)$/i;
export function isPlaceholderKey(raw: string): boolean {
  const s = raw.trim();
  if (!s) return false;
  if (PLACEHOLDER_WORDS.test(s)) return true;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 6 && digits === s.replace(/[\s+()-]/g, '') && /^(\d)\1+$/.test(digits.slice(-10));
}

/**
 * `map`'s value for `key`, worked out by `compute` the first time; the map is emptied when it holds
 * `limit` values, so a file of ever-new values cannot grow it without end.
 */
function remembered<V>(map: Map<string, V>, key: string, limit: number, compute: (key: string) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = compute(key);
    if (map.size >= limit) map.clear();
    map.set(key, value);
  }
  return value;
}

/** A number in a spreadsheet's scientific notation, "9.19876E+11": what Excel makes of a long phone number. */
const SPREADSHEET_NUMBER = /^[+-]?\d(?:\.\d+)?e\+?\d+$/i;

export class OrdersReader {
  private columns: Partial<Record<OrderField, number>> = {};
  private columnsHow: Partial<Record<OrderField, string>> = {};
  private readonly fallbackKeyColumns: number[];
  private readonly categoryFallbackColumn: number;
  private width = 0;
  /** The columns the reader looks at. */
  private readColumns: number[] = [];
  private readonly opts: Required<Pick<OrdersReadOptions, 'maxBadShare' | 'shownErrors'>> & OrdersReadOptions;
  readonly platform: Platform;
  private settled = false;
  private dateOrder: DateOrder | null;
  private decimal: DecimalSeparator | null;
  private dateOrderAssumed = false;
  private pending: Row[] = [];
  private group: OrderGroup | null = null;
  private unitPriceMode = false;

  private rowsRead = 0;
  private rowsSkipped = 0;
  private readonly problems: RowProblem[] = [];
  private readonly skippedBy: Record<string, number> = {};

  private readonly customerIndex = new Map<string, number>();
  private readonly customerIds: string[] = [];
  private readonly customerKinds: CustomerKeyKind[] = [];
  private readonly rawKeys = new Set<string>();
  private readonly orderIndex = new Map<string, number>();
  private readonly orderCustomer: number[] = [];
  private readonly orderDay: number[] = [];
  private readonly orderHour: number[] = [];
  private readonly orderChannel: number[] = [];
  private readonly orderDwell: number[] = [];
  private readonly orderLine: number[] = [];
  /** Orders whose lines came back after other orders: their order-level amounts are not applied twice. */
  private splitOrders = 0;
  /** Every order id read so far (a reused one gets a suffix), with its verdict, customer and day. */
  private readonly closed = new Map<
    string,
    { outcome: ExclusionReason | 'counted'; key: string | null; day: number }
  >();
  /** Order ids used again for other orders (bill numbers that restart). */
  private reusedIds = 0;
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryNames: string[] = [];
  // Lines, columnar: order, category, quantity, net and discount in paise (exact sums).
  private readonly lineOrder = new Growable(u32);
  private readonly lineCategory = new Growable(u32);
  private readonly lineQuantity = new Growable(u32);
  private readonly lineNet = new Growable(f64);
  private readonly lineDiscount = new Growable(f64);
  /** Date-times and product categories already read: raw → value (lines repeat them). */
  private readonly times = new Map<string, { day: number; hour: number } | null>();
  private lastTime: { raw: string | null; time: { day: number; hour: number } | null } = {
    raw: null,
    time: null,
  };
  private lastRowKey: { raw: string | null; key: string } = { raw: null, key: '' };
  private readonly productCategories = new Map<string, string | null>();
  private readonly personalCategories = new Map<string, boolean>();

  private readonly tally = {
    pendingCod: 0,
    pendingOther: 0,
    appSources: {} as Record<string, number>,
    unknownSources: {} as Record<string, number>,
    unknownStatuses: {} as Record<string, number>,
    linesWithoutProduct: 0,
    zeroQuantityLines: 0,
    mangledKeys: 0,
    nulCells: 0,
    discountCapped: 0,
    placeholderKeys: 0,
    refundsInQuantities: 0,
    discountAboveOrder: 0,
  };
  private readonly money: Reconciliation = {
    file_paise: 0,
    file_subtotal_paise: null,
    excluded: {
      cancelled: { orders: 0, paise: 0 },
      voided: { orders: 0, paise: 0 },
      refunded: { orders: 0, paise: 0 },
      unpaid: { orders: 0, paise: 0 },
      guest: { orders: 0, paise: 0 },
    },
    refunds_paise: 0,
    refunds_beyond_merchandise_paise: 0,
    returns_paise: 0,
    return_lines: 0,
    bad_rows_paise: 0,
    bad_rows_without_amount: 0,
    tables_paise: 0,
  };

  constructor(
    readonly headers: readonly string[],
    options: OrdersReadOptions,
  ) {
    // An option given as undefined keeps its default.
    this.opts = {
      ...options,
      maxBadShare: options.maxBadShare ?? 0.05,
      shownErrors: options.shownErrors ?? 10,
    };
    checkHeaderIsNames(options.file, headers);
    this.platform = detectPlatform(headers);
    const unknown = Object.entries(options.mapping ?? {}).filter(
      ([, column]) => column && findColumn(headers, column) < 0,
    );
    if (unknown.length) {
      throw new OrdersInputError(
        `${options.file}: the column mapping names ${unknown.length === 1 ? 'a column' : 'columns'} the file does not have: ` +
          unknown.map(([key, column]) => `${key} → ${quoteValue(column)}`).join(', ') +
          `. Columns in the file: ${listHeaders(headers)}.`,
      );
    }
    this.fallbackKeyColumns = this.platform.customerFallbacks
      .map((name) => headers.indexOf(name))
      .filter((i) => i >= 0);
    this.categoryFallbackColumn = this.platform.categoryFallback
      ? headers.indexOf(this.platform.categoryFallback)
      : -1;
    this.dateOrder = options.dateOrder ?? null;
    this.decimal = options.decimal ?? null;
    // Everything the header alone decides is checked now; the channel may need the sample rows.
    this.matchColumns([]);
    const missing = this.missingFields().filter((key) => key !== 'channel');
    if (missing.length) this.throwMissing(missing);
  }

  /** Column names as used, for the report and the page's mapping view. */
  mappedColumns(): Partial<Record<OrderField, string>> {
    return Object.fromEntries(
      Object.entries(this.columns).map(([k, i]) => [k, this.headers[i as number]]),
    ) as Partial<Record<OrderField, string>>;
  }

  private matchColumns(sample: readonly (readonly string[])[]): void {
    const match = matchOrderColumns(this.headers, sample, this.platform, this.opts);
    this.columns = match.columns;
    this.columnsHow = match.how;
    this.unitPriceMode = match.columns.amount === undefined;
    this.readColumns = [
      ...new Set([
        ...(Object.values(match.columns) as number[]),
        ...this.fallbackKeyColumns,
        ...(this.categoryFallbackColumn >= 0 ? [this.categoryFallbackColumn] : []),
      ]),
    ];
    this.width = Math.max(
      ...Object.values(match.columns).map((i) => (i ?? 0) + 1),
      ...this.fallbackKeyColumns.map((i) => i + 1),
      this.categoryFallbackColumn + 1,
    );
  }

  private missingFields(): OrderField[] {
    return missingOrderFields(this.headers, this.columns, this.platform, this.opts);
  }

  private throwMissing(missing: OrderField[]): never {
    const specs = ORDER_FIELDS.filter((f) => missing.includes(f.key));
    let text = describeMissing(specs, this.headers, this.opts.file);
    if (missing.includes('channel')) {
      text +=
        '\n  If every order in the file comes from one channel, say which: --channel online or --channel in-store.';
    }
    throw new OrdersInputError(text);
  }

  /** One data row; `line` is its 1-based line in the file. Blank rows should not be passed. */
  addRow(cells: string[], line: number): void {
    this.rowsRead++;
    // NUL bytes (a file saved by some POS software, or damaged) are invisible in every message:
    // dropped from the cells that are read (all of them until the columns are settled).
    const columns = this.settled ? this.readColumns : cells.keys();
    for (const i of columns) {
      const cell = cells[i];
      if (cell !== undefined && cell.includes('\u0000')) {
        cells[i] = cell.replace(/\u0000/g, '');
        this.tally.nulCells++;
      }
    }
    if (!this.settled) {
      this.pending.push({ cells, line });
      if (this.pending.length >= SAMPLE_ROWS) this.settle();
      return;
    }
    this.takeRow({ cells, line });
  }

  private cell(cells: readonly string[], field: OrderField): string {
    const i = this.columns[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  }

  /** Mapping, date order and decimal separator from the sample; then the held rows are read. */
  private settle(): void {
    this.settled = true;
    const sample = this.pending.map((r) => r.cells);
    this.matchColumns(sample);
    const missing = this.missingFields();
    if (missing.length) this.throwMissing(missing);
    const values = (field: OrderField) => this.pending.map((r) => this.cell(r.cells, field));
    if (this.decimal === null) {
      this.decimal = detectDecimalSeparator([
        ...values('amount'),
        ...values('unit_price'),
        ...values('discount'),
      ]);
    }
    if (this.dateOrder === null) {
      const dates = values('ordered_at').filter(Boolean);
      const detected = detectDateOrder(dates);
      this.dateOrder = detected ?? 'dmy';
      this.dateOrderAssumed = detected === null && hasOrderDependentDates(dates);
    }
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.takeRow(r);
  }

  private skip(line: number, kind: string, detail: string): void {
    this.rowsSkipped++;
    this.skippedBy[kind] = (this.skippedBy[kind] ?? 0) + 1;
    if (this.problems.length < this.opts.shownErrors) this.problems.push({ line, reason: detail });
  }

  /** A bad row: skipped, and its amount (when it can be read) kept aside for the reconciliation. */
  private skipRow(row: Row, kind: string, detail: string): void {
    this.skip(row.line, kind, detail);
    const net = this.rowNetPaise(row.cells);
    if (net === null) this.money.bad_rows_without_amount++;
    else {
      this.money.file_paise += net;
      this.money.bad_rows_paise += net;
    }
  }

  /** A bad row's money, by the same rules as a good line's; null when it cannot be read or is not positive. */
  private rowNetPaise(cells: readonly string[]): number | null {
    const money = this.lineMoney(cells);
    return money && money !== 'zero' && 'net' in money && money.net > 0 ? money.net : null;
  }

  /**
   * A line's quantity and money in paise, by the file's rules: a net amount column, or unit price ×
   * quantity less the line's discount. Negative quantity or money: a return (all come back
   * negative). A string: what cannot be read, for the bad-row message.
   */
  private lineMoney(
    cells: readonly string[],
  ):
    | { quantity: number; gross: number; discount: number; net: number }
    | 'zero'
    | { bad: string; kind: string } {
    const rawQty = this.cell(cells, 'quantity');
    const quantity = parseAmount(rawQty, '.');
    if (quantity === null || !Number.isInteger(quantity) || Math.abs(quantity) > 65_535) {
      return {
        kind: 'bad quantity',
        bad: `quantity ${quoteValue(rawQty)} is not a whole number from 1 to 65,535`,
      };
    }
    if (quantity === 0) return 'zero';
    const rawDiscount = this.cell(cells, 'discount');
    const discount = rawDiscount === '' ? 0 : parseAmount(rawDiscount, this.decimal!);
    if (discount === null)
      return { kind: 'bad discount', bad: `discount ${quoteValue(rawDiscount)} is not an amount` };
    const discountPaise = toPaise(Math.abs(discount));
    let gross: number;
    let net: number;
    let isReturn = quantity < 0;
    if (!this.unitPriceMode) {
      const raw = this.cell(cells, 'amount');
      const amount = parseAmount(raw, this.decimal!);
      if (amount === null) return { kind: 'bad amount', bad: `amount ${quoteValue(raw)} is not a number` };
      isReturn ||= amount < 0;
      net = Math.abs(toPaise(amount));
      gross = net + discountPaise;
    } else {
      const raw = this.cell(cells, 'unit_price');
      const unit = parseAmount(raw, this.decimal!);
      if (unit === null)
        return { kind: 'bad unit price', bad: `unit price ${quoteValue(raw)} is not a number` };
      isReturn ||= unit < 0;
      gross = toPaise(Math.abs(unit) * Math.abs(quantity));
      net = gross - discountPaise;
      if (net < 0) {
        return {
          kind: 'discount above the line',
          bad: `discount ${quoteValue(rawDiscount)} is more than the line's value (unit price × quantity)`,
        };
      }
    }
    const sign = isReturn ? -1 : 1;
    return {
      quantity: sign * Math.abs(quantity),
      gross: sign * gross,
      discount: sign * discountPaise,
      net: sign * net,
    };
  }

  /** Gathers the rows of one order (written together); a new order id, customer or day closes the last one. */
  private takeRow(row: Row): void {
    if (row.cells.length < this.width) {
      this.skipRow(
        row,
        'too few cells',
        `${row.cells.length} cells where ${this.width} are needed (a wrong delimiter, or a broken line?)`,
      );
      return;
    }
    // More cells than the header has, and not only empty ones: two lines run together, or a delimiter inside a value.
    if (
      row.cells.length > this.headers.length &&
      row.cells.slice(this.headers.length).some((c) => c.trim() !== '')
    ) {
      this.skip(
        row.line,
        'too many cells',
        `${row.cells.length} cells where the header has ${this.headers.length} (two lines run together, or a comma inside a value without quotes?)`,
      );
      this.money.bad_rows_without_amount++;
      return;
    }
    const id = this.cell(row.cells, 'order_id');
    if (!id) return this.skipRow(row, 'order id is empty', 'order id is empty');
    if (this.group && this.group.id === id && !this.startsAnotherOrder(this.group, row)) {
      this.group.rows.push(row);
      this.group.key ||= this.rowKeyOf(row);
      this.group.time ??= this.rowDayOf(row);
      return;
    }
    this.closeOrder();
    this.group = { id, rows: [row], key: this.rowKeyOf(row), time: this.rowDayOf(row) };
  }

  /**
   * Whether a row under the current order's number is another order. Bill numbers restart each
   * day, year or store, so the same number for another customer or on another day is a new order,
   * as it is when the number comes back later in the file (readOrder).
   */
  private startsAnotherOrder(group: OrderGroup, row: Row): boolean {
    const key = this.rowKeyOf(row);
    if (key && group.key && key !== group.key) return true;
    const day = this.rowDayOf(row);
    return day !== null && group.time !== null && day !== group.time;
  }

  /** A row's customer, normalised ('' for none or a till's stand-in), to tell orders apart. */
  private rowKeyOf(row: Row): string {
    const raw = this.cell(row.cells, 'customer_id');
    // An order's rows repeat its customer: the last one read is kept, not worked out again.
    if (raw === this.lastRowKey.raw) return this.lastRowKey.key;
    const key = !raw || isPlaceholderKey(raw) ? '' : (normaliseCustomerKey(raw)?.key ?? raw);
    this.lastRowKey = { raw, key };
    return key;
  }

  /** A row's day, when it has a readable one. */
  private rowDayOf(row: Row): number | null {
    const raw = this.rowTimeOf(row.cells);
    return raw ? (this.readTime(raw)?.day ?? null) : null;
  }

  private closeOrder(): void {
    if (!this.group) return;
    const { id, rows } = this.group;
    this.group = null;
    this.readOrder(id, rows);
  }

  /** The first non-blank value of an order-level field among the order's rows. */
  private orderValue(rows: readonly Row[], field: OrderField): string {
    if (this.columns[field] === undefined) return '';
    for (const r of rows) {
      const v = this.cell(r.cells, field);
      if (v) return v;
    }
    return '';
  }

  /** The order's customer key as written (spaces kept: "written differently" counts them), or ''. */
  private customerKeyOf(rows: readonly Row[]): string {
    const columns = [this.columns.customer_id, ...this.fallbackKeyColumns];
    for (const i of columns) {
      if (i === undefined) continue;
      for (const r of rows) {
        const v = r.cells[i] ?? '';
        if (v.trim()) return v;
      }
    }
    return '';
  }

  /** A row's date-time as written: the date column, with the time column's value when the date has none. */
  private rowTimeOf(cells: readonly string[]): string {
    const date = this.cell(cells, 'ordered_at');
    const time = this.cell(cells, 'ordered_time');
    return time && date && !date.includes(':') ? `${date} ${time}` : date;
  }

  /**
   * The order's date-time: the first one of its rows that can be read (the others carry it, or
   * are bad rows of their own); else the first one written, or '' when no row has one.
   */
  private orderTimeOf(rows: readonly Row[]): string {
    let written = '';
    for (const r of rows) {
      const raw = this.rowTimeOf(r.cells);
      if (raw && this.readTime(raw)) return raw;
      written ||= raw;
    }
    return written;
  }

  private readTime(raw: string): { day: number; hour: number } | null {
    // An order's rows repeat its date-time: the last one read is kept, without a lookup.
    if (raw === this.lastTime.raw) return this.lastTime.time;
    const time = remembered(this.times, raw, 50_000, () => {
      const t = parseOrderTime(raw, this.dateOrder!);
      return t ? { day: dayNumber(t.day), hour: t.hour } : null;
    });
    this.lastTime = { raw, time };
    return time;
  }

  private categoryOf(cells: readonly string[]): string {
    const products = this.opts.products;
    if (products) {
      const sku = this.cell(cells, 'sku');
      const name = this.cell(cells, 'product_name');
      const found = remembered(this.productCategories, `${sku}\u0000${name}`, 100_000, () =>
        categoryOfProduct(products, sku, name),
      );
      if (found) return found;
      this.tally.linesWithoutProduct++;
    }
    const own = this.cell(cells, 'category');
    if (own || this.columns.category !== undefined) return own;
    return this.categoryFallbackColumn >= 0 ? (cells[this.categoryFallbackColumn] ?? '').trim() : '';
  }

  /**
   * isPersonalShape, asked once per category name: a file repeats a few names a million times.
   * Only names of a category's length are kept (a longer one is a broken line, refused anyway), so
   * a column out of place cannot fill the memo with long texts.
   */
  private isPersonalCategory(category: string): boolean {
    if (category.length > MAX_CATEGORY_LENGTH) return isPersonalShape(category);
    return remembered(this.personalCategories, category, 100_000, isPersonalShape);
  }

  /**
   * A line's values, or why it cannot be read. A line with a negative quantity or amount is a
   * return: its quantity and money come back negative, whichever of the two the file wrote so.
   */
  private readLine(row: Row): ReadLine | { bad: string; kind: string } | 'zero' | 'no product' {
    const { cells } = row;
    // A row of the order with no product on it (WooCommerce writes a second coupon on its own row).
    if (
      this.cell(cells, 'quantity') === '' &&
      this.cell(cells, this.unitPriceMode ? 'unit_price' : 'amount') === '' &&
      this.cell(cells, 'product_name') === '' &&
      this.cell(cells, 'sku') === ''
    )
      return 'no product';
    const category = this.categoryOf(cells);
    if (this.isPersonalCategory(category)) {
      // An e-mail or a phone number is no category: a column is out of place, and it must not reach a table.
      return {
        kind: 'category is personal data',
        bad: `product category is ${safeText(category)} (a column out of place?)`,
      };
    }
    if (category.length > MAX_CATEGORY_LENGTH) {
      return {
        kind: 'category too long',
        bad: `product category ${quoteValue(category)} is longer than ${MAX_CATEGORY_LENGTH} characters (two lines run together?)`,
      };
    }
    if (!category) {
      return {
        kind: 'category is empty',
        bad:
          this.opts.products && this.columns.category === undefined && this.categoryFallbackColumn < 0
            ? `product category is unknown: ${this.opts.products.file} has no product with this SKU or name`
            : 'product category is empty',
      };
    }
    const money = this.lineMoney(cells);
    if (money === 'zero' || 'bad' in money) return money;
    return {
      line: row.line,
      category,
      quantity: money.quantity,
      grossPaise: money.gross,
      discountPaise: money.discount,
      netPaise: money.net,
    };
  }

  private readOrder(fileId: string, rows: Row[]): void {
    let rawKey = this.customerKeyOf(rows);
    if (rawKey.length > MAX_KEY_LENGTH) {
      for (const r of rows)
        this.skipRow(
          r,
          'customer id too long',
          `customer id is longer than ${MAX_KEY_LENGTH} characters (two lines run together?)`,
        );
      return;
    }
    if (SPREADSHEET_NUMBER.test(rawKey)) {
      // "9.19876E+11": a phone number a spreadsheet turned into a rounded number; its digits are lost.
      this.tally.mangledKeys++;
      rawKey = '';
    }
    if (isPlaceholderKey(rawKey)) {
      // "Cash Customer", "Walk-in", 9999999999: the till's stand-in for no customer, not a person.
      this.tally.placeholderKeys++;
      rawKey = '';
    }
    const key = normaliseCustomerKey(rawKey);

    // What the whole order shares: its date, channel and dwell. If one is unreadable, so is every line.
    const rawTime = this.orderTimeOf(rows);
    const time = this.readTime(rawTime);
    if (!time) {
      const how = this.dateOrder === 'dmy' ? 'day-first' : 'month-first';
      const detail = rawTime
        ? `order date-time ${quoteValue(rawTime)} is not a date (dates like 03/04/2025 are read ${how})`
        : 'order date-time is empty';
      for (const r of rows) this.skipRow(r, 'unreadable date', detail);
      return;
    }
    const source = this.channelOf(rows);
    const channel = source.channel;
    if (!channel) {
      const raw = this.orderValue(rows, 'channel');
      for (const r of rows)
        this.skipRow(
          r,
          'unknown channel',
          `channel ${quoteValue(raw)} is neither online nor in-store (e.g. Online, Web, App, In-store, Store, POS)`,
        );
      return;
    }
    const dwell = this.dwellOf(rows, channel);
    if (dwell === null) {
      for (const r of rows)
        this.skipRow(
          r,
          'bad dwell',
          `dwell minutes ${quoteValue(this.orderValue(rows, 'dwell_minutes'))} is not a number from 0 to 1,440`,
        );
      return;
    }

    // An id seen before: more lines of the same order (same customer and day), written apart from
    // the rest; or another order under a reused number (bills restart each year or at each store).
    let id = fileId;
    let prior = this.closed.get(id);
    if (prior && (prior.key !== (key?.key ?? null) || prior.day !== time.day)) {
      this.reusedIds++;
      id = `${fileId}\u0000${this.reusedIds}`;
      prior = undefined;
    }

    const lines: ReadLine[] = [];
    let zeroLines = 0;
    for (const r of rows) {
      // The rows of an order share its customer and day (another one starts another order, takeRow).
      const rowTime = this.rowTimeOf(r.cells);
      if (rowTime && rowTime !== rawTime && !this.readTime(rowTime)) {
        const how = this.dateOrder === 'dmy' ? 'day-first' : 'month-first';
        this.skipRow(
          r,
          'unreadable date',
          `order date-time ${quoteValue(rowTime)} is not a date (dates like 03/04/2025 are read ${how})`,
        );
        continue;
      }
      const read = this.readLine(r);
      if (read === 'zero') {
        zeroLines++;
        continue;
      }
      if (read === 'no product') continue;
      if ('bad' in read) {
        this.skipRow(r, read.kind, read.bad);
        continue;
      }
      lines.push(read);
    }
    this.tally.zeroQuantityLines += zeroLines;

    // What the order is: the earlier part's verdict for its continuation, else its own.
    const outcome: ExclusionReason | 'counted' = prior ? prior.outcome : this.outcomeOf(rows, key !== null);
    if (!prior) this.closed.set(id, { outcome, key: key?.key ?? null, day: time.day });
    // Returns (negative lines) are never sales, whatever the order: they are added back on their own.
    const sales = lines.filter((l) => l.quantity > 0);
    for (const l of lines) {
      if (l.quantity < 0) {
        this.money.file_paise += l.netPaise;
        this.money.returns_paise -= l.netPaise;
        this.money.return_lines++;
      }
    }
    if (sales.length === 0) {
      // An order whose lines all went (WooCommerce writes a refunded order's quantities as 0) is still told.
      if (outcome !== 'counted' && !prior) this.exclude(outcome, 0);
      return;
    }
    // Order-level amounts belong to the order once: a continuation takes none of them again.
    if (!prior) {
      this.applyOrderDiscount(rows, sales);
      const subtotal = parseAmount(this.orderValue(rows, 'subtotal'), this.decimal!);
      if (subtotal !== null)
        this.money.file_subtotal_paise = (this.money.file_subtotal_paise ?? 0) + toPaise(subtotal);
    }
    const merchandise = sumNet(sales);
    this.money.file_paise += merchandise;
    if (outcome !== 'counted') {
      if (prior) this.money.excluded[outcome].paise += merchandise;
      else this.exclude(outcome, merchandise);
      return;
    }

    // Refunds: netted from the order's sales in proportion; an order refunded in full is no sale.
    if (!prior) {
      const refunded = parseAmount(this.orderValue(rows, 'refunded'), this.decimal!);
      let refund = refunded !== null && refunded > 0 ? toPaise(refunded) : 0;
      // WooCommerce takes refunded items off the quantities: such a refund is already out of the lines.
      if (refund > 0 && zeroLines > 0 && this.platform.refundsInQuantities) {
        this.tally.refundsInQuantities++;
        refund = 0;
      }
      if (refund > 0 && refund >= merchandise) {
        this.money.refunds_beyond_merchandise_paise += refund - merchandise;
        this.closed.set(id, { outcome: 'refunded', key: key?.key ?? null, day: time.day });
        return this.exclude('refunded', merchandise);
      }
      if (refund > 0) {
        const shares = splitWhole(
          refund,
          sales.map((l) => Math.max(0, l.netPaise)),
        );
        sales.forEach((l, i) => (l.netPaise -= shares[i]!));
        this.money.refunds_paise += refund;
      }
    }
    if (!this.addOrder(id, key!.key, key!.kind, rawKey, time, channel, dwell, sales)) return;
    if (!prior) {
      if (this.statusOf(rows) === 'pending') {
        if (CASH_ON_DELIVERY.test(this.orderValue(rows, 'payment_method'))) this.tally.pendingCod++;
        else this.tally.pendingOther++;
      }
      this.tallySource(source);
    }
  }

  /** A new order's verdict: a guest's, not a sale by its status, or counted. */
  private outcomeOf(rows: readonly Row[], hasCustomer: boolean): ExclusionReason | 'counted' {
    if (!hasCustomer) return 'guest';
    const status = this.statusOf(rows);
    return status === 'cancelled' || status === 'voided' || status === 'refunded' || status === 'unpaid'
      ? status
      : 'counted';
  }

  /**
   * The rest of the order's discount spread over its lines in proportion: taken off lines priced
   * before it (Shopify's Discount Amount), only recorded on lines already net of it (WooCommerce's
   * Item Cost, or a file's net line amounts).
   */
  private applyOrderDiscount(rows: readonly Row[], sales: ReadLine[]): void {
    const orderDiscount = parseAmount(this.orderValue(rows, 'order_discount'), this.decimal!);
    const value = sumNet(sales);
    if (orderDiscount === null || orderDiscount <= 0 || value <= 0) return;
    let rest = toPaise(orderDiscount) - sales.reduce((s, l) => s + l.discountPaise, 0);
    const takeOff = this.unitPriceMode && !this.platform.linesNetOfOrderDiscount;
    // More discount than the lines are worth (some of the order's lines were bad): capped, and said.
    if (takeOff && rest > value) {
      this.tally.discountCapped++;
      rest = value;
    }
    if (rest < 0) this.tally.discountAboveOrder++;
    if (rest <= 0) return;
    const shares = splitWhole(
      rest,
      sales.map((l) => Math.max(0, l.netPaise)),
    );
    sales.forEach((l, i) => {
      l.discountPaise += shares[i]!;
      if (takeOff) l.netPaise -= shares[i]!;
      else l.grossPaise += shares[i]!;
    });
  }

  private exclude(reason: ExclusionReason, paise: number): void {
    this.money.excluded[reason].orders++;
    this.money.excluded[reason].paise += paise;
  }

  private statusOf(rows: readonly Row[]): OrderStatus {
    // A cancellation date, or a yes: placeholders such as "-", "N/A" or 0000-00-00 are no cancellation.
    const cancelled = this.orderValue(rows, 'cancelled_at');
    if (/[1-9]/.test(cancelled) || /^(?:yes|y|true|cancelled|canceled)$/i.test(cancelled)) return 'cancelled';
    const raw = this.orderValue(rows, 'status');
    if (!raw) return 'counted';
    const status = this.platform.statusOf(raw);
    if (status === null) {
      const k = safeText(raw);
      this.tally.unknownStatuses[k] = (this.tally.unknownStatuses[k] ?? 0) + 1;
      return 'counted';
    }
    return status;
  }

  private channelOf(rows: readonly Row[]): ChannelReading {
    const fixed = this.opts.channel ?? this.platform.channel;
    if (fixed && this.columns.channel === undefined) return { channel: fixed };
    const read = this.platform.readChannel(
      this.orderValue(rows, 'channel'),
      this.orderValue(rows, 'location'),
    );
    return read.channel ? read : { channel: this.columns.channel === undefined ? fixed : null };
  }

  /** A counted order's sales channel, when it is an app id or a source we do not know, for the report. */
  private tallySource(read: ChannelReading): void {
    if (read.appId) {
      // An app id is a number: one shaped like a mobile is a misplaced phone number, not named.
      const k = safeText(read.appId);
      this.tally.appSources[k] = (this.tally.appSources[k] ?? 0) + 1;
    }
    if (read.unknownSource) {
      const k = safeText(read.unknownSource);
      this.tally.unknownSources[k] = (this.tally.unknownSources[k] ?? 0) + 1;
    }
  }

  private dwellOf(rows: readonly Row[], channel: 'online' | 'in-store'): number | null {
    if (channel === 'online' || this.columns.dwell_minutes === undefined) return 0;
    let most = 0;
    for (const r of rows) {
      const raw = this.cell(r.cells, 'dwell_minutes');
      if (raw === '') continue;
      const v = parseAmount(raw, this.decimal!);
      if (v === null || v < 0 || v > 24 * 60) return null;
      most = Math.max(most, v);
    }
    return most;
  }

  /** Adds an order's sale lines to the log (to the order itself when it is a continuation); false if refused. */
  private addOrder(
    id: string,
    key: string,
    kind: CustomerKeyKind,
    rawKey: string,
    time: { day: number; hour: number },
    channel: 'online' | 'in-store',
    dwell: number,
    lines: readonly ReadLine[],
  ): boolean {
    const ch = channel === 'online' ? CHANNEL_ONLINE : CHANNEL_INSTORE;
    let customer = this.customerIndex.get(key);
    let order = this.orderIndex.get(id);
    if (order !== undefined) {
      // The order's lines came back after other orders: added to it, unless they say another channel.
      if (this.orderChannel[order] !== ch) {
        for (const l of lines)
          this.skip(
            l.line,
            'order with two channels',
            `order ${quoteValue(id.split('\u0000')[0]!)} has another channel on an earlier line`,
          );
        for (const l of lines) this.money.bad_rows_paise += l.netPaise;
        return false;
      }
      this.splitOrders++;
      this.orderDwell[order] = Math.max(this.orderDwell[order]!, dwell);
    } else {
      if (customer === undefined) {
        customer = this.customerIds.length;
        this.customerIndex.set(key, customer);
        this.customerIds.push(key);
        this.customerKinds.push(kind);
      }
      order = this.orderCustomer.length;
      this.orderIndex.set(id, order);
      this.orderCustomer.push(customer);
      this.orderDay.push(time.day);
      this.orderHour.push(time.hour);
      this.orderChannel.push(ch);
      this.orderDwell.push(dwell);
      this.orderLine.push(lines[0]!.line);
    }
    this.rawKeys.add(rawKey);
    for (const l of lines) {
      let cat = this.categoryIndex.get(l.category);
      if (cat === undefined) {
        cat = this.categoryNames.length;
        this.categoryIndex.set(l.category, cat);
        this.categoryNames.push(l.category);
      }
      this.lineOrder.push(order);
      this.lineCategory.push(cat);
      this.lineQuantity.push(l.quantity);
      this.lineNet.push(l.netPaise);
      this.lineDiscount.push(l.discountPaise);
      this.money.tables_paise += l.netPaise;
    }
    return true;
  }

  /** Ends the read: the transaction log and a report, or an error saying why the file cannot be used. */
  finish(): { log: TransactionLog; report: OrdersReport } {
    if (!this.settled) this.settle();
    this.closeOrder();
    const { file } = this.opts;
    const listing = this.problems.map((p) => `  line ${p.line}: ${p.reason}`).join('\n');
    const partial = { file, rowsRead: this.rowsRead, rowsSkipped: this.rowsSkipped, problems: this.problems };
    if (this.rowsRead === 0)
      throw new OrdersInputError(`${file}: the file has a header but no order rows.`, partial);
    const good = this.rowsRead - this.rowsSkipped;
    if (good === 0) {
      throw new OrdersInputError(
        `${file}: none of the ${this.rowsRead.toLocaleString('en')} rows could be read:\n${listing}`,
        partial,
      );
    }
    const badShare = this.rowsSkipped / this.rowsRead;
    if (badShare > this.opts.maxBadShare) {
      throw new OrdersInputError(
        `${file}: ${this.rowsSkipped.toLocaleString('en')} of ${this.rowsRead.toLocaleString('en')} rows ` +
          `(${(badShare * 100).toFixed(1)} %) are bad, more than the ${(this.opts.maxBadShare * 100).toFixed(1)} % allowed. First ones:\n${listing}`,
        partial,
      );
    }
    if (this.orderCustomer.length === 0) {
      throw new OrdersInputError(
        `${file}: no order in the file is a sale to a known customer (${describeExclusions(this.money)}). ` +
          'The dashboard needs orders with a customer id, e-mail or phone number.',
        partial,
      );
    }
    return this.buildLog();
  }

  private buildLog(): { log: TransactionLog; report: OrdersReport } {
    const warnings: string[] = [];
    const orderCount = this.orderCustomer.length;
    let minDay = Infinity;
    let maxDay = -Infinity;
    for (const d of this.orderDay) {
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    const window = this.opts.window ?? { start: isoOfDayNumber(minDay), end: isoOfDayNumber(maxDay) };
    const start = dayNumber(window.start);
    const windowDays = dayNumber(window.end) - start + 1;
    if (windowDays > 65_535)
      throw new OrdersInputError(
        `${this.opts.file}: the orders span ${window.start} – ${window.end}, more than 179 years; check the date column and the date order.`,
      );
    const recentMonths = this.opts.recentMonths ?? 6;
    let recentFromDay = daysBetween(
      window.start,
      windowStartOf({ months: recentMonths, windowEnd: window.end }),
    );
    if (recentFromDay < windowDays / 3) {
      // A short history: compare the last third with what came before rather than leave nothing "earlier".
      recentFromDay = Math.floor((windowDays * 2) / 3);
      warnings.push(
        `The orders span ${windowDays} days, less than ${recentMonths} months beyond the recent period; trends compare the last third of the window with the rest.`,
      );
    }
    if (this.dateOrderAssumed) {
      warnings.push(
        'Dates such as 03/04/2025 could be day-first or month-first, and no date in the file settles it; they were read day-first. If they are month-first, say so: --date-order mdy on the command line, "Month first" on the Your data page.',
      );
    }
    warnings.push(...this.readWarnings());

    // Orders grouped by customer (customers in order of first appearance), then by time.
    const byCustomer = Array.from({ length: this.customerIds.length }, () => [] as number[]);
    for (let o = 0; o < orderCount; o++) byCustomer[this.orderCustomer[o]!]!.push(o);
    const order = new Uint32Array(orderCount);
    const customerOrderStart = new Uint32Array(this.customerIds.length + 1);
    let k = 0;
    byCustomer.forEach((orders, c) => {
      orders.sort(
        (a, b) =>
          this.orderDay[a]! - this.orderDay[b]! ||
          this.orderHour[a]! - this.orderHour[b]! ||
          this.orderLine[a]! - this.orderLine[b]!,
      );
      customerOrderStart[c] = k;
      for (const o of orders) order[k++] = o;
    });
    customerOrderStart[this.customerIds.length] = k;
    const position = new Uint32Array(orderCount);
    order.forEach((o, i) => (position[o] = i));

    // Lines grouped by their order's new position, in file order within an order.
    const lineOrder = this.lineOrder.toArray();
    const lineCount = lineOrder.length;
    const orderLineStart = new Uint32Array(orderCount + 1);
    for (let l = 0; l < lineCount; l++) orderLineStart[position[lineOrder[l]!]! + 1]!++;
    for (let o = 0; o < orderCount; o++) orderLineStart[o + 1]! += orderLineStart[o]!;
    const fill = orderLineStart.slice(0, orderCount);
    const lineSlot = new Uint32Array(lineCount);
    for (let l = 0; l < lineCount; l++) lineSlot[l] = fill[position[lineOrder[l]!]!]!++;

    // Categories sorted by name, so ids do not depend on the order of rows.
    const sortedNames = [...this.categoryNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOf = new Map(sortedNames.map((name, i) => [name, i]));
    const categoryRank = Uint32Array.from(this.categoryNames, (name) => rankOf.get(name)!);
    const categories: Category[] = sortedNames.map((name, i) => ({
      category_id: i + 1,
      name,
      intent: this.opts.intents?.get(name) ?? name,
    }));
    if (categories.length > 65_535)
      throw new OrdersInputError(
        `${this.opts.file}: more than 65,535 product categories; map a broader column as the category (for example --map category="Department").`,
      );

    const srcCat = this.lineCategory.toArray();
    const srcQty = this.lineQuantity.toArray();
    const srcNet = this.lineNet.toArray();
    const srcDisc = this.lineDiscount.toArray();
    const log: TransactionLog = {
      windowStart: window.start,
      windowDays,
      recentFromDay,
      categories,
      customerCount: this.customerIds.length,
      customerIds: [...this.customerIds],
      attributes: unknownAttributes(this.customerIds.length),
      customerOrderStart,
      orderCount,
      orderDay: new Uint16Array(orderCount),
      orderHour: new Uint8Array(orderCount),
      orderChannel: new Uint8Array(orderCount),
      orderGross: new Float64Array(orderCount),
      orderDiscount: new Float64Array(orderCount),
      orderDwellMinutes: new Float32Array(orderCount),
      orderContact: new Uint8Array(orderCount).fill(NO_CONTACT),
      orderLineStart,
      lineCount,
      lineCategory: new Uint16Array(lineCount),
      lineQuantity: new Uint16Array(lineCount),
      lineNet: new Float32Array(lineCount),
      lineImpulse: new Uint8Array(lineCount),
      marketing: null,
    };
    const grossPaise = new Float64Array(orderCount);
    const discountPaise = new Float64Array(orderCount);
    let outside = 0;
    for (let i = 0; i < orderCount; i++) {
      const o = order[i]!;
      const day = this.orderDay[o]! - start;
      if (day < 0 || day >= windowDays) outside++;
      log.orderDay[i] = Math.max(0, Math.min(windowDays - 1, day));
      log.orderHour[i] = this.orderHour[o]!;
      log.orderChannel[i] = this.orderChannel[o]!;
      log.orderDwellMinutes[i] = this.orderChannel[o] === CHANNEL_ONLINE ? 0 : this.orderDwell[o]!;
    }
    if (outside > 0)
      throw new OrdersInputError(
        `${this.opts.file}: ${outside} orders fall outside the window ${window.start} – ${window.end}.`,
      );
    for (let l = 0; l < lineCount; l++) {
      const slot = lineSlot[l]!;
      const o = position[lineOrder[l]!]!;
      log.lineCategory[slot] = categoryRank[srcCat[l]!]!;
      log.lineQuantity[slot] = srcQty[l]!;
      log.lineNet[slot] = srcNet[l]! / 100;
      grossPaise[o]! += srcNet[l]! + srcDisc[l]!;
      discountPaise[o]! += srcDisc[l]!;
    }
    for (let o = 0; o < orderCount; o++) {
      log.orderGross[o] = grossPaise[o]! / 100;
      log.orderDiscount[o] = discountPaise[o]! / 100;
    }
    const kinds: Record<CustomerKeyKind, number> = { email: 0, phone: 0, id: 0 };
    for (const kind of this.customerKinds) kinds[kind]++;
    const report: OrdersReport = {
      file: this.opts.file,
      platform: this.platform.id,
      platformLabel: this.platform.label,
      notes: [...this.platform.notes],
      rowsRead: this.rowsRead,
      rowsSkipped: this.rowsSkipped,
      problems: this.problems,
      skippedBy: this.skippedBy,
      columns: this.mappedColumns(),
      columnsHow: this.columnsHow,
      dateOrder: this.dateOrder!,
      dateOrderAssumed: this.dateOrderAssumed,
      decimal: this.decimal!,
      firstDay: isoOfDayNumber(minDay),
      lastDay: isoOfDayNumber(maxDay),
      customers: this.customerIds.length,
      orders: orderCount,
      lines: lineCount,
      customerKeys: { ...kinds, merged: this.rawKeys.size - this.customerIds.length },
      pendingOrders: { cashOnDelivery: this.tally.pendingCod, other: this.tally.pendingOther },
      appSources: this.tally.appSources,
      unknownSources: this.tally.unknownSources,
      unknownStatuses: this.tally.unknownStatuses,
      categorySource: this.categorySource(),
      linesWithoutProduct: this.tally.linesWithoutProduct,
      reconciliation: { ...this.money, excluded: { ...this.money.excluded } },
      warnings,
    };
    return { log, report };
  }

  private categorySource(): string {
    const products = this.opts.products;
    const column = this.columns.category !== undefined ? this.headers[this.columns.category]! : null;
    const fallback = this.categoryFallbackColumn >= 0 ? this.headers[this.categoryFallbackColumn]! : null;
    if (products) {
      const rest = column ?? fallback;
      return `${products.file} (${products.categoryColumn} by SKU or product name)${rest ? `, else the ${rest} column` : ''}`;
    }
    if (column) return `the ${column} column`;
    return `the ${fallback} column, as there is no category column and no products file`;
  }

  /** Warnings about what was read, in plain words. */
  private readWarnings(): string[] {
    const out: string[] = [];
    const file = this.opts.file;
    const count = (n: number, one: string, many = `${one}s`) =>
      `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
    if (!this.opts.products && this.columns.category === undefined && this.categoryFallbackColumn >= 0) {
      out.push(
        `${file} has no product category: categories are its ${this.headers[this.categoryFallbackColumn]} column. Give the products export too (--products, or the products file on this page) to use product types.`,
      );
    }
    if (this.tally.linesWithoutProduct > 0) {
      out.push(
        `${count(this.tally.linesWithoutProduct, 'order line')} of ${file} matched no product of ${this.opts.products!.file} by SKU or name and took ${this.columns.category !== undefined || this.categoryFallbackColumn >= 0 ? 'the fallback category column' : 'no category'}.`,
      );
    }
    const apps = Object.entries(this.tally.appSources);
    if (apps.length) {
      out.push(
        `${count(
          apps.reduce((s, [, n]) => s + n, 0),
          'order',
        )} came from sales channels written as app ids (${apps
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 6)
          .map(([id, n]) => `${id}: ${n}`)
          .join(
            ', ',
          )}); they were read as online. Look the ids up under Settings → Apps and sales channels in Shopify.`,
      );
    }
    const unknownSources = Object.entries(this.tally.unknownSources);
    if (unknownSources.length) {
      out.push(
        `${count(
          unknownSources.reduce((s, [, n]) => s + n, 0),
          'order',
        )} have a source we do not know (${unknownSources
          .slice(0, 6)
          .map(([s, n]) => `${s}: ${n}`)
          .join(', ')}); they were read as online.`,
      );
    }
    const statuses = Object.entries(this.tally.unknownStatuses);
    if (statuses.length) {
      out.push(
        `${count(
          statuses.reduce((s, [, n]) => s + n, 0),
          'order',
        )} have a status we do not know (${statuses
          .slice(0, 6)
          .map(([s, n]) => `${s}: ${n}`)
          .join(', ')}); they were counted as sales.`,
      );
    }
    if (this.tally.mangledKeys > 0)
      out.push(
        `${count(this.tally.mangledKeys, 'order')} of ${file} have a customer key a spreadsheet turned into a number like 9.19876E+11, whose digits are lost; they were read as guests. Export the file again and open it as text (or not at all) before loading it.`,
      );
    if (this.reusedIds > 0)
      out.push(
        `${count(this.reusedIds, 'order number')} of ${file} came back for another customer or day (bill numbers that restart each year or at each store); each was read as an order of its own.`,
      );
    if (this.tally.placeholderKeys > 0)
      out.push(
        `${count(this.tally.placeholderKeys, 'order')} of ${file} name a stand-in customer ("Cash Customer", "Walk-in", 9999999999 …): they were read as guests, not as one customer.`,
      );
    if (this.tally.refundsInQuantities > 0)
      out.push(
        `${count(this.tally.refundsInQuantities, 'order')} took their refunded items off the quantities: their refund was not taken off again.`,
      );
    if (this.tally.nulCells > 0)
      out.push(
        `${count(this.tally.nulCells, 'cell')} of ${file} held invisible NUL characters, which were removed. The file may have been damaged on its way; compare its totals with your system's.`,
      );
    if (this.tally.discountCapped > 0)
      out.push(
        `${count(this.tally.discountCapped, 'order')} had an order discount larger than the lines left to read (some of their lines were bad); the discount was capped at the lines' value.`,
      );
    if (this.tally.zeroQuantityLines > 0)
      out.push(
        `${count(this.tally.zeroQuantityLines, 'line')} with quantity 0 (items removed from their order) were left out.`,
      );
    if (this.tally.discountAboveOrder > 0)
      out.push(
        `${count(this.tally.discountAboveOrder, 'order')} have line discounts above the order's discount; the line discounts were used.`,
      );
    if (this.splitOrders > 0)
      out.push(
        `${count(this.splitOrders, 'order')} had lines apart from the rest of the order; they were added to it, without applying its order-level discount or refund twice.`,
      );
    const m = this.money;
    if (m.file_subtotal_paise !== null && m.file_subtotal_paise !== m.file_paise) {
      out.push(
        `The order subtotals in ${file} add up to ${formatPaise(m.file_subtotal_paise)}, the lines after discounts to ${formatPaise(m.file_paise)} (a difference of ${formatPaise(Math.abs(m.file_subtotal_paise - m.file_paise))}, usually discounts on shipping or edited orders); the lines are used.`,
      );
    }
    return out;
  }
}

function unknownAttributes(n: number): CustomerAttributes {
  return {
    age: new Uint8Array(n),
    gender: new Uint8Array(n).fill(UNKNOWN_ATTRIBUTE),
    locale: new Uint8Array(n).fill(UNKNOWN_ATTRIBUTE),
  };
}

function describeExclusions(m: Reconciliation): string {
  const parts = EXCLUSION_REASONS.filter((r) => m.excluded[r].orders > 0).map(
    (r) => `${m.excluded[r].orders.toLocaleString('en')} ${EXCLUSION_LABELS[r]}`,
  );
  return parts.length ? parts.join(', ') : 'every row was bad';
}
