import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateCorpusWithLedgers } from './generate';
import { generateShopifyLite, SHOPIFY_EVERY_LINE, SHOPIFY_ORDER_HEADER } from './shopify';
import type { CorpusCase, CorpusTruth, LedgerOrder } from './types';
import { toCase } from './util';

const generated = generateCorpusWithLedgers();
const cases = generated.map(toCase);
const byName = (name: string) => cases.find((c) => c.name === name)!;
const ledgerOf = (name: string) => generated.find((g) => g.name === name)!.ledger;

const parsedRows = new Map<string, string[][]>();

/** A file's rows, header first (parsed once per file). */
function parse(text: string): string[][] {
  let rows = parsedRows.get(text);
  if (!rows) {
    const out = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(out.errors).toEqual([]);
    rows = out.data;
    parsedRows.set(text, rows);
  }
  return rows;
}

const parsed = new Map<string, Array<Record<string, string>>>();

/** Rows as objects of the header's names (parsed once per file). */
function records(text: string): Array<Record<string, string>> {
  let out = parsed.get(text);
  if (!out) {
    const [header, ...rows] = parse(text);
    out = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
    parsed.set(text, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Independent helpers (deliberately not the generator's): money, phone keys, pro-rata shares.

/** "1,23,456.50", "-2,450.00", "1450.00" → paise. */
function paise(text: string): number {
  const t = text.replace(/,/g, '').trim();
  if (!t) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) throw new Error(`not an amount: ${text}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

function phoneKey(raw: string): string {
  const digits = raw.replace(/[^0-9]/g, '');
  const ten =
    digits.length === 12 && digits.slice(0, 2) === '91'
      ? digits.slice(2)
      : digits.length === 11 && digits[0] === '0'
        ? digits.slice(1)
        : digits;
  if (ten.length !== 10) throw new Error(`not a mobile: ${raw}`);
  return `+91${ten}`;
}

/** Largest-remainder split of `total` by `weights` (ties to the earlier index), written apart from the generator's. */
function prorate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const base = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - base.reduce((a, b) => a + b, 0);
  const rank = weights.map((w, i) => ({ i, r: (total * w) % sum })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of rank) {
    if (left-- <= 0) break;
    base[i]!++;
  }
  return base;
}

interface ReadOrder {
  id: string;
  rawKey: string | null;
  key: string | null;
  day: string;
  channel: 'online' | 'inStore';
  fate: string;
  pending: boolean;
  pendingCod: boolean;
  appSource?: string;
  lines: Array<{ category: string; net: number }>;
}

/** The figures a correct reader must report, from orders read out of a file. */
function figures(orders: ReadOrder[]) {
  const counted = orders.filter((o) => o.fate === 'counted');
  const keys = new Set(counted.map((o) => o.key!));
  const perKey = new Map<string, number>();
  for (const o of counted) perKey.set(o.key!, (perKey.get(o.key!) ?? 0) + 1);
  const days = counted.map((o) => o.day).sort();
  const excluded: Record<string, number> = {
    cancelled: 0,
    voided: 0,
    refundedInFull: 0,
    guest: 0,
    returns: 0,
    unpaid: 0,
  };
  for (const o of orders) if (o.fate !== 'counted') excluded[o.fate === 'return' ? 'returns' : o.fate]!++;
  const appSources: Record<string, number> = {};
  for (const o of counted) if (o.appSource) appSources[o.appSource] = (appSources[o.appSource] ?? 0) + 1;
  return {
    customers: keys.size,
    repeatCustomers: [...perKey.values()].filter((n) => n > 1).length,
    orders: counted.length,
    lines: counted.reduce((s, o) => s + o.lines.length, 0),
    netRevenuePaise: counted.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.net, 0), 0),
    excluded,
    pendingOrders: counted.filter((o) => o.pending).length,
    pendingCodOrders: counted.filter((o) => o.pendingCod).length,
    keyMerges: new Set(counted.map((o) => o.rawKey!)).size - keys.size,
    firstDay: days[0],
    lastDay: days[days.length - 1],
    ordersByChannel: {
      online: counted.filter((o) => o.channel === 'online').length,
      inStore: counted.filter((o) => o.channel === 'inStore').length,
    },
    appSources: Object.fromEntries(Object.entries(appSources).sort()),
    categories: [...new Set(counted.flatMap((o) => o.lines.map((l) => l.category)))].sort(),
    revenueByCategoryPaise: Object.fromEntries(
      Object.entries(
        counted
          .flatMap((o) => o.lines)
          .reduce<Record<string, number>>(
            (acc, l) => ({ ...acc, [l.category]: (acc[l.category] ?? 0) + l.net }),
            {},
          ),
      ).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    ),
  };
}

function expectFigures(orders: ReadOrder[], truth: CorpusTruth): void {
  const f = figures(orders);
  expect(f).toEqual({
    customers: truth.customers,
    repeatCustomers: truth.repeatCustomers,
    orders: truth.orders,
    lines: truth.lines,
    netRevenuePaise: truth.netRevenuePaise,
    excluded: truth.excluded,
    pendingOrders: truth.pendingOrders,
    pendingCodOrders: truth.pendingCodOrders,
    keyMerges: truth.keyMerges,
    firstDay: truth.firstDay,
    lastDay: truth.lastDay,
    ordersByChannel: truth.ordersByChannel,
    appSources: truth.appSources,
    categories: truth.categories,
    revenueByCategoryPaise: truth.revenueByCategoryPaise,
  });
}

/** Groups rows by an id column, keeping the file's order. */
function group(rows: Array<Record<string, string>>, id: string): Array<Array<Record<string, string>>> {
  const map = new Map<string, Array<Record<string, string>>>();
  for (const r of rows) {
    const list = map.get(r[id]!) ?? [];
    list.push(r);
    map.set(r[id]!, list);
  }
  return [...map.values()];
}

// ---------------------------------------------------------------------------------------------
// Reference readers, one per format, following FORMATS.md.

function readShopify(c: CorpusCase): ReadOrder[] {
  const products = records(c.files.products!.text);
  const typeBySku = new Map<string, string>();
  const typeByTitle: Array<[string, string]> = [];
  let type = '';
  let handle = '';
  for (const p of products) {
    if (p.Handle !== handle) {
      handle = p.Handle!;
      type = p.Type!;
      typeByTitle.push([p.Title!, type]);
    }
    if (p['Variant SKU']) typeBySku.set(p['Variant SKU'], type);
  }
  const categoryOf = (sku: string, name: string) =>
    typeBySku.get(sku) ?? typeByTitle.find(([t]) => name === t || name.startsWith(`${t} - `))?.[1] ?? '?';
  return group(records(c.files.orders.text), 'Name').map((rows) => {
    const first = rows[0]!;
    const status = first['Financial Status']!;
    const email = first.Email!;
    const phone = first.Phone!;
    const fate = first['Cancelled at']
      ? 'cancelled'
      : status === 'voided' || status === 'expired'
        ? 'voided'
        : status === 'refunded'
          ? 'refundedInFull'
          : !email.trim() && !phone
            ? 'guest'
            : 'counted';
    const gross = rows.map((r) => paise(r['Lineitem price']!) * Number(r['Lineitem quantity']));
    const lineDisc = rows.map((r) => paise(r['Lineitem discount']!));
    const orderDisc = paise(first['Discount Amount']!) - lineDisc.reduce((a, b) => a + b, 0);
    const before = gross.map((g, i) => g - lineDisc[i]!);
    const shares = orderDisc > 0 ? prorate(orderDisc, before) : before.map(() => 0);
    const nets = before.map((b, i) => b - shares[i]!);
    const refund = status === 'partially_refunded' ? paise(first['Refunded Amount']!) : 0;
    const refunds = refund > 0 ? prorate(refund, nets) : nets.map(() => 0);
    const source = first.Source!;
    return {
      id: first.Name!,
      rawKey: email || phone || null,
      key: email.trim() ? email.trim().toLowerCase() : phone ? phoneKey(phone) : null,
      day: first['Created at']!.slice(0, 10),
      channel: source === 'pos' && first.Location ? 'inStore' : 'online',
      fate,
      pending: status === 'pending',
      pendingCod: status === 'pending' && first['Payment Method'] === 'Cash on Delivery (COD)',
      appSource: /^\d+$/.test(source) ? source : undefined,
      lines: rows.map((r, i) => ({
        category: categoryOf(r['Lineitem sku']!, r['Lineitem name']!),
        net: nets[i]! - refunds[i]!,
      })),
    };
  });
}

function readShopifyLite(c: CorpusCase): ReadOrder[] {
  return group(records(c.files.orders.text), 'Name').map((rows) => {
    const first = rows[0]!;
    const status = first['Financial Status']!;
    const gross = rows.map((r) => paise(r['Lineitem price']!) * Number(r['Lineitem quantity']));
    const discount = paise(first['Discount Amount']!);
    const shares = discount > 0 ? prorate(discount, gross) : gross.map(() => 0);
    const email = first.Email!;
    return {
      id: first.Name!,
      rawKey: email || null,
      key: email ? email.trim().toLowerCase() : null,
      day: first['Created at']!.slice(0, 10),
      channel: first.Source === 'pos' ? 'inStore' : 'online',
      fate:
        status === 'voided'
          ? 'voided'
          : status === 'refunded'
            ? 'refundedInFull'
            : email
              ? 'counted'
              : 'guest',
      pending: status === 'pending',
      pendingCod: false,
      appSource: /^\d+$/.test(first.Source!) ? first.Source : undefined,
      lines: rows.map((r, i) => ({ category: r['Lineitem Product Type']!, net: gross[i]! - shares[i]! })),
    };
  });
}

/** The old reader's mistake: the order's Discount Amount taken off its first line only. */
function readFirstLine(c: CorpusCase): ReadOrder[] {
  const orders = group(records(c.files.orders.text), 'Name');
  return readShopifyLite(c).map((o, i) => {
    const rows = orders[i]!;
    const gross = rows.map((r) => paise(r['Lineitem price']!) * Number(r['Lineitem quantity']));
    gross[0]! -= paise(rows[0]!['Discount Amount']!);
    return { ...o, lines: o.lines.map((l, k) => ({ ...l, net: gross[k]! })) };
  });
}

function readWoo(c: CorpusCase): ReadOrder[] {
  return group(records(c.files.orders.text), 'Order Number').map((rows) => {
    const first = rows[0]!;
    const status = first['Order Status']!;
    const items = rows.filter((r) => r['Item Name']);
    const nets = items.map((r) => paise(r['Item Cost']!) * Number(r['Quantity (- Refund)']));
    const fate =
      status === 'Cancelled' || status === 'Failed'
        ? 'cancelled'
        : status === 'Refunded'
          ? 'refundedInFull'
          : status === 'Pending payment'
            ? 'unpaid'
            : 'counted';
    const refund = fate === 'counted' ? paise(first['Order Refund Amount']!) : 0;
    const refunds = refund > 0 ? prorate(refund, nets) : nets.map(() => 0);
    return {
      id: first['Order Number']!,
      rawKey: first['Email (Billing)']!,
      key: first['Email (Billing)']!.trim().toLowerCase(),
      day: first['Order Date']!.slice(0, 10),
      channel: 'online',
      fate,
      pending: status === 'Processing' || status === 'On hold',
      pendingCod: status === 'Processing' && first['Payment Method Title'] === 'Cash on delivery',
      lines: items.map((r, i) => ({ category: r.Category!, net: nets[i]! - refunds[i]! })),
    };
  });
}

function readPos(c: CorpusCase): ReadOrder[] {
  return group(records(c.files.orders.text), 'Bill No').map((rows) => {
    const first = rows[0]!;
    const mobile = first['Mobile No']!;
    const d = first['Bill Date']!;
    const isReturn = rows.some((r) => Number(r.Qty) < 0);
    return {
      id: first['Bill No']!,
      rawKey: mobile || null,
      key: mobile ? phoneKey(mobile) : null,
      day: `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`,
      channel: first['Store/Online'] === 'Online' ? 'online' : 'inStore',
      fate: isReturn ? 'return' : mobile ? 'counted' : 'guest',
      pending: false,
      pendingCod: false,
      lines: rows.map((r) => ({ category: r.Department!, net: paise(r['Net Amount (₹)']!) })),
    };
  });
}

const READERS: Record<string, (c: CorpusCase) => ReadOrder[]> = {
  shopify: readShopify,
  'shopify-lite': readShopifyLite,
  woocommerce: readWoo,
  'pos-register': readPos,
  'shopify-excel': readShopify,
};

// ---------------------------------------------------------------------------------------------

describe('test corpus', () => {
  it('has the five cases, each with its quirks and no extra options', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'shopify',
      'shopify-lite',
      'woocommerce',
      'pos-register',
      'shopify-excel',
    ]);
    for (const c of cases) {
      expect(c.quirks.length).toBeGreaterThan(3);
      expect(c.options).toEqual([]);
    }
  });

  it('is deterministic: the same seed gives byte-identical files and truth, another seed other files', () => {
    const again = generateCorpusWithLedgers().map(toCase);
    expect(again.map((c) => c.name)).toEqual(cases.map((c) => c.name));
    again.forEach((c, i) => {
      const before = cases[i]!;
      for (const k of ['orders', 'products', 'customers', 'intents'] as const)
        expect(c.files[k]?.text === before.files[k]?.text, `${c.name} ${k}`).toBe(true);
      expect(JSON.stringify(c.truth)).toBe(JSON.stringify(before.truth));
      expect(JSON.stringify([c.description, c.quirks, c.options])).toBe(
        JSON.stringify([before.description, before.quirks, before.options]),
      );
    });
    const other = toCase(generateShopifyLite(7));
    expect(other.files.orders.text).not.toBe(byName('shopify-lite').files.orders.text);
  });

  it('every file parses as CSV to rows of its header width', () => {
    for (const c of cases) {
      for (const f of [c.files.orders, c.files.products, c.files.customers, c.files.intents]) {
        if (!f) continue;
        const [header, ...rows] = parse(f.text);
        expect(rows.length, f.name).toBeGreaterThan(10);
        expect(new Set(header).size, `${f.name} header has no duplicates`).toBe(header!.length);
        for (const r of rows) expect(r.length, f.name).toBe(header!.length);
      }
    }
    expect(parse(byName('shopify').files.orders.text)[0]).toEqual([...SHOPIFY_ORDER_HEADER]);
  });

  it.each(Object.keys(READERS))('%s: the file, read by its documented semantics, gives the truth', (name) => {
    const c = byName(name);
    expectFigures(READERS[name]!(c), c.truth);
  });

  it.each(Object.keys(READERS))('%s: the truth agrees with the ledger recounted by order totals', (name) => {
    const ledger = ledgerOf(name);
    const t = byName(name).truth;
    const counted = ledger.filter((o) => o.fate === 'counted');
    let net = 0;
    let discount = 0;
    let refunded = 0;
    const bad: string[] = [];
    for (const o of counted) {
      const gross = o.lines.reduce((s, l) => s + l.unitPaise * l.quantity, 0);
      const lineDisc = o.lines.reduce((s, l) => s + l.lineDiscountPaise, 0);
      net += gross - lineDisc - o.orderDiscountPaise - o.refundPaise;
      discount += lineDisc + o.orderDiscountPaise;
      refunded += o.refundPaise;
      if (o.lines.reduce((s, l) => s + l.orderDiscountSharePaise, 0) !== o.orderDiscountPaise)
        bad.push(`${o.id} discount shares`);
      if (o.lines.reduce((s, l) => s + l.refundSharePaise, 0) !== o.refundPaise)
        bad.push(`${o.id} refund shares`);
      for (const l of o.lines) {
        const lineNet =
          l.unitPaise * l.quantity - l.lineDiscountPaise - l.orderDiscountSharePaise - l.refundSharePaise;
        if (l.quantity <= 0 || l.orderDiscountSharePaise < 0 || l.refundSharePaise < 0 || lineNet <= 0)
          bad.push(`${o.id} line`);
      }
    }
    expect(bad).toEqual([]);
    expect(net).toBe(t.netRevenuePaise);
    expect(discount).toBe(t.discountPaise);
    expect(refunded).toBe(t.refundedPaise);
    const fates = (f: LedgerOrder['fate']) => ledger.filter((o) => o.fate === f).length;
    expect(t.excluded).toEqual({
      cancelled: fates('cancelled'),
      voided: fates('voided'),
      refundedInFull: fates('refundedInFull'),
      guest: fates('guest'),
      returns: fates('return'),
      unpaid: fates('unpaid'),
    });
    // Keys: recomputed from the key as written by the test's own normalisation.
    const keyOf = (raw: string) => (raw.includes('@') ? raw.trim().toLowerCase() : phoneKey(raw));
    expect(counted.filter((o) => keyOf(o.rawKey!) !== o.key).map((o) => o.id)).toEqual([]);
    expect(new Set(counted.map((o) => keyOf(o.rawKey!))).size).toBe(t.customers);
  });

  it.each(Object.keys(READERS))('%s: is large and long enough for the value model', (name) => {
    const t = byName(name).truth;
    expect(t.customers).toBeGreaterThanOrEqual(300);
    expect(t.repeatCustomers).toBeGreaterThanOrEqual(80);
    expect(t.historyWeeks).toBeGreaterThanOrEqual(40);
    expect(t.categories.length).toBeGreaterThanOrEqual(8);
    expect(t.categories.length).toBeLessThanOrEqual(25);
    expect(t.categories.some((x) => x.startsWith('+') || x.startsWith('-'))).toBe(true);
    expect(t.categories.some((x) => x.includes(','))).toBe(true);
    expect(t.keyMerges).toBeGreaterThan(0);
  });

  it('writes formula-like cells as the source systems do (no guard apostrophe)', () => {
    expect(byName('shopify').files.products!.text).toContain(',+Plus Size,');
    expect(byName('shopify-lite').files.orders.text).toContain(',+Plus Size\r\n');
    expect(byName('pos-register').files.orders.text).toContain(',-Sale-,');
    expect(byName('pos-register').files.orders.text).toContain(',+91 ');
    for (const c of cases) expect(c.files.orders.text).not.toContain(",'+Plus");
  });

  it('shopify: order-level columns on the first line only, the others on every line', () => {
    const orders = group(records(byName('shopify').files.orders.text), 'Name');
    let multi = 0;
    const wrong: string[] = [];
    for (const rows of orders) {
      if (rows.length < 2) continue;
      multi++;
      for (const r of rows.slice(1))
        for (const col of SHOPIFY_ORDER_HEADER) {
          const every = SHOPIFY_EVERY_LINE.has(col);
          if (every && !col.startsWith('Lineitem') && r[col] !== rows[0]![col])
            wrong.push(`${r.Name} ${col}`);
          if (!every && r[col] !== '') wrong.push(`${r.Name} ${col}`);
        }
    }
    expect(wrong).toEqual([]);
    expect(multi).toBeGreaterThan(200);
    const text = byName('shopify').files.orders.text;
    expect(text).not.toContain('\r\n');
    expect(text).toContain(",'4");
    const first = records(text).filter((r) => r['Financial Status']);
    const statuses = new Set(first.map((r) => r['Financial Status']));
    for (const s of [
      'paid',
      'pending',
      'partially_refunded',
      'refunded',
      'voided',
      'expired',
      'authorized',
      'partially_paid',
    ])
      expect(statuses.has(s), s).toBe(true);
    const sources = new Set(first.map((r) => r.Source));
    for (const s of ['web', 'pos', 'shopify_draft_order', 'iphone', 'android', '2329312', '4383523'])
      expect(sources.has(s), s).toBe(true);
    expect(first.some((r) => r['Cancelled at'] && r['Financial Status'] === 'paid')).toBe(true);
    expect(first.some((r) => r['Discount Code'] && r['Lineitem discount'] === '0.00')).toBe(true);
    expect(records(text).some((r) => r['Lineitem discount'] !== '0.00')).toBe(true);
    expect(records(text).some((r) => !r['Lineitem sku'])).toBe(true);
    expect(first.some((r) => r.Notes!.includes('\n') && r.Notes!.includes('"'))).toBe(true);
    expect(first.some((r) => !r.Email && r.Phone)).toBe(true);
    expect(byName('shopify').truth.fileSubtotalPaise).toBe(first.reduce((s, r) => s + paise(r.Subtotal!), 0));
  });

  it('shopify-excel: the cells as Excel saves them', () => {
    const c = byName('shopify-excel');
    const text = c.files.orders.text;
    expect(text).toContain('\r\n');
    expect(text).not.toMatch(/(^|,)""(,|\r\n)/m);
    expect(byName('shopify').files.orders.text).toMatch(/(^|,)""(,|\n)/m);
    const rows = records(text);
    expect(rows.some((r) => r['Lineitem requires shipping'] === 'TRUE')).toBe(true);
    expect(rows.some((r) => /^\d\.\d+E\+11$/.test(r.Phone!))).toBe(true);
    expect(rows.some((r) => r['Lineitem discount'] === '0')).toBe(true);
    expect(rows.every((r) => !/^\d+\.\d0$/.test(r['Lineitem price']!))).toBe(true);
    expect(rows.every((r) => !r.Phone || r.Email)).toBe(true);
  });

  it('shopify: counted subtotals less partial refunds are the net revenue', () => {
    const t = byName('shopify').truth;
    const counted = ledgerOf('shopify').filter((o) => o.fate === 'counted');
    expect(counted.reduce((s, o) => s + o.fileSubtotalPaise!, 0) - t.refundedPaise).toBe(t.netRevenuePaise);
  });

  it('shopify-lite: Discount Amount on the first line alone would turn many lines negative', () => {
    let negative = 0;
    for (const rows of group(records(byName('shopify-lite').files.orders.text), 'Name')) {
      const r = rows[0]!;
      if (paise(r['Lineitem price']!) * Number(r['Lineitem quantity']) - paise(r['Discount Amount']!) < 0)
        negative++;
      for (const x of rows.slice(1)) expect(x['Discount Amount']).toBe('');
    }
    expect(negative).toBeGreaterThanOrEqual(19);
    // Read that way, the total stays right but the category split no longer matches the truth.
    const firstLine = figures(readFirstLine(byName('shopify-lite')));
    expect(firstLine.netRevenuePaise).toBe(byName('shopify-lite').truth.netRevenuePaise);
    expect(firstLine.revenueByCategoryPaise).not.toEqual(byName('shopify-lite').truth.revenueByCategoryPaise);
  });

  it('woocommerce: order fields repeat on every row; a second coupon row can have no product', () => {
    const orders = group(records(byName('woocommerce').files.orders.text), 'Order Number');
    for (const rows of orders)
      for (const r of rows) expect(r['Order Total Amount']).toBe(rows[0]!['Order Total Amount']);
    expect(orders.some((rows) => rows.some((r) => !r['Item Name'] && r['Coupon Code'] === 'freeship'))).toBe(
      true,
    );
    expect(
      orders.some(
        (rows) => rows[0]!['Order Status'] === 'Refunded' && rows[0]!['Quantity (- Refund)'] === '0',
      ),
    ).toBe(true);
    const statuses = new Set(orders.map((rows) => rows[0]!['Order Status']));
    expect([...statuses].sort()).toEqual([
      'Cancelled',
      'Completed',
      'Failed',
      'On hold',
      'Pending payment',
      'Processing',
      'Refunded',
    ]);
  });

  it('pos-register: 2,000 steady customers with about six bills each, and its CRM', () => {
    const c = byName('pos-register');
    const t = c.truth;
    expect(t.customers).toBe(2000);
    expect(t.orders / t.customers).toBeGreaterThan(5);
    expect(t.orders / t.customers).toBeLessThan(7);
    const last = new Map<string, string>();
    for (const o of ledgerOf('pos-register'))
      if (o.fate === 'counted')
        last.set(o.key!, o.day > (last.get(o.key!) ?? '') ? o.day : last.get(o.key!)!);
    // Little visible dropout: nearly all customers bought again in the last nine months.
    const active = [...last.values()].filter((d) => d >= '2025-10-01').length;
    expect(active / last.size).toBeGreaterThan(0.85);
    expect(t.excluded.returns).toBeGreaterThan(50);
    expect(t.excluded.guest).toBeGreaterThan(50);
    expect(t.returnsPaise).toBeGreaterThan(0);
    const register = records(c.files.orders.text);
    expect(register.some((r) => /^\d{1,2},\d{2},\d{3}\.\d{2}$/.test(r['Net Amount (₹)']!))).toBe(true);
    const forms = new Set(
      register.filter((r) => r['Mobile No']).map((r) => r['Mobile No']!.replace(/\d/g, '9')),
    );
    expect(forms.size).toBeGreaterThanOrEqual(6);
    // The CRM file, recounted.
    const buyers = new Set(
      ledgerOf('pos-register')
        .filter((o) => o.fate === 'counted')
        .map((o) => o.key),
    );
    const crm = records(c.files.customers!.text);
    expect(t.customersFile).toEqual({
      rows: crm.length,
      matched: crm.filter((r) => buyers.has(phoneKey(r.Mobile!))).length,
      genderKnown: crm.filter((r) => r.Gender === 'Female' || r.Gender === 'Male').length,
      female: crm.filter((r) => r.Gender === 'Female').length,
      male: crm.filter((r) => r.Gender === 'Male').length,
      ageKnown: crm.filter((r) => r['Date of Birth']).length,
      matchedFemale: crm.filter((r) => r.Gender === 'Female' && buyers.has(phoneKey(r.Mobile!))).length,
      matchedMale: crm.filter((r) => r.Gender === 'Male' && buyers.has(phoneKey(r.Mobile!))).length,
      matchedAgeKnown: crm.filter((r) => r['Date of Birth'] && buyers.has(phoneKey(r.Mobile!))).length,
    });
    const crmForms = new Map(crm.map((r) => [phoneKey(r.Mobile!), r.Mobile!]));
    expect(
      register.some(
        (r) =>
          r['Mobile No'] &&
          crmForms.has(phoneKey(r['Mobile No'])) &&
          crmForms.get(phoneKey(r['Mobile No'])) !== r['Mobile No'],
      ),
    ).toBe(true);
  });

  it('lists every e-mail, phone and name written in the files among the personal values', () => {
    const placeholders = new Set(['Cash Customer', 'CASH CUSTOMER', 'Walk-in', 'Online']);
    const check = (c: CorpusCase, columns: string[], text: string) => {
      const values = new Set(c.truth.personalValues);
      const missing: string[] = [];
      for (const r of records(text))
        for (const col of columns) {
          const v = r[col]!.trim();
          if (v && !placeholders.has(v) && !values.has(v)) missing.push(`${c.name} ${col} ${v}`);
        }
      expect(missing).toEqual([]);
    };
    const shopify = byName('shopify');
    check(
      shopify,
      [
        'Email',
        'Phone',
        'Billing Name',
        'Billing Street',
        'Billing Address1',
        'Billing Phone',
        'Shipping Name',
        'Shipping Address1',
        'Employee',
      ],
      shopify.files.orders.text,
    );
    check(byName('shopify-lite'), ['Email'], byName('shopify-lite').files.orders.text);
    const excel = byName('shopify-excel');
    check(
      excel,
      ['Email', 'Phone', 'Billing Name', 'Billing Address2', 'Shipping Street', 'Shipping Phone'],
      excel.files.orders.text,
    );
    const woo = byName('woocommerce');
    check(
      woo,
      [
        'Email (Billing)',
        'Phone (Billing)',
        'First Name (Billing)',
        'Last Name (Billing)',
        'Address 1&2 (Billing)',
      ],
      woo.files.orders.text,
    );
    const pos = byName('pos-register');
    check(pos, ['Mobile No', 'Customer Name', 'Salesman'], pos.files.orders.text);
    check(pos, ['Customer Name', 'Mobile', 'Email', 'Address'], pos.files.customers!.text);
  });
});
