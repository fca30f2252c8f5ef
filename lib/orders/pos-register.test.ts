/**
 * An Indian POS bill register read without any hand mapping: the currency in the amount column's
 * name, a mobile number as the customer, the date named after the bill, a channel column named
 * after its two values, lakh-grouped amounts, day-first dates, a walk-in bill and a return bill.
 * Every expected figure is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { readOrdersCsv } from './read-orders-csv';
import { reconciles } from './reconciliation';

const REGISTER = [
  'Bill No,Bill Date,Mobile No,Customer Name,Item Code,Item Name,Department,Qty,MRP (₹),Disc Amt (₹),Net Amount (₹),Store/Online',
  // B-001: 2,249.00 + 1,598.00 = 3,847.00, with 250.00 of discount.
  'B-001,05-01-2025 11:15,98765 43210,Asha Rao,KU-01,Chikan Kurta,Kurtas,1,"2,499.00",250.00,"2,249.00",Store',
  'B-001,05-01-2025 11:15,98765 43210,Asha Rao,DU-02,Mul Dupatta,Dupattas,2,799.00,0.00,"1,598.00",Store',
  // B-002: the same mobile written another way: 12,500.00 online.
  'B-002,12-01-2025 19:40,+91-98765-43210,Asha Rao,SA-09,Banarasi Saree,Sarees,1,"12,500.00",0.00,"12,500.00",Online',
  // B-003: a walk-in bill with no mobile (450.00): not a customer's order.
  'B-003,13-01-2025 12:05,,Cash Customer,CN-01,Soy Candle,Candles,1,450.00,0.00,450.00,Store',
  // a return bill (2,249.00), its own bill number.
  'R-001,14-01-2025 17:00,9876543210,Asha Rao,KU-01,Chikan Kurta,Kurtas,-1,"2,499.00",250.00,"-2,249.00",Store',
  // B-004 and B-005: one person, with and without the leading 0: 1,197.00 and 1,23,456.50 (lakh grouping).
  'B-004,15-01-2025 10:30,09123456789,R. Iyer,CN-01,Soy Candle,Candles,3,399.00,0.00,"1,197.00",Store',
  'B-005,28-02-2025 20:10,9123456789,R. Iyer,SA-11,Kanjivaram Saree,Sarees,2,"61,728.25",0.00,"1,23,456.50",Online',
].join('\r\n');

describe('an Indian POS bill register', () => {
  const { log, report } = readOrdersCsv(REGISTER, { file: 'bill-register.csv', maxBadShare: 0 });

  it('finds every column without a hand mapping, the channel by the name made of its values', () => {
    expect(report.platform).toBe('generic');
    expect(report.columns).toMatchObject({
      order_id: 'Bill No',
      ordered_at: 'Bill Date',
      customer_id: 'Mobile No',
      category: 'Department',
      quantity: 'Qty',
      discount: 'Disc Amt (₹)',
      amount: 'Net Amount (₹)',
      channel: 'Store/Online',
    });
    expect(report.columnsHow.channel).toBe('recognised "Store/Online" by its name');
    expect(report.dateOrder).toBe('dmy');
    expect(report.dateOrderAssumed).toBe(false);
  });

  it('makes one customer of each mobile however it was written, and counts the merges', () => {
    expect(log.customerIds).toEqual(['+919876543210', '+919123456789']);
    expect(report.customerKeys).toEqual({ email: 0, phone: 2, id: 0, merged: 2 });
    expect(report.orders).toBe(4);
    expect(report.lines).toBe(5);
  });

  it('reads lakh-grouped amounts to the paisa', () => {
    const revenue = Array.from(log.orderGross, (g, o) => g - log.orderDiscount[o]!);
    expect(revenue).toEqual([3847, 12500, 1197, 123456.5]);
    expect(Array.from(log.orderDiscount)).toEqual([250, 0, 0, 0]);
    expect(Array.from(log.orderChannel)).toEqual([0, 1, 0, 1]);
    expect(report.firstDay).toBe('2025-01-05');
    expect(report.lastDay).toBe('2025-02-28');
  });

  it('leaves the walk-in and the return bill out, and the money still reconciles to the paisa', () => {
    const r = report.reconciliation;
    expect(r.excluded.guest).toEqual({ orders: 1, paise: 45_000 });
    expect(r.return_lines).toBe(1);
    expect(r.returns_paise).toBe(224_900);
    // 3,847 + 12,500 + 450 − 2,249 + 1,197 + 1,23,456.50
    expect(r.file_paise).toBe(13_920_150);
    expect(r.tables_paise).toBe(14_100_050);
    expect(reconciles(r)).toBe(true);
    expect(report.rowsSkipped).toBe(0);
  });

  it('recognises a channel column by its values when its name says nothing', () => {
    const renamed = REGISTER.replace('Store/Online', 'Mode');
    const { report: r } = readOrdersCsv(renamed, { file: 'bill-register.csv' });
    expect(r.columns.channel).toBe('Mode');
    expect(r.columnsHow.channel).toBe('recognised "Mode" by its values');
  });

  it('reads a register without a channel column when told every bill is in store', () => {
    const noChannel = REGISTER.split('\r\n')
      .map((l) => l.slice(0, l.lastIndexOf(',')))
      .join('\r\n');
    expect(() => readOrdersCsv(noChannel, { file: 'bill-register.csv' })).toThrow(
      /channel: tried .*--channel online or --channel in-store/s,
    );
    const { log: l } = readOrdersCsv(noChannel, { file: 'bill-register.csv', channel: 'in-store' });
    expect(Array.from(l.orderChannel)).toEqual([0, 0, 0, 0]);
  });
});
