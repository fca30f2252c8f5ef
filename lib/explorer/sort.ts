import {
  AGE_BANDS,
  CHURN_BANDS,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
  PREFERRED_CHANNELS,
  type CustomerColumn,
} from '@/lib/schema/customers-master';
import type { Customer } from './customers';

export interface SortSpec {
  id: CustomerColumn;
  desc: boolean;
}

/**
 * Bands sort in their meaning, not alphabetically: low → high churn risk, bottom → top CLV,
 * young → old, in-store → online. (CLV_BANDS is written top first, so it is reversed.)
 */
const ORDINAL: Partial<Record<CustomerColumn, readonly string[]>> = {
  age_band: AGE_BANDS,
  churn_risk_band: CHURN_BANDS,
  clv_band: [...CLV_BANDS].reverse(),
  preferred_channel: PREFERRED_CHANNELS,
};

export function isSortColumn(id: string): id is CustomerColumn {
  return (CUSTOMER_COLUMNS as readonly string[]).includes(id);
}

/**
 * Sorts customers by one column, ascending or descending, into a new array. Missing values
 * (null: no age, never in store, no marketing touches) come last in both directions; ties keep
 * the input order (stable), so equal values stay in customer-id order.
 *
 * Built for 100,000+ customers: each customer's value becomes a rank among the distinct values
 * (found with native, comparator-free typed-array sorts), and rank × n + position is one number
 * per customer, so a single native Float64Array sort orders by value, then input position. No
 * JavaScript comparator runs per pair.
 */
export function sortCustomers(customers: readonly Customer[], sort: SortSpec | null): Customer[] {
  if (!sort) return customers.slice();
  const n = customers.length;
  const id = sort.id;
  const rank = new Float64Array(n);
  let distinctCount: number;
  const sample = customers.find((c) => c[id] !== null)?.[id];
  if (typeof sample === 'number' || sample === undefined) {
    const values = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = customers[i]![id] as number | null;
      if (v !== null && Number.isFinite(v)) values[m++] = v;
    }
    const sorted = values.subarray(0, m).sort();
    // Distinct values, ascending.
    let d = 0;
    for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
    distinctCount = d;
    const distinct = sorted.subarray(0, d);
    for (let i = 0; i < n; i++) {
      const v = customers[i]![id] as number | null;
      if (v === null || !Number.isFinite(v)) {
        rank[i] = -1;
        continue;
      }
      let lo = 0;
      let hi = d - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      rank[i] = lo;
    }
  } else {
    // Text: rank the few distinct values once (ordinal bands by meaning, others by code point,
    // which orders ISO dates and ids correctly).
    const distinct = new Set<string>();
    for (let i = 0; i < n; i++) {
      const v = customers[i]![id];
      if (typeof v === 'string') distinct.add(v);
    }
    const values = [...distinct];
    const ordinal = ORDINAL[id];
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    if (ordinal) {
      const pos = (v: string) => (ordinal.includes(v) ? ordinal.indexOf(v) : ordinal.length);
      values.sort((a, b) => pos(a) - pos(b) || byCodePoint(a, b));
    } else values.sort(byCodePoint);
    const rankOf = new Map(values.map((v, i) => [v, i]));
    distinctCount = values.length;
    for (let i = 0; i < n; i++) {
      const v = customers[i]![id];
      rank[i] = typeof v === 'string' ? rankOf.get(v)! : -1;
    }
  }
  // One sortable number per customer: missing values after every rank, in either direction.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    const ordered = r < 0 ? distinctCount : sort.desc ? distinctCount - 1 - r : r;
    keys[i] = ordered * n + i;
  }
  keys.sort();
  const out: Customer[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = customers[keys[i]! % n]!;
  return out;
}
