/** Small helpers shared by the corpus generators: random picks, money and date text, the ledger's truth. */
import { CSV_LINE_END, toCsvText, type CsvValue } from '@/lib/csv/csv';
import { gamma } from '@/lib/random/distributions';
import type { Rng } from '@/lib/random/rng';
import type { CorpusCase, CorpusTruth, GeneratedCase, LedgerLine, LedgerOrder } from './types';

// ---------------------------------------------------------------------------------------------
// Random helpers

export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: no items');
  return items[Math.floor(rng.next() * items.length)]!;
}

/** Index drawn in proportion to `weights`. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Beta(a, b) via two gammas. */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** A lower-case alphanumeric token of `n` characters (payment references and the like). */
export function token(rng: Rng, n: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[Math.floor(rng.next() * abc.length)];
  return s;
}

// ---------------------------------------------------------------------------------------------
// Money

/** Paise as rupees with two decimals and no grouping: 145000 → "1450.00". */
export function rupees(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const p = Math.abs(paise);
  return `${sign}${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
}

/** Paise in Indian digit grouping: 12345650 → "1,23,456.50"; negative → "-1,23,456.50". */
export function rupeesIndian(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const p = Math.abs(paise);
  const whole = String(Math.floor(p / 100));
  let grouped = whole;
  if (whole.length > 3) {
    const last3 = whole.slice(-3);
    let rest = whole.slice(0, -3);
    const parts: string[] = [];
    while (rest.length > 2) {
      parts.unshift(rest.slice(-2));
      rest = rest.slice(0, -2);
    }
    if (rest) parts.unshift(rest);
    grouped = `${parts.join(',')},${last3}`;
  }
  return `${sign}${grouped}.${String(p % 100).padStart(2, '0')}`;
}

/**
 * Splits `total` whole paise over `weights` in proportion; the remainders go to the largest
 * fractional parts, equal fractions to the earlier index. Weights must not all be zero.
 */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0;
  for (const w of weights) sum += w;
  if (n === 0) return [];
  if (!(sum > 0)) throw new Error('splitWhole: weights sum to 0');
  // Integer arithmetic (BigInt-free: totals stay far below 2^53 / weights) for exact remainders.
  const floors: number[] = [];
  const rems: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const num = total * weights[i]!;
    const f = Math.floor(num / sum);
    floors.push(f);
    rems.push(num - f * sum);
    given += f;
  }
  const order = rems.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; given < total; j++, given++) floors[order[j % n]![1]]!++;
  return floors;
}

// ---------------------------------------------------------------------------------------------
// Dates (calendar arithmetic in UTC so the host's time zone never matters)

/** ISO date `days` after `startIso`. */
export function addDaysIso(startIso: string, days: number): string {
  const t = Date.parse(`${startIso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** Seconds of the day → "HH:MM:SS". */
export function clock(seconds: number): string {
  const s = ((seconds % 86_400) + 86_400) % 86_400;
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** ISO date → "dd-mm-yyyy". */
export function dmy(iso: string, sep = '-'): string {
  return `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ISO date → "07 Mar 2025". */
export function dMonY(iso: string): string {
  return `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/**
 * A purchase time of day in seconds, in store hours (11:00–21:00, evenings busier) or round the
 * clock online (evenings busier, few at night).
 */
export function timeOfDay(rng: Rng, inStore: boolean): number {
  const hour = inStore
    ? 11 + pickWeighted(rng, [4, 5, 6, 6, 6, 7, 9, 11, 12, 8])
    : pickWeighted(rng, [2, 1, 1, 0.5, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 6, 6, 7, 8, 10, 12, 12, 9, 5]);
  return hour * 3600 + randInt(rng, 0, 3599);
}

// ---------------------------------------------------------------------------------------------
// Customer keys

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A written Indian mobile → "+91XXXXXXXXXX", or null when it is not one. */
export function normalisePhone(raw: string): string | null {
  let d = raw.replace(/\D/g, '');
  if (d.length === 12 && d.startsWith('91')) d = d.slice(2);
  else if (d.length === 11 && d.startsWith('0')) d = d.slice(1);
  return d.length === 10 ? `+91${d}` : null;
}

// ---------------------------------------------------------------------------------------------
// CSV text

/**
 * A cell written as `""`, as Shopify writes some empty fields. The CSV writer writes this marker
 * unquoted (no comma, quote or line break in it) and `withQuotedEmpties` turns it into `""`.
 */
export const QUOTED_EMPTY = '\u0001QE\u0001';

/**
 * CSV text through the project's one writer. `formulaGuard: false` on purpose: these files imitate
 * other systems' exports, whose cells (a `+Plus Size` category, a `-1` quantity, a `+91` phone)
 * are written as those systems write them, not as this project would.
 */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return toCsvText(header, rows, { formulaGuard: false });
}

/** Lines ending in LF instead of the writer's CRLF (Shopify's exports end lines in LF). */
export function withLf(text: string): string {
  return text.split(CSV_LINE_END).join('\n');
}

export function withQuotedEmpties(text: string): string {
  return text.split(QUOTED_EMPTY).join('""');
}

// ---------------------------------------------------------------------------------------------
// Ledger → truth

export function lineNet(line: LedgerLine): number {
  return (
    line.unitPaise * line.quantity -
    line.lineDiscountPaise -
    line.orderDiscountSharePaise -
    line.refundSharePaise
  );
}

/**
 * Fills the lines' shares of an order-level discount and a partial refund (largest remainder), as
 * the corpus semantics define them. `orderDiscountPaise` and `refundPaise` must already be set.
 */
export function allocateShares(order: LedgerOrder): void {
  const lines = order.lines;
  const discountWeights = lines.map((l) => l.unitPaise * l.quantity - l.lineDiscountPaise);
  const shares =
    order.orderDiscountPaise > 0 ? splitWhole(order.orderDiscountPaise, discountWeights) : lines.map(() => 0);
  lines.forEach((l, i) => (l.orderDiscountSharePaise = shares[i]!));
  const refundWeights = lines.map(
    (l) => l.unitPaise * l.quantity - l.lineDiscountPaise - l.orderDiscountSharePaise,
  );
  const refunds = order.refundPaise > 0 ? splitWhole(order.refundPaise, refundWeights) : lines.map(() => 0);
  lines.forEach((l, i) => (l.refundSharePaise = refunds[i]!));
}

export function truthFromLedger(generated: GeneratedCase): CorpusTruth {
  const ledger = generated.ledger;
  const counted = ledger.filter((o) => o.fate === 'counted');
  const keys = new Map<string, number>();
  const rawKeys = new Set<string>();
  const categories = new Set<string>();
  const byCategory: Record<string, number> = {};
  const appSources: Record<string, number> = {};
  let lines = 0;
  let net = 0;
  let discount = 0;
  let refunded = 0;
  let pending = 0;
  let pendingCod = 0;
  let online = 0;
  let inStore = 0;
  let firstDay = '';
  let lastDay = '';
  for (const o of counted) {
    if (!o.key || !o.rawKey) throw new Error(`counted order ${o.id} has no customer key`);
    keys.set(o.key, (keys.get(o.key) ?? 0) + 1);
    rawKeys.add(o.rawKey);
    if (o.channel === 'online') online++;
    else inStore++;
    if (o.pending) pending++;
    if (o.pendingCod) pendingCod++;
    if (o.appSource) appSources[o.appSource] = (appSources[o.appSource] ?? 0) + 1;
    if (!firstDay || o.day < firstDay) firstDay = o.day;
    if (!lastDay || o.day > lastDay) lastDay = o.day;
    refunded += o.refundPaise;
    discount += o.orderDiscountPaise;
    for (const l of o.lines) {
      lines++;
      net += lineNet(l);
      byCategory[l.category] = (byCategory[l.category] ?? 0) + lineNet(l);
      discount += l.lineDiscountPaise;
      categories.add(l.category);
    }
  }
  const excluded = { cancelled: 0, voided: 0, refundedInFull: 0, guest: 0, returns: 0, unpaid: 0 };
  let returnsPaise = 0;
  for (const o of ledger) {
    if (o.fate === 'counted') continue;
    if (o.fate === 'return') {
      excluded.returns++;
      for (const l of o.lines) returnsPaise += -lineNet(l);
    } else excluded[o.fate]++;
  }
  const sortedSources: Record<string, number> = {};
  for (const k of Object.keys(appSources).sort()) sortedSources[k] = appSources[k]!;
  return {
    customers: keys.size,
    repeatCustomers: [...keys.values()].filter((n) => n >= 2).length,
    orders: counted.length,
    lines,
    netRevenuePaise: net,
    discountPaise: discount,
    refundedPaise: refunded,
    excluded,
    returnsPaise,
    pendingOrders: pending,
    pendingCodOrders: pendingCod,
    keyMerges: rawKeys.size - keys.size,
    firstDay,
    lastDay,
    historyWeeks: firstDay ? Math.floor(daysBetween(firstDay, lastDay) / 7) : 0,
    ordersByChannel: { online, inStore },
    appSources: sortedSources,
    categories: [...categories].sort(),
    revenueByCategoryPaise: Object.fromEntries(
      Object.keys(byCategory)
        .sort()
        .map((k) => [k, byCategory[k]!]),
    ),
    fileSubtotalPaise: generated.fileSubtotalPaise,
    personalValues: [...new Set([...generated.personalValues].map((v) => v.trim()).filter(Boolean))].sort(),
    customersFile: generated.customersFile,
  };
}

export function toCase(generated: GeneratedCase): CorpusCase {
  return {
    name: generated.name,
    description: generated.description,
    files: generated.files,
    options: generated.options,
    quirks: generated.quirks,
    truth: truthFromLedger(generated),
  };
}
