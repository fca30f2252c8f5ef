/**
 * What an order is when real exports bend the rules: an order's lines written apart, bill numbers
 * that restart, a till's stand-in customer, a walk-in's return bill, and WooCommerce taking refunded
 * items off the quantities. Every expected figure is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { readOrdersCsv } from './read-orders-csv';
import { reconciles } from './reconciliation';

const netOfOrder = (log: { orderGross: Float64Array; orderDiscount: Float64Array }) =>
  Array.from(log.orderGross, (g, o) => g - log.orderDiscount[o]!);

describe('a Shopify order whose lines are written apart', () => {
  const csv = [
    'Name,Email,Financial Status,Created at,Subtotal,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem discount,Vendor,Source',
    // #2001, first part: 1,000.00 with an order discount of 100.00 (order-level cells on this row only).
    '#2001,asha@x.in,paid,2025-03-01 10:00:00 +0530,2000.00,100.00,1,Kurta,1000.00,0.00,Apparel,web',
    // #2002 between the two parts: 500.00.
    '#2002,b@x.in,paid,2025-03-01 11:00:00 +0530,500.00,0.00,1,Candle,500.00,0.00,Home,web',
    // #2001, second part: 1,000.00 more; the discount is not taken again.
    '#2001,asha@x.in,,2025-03-01 10:00:00 +0530,,,1,Dupatta,1000.00,0.00,Apparel,web',
    // #2003, voided, in two parts around #2004 (300.00): both parts of 700.00 + 800.00 are left out.
    '#2003,b@x.in,voided,2025-03-02 09:00:00 +0530,1500.00,0.00,1,Saree,700.00,0.00,Apparel,web',
    '#2004,b@x.in,paid,2025-03-02 09:30:00 +0530,300.00,0.00,1,Mug,300.00,0.00,Home,web',
    '#2003,b@x.in,,2025-03-02 09:00:00 +0530,,,1,Shawl,800.00,0.00,Apparel,web',
  ].join('\n');
  const { log, report } = readOrdersCsv(csv, { file: 'orders_export_1.csv', maxBadShare: 0 });

  it('reads the two parts as one order, its discount counted once', () => {
    expect(report.platform).toBe('shopify');
    // asha: #2001 = 2,000 − 100; b: #2002 = 500, #2004 = 300.
    expect(log.customerIds).toEqual(['asha@x.in', 'b@x.in']);
    expect(report.orders).toBe(3);
    expect(netOfOrder(log)).toEqual([1900, 500, 300]);
    expect(Array.from(log.orderDiscount)).toEqual([100, 0, 0]);
    expect(report.warnings.join(' ')).not.toMatch(/came back/);
  });

  it('leaves both parts of the voided order out, and the money reconciles', () => {
    const r = report.reconciliation;
    expect(r.excluded.voided).toEqual({ orders: 1, paise: 150_000 });
    // Lines 1,000 − 100 + 500 + 1,000 + 700 + 300 + 800 = 4,200.
    expect(r.file_paise).toBe(420_000);
    expect(r.tables_paise).toBe(270_000);
    expect(reconciles(r)).toBe(true);
  });
});

describe('a POS register whose bill numbers restart and whose till has a stand-in customer', () => {
  const csv = [
    'Bill No,Bill Date,Mobile No,Customer Name,Item Name,Department,Qty,Net Amount (₹),Store/Online',
    // Store 1's bill 1 for Asha, 600.00.
    '1,05-01-2025,9876543210,Asha Rao,Candle,Home,1,600.00,Store',
    // Store 2's bill 1, the same day, for Ravi: another order, 900.00.
    '1,05-01-2025,9123456789,Ravi Iyer,Mug,Home,2,900.00,Store',
    // Bill 1 again next year, for Asha: a third order, 400.00.
    '1,04-01-2026,9876543210,Asha Rao,Coaster,Home,1,400.00,Store',
    // The till's stand-in mobile and name: a walk-in, not the biggest customer (2,000.00 left out).
    '2,06-01-2025,9999999999,Cash Customer,Saree,Apparel,1,2000.00,Store',
    // A walk-in's return bill (−250.00): a return, not a sale.
    'R-1,07-01-2025,,Walk-in,Candle,Home,-1,-250.00,Store',
  ].join('\n');
  const { log, report } = readOrdersCsv(csv, { file: 'bills.csv', maxBadShare: 0 });

  it('reads a reused bill number for another customer or day as an order of its own, and says so', () => {
    expect(log.customerIds).toEqual(['+919876543210', '+919123456789']);
    expect(report.orders).toBe(3);
    // Per customer, in date order: Asha 600 then 400, Ravi 900.
    expect(netOfOrder(log)).toEqual([600, 400, 900]);
    expect(report.warnings.join(' ')).toMatch(
      /2 order numbers of bills\.csv came back for another customer or day/,
    );
  });

  it('keeps a bill whose lines write the same mobile two ways as one order', () => {
    const oneBill = [
      'Bill No,Bill Date,Mobile No,Item Name,Department,Qty,Net Amount (₹),Store/Online',
      '7,05-01-2025,98765 43210,Candle,Home,1,600.00,Store',
      '7,05-01-2025,+91-98765-43210,Mug,Home,1,400.00,Store',
    ].join('\n');
    const read = readOrdersCsv(oneBill, { file: 'bills.csv', maxBadShare: 0 });
    expect(read.report.orders).toBe(1);
    expect(netOfOrder(read.log)).toEqual([1000]);
  });

  it('reads the stand-in customer and the return bill as guests, and the money reconciles', () => {
    const r = report.reconciliation;
    // The stand-in's sale and the walk-in's return bill (no sale in it).
    expect(r.excluded.guest).toEqual({ orders: 2, paise: 200_000 });
    expect(r.returns_paise).toBe(25_000);
    // 600 + 900 + 400 + 2,000 − 250 = 3,650.
    expect(r.file_paise).toBe(365_000);
    expect(r.tables_paise).toBe(190_000);
    expect(reconciles(r)).toBe(true);
  });
});

describe('a WooCommerce export whose refunds are taken off the quantities', () => {
  const csv = [
    'Order Number,Order Status,Order Date,Email (Billing),Item Name,SKU,Category,Quantity (- Refund),Item Cost,Order Refund Amount,Cart Discount Amount,Payment Method Title',
    // 101: the candle (500.00) refunded, so its quantity reads 0; the refund is not taken off again.
    '101,Completed,2025-02-01 12:00,asha@x.in,Kurta,KU-1,Apparel,1,1500.00,500.00,0,UPI',
    '101,Completed,2025-02-01 12:00,asha@x.in,Candle,CN-1,Home,0,500.00,500.00,0,UPI',
    // 102: a refund of 300.00 with every quantity kept (a goodwill refund): netted, 2 × 1,000 − 300.
    '102,Completed,2025-02-03 12:00,asha@x.in,Saree,SA-1,Apparel,2,1000.00,300.00,0,UPI',
  ].join('\n');
  const { log, report } = readOrdersCsv(csv, { file: 'woo.csv', maxBadShare: 0 });

  it('does not take a refund off twice, and nets one the quantities do not show', () => {
    expect(report.platform).toBe('woocommerce');
    expect(netOfOrder(log)).toEqual([1500, 1700]);
    expect(report.reconciliation.refunds_paise).toBe(30_000);
    expect(report.reconciliation.tables_paise).toBe(320_000);
    expect(reconciles(report.reconciliation)).toBe(true);
    expect(report.warnings.join(' ')).toMatch(/1 order took their refunded items off the quantities/);
  });
});
