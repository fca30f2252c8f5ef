import { CHANNEL_KEYS, channelOfKey, type ChannelKey } from '@/lib/schema/channels';
import type { CustomerColumn } from '@/lib/schema/customers-master';
import { AT_RISK_PARAM, FILTER_KEYS, FILTER_PARAMS, type Filters } from './filter';
import { isSortColumn, type SortSpec } from './sort';

/** Everything about a view of the explorer that a shared link should carry. */
export interface ExplorerView {
  filters: Filters;
  search: string;
  sort: SortSpec | null;
  /** Visible columns in display order; null = the default set. */
  columns: CustomerColumn[] | null;
  /** The customer whose profile is open. */
  customer: string | null;
}

export const EMPTY_VIEW: ExplorerView = {
  filters: {},
  search: '',
  sort: null,
  columns: null,
  customer: null,
};

/** Several values of one key are joined with "~" (no persona, band or column name contains one). */
function splitList(raw: string | null): string[] {
  if (!raw) return [];
  return raw
    .split('~')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * Reads a view from a query string. Unknown keys are ignored; a sort on an unknown column, or an
 * unknown column in the list, is dropped rather than breaking the page. Filter values are kept as
 * given: a value no customer has simply matches nobody, and the page says so.
 */
export function parseView(search: string | URLSearchParams): ExplorerView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const values = splitList(params.get(FILTER_PARAMS[k]));
    if (values.length) filters[k] = [...new Set(values)];
  }
  if (params.get(AT_RISK_PARAM) === '1') filters.atRisk = true;
  let sort: SortSpec | null = null;
  const rawSort = params.get('sort');
  if (rawSort) {
    const m = /^(.+?)(?:\.(asc|desc))?$/.exec(rawSort);
    if (m && isSortColumn(m[1]!)) sort = { id: m[1]!, desc: m[2] === 'desc' };
  }
  const cols = splitList(params.get('cols')).filter(isSortColumn);
  return {
    filters,
    search: params.get('q') ?? '',
    sort,
    columns: cols.length ? [...new Set(cols)] : null,
    customer: params.get('customer') || null,
  };
}

/** Writes a view as a query string (without "?"), in a fixed key order; empty parts are left out. */
export function serializeView(view: ExplorerView): string {
  const params = new URLSearchParams();
  if (view.search.trim()) params.set('q', view.search.trim());
  for (const k of FILTER_KEYS) {
    const values = view.filters[k];
    if (values?.length) params.set(FILTER_PARAMS[k], values.join('~'));
  }
  if (view.filters.atRisk) params.set(AT_RISK_PARAM, '1');
  if (view.sort) params.set('sort', `${view.sort.id}.${view.sort.desc ? 'desc' : 'asc'}`);
  if (view.columns) params.set('cols', view.columns.join('~'));
  if (view.customer) params.set('customer', view.customer);
  return params.toString();
}

/**
 * The other pages' period bar writes a persona by its cluster id (`persona=2`) and a channel by its
 * key (`channel=instore`); the explorer holds personas by name and channel preferences by value. A
 * link carried from another page is translated here, once the customers say which name each cluster
 * has, so it opens filtered on that persona and on the customers who mostly buy in that channel.
 */
export function adoptCarriedFilters(
  view: ExplorerView,
  personaOfCluster: ReadonlyMap<number, string>,
): ExplorerView {
  const persona = view.filters.persona?.map((v) =>
    /^\d+$/.test(v) ? (personaOfCluster.get(Number(v)) ?? v) : v,
  );
  const channel = view.filters.preferred_channel?.map((v) =>
    (CHANNEL_KEYS as readonly string[]).includes(v) ? channelOfKey(v as ChannelKey) : v,
  );
  if (
    persona?.join('~') === view.filters.persona?.join('~') &&
    channel?.join('~') === view.filters.preferred_channel?.join('~')
  )
    return view;
  return {
    ...view,
    filters: {
      ...view.filters,
      ...(persona ? { persona } : {}),
      ...(channel ? { preferred_channel: channel } : {}),
    },
  };
}
