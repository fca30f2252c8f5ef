/**
 * A Shopify orders export read as Shopify means it, on a small file whose every figure was worked
 * out by hand (in the comments): order-level fields on the first line only, discounts counted once,
 * refunds netted, voided, cancelled and refunded orders and guests left out, categories from the
 * products export.
 */
import { describe, expect, it } from 'vitest';
import { readProductsCsv } from './products-csv';
import { readOrdersCsv } from './read-orders-csv';
import { reconciles } from './reconciliation';

const HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing Phone,Notes,Cancelled at,Payment Method,Refunded Amount,Vendor,Location,Id,Source,Lineitem discount,Phone';

/** One row: the order-level cells only where given (Shopify writes them on an order's first line). */
function row(cells: Record<string, string>): string {
  return HEADER.split(',')
    .map((h) => {
      // Shopify writes the line's vendor on every line.
      const v = cells[h] ?? (h === 'Vendor' ? 'House Label' : '');
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

const ORDERS = [
  HEADER,
  // #1001, paid: a code worth 100.00 over lines of 3,000 and 1,000 → 75 and 25; nets 2,925 + 975 = 3,900.
  row({
    Name: '#1001',
    Email: 'Asha@x.in',
    'Financial Status': 'paid',
    Currency: 'INR',
    Subtotal: '3900.00',
    Total: '3900.00',
    'Discount Code': 'WELCOME',
    'Discount Amount': '100.00',
    'Created at': '2025-01-05 10:00:00 +0530',
    'Lineitem quantity': '2',
    'Lineitem name': 'Percale Bedsheet - Queen',
    'Lineitem price': '1500.00',
    'Lineitem sku': 'BL-1-Q',
    'Billing Name': 'Asha Rao',
    Notes: 'Gift wrap, please\nand a card',
    'Payment Method': 'Razorpay',
    'Refunded Amount': '0.00',
    Vendor: 'House Label',
    Id: '5550001',
    Source: 'web',
    'Lineitem discount': '0.00',
  }),
  row({
    Name: '#1001',
    Email: 'Asha@x.in',
    'Created at': '2025-01-05 10:00:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Soy Candle',
    'Lineitem price': '1000.00',
    'Lineitem sku': 'CN-1',
    Vendor: 'House Label',
    'Lineitem discount': '0.00',
  }),
  // #1002, the same customer (e-mail in other case), in store: line discount 200 on the kurta
  // (net 1,800) and plates 1,200; 500 refunded, spread 1,800 : 1,200 → 300 and 200; net 2,500.
  row({
    Name: '#1002',
    Email: 'asha@x.in',
    'Financial Status': 'partially_refunded',
    Subtotal: '3000.00',
    'Discount Amount': '200.00',
    'Created at': '2025-02-10 18:30:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Chikan Kurta - M',
    'Lineitem price': '2000.00',
    'Lineitem sku': 'KU-1-M',
    'Refunded Amount': '500.00',
    Location: 'Bandra Store',
    Source: 'pos',
    'Lineitem discount': '200.00',
  }),
  row({
    Name: '#1002',
    Email: 'asha@x.in',
    'Created at': '2025-02-10 18:30:00 +0530',
    'Lineitem quantity': '2',
    'Lineitem name': 'Stoneware Plate',
    'Lineitem price': '600.00',
    'Lineitem sku': 'DW-1',
    'Lineitem discount': '0.00',
  }),
  // #1003: cash on delivery not yet paid, from a sales channel written as an app id: counted, 800.
  row({
    Name: '#1003',
    Email: 'b@x.in',
    'Financial Status': 'pending',
    Subtotal: '800.00',
    'Created at': '2025-03-01 12:00:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Soy Candle',
    'Lineitem price': '800.00',
    'Lineitem sku': 'CN-1',
    'Payment Method': 'Cash on Delivery (COD)',
    Source: '580111',
  }),
  // #1004 voided (500), #1005 cancelled (1,200), #1008 refunded in full (700): not sales.
  row({
    Name: '#1004',
    Email: 'c@x.in',
    'Financial Status': 'voided',
    Subtotal: '500.00',
    'Created at': '2025-03-02 09:00:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Soy Candle',
    'Lineitem price': '500.00',
    'Lineitem sku': 'CN-1',
    Source: 'web',
  }),
  row({
    Name: '#1005',
    Email: 'b@x.in',
    'Financial Status': 'refunded',
    Subtotal: '1200.00',
    'Created at': '2025-03-03 09:00:00 +0530',
    'Cancelled at': '2025-03-04 10:00:00 +0530',
    'Refunded Amount': '1200.00',
    'Lineitem quantity': '2',
    'Lineitem name': 'Stoneware Plate',
    'Lineitem price': '600.00',
    'Lineitem sku': 'DW-1',
    Source: 'web',
  }),
  // #1006: no e-mail, a phone: a customer by phone number; a draft order (online); no SKU, so the
  // category comes from the product title the line name starts with. 2,500.
  row({
    Name: '#1006',
    'Financial Status': 'paid',
    Subtotal: '2500.00',
    'Created at': '2025-03-20 16:45:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Festive Hamper - Large',
    'Lineitem price': '2500.00',
    Source: 'shopify_draft_order',
    Phone: '+91 98765 43210',
    'Billing Phone': '+91 98765 43210',
  }),
  // #1007: neither e-mail nor phone: a guest (300).
  row({
    Name: '#1007',
    'Financial Status': 'paid',
    Subtotal: '300.00',
    'Created at': '2025-03-21 11:00:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Soy Candle',
    'Lineitem price': '300.00',
    'Lineitem sku': 'CN-1',
    Location: 'Bandra Store',
    Source: 'pos',
  }),
  row({
    Name: '#1008',
    Email: 'c@x.in',
    'Financial Status': 'refunded',
    Subtotal: '700.00',
    'Refunded Amount': '700.00',
    'Created at': '2025-03-22 11:00:00 +0530',
    'Lineitem quantity': '1',
    'Lineitem name': 'Stoneware Plate',
    'Lineitem price': '700.00',
    'Lineitem sku': 'DW-1',
    Source: 'web',
  }),
].join('\n');

const PRODUCTS = [
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status',
  'percale-bedsheet,Percale Bedsheet,<p>Soft</p>,House Label,Home & Garden > Linens & Bedding,Bed Linen,,true,Size,Queen,BL-1-Q,1500,active',
  'percale-bedsheet,,,,,,,,,King,BL-1-K,1800,',
  'soy-candle,Soy Candle,,House Label,,Candles,,true,Title,Default Title,CN-1,1000,active',
  'chikan-kurta,Chikan Kurta,,House Label,,Kurtas,,true,Size,M,KU-1-M,2000,active',
  'chikan-kurta,,,,,,,,,L,KU-1-L,2000,',
  'stoneware-plate,Stoneware Plate,,House Label,Home & Garden > Kitchen & Dining > Tableware > Dinnerware,,,true,Title,Default Title,DW-1,600,active',
  'festive-hamper,Festive Hamper,,House Label,,"Gift Sets, Hampers",,true,Size,Large,,2500,active',
].join('\n');

describe('a Shopify orders export with its products export', () => {
  const products = readProductsCsv('products_export_1.csv', PRODUCTS);
  const { log, report } = readOrdersCsv(ORDERS, { file: 'orders_export_1.csv', products, maxBadShare: 0 });
  const revenue = (o: number) => log.orderGross[o]! - log.orderDiscount[o]!;

  it('is recognised as Shopify, and no row is bad', () => {
    expect(report.platform).toBe('shopify');
    expect(report.rowsRead).toBe(10);
    expect(report.rowsSkipped).toBe(0);
    expect(report.columns).toMatchObject({
      order_id: 'Name',
      customer_id: 'Email',
      unit_price: 'Lineitem price',
      order_discount: 'Discount Amount',
      refunded: 'Refunded Amount',
      status: 'Financial Status',
      channel: 'Source',
    });
  });

  it('counts the sales: #1001, #1002, #1003 and #1006, for three people (one e-mail in two cases)', () => {
    expect(report.orders).toBe(4);
    expect(report.customers).toBe(3);
    expect(log.customerIds).toEqual(['asha@x.in', 'b@x.in', '+919876543210']);
    expect(report.customerKeys).toEqual({ email: 2, phone: 1, id: 0, merged: 1 });
    // Orders by customer, then time: Asha's #1001 and #1002, then #1003, then #1006.
    expect(Array.from(log.customerOrderStart)).toEqual([0, 2, 3, 4]);
    expect([0, 1, 2, 3].map(revenue)).toEqual([3900, 2500, 800, 2500]);
    expect(Array.from(log.orderDiscount)).toEqual([100, 200, 0, 0]);
  });

  it('spreads the code’s discount and the partial refund over the lines in proportion', () => {
    const lines = Array.from(log.lineNet);
    expect(lines).toEqual([2925, 975, 1500, 1000, 800, 2500]);
  });

  it('reads the channel from Source and Location, and reports app ids and cash on delivery', () => {
    expect(Array.from(log.orderChannel)).toEqual([1, 0, 1, 1]);
    expect(report.appSources).toEqual({ '580111': 1 });
    expect(report.pendingOrders).toEqual({ cashOnDelivery: 1, other: 0 });
  });

  it('takes categories from the products file by SKU, by title, and from the product category path', () => {
    expect(log.categories.map((c) => c.name)).toEqual([
      'Bed Linen',
      'Candles',
      'Dinnerware',
      'Gift Sets, Hampers',
      'Kurtas',
    ]);
    expect(report.linesWithoutProduct).toBe(0);
    expect(report.categorySource).toContain('products_export_1.csv');
  });

  it('accounts for every rupee: 12,900 in the file, 2,700 not sales, 500 refunded, 9,700 in the tables', () => {
    const r = report.reconciliation;
    expect(r.file_paise).toBe(1_290_000);
    expect(r.file_subtotal_paise).toBe(1_290_000);
    expect(r.excluded).toEqual({
      cancelled: { orders: 1, paise: 120_000 },
      voided: { orders: 1, paise: 50_000 },
      refunded: { orders: 1, paise: 70_000 },
      unpaid: { orders: 0, paise: 0 },
      guest: { orders: 1, paise: 30_000 },
    });
    expect(r.refunds_paise).toBe(50_000);
    expect(r.tables_paise).toBe(970_000);
    expect(reconciles(r)).toBe(true);
    expect(report.warnings.join(' ')).not.toMatch(/subtotals .* add up/);
  });

  it('quotes no customer key in anything it reports', () => {
    const text = JSON.stringify(report);
    for (const personal of ['asha@x.in', 'Asha@x.in', 'b@x.in', 'c@x.in', '98765', 'Asha Rao'])
      expect(text).not.toContain(personal);
  });

  it('without a products file, takes the Vendor column as the category and says so', () => {
    const plain = readOrdersCsv(ORDERS, { file: 'orders_export_1.csv' });
    expect(plain.report.categorySource).toContain('Vendor');
    expect(plain.report.warnings.join(' ')).toContain(
      'has no product category: categories are its Vendor column',
    );
    expect(plain.log.categories.map((c) => c.name)).toEqual(['House Label']);
    expect(plain.report.reconciliation.tables_paise).toBe(970_000);
  });
});
