import { PREFERRED_CHANNELS } from '@/lib/schema/channels';
import {
  AGE_BANDS,
  CHURN_BANDS,
  CLV_BANDS,
  CUSTOMER_COLUMNS,
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

/** Each customer's rank among the distinct values of one column (-1 = missing), and how many there are. */
export interface ColumnRanks {
  rank: Float64Array;
  distinct: number;
}

/**
 * Ranks one column once: numbers by value (found with native, comparator-free typed-array sorts
 * and a binary search), text by meaning for the bands and by code point otherwise (which orders ISO
 * dates and ids correctly). Missing values (null) get -1.
 */
export function columnRanks(customers: readonly Customer[], id: CustomerColumn): ColumnRanks {
  const n = customers.length;
  const rank = new Float64Array(n);
  const sample = customers.find((c) => c[id] !== null)?.[id];
  if (typeof sample === 'number' || sample === undefined) {
    const values = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = customers[i]![id] as number | null;
      if (v !== null && Number.isFinite(v)) values[m++] = v;
    }
    const sorted = values.subarray(0, m).sort();
    let d = 0;
    for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
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
    return { rank, distinct: d };
  }
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const v = customers[i]![id];
    if (typeof v === 'string') seen.add(v);
  }
  const values = [...seen];
  const ordinal = ORDINAL[id];
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (ordinal) {
    const pos = (v: string) => (ordinal.includes(v) ? ordinal.indexOf(v) : ordinal.length);
    values.sort((a, b) => pos(a) - pos(b) || byCodePoint(a, b));
  } else values.sort(byCodePoint);
  const rankOf = new Map(values.map((v, i) => [v, i]));
  for (let i = 0; i < n; i++) {
    const v = customers[i]![id];
    rank[i] = typeof v === 'string' ? rankOf.get(v)! : -1;
  }
  return { rank, distinct: values.length };
}

/**
 * Orders `indices` (positions into the customers the ranks were made from) by the ranked column.
 * Missing values come last in both directions; ties keep their order in `indices` (stable).
 * rank × m + position is one number per customer, so one native Float64Array sort does it: no
 * JavaScript comparator runs per pair, which keeps 100,000 customers fast.
 */
export function sortIndices(indices: Uint32Array, ranks: ColumnRanks, desc: boolean): Uint32Array {
  const m = indices.length;
  const { rank, distinct } = ranks;
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const r = rank[indices[j]!]!;
    const ordered = r < 0 ? distinct : desc ? distinct - 1 - r : r;
    keys[j] = ordered * m + j;
  }
  keys.sort();
  const out = new Uint32Array(m);
  for (let j = 0; j < m; j++) out[j] = indices[keys[j]! % m]!;
  return out;
}

/** Ranks are computed once per column and reused for every later sort of the same customers. */
export class RankCache {
  private readonly cache = new Map<CustomerColumn, ColumnRanks>();
  constructor(private readonly customers: readonly Customer[]) {}
  get(id: CustomerColumn): ColumnRanks {
    let r = this.cache.get(id);
    if (!r) this.cache.set(id, (r = columnRanks(this.customers, id)));
    return r;
  }
}

/**
 * Sorts customers by one column, ascending or descending, into a new array. Missing values
 * (null: no age, never in store, no marketing touches) come last in both directions; ties keep
 * the input order (stable), so equal values stay in customer-id order.
 */
export function sortCustomers(customers: readonly Customer[], sort: SortSpec | null): Customer[] {
  if (!sort) return customers.slice();
  const all = new Uint32Array(customers.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const order = sortIndices(all, columnRanks(customers, sort.id), sort.desc);
  return Array.from(order, (i) => customers[i]!);
}
