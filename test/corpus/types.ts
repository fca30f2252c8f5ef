/**
 * Types of the test corpus: realistic order exports with the truth a reader must find in them.
 *
 * The truth of a case is computed from the generator's own ledger of the orders it meant to write
 * (`LedgerOrder`), never by reading back the files it wrote. Semantics (the reader implements these):
 *
 * - Counted orders: all but cancelled ones (Shopify `Cancelled at` set; WooCommerce Cancelled or
 *   Failed), voided or expired payments, orders refunded in full (Shopify `refunded`; WooCommerce
 *   Refunded), unpaid ones (WooCommerce Pending payment), guest orders (no customer key) and returns.
 *   Pending orders (cash on delivery not yet collected, WooCommerce Processing / On hold) are counted.
 * - Line net, in paise: unit price × quantity − the line's own discount − its share of the order's
 *   discount not already on lines − its share of a partial (merchandise) refund. Shares are split in
 *   whole paise by the largest remainder: the order discount by (unit price × quantity − line
 *   discount), the refund by the line's net before the refund; equal remainders go to the earlier line.
 * - Customer key: e-mail lower-cased and trimmed, else a phone as `+91` and its 10 digits (digits
 *   only; a leading 0 of an 11-digit number or 91 of a 12-digit number dropped).
 */

export type Channel = 'online' | 'inStore';

/** What becomes of an order the generator wrote. Only `counted` orders enter the figures. */
export type OrderFate = 'counted' | 'cancelled' | 'voided' | 'refundedInFull' | 'guest' | 'unpaid' | 'return';

export interface LedgerLine {
  category: string;
  /** Unit price as written (tax-inclusive INR, in paise); for a return line the price of the unit returned. */
  unitPaise: number;
  /** Negative on a return line. */
  quantity: number;
  /** The discount written on the line itself (Shopify `Lineitem discount`, POS `Disc Amt`, or carried in WooCommerce's `Item Cost`). */
  lineDiscountPaise: number;
  /** This line's share of the order-level discount that is not written on any line. */
  orderDiscountSharePaise: number;
  /** This line's share of a partial merchandise refund. */
  refundSharePaise: number;
}

export interface LedgerOrder {
  /** The order id as written (Shopify `Name`, WooCommerce `Order Number`, POS `Bill No`). */
  id: string;
  /** The customer key as written on the order (e-mail or phone), null for a guest or walk-in. */
  rawKey: string | null;
  /** The normalised customer key, null for a guest or walk-in. */
  key: string | null;
  /** The local date as written, ISO yyyy-mm-dd. */
  day: string;
  channel: Channel;
  /** The numeric app id the order came from (Shopify `Source`), when it is one. */
  appSource?: string;
  fate: OrderFate;
  /** Payment not yet collected, the order still counted (Shopify pending; WooCommerce Processing / On hold). */
  pending: boolean;
  /** Pending and the file shows cash on delivery as its payment method. */
  pendingCod: boolean;
  /** The order-level discount not on lines (sum of the lines' shares). */
  orderDiscountPaise: number;
  /** A partial merchandise refund netted from the order (sum of the lines' shares). */
  refundPaise: number;
  /** The order's own subtotal as the file writes it (Shopify `Subtotal`), when the file has one. */
  fileSubtotalPaise?: number;
  lines: LedgerLine[];
}

export interface CustomersFileTruth {
  /** Data rows in the customers file. */
  rows: number;
  /** Rows whose normalised mobile is a customer of a counted order. */
  matched: number;
  /** Rows with a known gender (female or male). */
  genderKnown: number;
  female: number;
  male: number;
  /** Rows with a date of birth. */
  ageKnown: number;
  /** Of the matched rows (customers of counted orders): female, male, and with a date of birth. */
  matchedFemale: number;
  matchedMale: number;
  matchedAgeKnown: number;
}

export interface CorpusTruth {
  /** Distinct normalised customer keys over counted orders. */
  customers: number;
  /** Customers with two or more counted orders. */
  repeatCustomers: number;
  orders: number;
  lines: number;
  netRevenuePaise: number;
  /** Line discounts plus order-level discounts of counted orders. */
  discountPaise: number;
  /** Partial refunds netted from counted orders. */
  refundedPaise: number;
  excluded: {
    cancelled: number;
    voided: number;
    refundedInFull: number;
    /** Guest orders (Shopify: neither e-mail nor phone) and POS walk-in bills (no mobile). */
    guest: number;
    /** Return bills (negative quantities and amounts under their own bill numbers). */
    returns: number;
    /** WooCommerce Pending payment (abandoned, never paid). */
    unpaid: number;
  };
  /** Sum of the (positive) amounts of the return bills. */
  returnsPaise: number;
  /** Counted orders whose payment is still pending. */
  pendingOrders: number;
  /** Of those, the ones the file shows as cash on delivery. */
  pendingCodOrders: number;
  /** Distinct raw customer keys as written − distinct normalised keys, over counted orders. */
  keyMerges: number;
  firstDay: string;
  lastDay: string;
  /** Whole weeks from the first to the last day of counted orders. */
  historyWeeks: number;
  ordersByChannel: { online: number; inStore: number };
  /** Numeric app id (Shopify Source) → counted orders. */
  appSources: Record<string, number>;
  /** Sorted distinct categories of counted lines. */
  categories: string[];
  /** Net revenue of counted lines per category (keys sorted): catches a discount put on the wrong line. */
  revenueByCategoryPaise: Record<string, number>;
  /** Shopify: sum of `Subtotal` over every order in the file (the file's own figure); else null. */
  fileSubtotalPaise: number | null;
  /** Every e-mail, phone as written, name and address line in any input file (trimmed, sorted, distinct). */
  personalValues: string[];
  customersFile: CustomersFileTruth | null;
}

export interface CorpusFile {
  name: string;
  text: string;
}

export interface CorpusCase {
  name: string;
  description: string;
  files: { orders: CorpusFile; products?: CorpusFile; customers?: CorpusFile; intents?: CorpusFile };
  /** Command-line options a brand analyst would need beyond naming the files (aim: none). */
  options: string[];
  /** One sentence per quirk the files carry. */
  quirks: string[];
  truth: CorpusTruth;
}

/** What a case generator returns: the case without its truth, and the ledger the truth comes from. */
export interface GeneratedCase {
  name: string;
  description: string;
  files: CorpusCase['files'];
  options: string[];
  quirks: string[];
  ledger: LedgerOrder[];
  personalValues: Iterable<string>;
  fileSubtotalPaise: number | null;
  customersFile: CustomersFileTruth | null;
}
