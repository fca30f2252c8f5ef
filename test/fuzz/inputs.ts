/**
 * The undamaged inputs of the fuzz: each case of the test corpus (test/corpus) cut down to its first
 * orders, whole orders only (every line of a kept order, none of the others), so that a build takes
 * a fraction of a second and an undamaged cut still builds. The side files come along: the products
 * export whole (a few hundred lines), the CRM customers file cut to the customers of the kept orders
 * and a few others, the intents file whole.
 */
import { generateCorpus, type CorpusCase } from '../corpus/generate';
import { joinRecords, splitRecords, unquote } from './csv-raw';

export type FileRole = 'orders' | 'products' | 'customers' | 'intents';

export interface FuzzFile {
  role: FileRole;
  name: string;
  text: string;
}

export interface FuzzInput {
  /** The corpus case, e.g. `shopify`. */
  name: string;
  files: FuzzFile[];
  /** Every personal value of the corpus case's files (e-mails, phones, names, addresses). */
  personalValues: string[];
}

/** The order id column of each corpus format, as the generators write it. */
const ORDER_ID_HEADERS = ['Name', 'Order Number', 'Bill No'];
/** Phone columns of the orders and customers files, to keep the customers of the kept orders. */
const PHONE_HEADER = /mobile|phone/i;

function lastTenDigits(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : null;
}

/** The first `maxOrders` distinct orders of an orders file, with all their lines, in file order. */
export function cutOrders(
  text: string,
  maxOrders: number,
): { text: string; orders: number; phones: Set<string> } {
  const records = splitRecords(text);
  const header = records[0]!.fields.map(unquote);
  const idAt = header.findIndex((h) => ORDER_ID_HEADERS.includes(h));
  if (idAt < 0) throw new Error(`no order id column in ${header.slice(0, 5).join(', ')}…`);
  const phoneAt = header.flatMap((h, i) => (PHONE_HEADER.test(h) ? [i] : []));
  const kept = new Set<string>();
  for (const r of records.slice(1)) {
    const id = unquote(r.fields[idAt] ?? '');
    if (kept.size >= maxOrders) break;
    kept.add(id);
  }
  const phones = new Set<string>();
  const out = [records[0]!];
  for (const r of records.slice(1)) {
    if (!kept.has(unquote(r.fields[idAt] ?? ''))) continue;
    out.push(r);
    for (const i of phoneAt) {
      const p = lastTenDigits(unquote(r.fields[i] ?? ''));
      if (p) phones.add(p);
    }
  }
  // The file's last line keeps the line end the original's last line had (none, or one).
  const last = out[out.length - 1]!;
  out[out.length - 1] = { ...last, end: records[records.length - 1]!.end };
  return { text: joinRecords(out), orders: kept.size, phones };
}

/** The customers file's rows whose phone is one of `phones`, and the first `others` rows besides. */
export function cutCustomers(text: string, phones: ReadonlySet<string>, others: number): string {
  const records = splitRecords(text);
  const header = records[0]!.fields.map(unquote);
  const phoneAt = header.flatMap((h, i) => (PHONE_HEADER.test(h) ? [i] : []));
  let extra = 0;
  const out = [records[0]!];
  for (const r of records.slice(1)) {
    const match = phoneAt.some((i) => {
      const p = lastTenDigits(unquote(r.fields[i] ?? ''));
      return p !== null && phones.has(p);
    });
    if (match || extra++ < others) out.push(r);
  }
  return joinRecords(out);
}

export function fuzzInputOf(c: CorpusCase, maxOrders: number): FuzzInput {
  const orders = cutOrders(c.files.orders.text, maxOrders);
  const files: FuzzFile[] = [{ role: 'orders', name: c.files.orders.name, text: orders.text }];
  if (c.files.products) files.push({ role: 'products', ...c.files.products });
  if (c.files.customers)
    files.push({
      role: 'customers',
      name: c.files.customers.name,
      text: cutCustomers(c.files.customers.text, orders.phones, 40),
    });
  if (c.files.intents) files.push({ role: 'intents', ...c.files.intents });
  return { name: c.name, files, personalValues: c.truth.personalValues };
}

/** Every corpus case, cut to its first `maxOrders` orders. */
export function fuzzInputs(maxOrders: number): FuzzInput[] {
  return generateCorpus().map((c) => fuzzInputOf(c, maxOrders));
}
