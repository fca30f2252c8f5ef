/**
 * Which column of a brand's export holds which field. Headers are matched on a normalised form
 * (case, spaces, `_ - . /` and a BOM ignored) against synonyms seen in POS, Shopify and CRM exports,
 * in order of preference; a mapping given by hand always wins.
 */

export interface FieldSpec<K extends string> {
  key: K;
  label: string;
  required: boolean;
  /** Most specific first: the first synonym present in the file is taken. */
  synonyms: readonly string[];
}

export const ORDER_FIELDS = [
  {
    key: 'order_id',
    label: 'order id',
    required: true,
    synonyms: [
      'order id',
      'orderid',
      'order number',
      'order no',
      'order',
      'name',
      'transaction id',
      'invoice id',
      'invoice number',
      'invoice no',
      'receipt id',
      'receipt number',
      'bill no',
      'bill number',
    ],
  },
  {
    key: 'customer_id',
    label: 'customer id',
    required: true,
    synonyms: [
      'customer id',
      'customerid',
      'customer number',
      'customer no',
      'client id',
      'member id',
      'loyalty id',
      'customer',
      'customer email',
      'email',
      'customer phone',
    ],
  },
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
      'timestamp',
      'datetime',
      'date',
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
      'department',
      'product family',
      'collection',
    ],
  },
  {
    key: 'quantity',
    label: 'quantity',
    required: true,
    synonyms: ['quantity', 'qty', 'lineitem quantity', 'units', 'items', 'item count'],
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
      'net total',
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
    synonyms: ['unit price', 'lineitem price', 'price', 'item price', 'selling price'],
  },
  {
    key: 'discount',
    label: 'discount amount',
    required: false,
    synonyms: ['discount', 'discount amount', 'lineitem discount', 'discounts', 'total discount', 'markdown'],
  },
  {
    key: 'dwell_minutes',
    label: 'in-store dwell minutes',
    required: false,
    synonyms: ['dwell minutes', 'dwell', 'dwell time', 'visit minutes', 'time in store', 'minutes in store'],
  },
] as const satisfies readonly FieldSpec<string>[];

export const CUSTOMER_FIELDS = [
  {
    key: 'customer_id',
    label: 'customer id',
    required: true,
    synonyms: ORDER_FIELDS[1].synonyms,
  },
  { key: 'age', label: 'age', required: false, synonyms: ['age', 'age years', 'customer age'] },
  { key: 'age_band', label: 'age band', required: false, synonyms: ['age band', 'age group', 'age range'] },
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
      'tier',
      'region',
      'city type',
      'city',
    ],
  },
] as const satisfies readonly FieldSpec<string>[];

export type OrderField = (typeof ORDER_FIELDS)[number]['key'];
export type CustomerField = (typeof CUSTOMER_FIELDS)[number]['key'];

/** "  Order_ID " → "order id"; "\uFEFFCreated at" → "created at". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[_\-./#:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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

/**
 * Matches a header row against field specs. `manual` maps a field to a column name (matched
 * exactly, then on the normalised form); each column serves at most one field.
 */
export function matchColumns<K extends string>(
  headers: readonly string[],
  fields: readonly FieldSpec<K>[],
  manual: Partial<Record<K, string>> = {},
): ColumnMatch<K> {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const result: ColumnMatch<K> = { columns: {}, how: {}, missing: [], unknown: [] };

  for (const field of fields) {
    const wanted = manual[field.key];
    if (wanted === undefined || wanted === '') continue;
    let index = headers.indexOf(wanted);
    if (index < 0) index = normalised.indexOf(normaliseHeader(wanted));
    if (index < 0) result.unknown.push({ key: field.key, column: wanted });
    else {
      result.columns[field.key] = index;
      result.how[field.key] = 'set by hand';
      taken.add(index);
    }
  }
  for (const field of fields) {
    if (result.columns[field.key] !== undefined || manual[field.key]) continue;
    for (const synonym of field.synonyms) {
      const index = normalised.findIndex((h, i) => h === synonym && !taken.has(i));
      if (index >= 0) {
        result.columns[field.key] = index;
        result.how[field.key] = `matched "${headers[index]}"`;
        taken.add(index);
        break;
      }
    }
    if (result.columns[field.key] === undefined && field.required) {
      result.missing.push({ key: field.key, label: field.label, synonyms: field.synonyms });
    }
  }
  return result;
}

/** One readable paragraph per missing column: which field, which names were tried, what the file has. */
export function describeMissing(missing: MissingField[], headers: readonly string[], file: string): string {
  const found = headers.length ? headers.map((h) => `"${h.replace(/^\uFEFF/, '')}"`).join(', ') : 'none';
  return [
    `${file}: ${missing.length === 1 ? 'a required column is' : `${missing.length} required columns are`} missing.`,
    ...missing.map((m) => `  - ${m.label}: tried ${m.synonyms.map((s) => `"${s}"`).join(', ')}`),
    `  Columns in the file: ${found}.`,
    '  Map a column by hand (for example --map customer_id="Client code") if it has another name.',
  ].join('\n');
}
