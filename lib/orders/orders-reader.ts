/**
 * Turns the rows of a brand's orders export into the transaction shape every table is built from.
 * Rows arrive one at a time (papaparse's step callback, in Node or in a worker), so a 50 MB file is
 * never held as strings; bad rows are counted, the first few kept with line and reason, and the
 * read stops with a clear error when too many are bad.
 */
import { daysBetween, windowStartOf } from '../synth/synth-config';
import {
  CHANNEL_INSTORE,
  CHANNEL_ONLINE,
  Growable,
  NO_CONTACT,
  type Category,
  type CustomerAttributes,
  type TransactionLog,
} from '../transactions/transaction-log';
import { describeMissing, matchColumns, ORDER_FIELDS, type OrderField } from './column-matching';
import {
  detectDateOrder,
  detectDecimalSeparator,
  hasOrderDependentDates,
  parseAmount,
  parseChannel,
  parseOrderTime,
  parseQuantity,
  type DateOrder,
  type DecimalSeparator,
} from './parse-values';

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
}

export interface RowProblem {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  reason: string;
}

export interface OrdersReport {
  file: string;
  rowsRead: number;
  rowsSkipped: number;
  /** The first bad rows, in file order. */
  problems: RowProblem[];
  /** Bad rows per reason (the reason's first words, without values). */
  skippedBy: Record<string, number>;
  columns: Partial<Record<OrderField, string>>;
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
  warnings: string[];
}

export class OrdersInputError extends Error {
  constructor(
    message: string,
    readonly report?: Partial<OrdersReport>,
  ) {
    super(message);
    this.name = 'OrdersInputError';
  }
}

/** Rows held back until the date order and decimal separator can be told from the data. */
const SAMPLE_ROWS = 2000;

const u32 = (n: number) => new Uint32Array(n);
const f64 = (n: number) => new Float64Array(n);

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function isoOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export class OrdersReader {
  private readonly columns: Partial<Record<OrderField, number>>;
  private readonly width: number;
  private readonly opts: Required<Pick<OrdersReadOptions, 'maxBadShare' | 'shownErrors'>> & OrdersReadOptions;
  private dateOrder: DateOrder | null;
  private decimal: DecimalSeparator | null;
  private dateOrderAssumed = false;
  private pending: Array<{ cells: string[]; line: number }> = [];

  private rowsRead = 0;
  private rowsSkipped = 0;
  private readonly problems: RowProblem[] = [];
  private readonly skippedBy: Record<string, number> = {};

  private readonly customerIndex = new Map<string, number>();
  private readonly customerIds: string[] = [];
  private readonly orderIndex = new Map<string, number>();
  private readonly orderCustomer: number[] = [];
  private readonly orderDay: number[] = [];
  private readonly orderHour: number[] = [];
  private readonly orderChannel: number[] = [];
  private readonly orderDwell: number[] = [];
  private readonly orderLine: number[] = [];
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryNames: string[] = [];
  // Lines, columnar: order, category, quantity, net and discount in paise (exact sums).
  private readonly lineOrder = new Growable(u32);
  private readonly lineCategory = new Growable(u32);
  private readonly lineQuantity = new Growable(u32);
  private readonly lineNet = new Growable(f64);
  private readonly lineDiscount = new Growable(f64);
  private readonly one = { u: new Uint32Array(1), f: new Float64Array(1) };
  /** Date-times and channels already read (lines of one order repeat them): raw → value. */
  private readonly times = new Map<string, { day: number; hour: number } | null>();
  private readonly channels = new Map<string, 'online' | 'in-store' | null>();

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
    const match = matchColumns(headers, ORDER_FIELDS, options.mapping);
    if (match.unknown.length) {
      throw new OrdersInputError(
        `${options.file}: the column mapping names ${match.unknown.length === 1 ? 'a column' : 'columns'} the file does not have: ` +
          match.unknown.map((u) => `${u.key} → "${u.column}"`).join(', ') +
          `. Columns in the file: ${headers.map((h) => `"${h}"`).join(', ')}.`,
      );
    }
    // A unit price stands in for the line amount (amount = unit price × quantity − discount).
    const missing = match.missing.filter(
      (m) => !(m.key === 'amount' && match.columns.unit_price !== undefined),
    );
    if (missing.length) throw new OrdersInputError(describeMissing(missing, headers, options.file));
    this.columns = match.columns;
    this.width = Math.max(...Object.values(match.columns).map((i) => (i ?? 0) + 1));
    this.dateOrder = options.dateOrder ?? null;
    this.decimal = options.decimal ?? null;
  }

  /** Column names as used, for the report and the page's mapping view. */
  mappedColumns(): Partial<Record<OrderField, string>> {
    return Object.fromEntries(
      Object.entries(this.columns).map(([k, i]) => [k, this.headers[i as number]]),
    ) as Partial<Record<OrderField, string>>;
  }

  /** One data row; `line` is its 1-based line in the file. Blank rows should not be passed. */
  addRow(cells: string[], line: number): void {
    this.rowsRead++;
    if (this.dateOrder === null || this.decimal === null) {
      this.pending.push({ cells, line });
      if (this.pending.length >= SAMPLE_ROWS) this.settleFormats();
      return;
    }
    this.readRow(cells, line);
  }

  private cell(cells: string[], field: OrderField): string {
    const i = this.columns[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  }

  private settleFormats(): void {
    const sample = (field: OrderField) => this.pending.map((r) => this.cell(r.cells, field));
    if (this.decimal === null) {
      this.decimal = detectDecimalSeparator([
        ...sample('amount'),
        ...sample('unit_price'),
        ...sample('discount'),
      ]);
    }
    if (this.dateOrder === null) {
      const dates = sample('ordered_at');
      const detected = detectDateOrder(dates);
      this.dateOrder = detected ?? 'dmy';
      this.dateOrderAssumed = detected === null && hasOrderDependentDates(dates);
    }
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.readRow(r.cells, r.line);
  }

  private skip(line: number, kind: string, detail: string): void {
    this.rowsSkipped++;
    this.skippedBy[kind] = (this.skippedBy[kind] ?? 0) + 1;
    if (this.problems.length < this.opts.shownErrors) this.problems.push({ line, reason: detail });
  }

  private readRow(cells: string[], line: number): void {
    if (cells.length < this.width) {
      this.skip(
        line,
        'too few cells',
        `${cells.length} cells where ${this.width} are needed (a wrong delimiter, or a broken line?)`,
      );
      return;
    }
    const orderId = this.cell(cells, 'order_id');
    const customerId = this.cell(cells, 'customer_id');
    if (!orderId) return this.skip(line, 'order id is empty', 'order id is empty');
    if (!customerId) return this.skip(line, 'customer id is empty', 'customer id is empty');
    const rawTime = this.cell(cells, 'ordered_at');
    let time = this.times.get(rawTime);
    if (time === undefined) {
      const t = parseOrderTime(rawTime, this.dateOrder!);
      time = t ? { day: dayNumber(t.day), hour: t.hour } : null;
      if (this.times.size >= 50_000) this.times.clear();
      this.times.set(rawTime, time);
    }
    if (!time) {
      const how = this.dateOrder === 'dmy' ? 'day-first' : 'month-first';
      return this.skip(
        line,
        'unreadable date',
        `order date-time "${rawTime}" is not a date (dates like 03/04/2025 are read ${how})`,
      );
    }
    const rawChannel = this.cell(cells, 'channel');
    let channel = this.channels.get(rawChannel);
    if (channel === undefined) {
      channel = parseChannel(rawChannel);
      if (this.channels.size < 1000) this.channels.set(rawChannel, channel);
    }
    if (!channel) {
      return this.skip(
        line,
        'unknown channel',
        `channel "${rawChannel}" is neither online nor in-store (e.g. Online, Web, App, In-store, Store, POS)`,
      );
    }
    const category = this.cell(cells, 'category');
    if (!category) return this.skip(line, 'category is empty', 'product category is empty');
    const rawQty = this.cell(cells, 'quantity');
    const quantity = parseQuantity(rawQty);
    if (quantity === null || quantity > 65_535) {
      return this.skip(line, 'bad quantity', `quantity "${rawQty}" is not a whole number from 1 to 65,535`);
    }
    const rawDiscount = this.cell(cells, 'discount');
    const discount = rawDiscount === '' ? 0 : parseAmount(rawDiscount, this.decimal!);
    if (discount === null || discount < 0) {
      return this.skip(line, 'bad discount', `discount "${rawDiscount}" is not an amount of zero or more`);
    }
    let net: number | null;
    if (this.columns.amount !== undefined) {
      const raw = this.cell(cells, 'amount');
      net = parseAmount(raw, this.decimal!);
      if (net === null) return this.skip(line, 'bad amount', `amount "${raw}" is not a number`);
    } else {
      const raw = this.cell(cells, 'unit_price');
      const unit = parseAmount(raw, this.decimal!);
      if (unit === null) return this.skip(line, 'bad unit price', `unit price "${raw}" is not a number`);
      net = unit * quantity - discount;
    }
    if (net < 0) return this.skip(line, 'negative amount', `amount ${net} is negative (a return or refund?)`);
    const rawDwell = this.cell(cells, 'dwell_minutes');
    const dwell = rawDwell === '' ? 0 : parseAmount(rawDwell, this.decimal!);
    if (dwell === null || dwell < 0 || dwell > 24 * 60) {
      return this.skip(line, 'bad dwell', `dwell minutes "${rawDwell}" is not a number from 0 to 1,440`);
    }

    let customer = this.customerIndex.get(customerId);
    let order = this.orderIndex.get(orderId);
    const day = time.day;
    const ch = channel === 'online' ? CHANNEL_ONLINE : CHANNEL_INSTORE;
    if (order !== undefined) {
      const owner = this.customerIds[this.orderCustomer[order]!];
      if (owner !== customerId) {
        return this.skip(
          line,
          'order of two customers',
          `order "${orderId}" belongs to customer "${owner}" on an earlier line, here to "${customerId}"`,
        );
      }
      if (this.orderDay[order] !== day || this.orderChannel[order] !== ch) {
        return this.skip(
          line,
          'order with two dates or channels',
          `order "${orderId}" has another date or channel on an earlier line`,
        );
      }
      this.orderDwell[order] = Math.max(this.orderDwell[order]!, dwell);
    } else {
      if (customer === undefined) {
        customer = this.customerIds.length;
        this.customerIndex.set(customerId, customer);
        this.customerIds.push(customerId);
      }
      order = this.orderCustomer.length;
      this.orderIndex.set(orderId, order);
      this.orderCustomer.push(customer);
      this.orderDay.push(day);
      this.orderHour.push(time.hour);
      this.orderChannel.push(ch);
      this.orderDwell.push(dwell);
      this.orderLine.push(line);
    }
    let cat = this.categoryIndex.get(category);
    if (cat === undefined) {
      cat = this.categoryNames.length;
      this.categoryIndex.set(category, cat);
      this.categoryNames.push(category);
    }
    this.push(this.lineOrder, order);
    this.push(this.lineCategory, cat);
    this.push(this.lineQuantity, quantity);
    this.pushF(this.lineNet, Math.round(net * 100));
    this.pushF(this.lineDiscount, Math.round(discount * 100));
  }

  private push(column: Growable<Uint32Array>, value: number): void {
    this.one.u[0] = value;
    column.append(this.one.u, 1);
  }

  private pushF(column: Growable<Float64Array>, value: number): void {
    this.one.f[0] = value;
    column.append(this.one.f, 1);
  }

  /** Ends the read: the transaction log and a report, or an error saying why the file cannot be used. */
  finish(): { log: TransactionLog; report: OrdersReport } {
    if (this.dateOrder === null || this.decimal === null) this.settleFormats();
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
        'Dates such as 03/04/2025 could be day-first or month-first, and no date in the file settles it; they were read day-first. Say --date-order mdy if they are month-first.',
      );
    }

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
    const categoryRank = new Uint32Array(this.categoryNames.length);
    this.categoryNames.forEach((name, i) => (categoryRank[i] = sortedNames.indexOf(name)));
    const categories: Category[] = sortedNames.map((name, i) => ({
      category_id: i + 1,
      name,
      intent: this.opts.intents?.get(name) ?? name,
    }));
    if (categories.length > 65_535)
      throw new OrdersInputError(`${this.opts.file}: more than 65,535 categories.`);

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
    const report: OrdersReport = {
      file: this.opts.file,
      rowsRead: this.rowsRead,
      rowsSkipped: this.rowsSkipped,
      problems: this.problems,
      skippedBy: this.skippedBy,
      columns: this.mappedColumns(),
      dateOrder: this.dateOrder!,
      dateOrderAssumed: this.dateOrderAssumed,
      decimal: this.decimal!,
      firstDay: isoOfDayNumber(minDay),
      lastDay: isoOfDayNumber(maxDay),
      customers: this.customerIds.length,
      orders: orderCount,
      lines: lineCount,
      warnings,
    };
    if (windowDays > 65_535)
      throw new OrdersInputError(`${this.opts.file}: the orders span more than 179 years.`);
    return { log, report };
  }
}

function unknownAttributes(n: number): CustomerAttributes {
  return { age: new Uint8Array(n), gender: new Uint8Array(n).fill(255), locale: new Uint8Array(n).fill(255) };
}
