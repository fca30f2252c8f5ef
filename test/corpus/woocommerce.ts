/**
 * WooCommerce orders as Indian D2C brands usually get them out: the free "Advanced Order Export For
 * WooCommerce" plugin (AlgolPlus), CSV, its default fields, one row per product. Order fields are
 * repeated on every product row (the plugin's default); coupons are repeated as rows beside the
 * products, so a coupon lives on the first row, a second coupon on the second row, which has no
 * product when the order has only one. See FORMATS.md.
 */
import type { CsvValue } from '@/lib/csv/csv';
import { createRng } from '@/lib/random/rng';
import { purchaseDays } from './behaviour';
import {
  buildCatalog,
  COMMA_CATEGORY,
  PeopleFactory,
  PLUS_CATEGORY,
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
  randInt,
  rupees,
  shuffled,
  splitWhole,
  timeOfDay,
} from './util';

/** The plugin's default fields in the order its recent exports write them, with the product Category added. */
export const WOO_HEADER = [
  'Order Number',
  'Order Status',
  'Order Date',
  'Customer Note',
  'First Name (Billing)',
  'Last Name (Billing)',
  'Company (Billing)',
  'Address 1&2 (Billing)',
  'City (Billing)',
  'State Code (Billing)',
  'Postcode (Billing)',
  'Country Code (Billing)',
  'Email (Billing)',
  'Phone (Billing)',
  'First Name (Shipping)',
  'Last Name (Shipping)',
  'Address 1&2 (Shipping)',
  'City (Shipping)',
  'State Code (Shipping)',
  'Postcode (Shipping)',
  'Country Code (Shipping)',
  'Payment Method Title',
  'Cart Discount Amount',
  'Order Subtotal Amount',
  'Shipping Method Title',
  'Order Shipping Amount',
  'Order Refund Amount',
  'Order Total Amount',
  'Order Total Tax Amount',
  'SKU',
  'Item #',
  'Item Name',
  'Category',
  'Quantity (- Refund)',
  'Item Cost',
  'Coupon Code',
  'Discount Amount',
  'Discount Amount Tax',
] as const;

const WOO_CATEGORIES = [
  'Bed Linen',
  'Table Linen',
  'Cushion Covers',
  'Kurtas',
  'Sarees',
  'Dupattas & Stoles',
  PLUS_CATEGORY,
  'Drinkware',
  'Serveware',
  'Candles',
  'Gift Sets',
  COMMA_CATEGORY,
];

const COD_TITLE = 'Cash on delivery';
const CARD_TITLE = 'Credit Card/Debit Card/NetBanking';
const BANK_TITLE = 'Direct bank transfer';

type Status =
  'Completed' | 'Processing' | 'On hold' | 'Pending payment' | 'Cancelled' | 'Refunded' | 'Failed';

interface WooLine {
  product: Product;
  variant: Variant;
  qty: number;
  /** Coupon discount per unit, whole paise (Item Cost = price − this). */
  unitDiscount: number;
}

interface WooOrder {
  person: number;
  day: number;
  seconds: number;
  lines: WooLine[];
  payment: 'cod' | 'card' | 'bank';
  coupon: string;
  freeShipCoupon: boolean;
  status: Status;
  refund: number;
  zeroQty: boolean;
  number: string;
}

function fateOf(s: Status): OrderFate {
  if (s === 'Cancelled' || s === 'Failed') return 'cancelled';
  if (s === 'Refunded') return 'refundedInFull';
  if (s === 'Pending payment') return 'unpaid';
  return 'counted';
}

function writePhone(mobile: string, form: number): string {
  switch (form) {
    case 0:
      return mobile;
    case 1:
      return `+91${mobile}`;
    case 2:
      return `0${mobile}`;
    default:
      return `+91 ${mobile.slice(0, 5)} ${mobile.slice(5)}`;
  }
}

export function generateWooCommerce(seed: number): GeneratedCase {
  const startIso = '2025-04-01';
  const days = 456;
  const rngCatalog = createRng(seed, 300);
  const rngPeople = createRng(seed, 301);
  const rng = createRng(seed, 302);
  const catalog = buildCatalog(rngCatalog, WOO_CATEGORIES);
  const factory = new PeopleFactory(rngPeople);
  const people: Person[] = [];
  const phoneForm: number[] = [];
  const varyEmail: boolean[] = [];
  for (let i = 0; i < 380; i++) {
    people.push(factory.person());
    phoneForm.push(randInt(rngPeople, 0, 3));
    varyEmail.push(chance(rngPeople, 0.2));
  }

  const orders: WooOrder[] = [];
  for (let p = 0; p < people.length; p++) {
    const ds = purchaseDays(rng, {
      days,
      birthShare: 0.85,
      meanGapDays: 80,
      rateShape: 1.4,
      dropA: 1,
      dropB: 3,
    });
    for (const day of ds) {
      const nLines = 1 + pickWeighted(rng, [58, 26, 11, 5]);
      const lines: WooLine[] = [];
      for (let k = 0; k < nLines; k++) {
        const product = pick(
          rng,
          catalog.products.filter((x) => x.status !== 'archived' || chance(rng, 0.3)),
        );
        const variant = pick(rng, product.variants);
        if (lines.some((l) => l.variant === variant)) continue;
        lines.push({ product, variant, qty: 1 + pickWeighted(rng, [85, 12, 3]), unitDiscount: 0 });
      }
      orders.push({
        person: p,
        day,
        seconds: timeOfDay(rng, false),
        lines,
        payment: chance(rng, 0.38) ? 'cod' : 'card',
        coupon: '',
        freeShipCoupon: false,
        status: 'Completed',
        refund: 0,
        zeroQty: false,
        number: '',
      });
    }
  }
  orders.sort((a, b) => a.day - b.day || a.seconds - b.seconds);
  orders.forEach((o, i) => (o.number = String(10_001 + i)));

  // Coupons, allocated per unit in whole paise (WooCommerce stores the discounted line total).
  for (const o of orders) {
    if (!chance(rng, 0.3)) continue;
    const gross = o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty, 0);
    const c = pickWeighted(rng, [5, 3, 2]);
    let amount = 0;
    if (c === 0) {
      o.coupon = 'welcome10';
      amount = Math.round(gross * 0.1);
    } else if (c === 1) {
      o.coupon = 'festive20';
      amount = Math.round(gross * 0.2);
    } else if (gross >= 150_000) {
      o.coupon = 'flat300';
      amount = 30_000;
    }
    if (!amount) continue;
    const shares = splitWhole(
      amount,
      o.lines.map((l) => l.variant.pricePaise * l.qty),
    );
    o.lines.forEach((l, i) => (l.unitDiscount = Math.floor(shares[i]! / l.qty)));
  }
  // A free-shipping coupon beside a discount coupon: it goes on the second row.
  for (const o of shuffled(
    rng,
    orders.filter((x) => x.coupon),
  ).slice(0, 8))
    o.freeShipCoupon = true;

  // Statuses by quota on shuffled candidates.
  const recent = (o: WooOrder) => o.day >= days - 14;
  for (const o of orders) if (recent(o)) o.status = 'Processing';
  const old = shuffled(
    rng,
    orders.filter((o) => !recent(o)),
  );
  const take = (pred: (o: WooOrder) => boolean, n: number) => {
    const out: WooOrder[] = [];
    for (let i = 0; i < old.length && out.length < n; i++)
      if (pred(old[i]!)) {
        out.push(old[i]!);
        old.splice(i--, 1);
      }
    return out;
  };
  const n = orders.length;
  for (const o of take((x) => x.payment === 'cod', Math.round(n * 0.04))) o.status = 'Cancelled';
  for (const o of take((x) => x.payment === 'cod', Math.round(n * 0.025))) o.status = 'Processing';
  for (const o of take((x) => x.payment === 'card', Math.round(n * 0.025))) o.status = 'Failed';
  for (const o of take((x) => x.payment === 'card', Math.round(n * 0.03))) o.status = 'Pending payment';
  for (const o of take((x) => x.payment === 'card', Math.round(n * 0.02))) {
    o.status = 'On hold';
    o.payment = 'bank';
  }
  for (const [i, o] of take((x) => x.payment === 'card', Math.round(n * 0.02)).entries()) {
    o.status = 'Refunded';
    o.zeroQty = i % 2 === 0;
  }
  for (const o of take((x) => x.lines.reduce((s, l) => s + l.qty, 0) >= 2, Math.round(n * 0.03))) {
    const l = o.lines.length > 1 ? o.lines[1]! : o.lines[0]!;
    o.refund = l.variant.pricePaise - l.unitDiscount;
  }

  const personal: string[] = [];
  const ledger: LedgerOrder[] = [];
  const rows: CsvValue[][] = [];
  const col = (name: (typeof WOO_HEADER)[number]) => WOO_HEADER.indexOf(name);
  for (const o of orders) {
    const person = people[o.person]!;
    let email = person.email;
    if (varyEmail[o.person] && chance(rng, 0.5))
      email = pick(rng, [
        email.toUpperCase(),
        ` ${email}`,
        `${email} `,
        email[0]!.toUpperCase() + email.slice(1),
      ]);
    const phone = writePhone(person.mobile, phoneForm[o.person]!);
    const subtotal = o.lines.reduce((s, l) => s + l.variant.pricePaise * l.qty, 0);
    const cartDiscount = o.lines.reduce((s, l) => s + l.unitDiscount * l.qty, 0);
    const shipping = o.freeShipCoupon || subtotal - cartDiscount >= 149_900 ? 0 : 9_900;
    const total = subtotal - cartDiscount + shipping;
    const refund = o.status === 'Refunded' ? total : o.refund;
    const a = person.address;
    const note = chance(rng, 0.06)
      ? pick(rng, [
          'Please pack it as a gift.\nNo price tags inside.',
          'Call before delivery - office hours only.',
          'Deliver to the reception,\nC-wing.',
        ])
      : '';
    const coupons: Array<[string, number]> = [];
    if (o.coupon) coupons.push([o.coupon, cartDiscount]);
    if (o.freeShipCoupon) coupons.push(['freeship', 0]);
    const rowCount = Math.max(o.lines.length, coupons.length);
    for (let i = 0; i < rowCount; i++) {
      const row = WOO_HEADER.map((): CsvValue => '');
      row[col('Order Number')] = o.number;
      row[col('Order Status')] = o.status;
      row[col('Order Date')] = `${addDaysIso(startIso, o.day)} ${clock(o.seconds).slice(0, 5)}`;
      row[col('Customer Note')] = note;
      row[col('First Name (Billing)')] = person.first;
      row[col('Last Name (Billing)')] = person.last;
      row[col('Address 1&2 (Billing)')] = `${a.line1}, ${a.line2}`;
      row[col('City (Billing)')] = a.city;
      row[col('State Code (Billing)')] = a.stateCode;
      row[col('Postcode (Billing)')] = a.pincode;
      row[col('Country Code (Billing)')] = 'IN';
      row[col('Email (Billing)')] = email;
      row[col('Phone (Billing)')] = phone;
      row[col('First Name (Shipping)')] = person.first;
      row[col('Last Name (Shipping)')] = person.last;
      row[col('Address 1&2 (Shipping)')] = `${a.line1}, ${a.line2}`;
      row[col('City (Shipping)')] = a.city;
      row[col('State Code (Shipping)')] = a.stateCode;
      row[col('Postcode (Shipping)')] = a.pincode;
      row[col('Country Code (Shipping)')] = 'IN';
      row[col('Payment Method Title')] =
        o.payment === 'cod' ? COD_TITLE : o.payment === 'bank' ? BANK_TITLE : CARD_TITLE;
      row[col('Cart Discount Amount')] = rupees(cartDiscount);
      row[col('Order Subtotal Amount')] = rupees(subtotal);
      row[col('Shipping Method Title')] = shipping ? 'Flat rate' : 'Free shipping';
      row[col('Order Shipping Amount')] = rupees(shipping);
      row[col('Order Refund Amount')] = rupees(refund);
      row[col('Order Total Amount')] = rupees(total);
      row[col('Order Total Tax Amount')] = '0.00';
      const l = o.lines[i];
      if (l) {
        row[col('SKU')] = l.variant.sku;
        row[col('Item #')] = i + 1;
        row[col('Item Name')] = l.variant.options.length
          ? `${l.product.title} - ${l.variant.options.join(', ')}`
          : l.product.title;
        row[col('Category')] = l.product.category;
        row[col('Quantity (- Refund)')] = o.zeroQty ? 0 : l.qty;
        row[col('Item Cost')] = rupees(l.variant.pricePaise - l.unitDiscount);
      }
      const c = coupons[i];
      if (c) {
        row[col('Coupon Code')] = c[0];
        row[col('Discount Amount')] = rupees(c[1]);
        row[col('Discount Amount Tax')] = '0.00';
      }
      rows.push(row);
    }
    personal.push(
      email,
      phone,
      person.first,
      person.last,
      `${person.first} ${person.last}`,
      `${a.line1}, ${a.line2}`,
      a.line1,
      a.line2,
    );

    const entry: LedgerOrder = {
      id: o.number,
      rawKey: email,
      key: normaliseEmail(email),
      day: addDaysIso(startIso, o.day),
      channel: 'online',
      fate: fateOf(o.status),
      pending: o.status === 'Processing' || o.status === 'On hold',
      pendingCod: o.status === 'Processing' && o.payment === 'cod',
      orderDiscountPaise: 0,
      refundPaise: o.status === 'Refunded' ? 0 : o.refund,
      lines: o.lines.map((x) => ({
        category: x.product.category,
        unitPaise: x.variant.pricePaise,
        quantity: x.qty,
        lineDiscountPaise: x.unitDiscount * x.qty,
        orderDiscountSharePaise: 0,
        refundSharePaise: 0,
      })),
    };
    allocateShares(entry);
    ledger.push(entry);
  }

  return {
    name: 'woocommerce',
    description:
      'WooCommerce orders from the "Advanced Order Export For WooCommerce" plugin (default fields plus the product Category), one row per product, 15 months, every order online, taxes not enabled in WooCommerce (prices include GST).',
    files: { orders: { name: 'woocommerce-orders.csv', text: csvText(WOO_HEADER, rows) } },
    options: [],
    quirks: [
      'Order fields (status, date, addresses, Cart Discount Amount, Order Subtotal Amount, Order Refund Amount, Order Total Amount) are repeated on every product row of an order.',
      'Item Cost is the unit price after coupon discounts (WooCommerce stores the discounted line total); Cart Discount Amount is the same discount again at order level, and Order Subtotal Amount is before it.',
      'Coupons are exported as rows beside the products: the first coupon on the first row, a second coupon (freeship, 0.00) on the second row, which has no product columns when the order has one product.',
      'Order Status is the label: Completed, Processing, On hold, Pending payment, Cancelled, Refunded or Failed; Pending payment is an abandoned, unpaid checkout.',
      'Partial refunds are amount-only: Order Refund Amount is set, the status stays Completed and Quantity (- Refund) is unchanged; some fully refunded orders show Quantity (- Refund) 0 on every row.',
      'Order Date is "yyyy-mm-dd hh:mm" with no seconds or time zone.',
      'Phone (Billing) is written 98xxxxxxxx, +9198xxxxxxxx, 098xxxxxxxx or +91 98xxx xxxxx; Email (Billing) of the same customer changes case or gains stray spaces.',
      'Categories include "+Plus Size" and "Bags, Pouches & Totes"; variation names read "Title - Colour, Size".',
    ],
    ledger,
    personalValues: personal,
    fileSubtotalPaise: null,
    customersFile: null,
  };
}
