/**
 * The transaction shape: the seam between the synthetic generator and a brand's own orders.
 * Columnar typed arrays, because at 1M customers the log holds ~10^7 orders and ~5·10^7 lines.
 * Orders are grouped by customer and ordered by time within a customer.
 */

/** A channel's index in CHANNELS (lib/schema/channels.ts), as `orderChannel` holds it. */
export const CHANNEL_INSTORE = 0;
export const CHANNEL_ONLINE = 1;

/** Marketing contact channels; index into the per-customer marketing arrays. */
export const CONTACT_CHANNELS = ['email', 'sms', 'app', 'event'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const NO_CONTACT = 255;

export const GENDERS = ['female', 'male', 'non-binary or undisclosed'] as const;
/** The value of a gender or locale that is not known. */
export const UNKNOWN_ATTRIBUTE = 255;
export const LOCALES = ['urban', 'semi-urban', 'rural'] as const;

/** Per-customer marketing counts, one slot per (customer, contact channel, period). */
export const MARKETING_PERIODS = ['earlier', 'recent'] as const;

export interface Category {
  /** Stable id shown in tables (the product family's aisle id for the public data); `lineCategory` holds the index into `categories`. */
  category_id: number;
  name: string;
  intent: string;
}

export interface CustomerAttributes {
  /** Age in years; 0 when unknown. */
  age: Uint8Array;
  /** Index into GENDERS; 255 when unknown. */
  gender: Uint8Array;
  /** Index into LOCALES; 255 when unknown. */
  locale: Uint8Array;
}

export interface MarketingCounts {
  /** [customer * 4 * 2 + channel * 2 + period] — see marketingSlot(). */
  touches: Uint16Array;
  responses: Uint16Array;
  conversions: Uint16Array;
  redemptions: Uint16Array;
}

export interface TransactionLog {
  /** ISO date of day 0 and number of days in the observation window. */
  windowStart: string;
  windowDays: number;
  /** Day index from which activity counts as "recent" (e.g. the last 6 months). */
  recentFromDay: number;
  categories: Category[];
  customerCount: number;
  customerIds: string[];
  attributes: CustomerAttributes;
  /** customerOrderStart[c] … customerOrderStart[c + 1] are customer c's orders. */
  customerOrderStart: Uint32Array;
  orderCount: number;
  orderDay: Uint16Array;
  orderHour: Uint8Array;
  orderChannel: Uint8Array;
  /** Before discount, in the configured currency. */
  orderGross: Float64Array;
  orderDiscount: Float64Array;
  /** In-store dwell; 0 for online orders. */
  orderDwellMinutes: Float32Array;
  /** The contact channel that converted the order, or NO_CONTACT. */
  orderContact: Uint8Array;
  /** orderLineStart[o] … orderLineStart[o + 1] are order o's lines. */
  orderLineStart: Uint32Array;
  lineCount: number;
  lineCategory: Uint16Array;
  lineQuantity: Uint16Array;
  /** Net of the order's discount, spread pro rata over its lines. */
  lineNet: Float32Array;
  lineImpulse: Uint8Array;
  marketing: MarketingCounts | null;
}

export function marketingSlot(customer: number, channel: number, period: number): number {
  return (
    customer * CONTACT_CHANNELS.length * MARKETING_PERIODS.length +
    channel * MARKETING_PERIODS.length +
    period
  );
}

type Column = Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * A typed column that grows by doubling. The generator appends in blocks (`append`): a per-element
 * `push` on one class holding five kinds of typed array is megamorphic in V8 and was 40 % of
 * generation time at 200K customers. The orders reader, whose values come one line at a time,
 * pushes (`push`): that makes no typed-array view per value, which `append` of one value did.
 */
export class Growable<T extends Column> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    capacity = 1024,
  ) {
    this.buffer = make(capacity);
  }

  /** Room for `count` more values, doubling the buffer as often as it takes. */
  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    let size = Math.max(1, this.buffer.length * 2);
    while (size < this.length + count) size *= 2;
    const next = this.make(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  append(values: T, count: number): void {
    this.reserve(count);
    this.buffer.set(values.subarray(0, count), this.length);
    this.length += count;
  }

  /** One value: no view is made, so a reader appending row by row leaves nothing for the collector. */
  push(value: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** A right-sized copy, so the doubling slack is not kept alive. */
  toArray(): T {
    return this.buffer.slice(0, this.length) as T;
  }
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO date of every day of the window, computed once (Date objects per row are slow at 1M rows). */
export function dayLabels(windowStart: string, windowDays: number): string[] {
  return Array.from({ length: windowDays }, (_, d) => addDays(windowStart, d));
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(isoDate: string, dayOffset: number): number {
  const d = new Date(Date.parse(`${isoDate}T00:00:00Z`) + dayOffset * 86_400_000).getUTCDay();
  return (d + 6) % 7;
}
