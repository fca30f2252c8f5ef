/**
 * Which column of a brand's export holds which field. Headers are matched on a normalised form
 * (case, separators and a BOM ignored; units and currencies in brackets or after a slash dropped;
 * the abbreviations of POS registers spelt out: "Net Amt (₹)" → "net amount", "Bill No." → "bill
 * number") against synonyms seen in POS, Shopify, WooCommerce and CRM exports, in order of
 * preference. A channel column whose name says nothing is recognised by its values ("Store" /
 * "Online"), or by a name made of its values ("Store/Online"). A mapping given by hand always wins.
 */
import { parseChannel } from './parse-values';
import { listHeaders, quoteValue } from './quote-value';

export interface FieldSpec<K extends string> {
  key: K;
  label: string;
  required: boolean;
  /** Most specific first: the first synonym present in the file is taken (written normalised). */
  synonyms: readonly string[];
}

/** Every way exports write a customer key: ids, e-mails and the mobile numbers of POS and CRM files. */
const CUSTOMER_KEY_SYNONYMS = [
  'customer id',
  'customerid',
  'customer number',
  'client id',
  'member id',
  'member number',
  'membership number',
  'loyalty id',
  'loyalty number',
  'loyalty card number',
  'customer code',
  'customer',
  'customer email',
  'email',
  'email address',
  'billing email',
  'customer mobile number',
  'customer mobile',
  'mobile number',
  'mobile',
  'customer phone number',
  'customer phone',
  'phone number',
  'phone',
  'contact number',
  'contact',
] as const;

export const ORDER_FIELDS = [
  {
    key: 'order_id',
    label: 'order id',
    required: true,
    synonyms: [
      'order id',
      'orderid',
      'order number',
      'order',
      'transaction id',
      'transaction number',
      'invoice id',
      'invoice number',
      'receipt id',
      'receipt number',
      'bill number',
      'bill id',
      'bill',
      'voucher number',
      'memo number',
    ],
  },
  { key: 'customer_id', label: 'customer id', required: true, synonyms: CUSTOMER_KEY_SYNONYMS },
  {
    key: 'ordered_at',
    label: 'order date-time',
    required: true,
    synonyms: [
      'order datetime',
      'order date time',
      'order date',
      'ordered at',
      'created at',
      'order created at',
      'processed at',
      'paid at',
      'transaction date',
      'invoice date',
      'bill date time',
      'bill date',
      'bill datetime',
      'receipt date',
      'voucher date',
      'sale date',
      'date of purchase',
      'purchase date',
      'timestamp',
      'datetime',
      'date',
    ],
  },
  {
    // POS registers often keep the time in a column of its own beside the date.
    key: 'ordered_time',
    label: 'order time (when the date column has none)',
    required: false,
    synonyms: [
      'order time',
      'bill time',
      'invoice time',
      'receipt time',
      'transaction time',
      'sale time',
      'time',
    ],
  },
  {
    key: 'channel',
    label: 'channel',
    required: true,
    synonyms: [
      'channel',
      'sales channel',
      'order channel',
      'source name',
      'source',
      'order source',
      'store type',
      'sale channel',
      'sale type',
      'mode of sale',
    ],
  },
  {
    key: 'category',
    label: 'product category',
    required: true,
    synonyms: [
      'product category',
      'category',
      'product type',
      'lineitem category',
      'lineitem product type',
      'item category',
      'department',
      'product family',
      'product group',
      'item group',
      'collection',
    ],
  },
  {
    key: 'quantity',
    label: 'quantity',
    required: true,
    synonyms: [
      'quantity',
      'lineitem quantity',
      'item quantity',
      'sold quantity',
      'sales quantity',
      'billed quantity',
      'units',
      'pieces',
      'items',
      'item count',
    ],
  },
  {
    key: 'amount',
    label: 'amount (net of discount)',
    required: true,
    synonyms: [
      'amount',
      'net amount',
      'net sales',
      'line net',
      'line total',
      'line amount',
      'item total',
      'net total',
      'net value',
      'sales',
      'revenue',
      'value',
    ],
  },
  {
    // Shopify-style exports carry a unit price and no line amount: amount = unit price × quantity − discount.
    key: 'unit_price',
    label: 'unit price (when there is no amount column)',
    required: false,
    synonyms: ['unit price', 'lineitem price', 'price', 'item price', 'selling price', 'rate'],
  },
  {
    key: 'discount',
    label: 'line discount',
    required: false,
    synonyms: [
      'discount',
      'lineitem discount',
      'line discount',
      'item discount',
      'discount amount',
      'discounts',
      'markdown',
    ],
  },
  {
    key: 'order_discount',
    label: "order's total discount (spread over its lines when they are priced before it)",
    required: false,
    synonyms: [
      'order discount',
      'cart discount',
      'order discount amount',
      'total discount',
      'discount total',
    ],
  },
  {
    key: 'refunded',
    label: "order's refunded amount",
    required: false,
    synonyms: ['refunded amount', 'refunded total', 'order refunded', 'refund amount', 'amount refunded'],
  },
  {
    key: 'subtotal',
    label: "order's subtotal after discounts (to check the totals)",
    required: false,
    synonyms: ['subtotal', 'order subtotal', 'sub total'],
  },
  {
    key: 'status',
    label: 'order or payment status',
    required: false,
    synonyms: [
      'financial status',
      'payment status',
      'order status',
      'status',
      'bill status',
      'invoice status',
    ],
  },
  {
    key: 'cancelled_at',
    label: 'cancelled at',
    required: false,
    synonyms: ['cancelled at', 'canceled at', 'cancelled date', 'cancellation date'],
  },
  {
    key: 'payment_method',
    label: 'payment method (to tell cash on delivery)',
    required: false,
    synonyms: ['payment method', 'payment gateway', 'payment method title', 'payment mode', 'payment type'],
  },
  {
    key: 'location',
    label: 'store location (a point-of-sale order)',
    required: false,
    synonyms: ['location', 'store location', 'pos location'],
  },
  {
    key: 'sku',
    label: 'SKU (to find the category in a products file)',
    required: false,
    synonyms: ['lineitem sku', 'sku', 'item sku', 'variant sku', 'item code', 'product code', 'barcode'],
  },
  {
    key: 'product_name',
    label: 'product name (to find the category in a products file)',
    required: false,
    synonyms: [
      'lineitem name',
      'product name',
      'item name',
      'product',
      'item description',
      'item',
      'description',
    ],
  },
  {
    key: 'dwell_minutes',
    label: 'in-store dwell minutes',
    required: false,
    synonyms: ['dwell minutes', 'dwell', 'dwell time', 'visit minutes', 'time in store', 'minutes in store'],
  },
] as const satisfies readonly FieldSpec<string>[];

export const CUSTOMER_FIELDS = [
  { key: 'customer_id', label: 'customer id', required: true, synonyms: CUSTOMER_KEY_SYNONYMS },
  { key: 'age', label: 'age', required: false, synonyms: ['age', 'age years', 'customer age'] },
  {
    key: 'age_band',
    label: 'age band',
    required: false,
    synonyms: ['age band', 'age group', 'age range', 'age bracket'],
  },
  {
    key: 'date_of_birth',
    label: 'date of birth (for the age at the last order day)',
    required: false,
    synonyms: ['date of birth', 'dob', 'birth date', 'birthdate', 'date of birth dd mm yyyy'],
  },
  { key: 'gender', label: 'gender', required: false, synonyms: ['gender', 'sex'] },
  {
    key: 'region_type',
    label: 'city or region type',
    required: false,
    synonyms: [
      'region type',
      'locale',
      'area type',
      'urbanicity',
      'city tier',
      'tier city',
      'town class',
      'region',
      'city type',
      'city',
    ],
  },
] as const satisfies readonly FieldSpec<string>[];

export type OrderField = (typeof ORDER_FIELDS)[number]['key'];
export type CustomerField = (typeof CUSTOMER_FIELDS)[number]['key'];

/** Units and currencies a header may carry: "(₹)", "(INR)", "(Rs.)", "(in ₹)", "/Rs", "(pcs)". */
// Not %: a percentage is another quantity than the amount ("Disc (%)" is no "Disc Amt").
const UNIT = String.raw`(?:₹|rs\.?|inr|rupees?|usd|us\$|\$|eur|€|gbp|£|aed|sgd|aud|cad|pcs\.?|nos\.?|units?|mins?\.?|minutes)`;
const BRACKETED_UNIT = new RegExp(String.raw`\s*[([]\s*(?:in\s+)?${UNIT}\s*[)\]]`, 'g');
const BRACKETED_TAX =
  /\s*[([]\s*(?:incl|excl|inclusive|exclusive|with|without|w\/o)\.?\s+(?:of\s+)?(?:gst|tax|taxes|vat)\s*[)\]]/g;
const SLASH_UNIT = new RegExp(String.raw`\s*/\s*${UNIT}\s*$`);
const EDGE_CURRENCY = /^(?:₹|rs\.?|inr)\s+|\s+(?:₹|rs\.?|inr)$/g;

/** Abbreviations of POS registers and spreadsheets, spelt out word by word. */
const WORDS: Record<string, string> = {
  amt: 'amount',
  qty: 'quantity',
  qnty: 'quantity',
  no: 'number',
  num: 'number',
  nbr: 'number',
  disc: 'discount',
  dt: 'date',
  mob: 'mobile',
  mobno: 'mobile number',
  cust: 'customer',
  ph: 'phone',
  tel: 'phone',
  telephone: 'phone',
  desc: 'description',
  txn: 'transaction',
  trans: 'transaction',
  inv: 'invoice',
  cat: 'category',
  dept: 'department',
  pcs: 'pieces',
};

/** "  Order_ID " → "order id"; "Net Amt (₹)" → "net amount"; "Bill No." → "bill number"; "\uFEFFCreated at" → "created at". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF+/, '')
    .toLowerCase()
    .replace(BRACKETED_UNIT, ' ')
    .replace(BRACKETED_TAX, ' ')
    .replace(SLASH_UNIT, '')
    .trim()
    .replace(EDGE_CURRENCY, '')
    .replace(/#/g, ' number ')
    .replace(/\be[\s-]?mail\b/g, 'email')
    .replace(/[_\-./:()[\]]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w)
    .join(' ');
}

export interface MissingField {
  key: string;
  label: string;
  synonyms: readonly string[];
}

export interface ColumnMatch<K extends string> {
  /** Field → index of its column in the header row. */
  columns: Partial<Record<K, number>>;
  /** Field → how it was found: by hand or through which synonym. */
  how: Partial<Record<K, string>>;
  missing: MissingField[];
  /** Mappings given by hand that name no column of the file. */
  unknown: Array<{ key: K; column: string }>;
}

/** The index of the column a hand mapping names: as written, then on the normalised form. */
export function findColumn(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  return exact >= 0 ? exact : headers.map(normaliseHeader).indexOf(normaliseHeader(wanted));
}

/**
 * Matches a header row against field specs. `manual` maps a field to a column name (matched
 * exactly, then on the normalised form); `preferred` (a platform's own column names) comes next,
 * then the synonyms. Each column serves at most one field.
 */
export function matchColumns<K extends string>(
  headers: readonly string[],
  fields: readonly FieldSpec<K>[],
  manual: Partial<Record<K, string>> = {},
  preferred: Partial<Record<K, string | null>> = {},
): ColumnMatch<K> {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const result: ColumnMatch<K> = { columns: {}, how: {}, missing: [], unknown: [] };
  const take = (key: K, index: number, how: string) => {
    result.columns[key] = index;
    result.how[key] = how;
    taken.add(index);
  };

  for (const field of fields) {
    const wanted = manual[field.key];
    if (wanted === undefined || wanted === '') continue;
    const index = findColumn(headers, wanted);
    if (index < 0) result.unknown.push({ key: field.key, column: wanted });
    else take(field.key, index, 'set by hand');
  }
  for (const field of fields) {
    const name = preferred[field.key];
    if (result.columns[field.key] !== undefined || manual[field.key] || !name) continue;
    const index = headers.indexOf(name);
    if (index >= 0 && !taken.has(index)) take(field.key, index, `matched ${quoteValue(headers[index]!)}`);
  }
  for (const field of fields) {
    if (result.columns[field.key] !== undefined || manual[field.key]) continue;
    // The platform says it has no such column: no synonym stands in for it.
    const none = preferred[field.key] === null;
    for (const synonym of none ? [] : field.synonyms.map(normaliseHeader)) {
      const index = normalised.findIndex((h, i) => h === synonym && !taken.has(i));
      if (index >= 0) {
        take(field.key, index, `matched ${quoteValue(headers[index]!)}`);
        break;
      }
    }
    if (result.columns[field.key] === undefined && field.required && !none) {
      result.missing.push({ key: field.key, label: field.label, synonyms: field.synonyms });
    }
  }
  return result;
}

/** A header made of channel names, like "Store/Online" or "Online or Offline": the column says which. */
function isChannelPairHeader(header: string): boolean {
  const parts = header
    .toLowerCase()
    .split(/\s*(?:\/|\||\bor\b|&|\bvs\.?\b)\s*/)
    .filter(Boolean);
  if (parts.length < 2) return false;
  const channels = parts.map(parseChannel);
  return channels.every((c) => c !== null) && new Set(channels).size === 2;
}

/**
 * A column that holds channel names although its header says nothing of it: named after its values
 * ("Store/Online"), or, in the sample rows, every non-empty value is a channel (in store or online).
 */
export function findChannelColumn(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  taken: ReadonlySet<number>,
): { index: number; how: string } | null {
  for (let i = 0; i < headers.length; i++) {
    if (!taken.has(i) && isChannelPairHeader(headers[i]!))
      return { index: i, how: `recognised ${quoteValue(headers[i]!)} by its name` };
  }
  let best: { index: number; kinds: number } | null = null;
  for (let i = 0; i < headers.length; i++) {
    if (taken.has(i)) continue;
    const values = new Set<string>();
    for (const row of sampleRows) {
      const v = (row[i] ?? '').trim();
      if (v) values.add(v);
      if (values.size > 12) break;
    }
    if (values.size === 0 || values.size > 12) continue;
    const kinds = new Set([...values].map(parseChannel));
    if (kinds.has(null)) continue;
    if (!best || kinds.size > best.kinds) best = { index: i, kinds: kinds.size };
  }
  return best
    ? { index: best.index, how: `recognised ${quoteValue(headers[best.index]!)} by its values` }
    : null;
}

/** One readable paragraph per missing column: which field, which names were tried, what the file has. */
export function describeMissing(missing: MissingField[], headers: readonly string[], file: string): string {
  const found = listHeaders(headers);
  return [
    `${file}: ${missing.length === 1 ? 'a required column is' : `${missing.length} required columns are`} missing.`,
    ...missing.map((m) => `  - ${m.label}: tried ${m.synonyms.map((s) => `"${s}"`).join(', ')}`),
    `  Columns in the file: ${found}.`,
    '  Map a column by hand (for example --map customer_id="Client code") if it has another name.',
  ].join('\n');
}
