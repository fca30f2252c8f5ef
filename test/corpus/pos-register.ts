/**
 * An Indian retail POS "bill wise item wise sales register" (as GoFrugal, Ginesys and similar
 * systems export it: one row per bill line, Indian digit grouping, day-first dates) and the
 * brand's loyalty/CRM member export keyed by mobile number. The register is the bug report's
 * case: 2,000 customers over 18 months, about six bills each, steady buyers with little dropout.
 */
import type { CsvValue } from '@/lib/csv/csv';
import { createRng, type Rng } from '@/lib/random/rng';
import { purchaseDays } from './behaviour';
import {
  buildCatalog,
  COMMA_CATEGORY,
  fullName,
  PeopleFactory,
  PLUS_CATEGORY,
  SALE_CATEGORY,
  STAFF,
  type Person,
  type Product,
  type Variant,
} from './catalog';
import type { CustomersFileTruth, GeneratedCase, LedgerOrder } from './types';
import {
  addDaysIso,
  chance,
  csvText,
  dMonY,
  dmy,
  normalisePhone,
  pad2,
  pick,
  pickWeighted,
  randInt,
  rupeesIndian,
  shuffled,
  timeOfDay,
} from './util';

export const POS_HEADER = [
  'Store/Online',
  'Store Name',
  'Bill No',
  'Bill Date',
  'Bill Time',
  'Mobile No',
  'Customer Name',
  'Item Code',
  'Item Name',
  'Department',
  'Qty',
  'MRP (₹)',
  'Disc Amt (₹)',
  'Net Amount (₹)',
  'Payment Mode',
  'Salesman',
] as const;

export const CRM_HEADER = [
  'Member ID',
  'Customer Name',
  'Mobile',
  'Email',
  'Gender',
  'Date of Birth',
  'City',
  'Pincode',
  'Address',
  'Member Since',
  'Tier',
] as const;

const POS_CATEGORIES = [
  'Bed Linen',
  'Table Linen',
  'Cushion Covers',
  'Bath Linen',
  'Kurtas',
  'Sarees',
  'Dupattas & Stoles',
  PLUS_CATEGORY,
  'Dinnerware',
  'Drinkware',
  'Candles',
  'Home Fragrance',
  'Gift Sets',
  COMMA_CATEGORY,
  SALE_CATEGORY,
];

const INTENTS: Record<string, string> = {
  'Bed Linen': 'Comfort Living',
  'Table Linen': 'Hosting & Entertaining',
  'Cushion Covers': 'Comfort Living',
  'Bath Linen': 'Wellness',
  Kurtas: 'Everyday Essentials',
  Sarees: 'Indulgence & Gifting',
  'Dupattas & Stoles': 'Everyday Essentials',
  [PLUS_CATEGORY]: 'Everyday Essentials',
  Dinnerware: 'Hosting & Entertaining',
  Drinkware: 'Hosting & Entertaining',
  Candles: 'Wellness',
  'Home Fragrance': 'Wellness',
  'Gift Sets': 'Indulgence & Gifting',
  [COMMA_CATEGORY]: 'Indulgence & Gifting',
  [SALE_CATEGORY]: 'Everyday Essentials',
};

const STORES = [
  { code: 'KGH', name: 'Kala Ghoda, Mumbai', weight: 5 },
  { code: 'BDR', name: 'Bandra West, Mumbai', weight: 4 },
  { code: 'IND', name: 'Indiranagar, Bengaluru', weight: 4 },
  { code: 'KHM', name: 'Khan Market, New Delhi', weight: 3 },
];
const ONLINE = { code: 'WEB', name: 'Website' };

interface BillLine {
  product: Product;
  variant: Variant;
  qty: number;
  /** Discount on the line, paise (per unit × quantity). */
  disc: number;
}

interface Bill {
  person: number | null;
  day: number;
  seconds: number;
  online: boolean;
  store: { code: string; name: string };
  lines: BillLine[];
  isReturn: boolean;
  number: string;
  mobileWritten: string;
  nameWritten: string;
  payment: string;
  salesman: string;
}

/** The ways a cashier or a website form writes one Indian mobile. */
function writeMobile(mobile: string, form: number): string {
  const a = mobile.slice(0, 5);
  const b = mobile.slice(5);
  return [mobile, `0${mobile}`, `+91 ${a} ${b}`, `91-${a}-${b}`, `+91${mobile}`, `${a} ${b}`, `91${mobile}`][
    form
  ]!;
}

function writeName(rng: Rng, p: Person): string {
  return pick(rng, [fullName(p), fullName(p), fullName(p).toUpperCase(), fullName(p).toLowerCase(), p.first]);
}

/** Financial year code of an ISO date: 2025-03-31 → "2425", 2025-04-01 → "2526". */
function fyCode(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? y : y - 1;
  return `${String(start % 100).padStart(2, '0')}${String((start + 1) % 100).padStart(2, '0')}`;
}

export function generatePosRegister(seed: number): GeneratedCase {
  const startIso = '2025-01-01';
  const days = 546; // through 2026-06-30
  const rngCatalog = createRng(seed, 400);
  const rngPeople = createRng(seed, 401);
  const rng = createRng(seed, 402);
  const catalog = buildCatalog(rngCatalog, POS_CATEGORIES);
  const factory = new PeopleFactory(rngPeople);
  const people: Person[] = [];
  const homeStore: number[] = [];
  const onlineShare: number[] = [];
  const mobileForm: number[] = [];
  for (let i = 0; i < 2000; i++) {
    people.push(factory.person());
    homeStore.push(
      pickWeighted(
        rngPeople,
        STORES.map((s) => s.weight),
      ),
    );
    onlineShare.push(pick(rngPeople, [0, 0.1, 0.25, 0.5, 0.9]));
    mobileForm.push(pickWeighted(rngPeople, [40, 15, 12, 8, 10, 8, 7]));
  }
  const categoryWeights = catalog.categories.map((c) =>
    c === 'Candles' || c === 'Kurtas'
      ? 8
      : c === 'Gift Sets' || c === 'Cushion Covers'
        ? 6
        : c === SALE_CATEGORY
          ? 3
          : 4,
  );
  const products = catalog.products.filter((p) => p.status !== 'archived');

  const makeLines = (corporate: boolean): BillLine[] => {
    if (corporate) {
      const gift = pick(rng, catalog.byCategory.get('Gift Sets')!);
      const variant = gift.variants[0]!;
      const perUnit = Math.round(variant.pricePaise * 0.125);
      const qty = randInt(rng, 22, 40);
      return [{ product: gift, variant, qty, disc: perUnit * qty }];
    }
    const n = 1 + pickWeighted(rng, [50, 28, 14, 8]);
    const lines: BillLine[] = [];
    const member = chance(rng, 0.18);
    for (let k = 0; k < n; k++) {
      const cat = catalog.categories[pickWeighted(rng, categoryWeights)]!;
      const options = catalog.byCategory.get(cat)!.filter((p) => products.includes(p));
      const product = pick(rng, options);
      const variant = pick(rng, product.variants);
      if (lines.some((l) => l.variant === variant)) continue;
      const qty = 1 + pickWeighted(rng, [86, 11, 3]);
      const pct = product.category === SALE_CATEGORY ? 30 : member ? 10 : 0;
      const perUnit = Math.round((variant.pricePaise * pct) / 100 / 100) * 100;
      lines.push({ product, variant, qty, disc: perUnit * qty });
    }
    return lines;
  };

  const bills: Bill[] = [];
  const newBill = (person: number | null, day: number, online: boolean, lines: BillLine[]): Bill => ({
    person,
    day,
    seconds: timeOfDay(rng, !online),
    online,
    store: online
      ? ONLINE
      : STORES[
          person === null
            ? pickWeighted(
                rng,
                STORES.map((s) => s.weight),
              )
            : homeStore[person]!
        ]!,
    lines,
    isReturn: false,
    number: '',
    mobileWritten: '',
    nameWritten: '',
    payment: online
      ? pick(rng, ['Prepaid', 'Prepaid', 'COD'])
      : pick(rng, ['Cash', 'UPI', 'UPI', 'Card', 'UPI + Cash']),
    salesman: online ? 'Online' : pick(rng, STAFF),
  });

  for (let p = 0; p < people.length; p++) {
    const ds = purchaseDays(rng, {
      days,
      birthShare: 0.12,
      meanGapDays: 100,
      rateShape: 10,
      dropA: 0.3,
      dropB: 90,
    });
    for (const day of ds) bills.push(newBill(p, day, chance(rng, onlineShare[p]!), makeLines(false)));
  }
  // Corporate Diwali gifting: a few very large bills (amounts in lakhs).
  for (const p of shuffled(rng, [...people.keys()]).slice(0, 6)) {
    const day = randInt(rng, 280, 300); // October–November 2025
    bills.push(newBill(p, day, chance(rng, 0.5), makeLines(true)));
  }
  // Walk-ins with no mobile.
  const walkIns = Math.round(bills.length * 0.03);
  for (let w = 0; w < walkIns; w++)
    bills.push(newBill(null, randInt(rng, 0, days - 1), false, makeLines(false)));
  // Returns: one unit of one line back, on its own return bill, 3–20 days later at the same store.
  const returnable = shuffled(
    rng,
    bills.filter((b) => b.person !== null && b.day < days - 25 && b.lines[0]!.qty >= 1),
  ).slice(0, Math.round(bills.length * 0.02));
  for (const b of returnable) {
    const l = pick(rng, b.lines);
    const perUnit = l.disc / l.qty;
    const r = newBill(b.person, b.day + randInt(rng, 3, 20), b.online, [
      { product: l.product, variant: l.variant, qty: -1, disc: -perUnit },
    ]);
    r.store = b.store;
    r.isReturn = true;
    r.payment = b.online ? 'Refund to source' : 'Credit Note';
    bills.push(r);
  }

  bills.sort((a, b) => a.day - b.day || a.seconds - b.seconds);
  const seq = new Map<string, number>();
  for (const b of bills) {
    const iso = addDaysIso(startIso, b.day);
    const series = `${b.store.code}/${b.isReturn ? 'SR/' : ''}${fyCode(iso)}`;
    const n = (seq.get(series) ?? 0) + 1;
    seq.set(series, n);
    b.number = `${series}/${String(n).padStart(b.isReturn ? 4 : 5, '0')}`;
    if (b.person === null) {
      b.nameWritten = pick(rng, ['Cash Customer', 'CASH CUSTOMER', 'Walk-in']);
    } else {
      const person = people[b.person]!;
      const form = chance(rng, 0.25) ? randInt(rng, 0, 6) : mobileForm[b.person]!;
      b.mobileWritten = writeMobile(person.mobile, form);
      b.nameWritten = writeName(rng, person);
    }
  }

  const personal: string[] = [...STAFF];
  const ledger: LedgerOrder[] = [];
  const rows: CsvValue[][] = [];
  for (const b of bills) {
    const iso = addDaysIso(startIso, b.day);
    const time = `${pad2(Math.floor(b.seconds / 3600))}:${pad2(Math.floor((b.seconds % 3600) / 60))}`;
    for (const l of b.lines) {
      rows.push([
        b.online ? 'Online' : 'Store',
        b.store.name,
        b.number,
        dmy(iso),
        time,
        b.mobileWritten,
        b.nameWritten,
        l.variant.sku,
        `${l.product.posName}${l.variant.title ? ` ${l.variant.title.toUpperCase().replace(' / ', ' ')}` : ''}`,
        l.product.category,
        l.qty,
        rupeesIndian(l.variant.pricePaise),
        rupeesIndian(l.disc),
        rupeesIndian(l.variant.pricePaise * l.qty - l.disc),
        b.payment,
        b.salesman,
      ]);
    }
    if (b.person !== null) personal.push(b.mobileWritten, b.nameWritten);
    const key = b.person === null ? null : normalisePhone(b.mobileWritten);
    if (b.person !== null && key !== `+91${people[b.person]!.mobile}`)
      throw new Error(`mobile ${b.mobileWritten}`);
    ledger.push({
      id: b.number,
      rawKey: b.person === null ? null : b.mobileWritten,
      key,
      day: iso,
      channel: b.online ? 'online' : 'inStore',
      fate: b.isReturn ? 'return' : b.person === null ? 'guest' : 'counted',
      pending: false,
      pendingCod: false,
      orderDiscountPaise: 0,
      refundPaise: 0,
      lines: b.lines.map((l) => ({
        category: l.product.category,
        unitPaise: l.variant.pricePaise,
        quantity: l.qty,
        lineDiscountPaise: l.disc,
        orderDiscountSharePaise: 0,
        refundSharePaise: 0,
      })),
    });
  }

  // The CRM member export: most buyers enrolled, plus members who have not bought in the period.
  const rngCrm = createRng(seed, 403);
  const buyers = new Set(ledger.filter((o) => o.fate === 'counted').map((o) => o.key!));
  const members: Person[] = people.filter(() => chance(rngCrm, 0.92));
  const extraFactory = new PeopleFactory(createRng(seed, 404));
  for (let i = 0; i < 160; i++) members.push(extraFactory.person());
  const crmRows: CsvValue[][] = [];
  const truth: CustomersFileTruth = {
    rows: 0,
    matched: 0,
    genderKnown: 0,
    female: 0,
    male: 0,
    ageKnown: 0,
    matchedFemale: 0,
    matchedMale: 0,
    matchedAgeKnown: 0,
  };
  shuffled(rngCrm, members).forEach((m, i) => {
    const mobile = pick(rngCrm, [`91${m.mobile}`, `91${m.mobile}`, m.mobile, m.mobile, `+91-${m.mobile}`]);
    const genderKnown = chance(rngCrm, 0.78);
    const gender = genderKnown ? (m.gender === 'F' ? 'Female' : 'Male') : pick(rngCrm, ['Not Specified', '']);
    const email = chance(rngCrm, 0.6) ? m.email : '';
    const address = `${m.address.line1}, ${m.address.line2}`;
    const since = addDaysIso('2021-06-01', randInt(rngCrm, 0, 1400));
    crmRows.push([
      `AMB${String(100_000 + i * 7).padStart(6, '0')}`,
      chance(rngCrm, 0.3) ? fullName(m).toUpperCase() : fullName(m),
      mobile,
      email,
      gender,
      m.dob ? dmy(m.dob, '/') : '',
      m.address.city,
      m.address.pincode,
      address,
      dMonY(since < '2025-01-01' ? since : '2024-12-15'),
      pick(rngCrm, ['Silver', 'Silver', 'Gold', 'Platinum']),
    ]);
    personal.push(mobile, fullName(m), fullName(m).toUpperCase(), address, m.address.line1, m.address.line2);
    if (email) personal.push(email);
    truth.rows++;
    const matched = buyers.has(normalisePhone(mobile)!);
    if (matched) truth.matched++;
    if (genderKnown) {
      truth.genderKnown++;
      if (m.gender === 'F') truth.female++;
      else truth.male++;
      if (matched && m.gender === 'F') truth.matchedFemale++;
      if (matched && m.gender !== 'F') truth.matchedMale++;
    }
    if (m.dob) truth.ageKnown++;
    if (m.dob && matched) truth.matchedAgeKnown++;
  });
  crmRows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  const intents = Object.entries(INTENTS).map(([c, i]) => [c, i]);

  return {
    name: 'pos-register',
    description:
      "An Indian retail POS bill-wise item-wise sales register (four stores and the website billed through the same POS), 18 months, 2,000 steady customers with about six bills each, beside the brand's loyalty CRM member export keyed by mobile number and a category → intent file.",
    files: {
      orders: { name: 'sales-register.csv', text: csvText(POS_HEADER, rows) },
      customers: { name: 'crm-customers.csv', text: csvText(CRM_HEADER, crmRows) },
      intents: { name: 'intents.csv', text: csvText(['category', 'intent'], intents) },
    },
    options: [],
    quirks: [
      'Amount columns carry the currency in their names (MRP (₹), Disc Amt (₹), Net Amount (₹)) and Indian digit grouping (2,450.00; 1,09,156.25), so every amount over 999 is a quoted cell.',
      'Bill Date is day-first dd-mm-yyyy with the time in its own Bill Time column; bill numbers restart each financial year per store (KGH/2526/00012).',
      'The customer is the Mobile No column, written 9876543210, 09876543210, +91 98765 43210, 91-98765-43210, +919876543210, 98765 43210 or 919876543210 — the same person differently on different bills.',
      'The channel column is named after its two values, Store/Online; online bills come from the website billed through the POS.',
      'Return bills have their own numbers (KGH/SR/2526/0003), a negative Qty, Disc Amt and Net Amount.',
      'Walk-in bills have no Mobile No and a Customer Name of Cash Customer or Walk-in.',
      "Net Amount (₹) = MRP (₹) × Qty − Disc Amt (₹): MRP is the tax-inclusive unit price and Disc Amt the whole line's discount; a few corporate gifting bills run into lakhs with paise.",
      'Departments include "-Sale-" (starts with -), "+Plus Size" and "Bags, Pouches & Totes".',
      'The CRM export writes mobiles 919876543210, 9876543210 or +91-9876543210, often differently from the register; Gender is Female, Male, Not Specified or blank; Date of Birth is dd/mm/yyyy or blank; Address holds commas.',
      'The CRM has members who bought nothing in the period and misses some buyers.',
    ],
    ledger,
    personalValues: personal,
    fileSubtotalPaise: null,
    customersFile: truth,
  };
}
