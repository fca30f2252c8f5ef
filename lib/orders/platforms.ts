/**
 * The platform an orders export comes from, told by its header, and what its columns mean: which
 * column holds each field, which statuses are sales, how the channel is written, where the category
 * lives. A file from no known platform is read by the synonyms alone ("generic").
 */
import { normaliseHeader, type OrderField } from './column-matching';
import { parseChannel } from './parse-values';

export type PlatformId = 'shopify' | 'woocommerce' | 'generic';

/** What an order's status says about it. */
export type OrderStatus =
  | 'counted'
  /** A sale whose payment has not come yet (e.g. cash on delivery): counted, and reported. */
  | 'pending'
  | 'cancelled'
  | 'voided'
  | 'refunded'
  /** Never paid (an abandoned checkout): not a sale. */
  | 'unpaid';

export interface ChannelReading {
  channel: 'online' | 'in-store' | null;
  /** A Shopify app id written as the source (an online sales channel we cannot name). */
  appId?: string;
  /** A source we do not know, read as online. */
  unknownSource?: string;
}

export interface Platform {
  id: PlatformId;
  /** "a Shopify orders export": for the import report. */
  label: string;
  /**
   * Field → the platform's own column name, tried before the synonyms; null: the platform has no
   * such column, so no synonym may stand in for it (WooCommerce's coupon "Discount Amount" is not
   * a line discount).
   */
  columns: Partial<Record<OrderField, string | null>>;
  /** Columns that hold the customer key on orders whose key column is empty (Shopify: Phone without Email). */
  customerFallbacks: readonly string[];
  /** The column the categories come from when the file has no category column and no products file is given. */
  categoryFallback: string | null;
  /** Every order is in this channel (a web shop). */
  channel: 'online' | 'in-store' | null;
  /** The unit prices are already net of the order's discount (WooCommerce's Item Cost after coupons). */
  linesNetOfOrderDiscount: boolean;
  /**
   * Refunded items leave the quantities (WooCommerce's "Quantity (- Refund)"): an order whose
   * lines went to 0 has its refund in them already, and it is not taken off again.
   */
  refundsInQuantities: boolean;
  statusOf(raw: string): OrderStatus | null;
  readChannel(source: string, location: string): ChannelReading;
  /** What was applied, one sentence each, for the import report. */
  notes: readonly string[];
}

const words = (raw: string) =>
  raw
    .toLowerCase()
    .replace(/^wc-/, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Statuses as POS registers, order systems and payment gateways write them. */
const COMMON_STATUS: Record<string, OrderStatus> = {
  paid: 'counted',
  'partially paid': 'counted',
  authorized: 'counted',
  authorised: 'counted',
  completed: 'counted',
  complete: 'counted',
  processing: 'counted',
  closed: 'counted',
  settled: 'counted',
  billed: 'counted',
  success: 'counted',
  successful: 'counted',
  delivered: 'counted',
  shipped: 'counted',
  fulfilled: 'counted',
  confirmed: 'counted',
  'partially refunded': 'counted',
  'on hold': 'pending',
  pending: 'pending',
  unpaid: 'pending',
  'payment pending': 'pending',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  void: 'voided',
  voided: 'voided',
  expired: 'voided',
  failed: 'voided',
  declined: 'voided',
  refunded: 'refunded',
  'fully refunded': 'refunded',
  returned: 'refunded',
  'checkout draft': 'unpaid',
  draft: 'unpaid',
  abandoned: 'unpaid',
};

const commonStatus = (raw: string): OrderStatus | null => COMMON_STATUS[words(raw)] ?? null;

function genericChannel(source: string): ChannelReading {
  return { channel: parseChannel(source) };
}

const GENERIC: Platform = {
  id: 'generic',
  label: 'an orders export',
  columns: {},
  customerFallbacks: [],
  categoryFallback: null,
  channel: null,
  linesNetOfOrderDiscount: false,
  refundsInQuantities: false,
  statusOf: commonStatus,
  readChannel: genericChannel,
  notes: [],
};

/** Shopify's Source values for its own online channels (app ids are numbers). */
const SHOPIFY_ONLINE_SOURCES = new Set(['web', 'shopify draft order', 'iphone', 'android', 'online store']);

const SHOPIFY: Platform = {
  id: 'shopify',
  label: 'a Shopify orders export',
  columns: {
    order_id: 'Name',
    customer_id: 'Email',
    ordered_at: 'Created at',
    channel: 'Source',
    location: 'Location',
    quantity: 'Lineitem quantity',
    unit_price: 'Lineitem price',
    discount: 'Lineitem discount',
    order_discount: 'Discount Amount',
    refunded: 'Refunded Amount',
    subtotal: 'Subtotal',
    status: 'Financial Status',
    cancelled_at: 'Cancelled at',
    payment_method: 'Payment Method',
    sku: 'Lineitem sku',
    product_name: 'Lineitem name',
  },
  customerFallbacks: ['Phone', 'Billing Phone', 'Shipping Phone'],
  categoryFallback: 'Vendor',
  channel: null,
  linesNetOfOrderDiscount: false,
  refundsInQuantities: false,
  // Shopify's financial status: "pending" is a sale awaiting payment (cash on delivery), not an abandoned checkout.
  statusOf: commonStatus,
  readChannel(source, location) {
    const s = words(source);
    // Real exports give draft and app orders a Location too: only a POS order, or one with a
    // location and no source at all, is in store.
    if (s === 'pos' || (s === '' && location.trim() !== '')) return { channel: 'in-store' };
    if (SHOPIFY_ONLINE_SOURCES.has(s)) return { channel: 'online' };
    if (/^\d+$/.test(s)) return { channel: 'online', appId: s };
    const known = parseChannel(source);
    if (known) return { channel: known };
    return { channel: 'online', unknownSource: source };
  },
  notes: [
    "Order-level fields (Financial Status, Discount Amount, Refunded Amount, Source, …) were carried from each order's first line to all its lines.",
    'Discounts were counted once: each line’s own discount, and the rest of the order’s Discount Amount spread over its lines in proportion to their value.',
    'Refunds were netted from their orders (partial refunds spread over the lines); voided, expired and cancelled orders and orders refunded in full are not sales and were left out.',
    'Orders with Source "pos" are in store; web, app, draft and other sales-channel orders are online.',
  ],
};

/** WooCommerce's statuses, as its exports write them (labels or slugs). */
const WOOCOMMERCE_STATUS: Record<string, OrderStatus> = {
  completed: 'counted',
  // Processing: paid by card and awaiting dispatch, or cash on delivery awaiting the cash.
  processing: 'pending',
  'on hold': 'pending',
  // "Pending payment": an order placed but never paid (an abandoned checkout).
  pending: 'unpaid',
  'pending payment': 'unpaid',
  'checkout draft': 'unpaid',
  failed: 'voided',
  cancelled: 'cancelled',
  refunded: 'refunded',
};

/**
 * WooCommerce, as the "Advanced Order Export For WooCommerce" plugin writes it by default (the
 * most used free route; test/corpus/FORMATS.md): one row per product with the order's fields on
 * every row, Item Cost the unit price after coupons (so the lines are already net of the cart
 * discount), coupon rows beside the products, refunds as an order amount.
 */
const WOOCOMMERCE: Platform = {
  id: 'woocommerce',
  label: 'a WooCommerce orders export',
  columns: {
    order_id: 'Order Number',
    customer_id: 'Email (Billing)',
    ordered_at: 'Order Date',
    status: 'Order Status',
    quantity: 'Quantity (- Refund)',
    unit_price: 'Item Cost',
    refunded: 'Order Refund Amount',
    payment_method: 'Payment Method Title',
    sku: 'SKU',
    product_name: 'Item Name',
    category: 'Category',
    // The cart discount is already in Item Cost (recorded, not taken off again); "Discount Amount"
    // is one coupon's, not a line's.
    order_discount: 'Cart Discount Amount',
    discount: null,
    amount: null,
    subtotal: null,
    // A web shop: every order is online, whatever a "Source" or "Channel" column holds.
    channel: null,
  },
  customerFallbacks: ['Phone (Billing)'],
  categoryFallback: null,
  channel: 'online',
  linesNetOfOrderDiscount: true,
  refundsInQuantities: true,
  statusOf: (raw) => WOOCOMMERCE_STATUS[words(raw)] ?? commonStatus(raw),
  readChannel: genericChannel,
  notes: [
    'Every order was read as online (a WooCommerce shop).',
    'Completed, processing and on-hold orders are sales (processing and on-hold ones still await payment); pending-payment, failed, cancelled and refunded orders are not.',
    'Item Cost is the unit price after coupons, so the cart discount is already in the lines and was not taken off again; refunds were netted from their orders, except where the refunded items were already taken off the quantities.',
  ],
};

/** Header names (normalised) that only a Shopify orders export has together (its "Lineitem" columns are its own). */
const SHOPIFY_SIGNATURE = ['name', 'lineitem quantity'];

/** The platform a header row comes from. */
export function detectPlatform(headers: readonly string[]): Platform {
  const names = new Set(headers.map(normaliseHeader));
  if (SHOPIFY_SIGNATURE.every((h) => names.has(h))) return SHOPIFY;
  if (WOOCOMMERCE_SIGNATURE.some((sig) => sig.every((h) => names.has(h)))) return WOOCOMMERCE;
  return GENERIC;
}

/** Header names (normalised) of the WooCommerce exports we read. */
const WOOCOMMERCE_SIGNATURE: string[][] = [
  ['order number', 'order status', 'item cost'],
  ['order number', 'order status', 'email billing'],
];

export const PLATFORMS = { shopify: SHOPIFY, woocommerce: WOOCOMMERCE, generic: GENERIC } as const;
