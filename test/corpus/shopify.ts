/**
 * Shopify cases: the Admin → Orders → Export "Plain CSV file" with its full current header, the
 * products export beside it, and a simpler Shopify-shaped file as apps and spreadsheets trim it.
 * What each column holds, and on which lines, follows real exports (see FORMATS.md).
 */
import type { CsvValue } from '@/lib/csv/csv';
import { createRng, type Rng } from '@/lib/random/rng';
import { purchaseDays } from './behaviour';
import {
  BRAND,
  buildCatalog,
  COMMA_CATEGORY,
  fullName,
  lineItemName,
  PeopleFactory,
  PLUS_CATEGORY,
  STAFF,
  type Catalog,
  type Person,
  type Product,
  type Variant,
} from './catalog';
import type { GeneratedCase, LedgerOrder, OrderFate } from './types';
import {
  addDaysIso,
  allocateShares,
  chance,
  clock,
  csvText,
  normaliseEmail,
  pick,
  pickWeighted,
  QUOTED_EMPTY,
  randInt,
  rupees,
  shuffled,
  timeOfDay,
  token,
  withLf,
  withQuotedEmpties,
} from './util';

/** The orders export header, in order, as Shopify writes it today (79 columns). */
export const SHOPIFY_ORDER_HEADER = [
  'Name',
  'Email',
  'Financial Status',
  'Paid at',
  'Fulfillment Status',
  'Fulfilled at',
  'Accepts Marketing',
  'Currency',
  'Subtotal',
  'Shipping',
  'Taxes',
  'Total',
  'Discount Code',
  'Discount Amount',
  'Shipping Method',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Company',
  'Billing City',
  'Billing Zip',
  'Billing Province',
  'Billing Country',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Company',
  'Shipping City',
  'Shipping Zip',
  'Shipping Province',
  'Shipping Country',
  'Shipping Phone',
  'Notes',
  'Note Attributes',
  'Cancelled at',
  'Payment Method',
  'Payment Reference',
  'Refunded Amount',
  'Vendor',
  'Outstanding Balance',
  'Employee',
  'Location',
  'Device ID',
  'Id',
  'Tags',
  'Risk Level',
  'Source',
  'Lineitem discount',
  'Tax 1 Name',
  'Tax 1 Value',
  'Tax 2 Name',
  'Tax 2 Value',
  'Tax 3 Name',
  'Tax 3 Value',
  'Tax 4 Name',
  'Tax 4 Value',
  'Tax 5 Name',
  'Tax 5 Value',
  'Phone',
  'Receipt Number',
  'Duties',
  'Billing Province Name',
  'Shipping Province Name',
  'Payment ID',
  'Payment Terms Name',
  'Next Payment Due At',
  'Payment References',
] as const;

/** Columns Shopify repeats on every line of a multi-line order; all others are on the first line only. */
export const SHOPIFY_EVERY_LINE = new Set<string>([
  'Name',
  'Email',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
  'Vendor',
  'Lineitem discount',
  'Phone',
]);

/** The products export header (a store with India as its market and two category metafields). */
export const SHOPIFY_PRODUCT_HEADER = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option1 Linked To',
  'Option2 Name',
  'Option2 Value',
  'Option2 Linked To',
  'Option3 Name',
  'Option3 Value',
  'Option3 Linked To',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Fulfillment Service',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Requires Shipping',
  'Variant Taxable',
  'Unit Price Total Measure',
  'Unit Price Total Measure Unit',
  'Unit Price Base Measure',
  'Unit Price Base Measure Unit',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Gift Card',
  'SEO Title',
  'SEO Description',
  'Google Shopping / Google Product Category',
  'Google Shopping / Gender',
  'Google Shopping / Age Group',
  'Google Shopping / MPN',
  'Google Shopping / Condition',
  'Google Shopping / Custom Product',
  'Google Shopping / Custom Label 0',
  'Google Shopping / Custom Label 1',
  'Google Shopping / Custom Label 2',
  'Google Shopping / Custom Label 3',
  'Google Shopping / Custom Label 4',
  'Color (product.metafields.shopify.color-pattern)',
  'Fabric (product.metafields.shopify.fabric)',
  'Variant Image',
  'Variant Weight Unit',
  'Variant Tax Code',
  'Cost per item',
  'Included / India',
  'Price / India',
  'Compare At Price / India',
  'Status',
] as const;

/** The trimmed file: the columns an analyst keeps, plus the product type an order-export app adds. */
export const SHOPIFY_LITE_HEADER = [
  'Name',
  'Email',
  'Created at',
  'Lineitem quantity',
  'Lineitem name',
  'Lineitem price',
  'Lineitem sku',
  'Discount Amount',
  'Financial Status',
  'Source',
  'Lineitem Product Type',
] as const;

/** Columns that hold a person's e-mail, phone, name or address line. */
const PERSONAL_COLUMNS = [
  'Email',
  'Phone',
  'Billing Name',
  'Billing Street',
  'Billing Address1',
  'Billing Address2',
  'Billing Phone',
  'Shipping Name',
  'Shipping Street',
  'Shipping Address1',
  'Shipping Address2',
  'Shipping Phone',
  'Employee',
] as const;

/** Two numeric app ids (sales channels that create orders through the API). Made up. */
export const APP_IDS = ['2329312', '4383523'];

const STORES = [
  { name: 'Kala Ghoda Flagship', stateCode: 'MH', device: '81203455' },
  { name: 'Bandra Studio', stateCode: 'MH', device: '81203471' },
  { name: 'Indiranagar Store', stateCode: 'KA', device: '81209920' },
];

const ORIGIN_STATE = 'MH';
const RAZORPAY = 'Razorpay Secure (UPI, Cards, Wallets, NetBanking)';
const COD = 'Cash on Delivery (COD)';

type Payment = 'prepaid' | 'cod' | 'pos' | 'draft';

interface ShopLine {
  product: Product;
  variant: Variant;
  qty: number;
  /** Written in `Lineitem discount` (an automatic discount on the line). */
  lineDiscount: number;
}

interface ShopOrder {
  person: number | null;
  day: number;
  seconds: number;
  source: string;
  payment: Payment;
  store?: (typeof STORES)[number];
  employee?: string;
  lines: ShopLine[];
  code: string;
  codeDiscount: number;
  financial: string;
  cancelled: boolean;
  /** Partial merchandise refund (partially_refunded). */
  refund: number;
  emailWritten: string;
  phoneWritten: string;
  notes: string;
  noteAttributes: string;
  tags: string;
  giftRecipient: boolean;
  name: string;
  id: string;
  shipping: number;
}

export interface ShopifyConfig {
  seed: number;
  stream: number;
  people: number;
  startIso: string;
  days: number;
  categories: string[];
  /** Phone-only customers (no e-mail; Shopify's `Phone` column carries them). */
  phoneOnlyShare: number;
  /** Walk-in POS orders with no customer attached. */
  walkIns: number;
  lite: boolean;
}

interface Built {
  catalog: Catalog;
  people: Person[];
  phoneOnly: boolean[];
  acceptsMarketing: boolean[];
  emailStyle: number[];
  orders: ShopOrder[];
}

const SHOPIFY_CATEGORIES = [
  'Bed Linen',
  'Table Linen',
  'Cushion Covers',
  'Bath Linen',
  'Rugs & Dhurries',
  'Kurtas',
  'Sarees',
  'Dupattas & Stoles',
  PLUS_CATEGORY,
  'Dinnerware',
  'Drinkware',
  'Serveware',
  'Candles',
  'Home Fragrance',
  'Gift Sets',
  COMMA_CATEGORY,
];

const LITE_CATEGORIES = [
  'Bed Linen',
  'Cushion Covers',
  'Kurtas',
  'Sarees',
  PLUS_CATEGORY,
  'Dinnerware',
  'Candles',
  'Home Fragrance',
  'Gift Sets',
  COMMA_CATEGORY,
];

/** Popularity of a category for line picks (candles and cushions sell often, rugs rarely). */
function categoryWeight(name: string): number {
  const w: Record<string, number> = {
    Candles: 9,
    'Home Fragrance': 6,
    'Cushion Covers': 8,
    Kurtas: 9,
    'Bed Linen': 6,
    Sarees: 4,
    'Gift Sets': 4,
    Dinnerware: 5,
    Drinkware: 5,
    Serveware: 3,
    'Rugs & Dhurries': 1.5,
    'Bath Linen': 4,
    'Table Linen': 3,
    'Dupattas & Stoles': 4,
    [PLUS_CATEGORY]: 3,
    [COMMA_CATEGORY]: 4,
  };
  return w[name] ?? 3;
}

function build(cfg: ShopifyConfig): Built {
  const rngCatalog = createRng(cfg.seed, cfg.stream);
  const rngPeople = createRng(cfg.seed, cfg.stream + 1);
  const rng = createRng(cfg.seed, cfg.stream + 2);
  const catalog = buildCatalog(rngCatalog, cfg.categories, cfg.lite ? 0 : 0.12);
  const factory = new PeopleFactory(rngPeople);
  const people: Person[] = [];
  const phoneOnly: boolean[] = [];
  const acceptsMarketing: boolean[] = [];
  const emailStyle: number[] = [];
  const storeLover: boolean[] = [];
  for (let i = 0; i < cfg.people; i++) {
    people.push(factory.person());
    phoneOnly.push(chance(rngPeople, cfg.phoneOnlyShare));
    acceptsMarketing.push(chance(rngPeople, 0.55));
    // 0: as stored; 1: written differently on some orders (case, stray spaces).
    emailStyle.push(chance(rngPeople, 0.2) ? 1 : 0);
    storeLover.push(chance(rngPeople, phoneOnly[i] ? 0.6 : 0.18));
  }

  const categoryWeights = catalog.categories.map(categoryWeight);
  const orders: ShopOrder[] = [];
  const newOrder = (person: number | null, day: number, source: string, payment: Payment): ShopOrder => {
    const inStore = source === 'pos';
    const store = inStore ? STORES[pickWeighted(rng, [5, 3, 3])]! : undefined;
    const nLines = 1 + pickWeighted(rng, [55, 25, 12, 5, 3]);
    const lines: ShopLine[] = [];
    for (let k = 0; k < nLines; k++) {
      const cat = catalog.categories[pickWeighted(rng, categoryWeights)]!;
      const product = pick(rng, catalog.byCategory.get(cat)!);
      const variant = pick(rng, product.variants);
      if (lines.some((l) => l.variant === variant)) continue;
      lines.push({ product, variant, qty: 1 + pickWeighted(rng, [84, 13, 3]), lineDiscount: 0 });
    }
    return {
      person,
      day,
      seconds: timeOfDay(rng, inStore),
      source,
      payment,
      store,
      employee: inStore || source === 'shopify_draft_order' ? pick(rng, STAFF) : undefined,
      lines,
      code: '',
      codeDiscount: 0,
      financial: 'paid',
      cancelled: false,
      refund: 0,
      emailWritten: '',
      phoneWritten: '',
      notes: '',
      noteAttributes: '',
      tags: '',
      giftRecipient: false,
      name: '',
      id: '',
      shipping: 0,
    };
  };

  const onlineSources = ['web', 'shopify_draft_order', 'iphone', 'android', APP_IDS[0]!, APP_IDS[1]!];
  const onlineWeights = [70, 5, 6, 6, 8, 5];
  for (let p = 0; p < cfg.people; p++) {
    const days = purchaseDays(rng, {
      days: cfg.days,
      birthShare: 0.85,
      meanGapDays: 70,
      rateShape: 1.3,
      dropA: 1,
      dropB: 3.2,
    });
    for (const day of days) {
      const inStore = chance(rng, storeLover[p] ? 0.8 : 0.08);
      const source = inStore ? 'pos' : onlineSources[pickWeighted(rng, onlineWeights)]!;
      const payment: Payment =
        source === 'pos'
          ? 'pos'
          : source === 'shopify_draft_order'
            ? 'draft'
            : chance(rng, 0.36)
              ? 'cod'
              : 'prepaid';
      orders.push(newOrder(p, day, source, payment));
    }
  }
  for (let g = 0; g < cfg.walkIns; g++)
    orders.push(newOrder(null, randInt(rng, 0, cfg.days - 1), 'pos', 'pos'));
  if (!cfg.lite)
    for (let g = 0; g < 2; g++)
      orders.push(newOrder(null, randInt(rng, 0, cfg.days - 1), 'shopify_draft_order', 'draft'));

  orders.sort((a, b) => a.day - b.day || a.seconds - b.seconds);
  orders.forEach((o, i) => {
    o.name = `#${1001 + i}`;
    o.id = String(5_612_004_000_000 + i * 7919 + (i % 13) * 31);
  });

  // Discounts: automatic line discounts (full export only), then order-level codes.
  for (const o of orders) {
    const gross = o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty, 0);
    if (!cfg.lite && chance(rng, 0.1)) {
      // "20% off candles and cushions": on qualifying lines only.
      for (const l of o.lines)
        if (['Candles', 'Cushion Covers', 'Home Fragrance'].includes(l.product.category) || chance(rng, 0.25))
          l.lineDiscount = Math.round(l.variant.pricePaise * l.qty * 0.2);
    }
    const afterLine = gross - o.lines.reduce((s, l) => s + l.lineDiscount, 0);
    if (o.payment !== 'pos' && chance(rng, 0.26)) {
      const c = pickWeighted(rng, [5, 3, 2, 1]);
      if (c === 0) {
        o.code = 'WELCOME10';
        o.codeDiscount = Math.round(afterLine * 0.1);
      } else if (c === 1) {
        o.code = 'FESTIVE15';
        o.codeDiscount = Math.round(afterLine * 0.15);
      } else if (c === 2 && afterLine >= 300_000) {
        o.code = 'AMBAR500';
        o.codeDiscount = 50_000;
      } else if (afterLine >= 500_000) {
        o.code = 'WEDDING1000';
        o.codeDiscount = 100_000;
      }
    }
  }
  // Orders where a flat code is larger than the first line: applying the order's Discount Amount
  // to its first line alone makes that line negative.
  const flatTargets = shuffled(
    rng,
    orders.filter((o) => o.person !== null && o.payment !== 'pos' && o.lines.length >= 2 && !o.code),
  );
  let flat = 0;
  for (const o of flatTargets) {
    if (flat >= (cfg.lite ? 34 : 14)) break;
    const gross = o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty - l.lineDiscount, 0);
    const first = o.lines[0]!.variant.pricePaise * o.lines[0]!.qty - o.lines[0]!.lineDiscount;
    const amount = gross >= 600_000 ? 200_000 : gross >= 300_000 ? 100_000 : 0;
    if (amount > first && amount < gross / 2) {
      o.code = amount === 200_000 ? 'WEDDING2000' : 'AMBAR1000';
      o.codeDiscount = amount;
      flat++;
    }
  }

  assignStatuses(rng, orders, cfg);

  // Contact fields as written, notes, tags, shipping.
  for (const o of orders) {
    const gross =
      o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty - l.lineDiscount, 0) - o.codeDiscount;
    o.shipping = o.payment === 'pos' ? 0 : gross >= 150_000 ? 0 : 9_900;
    if (o.person === null) continue;
    const person = people[o.person]!;
    if (phoneOnly[o.person] && !cfg.lite) {
      o.phoneWritten = `+91${person.mobile}`;
    } else {
      o.emailWritten = writeEmail(rng, person.email, emailStyle[o.person]!);
      if (!cfg.lite && chance(rng, 0.3)) o.phoneWritten = `+91${person.mobile}`;
    }
    if (chance(rng, 0.07)) {
      o.notes = pick(rng, [
        'Please gift wrap.\nCard message: Happy Diwali! With love from all of us.',
        'Deliver after 6 pm please.\nCall on arrival, the bell does not work.',
        'It\'s a wedding gift - please don\'t include the invoice in the box.\n"Handle with care" sticker please.',
        'Leave with the building security if nobody answers.',
      ]);
    }
    if (o.payment !== 'pos' && chance(rng, 0.25))
      o.noteAttributes = `gift_wrap: ${chance(rng, 0.5) ? 'Yes' : 'No'}\npreferred_slot: ${pick(rng, ['Morning', 'Evening', 'Any time'])}`;
    o.tags =
      o.payment === 'cod' ? pick(rng, ['COD', 'COD, verified']) : chance(rng, 0.1) ? 'VIP, repeat' : '';
    o.giftRecipient = o.payment !== 'pos' && chance(rng, 0.08);
  }
  return { catalog, people, phoneOnly, acceptsMarketing, emailStyle, orders };
}

/** The same address written differently on different orders: case changed or stray spaces. */
function writeEmail(rng: Rng, email: string, style: number): string {
  if (style === 0 || chance(rng, 0.45)) return email;
  const [local, domain] = email.split('@') as [string, string];
  return pick(rng, [
    ` ${email}`,
    `${email} `,
    email.toUpperCase(),
    `${local[0]!.toUpperCase()}${local.slice(1)}@${domain}`,
    `${local}@${domain[0]!.toUpperCase()}${domain.slice(1)}`,
  ]);
}

/** Financial statuses and cancellations, by quota on shuffled candidates so every kind occurs. */
function assignStatuses(rng: Rng, orders: ShopOrder[], cfg: ShopifyConfig): void {
  const recent = (o: ShopOrder) => o.day >= cfg.days - 12;
  const take = (list: ShopOrder[], n: number) => list.splice(0, Math.min(n, list.length));
  const cod = shuffled(
    rng,
    orders.filter((o) => o.payment === 'cod'),
  );
  for (const o of cod) o.financial = recent(o) ? 'pending' : 'paid';
  const codOld = cod.filter((o) => !recent(o));
  for (const o of take(codOld, Math.max(6, Math.round(cod.length * 0.05)))) {
    o.financial = 'voided';
    o.cancelled = !cfg.lite; // the trimmed file has no Cancelled at column
  }
  for (const o of take(codOld, Math.max(5, Math.round(cod.length * 0.06)))) o.financial = 'pending';
  const prepaid = shuffled(
    rng,
    orders.filter((o) => o.payment === 'prepaid' && !recent(o)),
  );
  const pos = shuffled(
    rng,
    orders.filter((o) => o.payment === 'pos' && o.person !== null),
  );
  const drafts = shuffled(
    rng,
    orders.filter((o) => o.payment === 'draft' && o.person !== null),
  );
  if (cfg.lite) {
    for (const o of take(prepaid, 6)) o.financial = 'refunded';
    return;
  }
  for (const o of take(prepaid, 4)) {
    o.financial = 'refunded';
    o.cancelled = true;
  }
  for (const o of take(prepaid, 5)) o.financial = 'refunded';
  for (const o of take(prepaid, 2)) o.cancelled = true; // cancelled, refund not yet issued: still "paid"
  for (const o of take(prepaid, 3)) o.financial = 'expired';
  const units = (o: ShopOrder) => o.lines.reduce((s, l) => s + l.qty, 0);
  const multi = prepaid.filter((o) => units(o) >= 2);
  for (const o of take(multi, Math.max(9, Math.round(prepaid.length * 0.04))))
    o.financial = 'partially_refunded';
  for (const o of take(
    pos.filter((o) => units(o) >= 2),
    2,
  ))
    o.financial = 'partially_refunded';
  for (const o of take(drafts, 2)) o.financial = 'partially_paid';
  const recentPrepaid = shuffled(
    rng,
    orders.filter((o) => o.payment === 'prepaid' && recent(o)),
  );
  for (const o of take(recentPrepaid, 3)) o.financial = 'authorized';
}

function fateOf(o: ShopOrder): OrderFate {
  if (o.cancelled) return 'cancelled';
  if (o.financial === 'voided' || o.financial === 'expired') return 'voided';
  if (o.financial === 'refunded') return 'refundedInFull';
  if (!o.emailWritten && !o.phoneWritten) return 'guest';
  return 'counted';
}

function createdAt(startIso: string, o: ShopOrder, extraSeconds = 0): string {
  const s = o.seconds + extraSeconds;
  const day = addDaysIso(startIso, o.day + Math.floor(s / 86_400));
  return `${day} ${clock(s)} +0530`;
}

/** GST included in a line net, split into tax lines the way Shopify names them for India. */
function taxLines(o: ShopOrder, nets: number[], destState: string): Array<[string, number]> {
  const byRate = new Map<number, number>();
  o.lines.forEach((l, i) => {
    const rate = l.product.gst;
    byRate.set(rate, (byRate.get(rate) ?? 0) + Math.round((nets[i]! * rate) / (100 + rate)));
  });
  const out: Array<[string, number]> = [];
  const intra = (o.store?.stateCode ?? ORIGIN_STATE) === destState || o.payment === 'pos';
  for (const [rate, tax] of [...byRate.entries()].sort((a, b) => a[0] - b[0])) {
    if (intra) {
      const half = Math.floor(tax / 2);
      out.push([`CGST ${rate / 2}%`, tax - half], [`SGST ${rate / 2}%`, half]);
    } else out.push([`IGST ${rate}%`, tax]);
  }
  return out;
}

/** The ledger entry of one order, with the refund share for partially refunded ones. */
function ledgerOf(o: ShopOrder, startIso: string, lite: boolean): LedgerOrder {
  const rawKey = o.emailWritten || o.phoneWritten || null;
  const key = o.emailWritten ? normaliseEmail(o.emailWritten) : o.phoneWritten ? o.phoneWritten : null;
  const lineDiscounts = o.lines.reduce((s, l) => s + l.lineDiscount, 0);
  const entry: LedgerOrder = {
    id: o.name,
    rawKey,
    key,
    day: addDaysIso(startIso, o.day),
    channel: o.source === 'pos' ? 'inStore' : 'online',
    appSource: /^\d+$/.test(o.source) ? o.source : undefined,
    fate: fateOf(o),
    pending: o.financial === 'pending',
    pendingCod: o.financial === 'pending' && o.payment === 'cod' && !lite,
    orderDiscountPaise: o.codeDiscount,
    refundPaise: 0,
    fileSubtotalPaise:
      o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty, 0) - lineDiscounts - o.codeDiscount,
    lines: o.lines.map((l) => ({
      category: l.product.category,
      unitPaise: l.variant.pricePaise,
      quantity: l.qty,
      lineDiscountPaise: lite ? 0 : l.lineDiscount,
      orderDiscountSharePaise: 0,
      refundSharePaise: 0,
    })),
  };
  if (lite) entry.orderDiscountPaise = lineDiscounts + o.codeDiscount;
  allocateShares(entry);
  if (o.financial === 'partially_refunded') {
    // One unit of one line comes back: its net per unit, whole paise.
    const i = o.lines.length > 1 ? 1 : 0;
    const l = entry.lines[i]!;
    o.refund = Math.floor(
      (l.unitPaise * l.quantity - l.lineDiscountPaise - l.orderDiscountSharePaise) / l.quantity,
    );
    entry.refundPaise = o.refund;
    allocateShares(entry);
  }
  return entry;
}

function productsCsv(catalog: Catalog): string {
  const rows: CsvValue[][] = [];
  const col = (name: (typeof SHOPIFY_PRODUCT_HEADER)[number]) => SHOPIFY_PRODUCT_HEADER.indexOf(name);
  const blank = () => SHOPIFY_PRODUCT_HEADER.map((): CsvValue => '');
  for (const p of catalog.products) {
    const cdn = `https://cdn.shopify.com/s/files/1/0613/2290/7051/files/${p.handle}`;
    p.variants.forEach((v, i) => {
      const row = blank();
      row[col('Handle')] = p.handle;
      if (i === 0) {
        row[col('Title')] = p.title;
        row[col('Body (HTML)')] =
          `<p data-mce-fragment="1">${p.title}, made by hand for ${BRAND}.</p>\n<ul>\n<li>Fabric or material: natural</li>\n<li>Care: gentle hand wash, dry in shade</li>\n</ul>`;
        row[col('Vendor')] = BRAND;
        row[col('Product Category')] = p.taxonomy;
        row[col('Type')] = p.category;
        row[col('Tags')] = p.tags || QUOTED_EMPTY;
        row[col('Published')] = p.status === 'active' ? 'true' : 'false';
        row[col('Option1 Name')] = p.optionNames[0] ?? 'Title';
        if (p.optionNames[1]) row[col('Option2 Name')] = p.optionNames[1];
        row[col('Image Src')] = `${cdn}-1.jpg?v=1718${String(p.code.charCodeAt(0)).padStart(6, '0')}`;
        row[col('Image Position')] = 1;
        row[col('Image Alt Text')] = QUOTED_EMPTY;
        row[col('Gift Card')] = 'false';
        row[col('Status')] = p.status;
      }
      row[col('Option1 Value')] = v.options[0] ?? 'Default Title';
      if (v.options[1]) row[col('Option2 Value')] = v.options[1];
      row[col('Variant SKU')] = p.noSku ? '' : v.sku;
      row[col('Variant Grams')] = '0.0';
      row[col('Variant Inventory Tracker')] = 'shopify';
      row[col('Variant Inventory Qty')] = 4 + ((v.pricePaise / 100) % 37);
      row[col('Variant Inventory Policy')] = 'deny';
      row[col('Variant Fulfillment Service')] = 'manual';
      row[col('Variant Price')] = rupees(v.pricePaise);
      row[col('Variant Compare At Price')] = v.compareAtPaise ? rupees(v.compareAtPaise) : '';
      row[col('Variant Requires Shipping')] = 'true';
      row[col('Variant Taxable')] = 'true';
      row[col('Variant Barcode')] = QUOTED_EMPTY;
      row[col('Variant Weight Unit')] = 'kg';
      row[col('Included / India')] = 'true';
      rows.push(row);
    });
    if (p.extraImage) {
      const row = blank();
      row[col('Handle')] = p.handle;
      row[col('Image Src')] = `${cdn}-2.jpg?v=1718${String(p.code.charCodeAt(1)).padStart(6, '0')}`;
      row[col('Image Position')] = 2;
      row[col('Image Alt Text')] = QUOTED_EMPTY;
      rows.push(row);
    }
  }
  return withLf(withQuotedEmpties(csvText(SHOPIFY_PRODUCT_HEADER, rows)));
}

/** The full Shopify case: orders export and products export. */
export function generateShopify(seed: number): GeneratedCase {
  return shopifyCase(seed, false);
}

/**
 * The same export opened in Excel and saved again as CSV, as many brands do before sending it:
 * TRUE/FALSE, amounts without trailing zeros, +91 phones turned into 9.19876E+11, CRLF, and no
 * quoted empty cells. Customers here all have e-mails, since the phones are no longer readable.
 */
export function generateShopifyExcel(seed: number): GeneratedCase {
  return shopifyCase(seed, true);
}

/** A cell as Excel writes it back: booleans upper-cased, numbers in General format. */
function excelCell(v: CsvValue): CsvValue {
  if (v === QUOTED_EMPTY) return '';
  if (typeof v !== 'string') return v;
  if (v === 'true' || v === 'false') return v.toUpperCase();
  if (/^-?\d+\.\d{2}$/.test(v)) return String(Number(v));
  if (/^\+\d{11,}$/.test(v)) {
    // More than 11 digits: General format shows 6 significant digits in scientific notation.
    const n = Number(v.slice(1));
    let exp = Math.floor(Math.log10(n));
    let mantissa = Number((n / 10 ** exp).toPrecision(6));
    if (mantissa >= 10) {
      mantissa /= 10;
      exp++;
    }
    return `${mantissa}E+${exp}`;
  }
  return v;
}

function shopifyCase(seed: number, excel: boolean): GeneratedCase {
  const startIso = excel ? '2025-03-01' : '2025-06-01';
  const cfg: ShopifyConfig = {
    seed,
    stream: excel ? 500 : 100,
    people: excel ? 380 : 430,
    startIso,
    days: excel ? 420 : 457,
    categories: SHOPIFY_CATEGORIES,
    phoneOnlyShare: excel ? 0 : 0.1,
    walkIns: excel ? 30 : 46,
    lite: false,
  };
  const b = build(cfg);
  const rng = createRng(seed, cfg.stream + 3);
  const personal: string[] = [...STAFF];
  const ledger: LedgerOrder[] = [];
  let fileSubtotal = 0;
  const rows: CsvValue[][] = [];
  const col = (name: (typeof SHOPIFY_ORDER_HEADER)[number]) => SHOPIFY_ORDER_HEADER.indexOf(name);

  // Shopify lists the newest order first.
  for (const o of [...b.orders].reverse()) {
    const entry = ledgerOf(o, startIso, false);
    ledger.push(entry);
    const person = o.person === null ? null : b.people[o.person]!;
    const gross = o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty, 0);
    const lineDiscounts = o.lines.reduce((s, l) => s + l.lineDiscount, 0);
    const discountAmount = lineDiscounts + o.codeDiscount;
    const subtotal = gross - discountAmount;
    fileSubtotal += subtotal;
    const total = subtotal + o.shipping;
    const address = person?.address;
    const destState = o.payment === 'pos' ? o.store!.stateCode : (address?.stateCode ?? ORIGIN_STATE);
    const nets = entry.lines.map(
      (l) => l.unitPaise * l.quantity - l.lineDiscountPaise - l.orderDiscountSharePaise,
    );
    const taxes = taxLines(o, nets, destState);
    const taxTotal = taxes.reduce((s, t) => s + t[1], 0);
    taxes.length = Math.min(taxes.length, 5);
    const created = createdAt(startIso, o);
    const delivered =
      o.payment !== 'pos' && o.day >= cfg.days - 6 ? false : !o.cancelled && o.financial !== 'expired';
    const fulfilled = o.payment === 'pos' || (delivered && o.financial !== 'authorized');
    // A voided COD order was shipped, refused at the door (RTO) and restocked.
    const restocked = o.cancelled && o.financial === 'voided';
    const paidAt =
      o.financial === 'paid' ||
      o.financial === 'partially_refunded' ||
      o.financial === 'refunded' ||
      o.financial === 'partially_paid'
        ? createdAt(startIso, o, o.payment === 'cod' ? randInt(rng, 3, 7) * 86_400 + 3600 : 1)
        : '';
    const paymentMethod =
      o.payment === 'cod'
        ? COD
        : o.payment === 'pos'
          ? pick(rng, ['Cash', 'UPI', 'Card'])
          : o.payment === 'draft'
            ? 'manual'
            : RAZORPAY;
    const reference = o.payment === 'cod' && o.financial === 'pending' ? '' : `r${token(rng, 24)}`;
    const outstanding =
      o.financial === 'pending' || o.financial === 'authorized'
        ? total
        : o.financial === 'partially_paid'
          ? Math.round(total / 2)
          : 0;
    const refunded = o.financial === 'refunded' ? total : o.financial === 'partially_refunded' ? o.refund : 0;
    const billingPhone =
      person && !b.phoneOnly[o.person!] && chance(rng, 0.1)
        ? `'+91 ${person.mobile.slice(0, 5)} ${person.mobile.slice(5)}`
        : person
          ? `+91${person.mobile}`
          : '';
    const shipToOther = o.giftRecipient;
    const recipient = shipToOther ? new PeopleFactory(rng).person() : null;

    o.lines.forEach((l, i) => {
      const row = SHOPIFY_ORDER_HEADER.map((): CsvValue => '');
      row[col('Name')] = o.name;
      row[col('Email')] = o.emailWritten;
      row[col('Created at')] = created;
      row[col('Lineitem quantity')] = l.qty;
      row[col('Lineitem name')] = lineItemName(l.product, l.variant);
      row[col('Lineitem price')] = rupees(l.variant.pricePaise);
      row[col('Lineitem compare at price')] = l.variant.compareAtPaise
        ? rupees(l.variant.compareAtPaise)
        : i === 0
          ? ''
          : QUOTED_EMPTY;
      row[col('Lineitem sku')] = l.product.noSku ? '' : l.variant.sku;
      row[col('Lineitem requires shipping')] = o.payment === 'pos' ? 'false' : 'true';
      row[col('Lineitem taxable')] = 'true';
      row[col('Lineitem fulfillment status')] = restocked ? 'restocked' : fulfilled ? 'fulfilled' : 'pending';
      row[col('Vendor')] = BRAND;
      row[col('Lineitem discount')] = rupees(l.lineDiscount);
      row[col('Phone')] = o.phoneWritten;
      if (i === 0) {
        row[col('Financial Status')] = o.financial;
        row[col('Paid at')] = paidAt;
        row[col('Fulfillment Status')] = restocked ? 'restocked' : fulfilled ? 'fulfilled' : 'unfulfilled';
        row[col('Fulfilled at')] = fulfilled
          ? createdAt(startIso, o, o.payment === 'pos' ? 2 : randInt(rng, 1, 3) * 86_400)
          : '';
        row[col('Accepts Marketing')] = o.person !== null && b.acceptsMarketing[o.person] ? 'yes' : 'no';
        row[col('Currency')] = 'INR';
        row[col('Subtotal')] = rupees(subtotal);
        row[col('Shipping')] = rupees(o.shipping);
        row[col('Taxes')] = rupees(taxTotal);
        row[col('Total')] = rupees(total);
        row[col('Discount Code')] = o.code || QUOTED_EMPTY;
        row[col('Discount Amount')] = rupees(discountAmount);
        row[col('Shipping Method')] =
          o.payment === 'pos' ? '' : o.shipping ? 'Standard Shipping' : 'Free Shipping';
        if (person && address && o.payment !== 'pos') {
          row[col('Billing Name')] = fullName(person);
          row[col('Billing Street')] = `${address.line1}, ${address.line2}`;
          row[col('Billing Address1')] = address.line1;
          row[col('Billing Address2')] = address.line2;
          row[col('Billing City')] = address.city;
          row[col('Billing Zip')] = `'${address.pincode}`;
          row[col('Billing Province')] = address.stateCode;
          row[col('Billing Country')] = 'IN';
          row[col('Billing Phone')] = billingPhone;
          const ship = recipient ? recipient : person;
          const shipAddr = recipient ? recipient.address : address;
          row[col('Shipping Name')] = fullName(ship);
          row[col('Shipping Street')] = `${shipAddr.line1}, ${shipAddr.line2}`;
          row[col('Shipping Address1')] = shipAddr.line1;
          row[col('Shipping Address2')] = shipAddr.line2 || QUOTED_EMPTY;
          row[col('Shipping City')] = shipAddr.city;
          row[col('Shipping Zip')] = `'${shipAddr.pincode}`;
          row[col('Shipping Province')] = shipAddr.stateCode;
          row[col('Shipping Country')] = 'IN';
          row[col('Shipping Phone')] = recipient ? `+91${recipient.mobile}` : billingPhone;
          row[col('Billing Province Name')] = address.state;
          row[col('Shipping Province Name')] = shipAddr.state;
        } else if (person) {
          row[col('Billing Name')] = fullName(person);
        }
        row[col('Notes')] = o.notes;
        row[col('Note Attributes')] = o.noteAttributes || QUOTED_EMPTY;
        row[col('Cancelled at')] = o.cancelled ? createdAt(startIso, o, randInt(rng, 2, 40) * 3600) : '';
        row[col('Payment Method')] = paymentMethod;
        row[col('Payment Reference')] = reference;
        row[col('Refunded Amount')] = rupees(refunded);
        row[col('Outstanding Balance')] = rupees(outstanding);
        row[col('Employee')] = o.employee ?? '';
        row[col('Location')] = o.store?.name ?? '';
        row[col('Device ID')] = o.store?.device ?? '';
        row[col('Id')] = o.id;
        row[col('Tags')] = o.tags || QUOTED_EMPTY;
        row[col('Risk Level')] = chance(rng, 0.03) ? 'Medium' : 'Low';
        row[col('Source')] = o.source;
        taxes.forEach(([name, value], t) => {
          row[col('Tax 1 Name') + 2 * t] = name;
          row[col('Tax 1 Value') + 2 * t] = rupees(value);
        });
        row[col('Payment ID')] = reference;
        row[col('Payment Terms Name')] = o.payment === 'draft' && chance(rng, 0.5) ? 'Due on receipt' : '';
        row[col('Payment References')] = reference;
      }
      const written = excel ? row.map(excelCell) : row;
      for (const c of PERSONAL_COLUMNS) {
        const v = written[col(c)];
        if (typeof v === 'string' && v && v !== QUOTED_EMPTY) personal.push(v);
      }
      rows.push(written);
    });
  }

  return {
    name: excel ? 'shopify-excel' : 'shopify',
    description: excel
      ? 'The Shopify Admin orders export after a round trip through Excel (opened, saved again as CSV), with the untouched products export beside it: 14 months, the same brand and quirks as the shopify case, plus what the spreadsheet does to the cells.'
      : 'Shopify Admin orders export ("Plain CSV file", 79 columns, one row per line item, newest first) with the products export beside it: an Indian design-led brand with an online shop, three Shopify POS stores, draft orders, its own apps and two app sales channels, 15 months, tax-inclusive INR.',
    files: {
      orders: excel
        ? // Saved by Excel: CRLF, as the CSV writer writes it.
          { name: 'orders_export_1 (excel).csv', text: csvText(SHOPIFY_ORDER_HEADER, rows) }
        : {
            name: 'orders_export_1.csv',
            text: withLf(withQuotedEmpties(csvText(SHOPIFY_ORDER_HEADER, rows))),
          },
      products: { name: 'products_export_1.csv', text: productsCsv(b.catalog) },
    },
    options: [],
    quirks: [
      ...(excel
        ? [
            'The file went through Excel: true/false are TRUE/FALSE, amounts lost their trailing zeros (1450, 1450.5, 0), empty cells are no longer written "", and lines end in CRLF.',
            'Phone, Billing Phone and Shipping Phone written +91XXXXXXXXXX became 9.19876E+11 (six significant digits, unrecoverable); every customer here has an e-mail, so no key depends on them.',
            'Created at, Paid at and the other timestamps stay text ("2025-10-07 09:50:26 +0530") because of the offset; zip codes keep their apostrophe.',
          ]
        : []),
      'Order-level fields (Financial Status, Subtotal, Total, Discount Code, Discount Amount, Source, Location, Tags, addresses, taxes, Cancelled at) are on the first line of an order only; Name, Email, Created at, Phone, Vendor and the Lineitem columns are on every line.',
      "Discount Amount is the order's whole discount: Lineitem discount carries automatic discounts on some lines, and the rest (a discount code) is on no line, with Lineitem discount 0.00.",
      'Subtotal is after discounts and before shipping; Total is Subtotal plus shipping because prices include GST, which Taxes and the Tax N columns only report (CGST/SGST within Maharashtra or Karnataka, IGST elsewhere).',
      'Financial Status takes paid, pending, authorized, partially_paid, partially_refunded, refunded, voided and expired; cancelled orders have Cancelled at set whatever their financial status, including two still marked paid.',
      'Cash-on-delivery orders say "Cash on Delivery (COD)" and stay pending, with an Outstanding Balance, until the cash is reconciled; RTO cancellations are voided.',
      'Partially refunded orders keep their original Subtotal and Total; Refunded Amount holds the merchandise refunded.',
      'Source is web, pos, shopify_draft_order, iphone, android or a numeric app id (2329312, 4383523); POS orders carry the store in Location, with Employee and Device ID.',
      excel
        ? 'Some walk-in POS orders and two draft orders have neither Email nor Phone (guests).'
        : 'Some walk-in POS orders and two draft orders have neither Email nor Phone (guests); some customers have no e-mail and are known by Phone (+91…) only.',
      "The same customer's e-mail is written with different case or a leading or trailing space on different orders.",
      'About one product in eight has no SKU, so its lines have an empty Lineitem sku and match the products export by the title Lineitem name starts with ("Title - Colour / Size").',
      "Zip codes carry a leading apostrophe ('400050), and some Billing Phone values are written '+91 98xxx xxxxx.",
      excel
        ? 'Notes and Note Attributes hold quoted multi-line text with embedded quotes.'
        : 'Notes and Note Attributes hold quoted multi-line text with embedded quotes; some empty fields are written "" as Shopify writes them; lines end in LF.',
      "The products export has Title, Type, Vendor and the other product fields on the first row of each Handle only, variant rows and extra image rows (no SKU, no price) below it; the brand's category is Type, not Product Category.",
      'Categories include "+Plus Size" (starts with +) and "Bags, Pouches & Totes" (holds a comma).',
    ],
    ledger,
    personalValues: personal,
    fileSubtotalPaise: fileSubtotal,
    customersFile: null,
  };
}

/** The trimmed Shopify-shaped file: Discount Amount, the order's total discount, on its first line only. */
export function generateShopifyLite(seed: number): GeneratedCase {
  const startIso = '2025-09-01';
  const cfg: ShopifyConfig = {
    seed,
    stream: 200,
    people: 360,
    startIso,
    days: 365,
    categories: LITE_CATEGORIES,
    phoneOnlyShare: 0,
    walkIns: 24,
    lite: true,
  };
  const b = build(cfg);
  const personal: string[] = [];
  const ledger: LedgerOrder[] = [];
  const rows: CsvValue[][] = [];
  for (const o of [...b.orders].reverse()) {
    ledger.push(ledgerOf(o, startIso, true));
    const discount = o.lines.reduce((s, l) => s + l.lineDiscount, 0) + o.codeDiscount;
    const created = createdAt(startIso, o);
    o.lines.forEach((l, i) => {
      rows.push([
        o.name,
        o.emailWritten,
        created,
        l.qty,
        lineItemName(l.product, l.variant),
        rupees(l.variant.pricePaise),
        l.variant.sku,
        i === 0 ? rupees(discount) : '',
        i === 0 ? o.financial : '',
        i === 0 ? o.source : '',
        l.product.category,
      ]);
    });
    if (o.emailWritten) personal.push(o.emailWritten);
  }
  return {
    name: 'shopify-lite',
    description:
      "A trimmed Shopify-shaped orders file (11 columns: the ones an analyst keeps from the orders export plus the line's product type an export app adds), 12 months, one row per line item.",
    files: {
      // Kept in a spreadsheet and saved again: CRLF line ends, as the CSV writer writes them.
      orders: { name: 'orders_lite.csv', text: csvText(SHOPIFY_LITE_HEADER, rows) },
    },
    options: [],
    quirks: [
      "Discount Amount is the order's total discount and is written on the first line only; it must be spread over the order's lines (applied to the first line alone, dozens of lines go negative).",
      'Financial Status and Source are on the first line only; Name, Email and Created at repeat on every line.',
      'Financial Status is paid, pending (cash on delivery not yet collected), refunded or voided; there is no Cancelled at or payment method column.',
      'Source is web, pos, shopify_draft_order, iphone, android or a numeric app id; walk-in POS orders have no Email.',
      'Lineitem price is the tax-inclusive unit price; there is no per-line amount column.',
      'The product type column is named Lineitem Product Type; its values include "+Plus Size" and "Bags, Pouches & Totes".',
      "The same customer's e-mail is written with different case or stray spaces on different orders.",
    ],
    ledger,
    personalValues: personal,
    fileSubtotalPaise: null,
    customersFile: null,
  };
}
