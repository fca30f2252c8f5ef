import { PREFERRED_CHANNELS } from '@/lib/schema/channels';
import { columnOf, valueLabel } from '@/lib/schema/columns';
import {
  AGE_BANDS,
  CHURN_BANDS,
  CLV_BANDS,
  CUSTOMERS_MASTER_COLUMNS,
  type CustomerColumn,
} from '@/lib/schema/customers-master';

/** The columns the explorer filters on, each a set of allowed values (empty = no filter). */
export const FILTER_KEYS = [
  'persona',
  'preferred_channel',
  'churn_risk_band',
  'clv_band',
  'age_band',
  'gender',
  'locale',
] as const satisfies readonly CustomerColumn[];
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The value filters, plus the at-risk flag (high past value, low P(alive): see at-risk.ts). */
export type Filters = Partial<Record<FilterKey, readonly string[]>> & { atRisk?: boolean };

/** The URL parameter of the at-risk filter (`risk=1`). */
export const AT_RISK_PARAM = 'risk';

export const FILTER_LABELS: Record<FilterKey, string> = {
  persona: 'Persona',
  preferred_channel: 'Channel preference',
  churn_risk_band: 'Churn risk',
  clv_band: 'CLV band',
  age_band: 'Age band',
  gender: 'Gender',
  locale: 'Region type',
};

/** A filter value as its chip reads (the column dictionary's label, e.g. "Mixed" for 'both'). */
export function optionLabel(key: FilterKey, value: string): string {
  return valueLabel(columnOf(CUSTOMERS_MASTER_COLUMNS, key), value);
}

/** Short names for the URL query, so a shared link stays readable. */
export const FILTER_PARAMS: Record<FilterKey, string> = {
  persona: 'persona',
  preferred_channel: 'channel',
  churn_risk_band: 'churn',
  clv_band: 'clv',
  age_band: 'age',
  gender: 'gender',
  locale: 'region',
};

/** Values in a fixed, meaningful order where the schema defines one; others in order of appearance. */
const KNOWN_ORDER: Partial<Record<FilterKey, readonly string[]>> = {
  preferred_channel: PREFERRED_CHANNELS,
  churn_risk_band: CHURN_BANDS,
  clv_band: CLV_BANDS,
  age_band: AGE_BANDS,
  locale: ['urban', 'semi-urban', 'rural', 'unknown'],
};

export interface FilterOption {
  value: string;
  count: number;
}

/**
 * The values each filter can take, with how many customers have each, in the order the panel
 * lists them: personas by cluster id (the order the other pages use), bands in their natural
 * order, other values alphabetically. `counts` holds each key's values and customer counts;
 * `clusterOfPersona` each persona's cluster id.
 */
export function orderedOptions(
  counts: Record<FilterKey, ReadonlyMap<string, number>>,
  clusterOfPersona: ReadonlyMap<string, number>,
): Record<FilterKey, FilterOption[]> {
  const out = {} as Record<FilterKey, FilterOption[]>;
  for (const k of FILTER_KEYS) {
    const m = counts[k];
    const known = KNOWN_ORDER[k];
    let values = [...m.keys()];
    if (k === 'persona') values.sort((a, b) => clusterOfPersona.get(a)! - clusterOfPersona.get(b)!);
    else if (known) {
      const rank = (v: string) => (known.includes(v) ? known.indexOf(v) : known.length);
      values = values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en'));
    } else values.sort((a, b) => a.localeCompare(b, 'en'));
    out[k] = values.map((value) => ({ value, count: m.get(value)! }));
  }
  return out;
}

/** Normalises a search for customer ids: trimmed, upper-case (ids are like C0000123). */
export function normaliseSearch(q: string): string {
  return q.trim().toUpperCase();
}

export function activeFilterCount(filters: Filters): number {
  return FILTER_KEYS.reduce((n, k) => n + ((filters[k]?.length ?? 0) > 0 ? 1 : 0), filters.atRisk ? 1 : 0);
}
