import { formatCount, formatMoney, formatPct } from '@/lib/format/format';
import { leanLabel, type DemandFamily } from '@/lib/view/demand';
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type FilterFn,
} from '@tanstack/react-table';

export interface DemandColumnMeta {
  /** Numbers are right-aligned. */
  numeric: boolean;
  /** The header's full name with its unit, for the sort button's accessible name. */
  description: string;
}

/** Only what the family table uses: sorting, per-column filters and a name search. */
export const demandFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString },
  columnMeta: metaHelper<DemandColumnMeta>(),
});
export type DemandFeatures = typeof demandFeatures;

const helper = createColumnHelper<DemandFeatures, DemandFamily>();

/** Intent column filter: exact intent name. */
const intentIs: FilterFn<DemandFeatures, DemandFamily> = (row, _id, value) => row.original.intent === value;
/** Channel column filter: the family's lean ('instore' | 'online' | 'balanced'). */
const leansTo: FilterFn<DemandFeatures, DemandFamily> = (row, _id, value) => row.original.lean === value;

const num = (description: string): DemandColumnMeta => ({ numeric: true, description });
const text = (description: string): DemandColumnMeta => ({ numeric: false, description });

/** Every column of the family table; ids are the SortableColumn names the URL uses. */
export function demandColumns(currency: string) {
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency));
  const columns = helper.columns([
    helper.accessor('name', {
      header: 'Product family',
      sortFn: 'alphanumeric',
      meta: text('Product family'),
    }),
    helper.accessor('intent', {
      header: 'Intent',
      sortFn: 'alphanumeric',
      filterFn: intentIs,
      enableGlobalFilter: false,
      meta: text('Lifestyle intent'),
    }),
    helper.accessor('instorePct', {
      header: 'Bought in store, %',
      cell: (c) => formatPct(c.getValue(), 1),
      meta: num('Share of in-store shoppers buying the family, %'),
    }),
    helper.accessor('onlinePct', {
      header: 'Bought online, %',
      cell: (c) => formatPct(c.getValue(), 2),
      meta: num('Share of online orders with the family, %'),
    }),
    helper.accessor('instoreDaily', {
      header: 'In store, units/day',
      cell: (c) => formatCount(c.getValue(), 0),
      meta: num('Average daily demand in store, units'),
    }),
    helper.accessor('onlineDaily', {
      header: 'Online, units/day',
      cell: (c) => formatCount(c.getValue(), 1),
      meta: num('Average daily demand online, units'),
    }),
    helper.accessor((f) => f.onlineIndex ?? undefined, {
      id: 'onlineIndex',
      header: 'Channel lean',
      cell: (c) => leanLabel(c.row.original),
      filterFn: leansTo,
      sortUndefined: 'last',
      meta: num('Channel lean: share of online demand ÷ share of in-store demand'),
    }),
    helper.accessor((f) => f.impulsePct ?? undefined, {
      id: 'impulsePct',
      header: 'Impulse, %',
      sortUndefined: 'last',
      cell: (c) => {
        const v = c.getValue();
        return v === undefined ? '—' : formatPct(v, 0);
      },
      meta: num('Impulse purchase rate in store, %'),
    }),
    helper.accessor((f) => (f.emotional === null ? undefined : f.emotional ? 1 : 0), {
      id: 'emotional',
      header: 'Emotional',
      sortUndefined: 'last',
      cell: (c) => {
        const v = c.getValue();
        return v === undefined ? '—' : v ? 'Yes' : 'No';
      },
      meta: text('Emotional purchase'),
    }),
    helper.accessor((f) => f.dwellSeconds ?? undefined, {
      id: 'dwellSeconds',
      header: 'Dwell, s',
      sortUndefined: 'last',
      cell: (c) => {
        const v = c.getValue();
        return v === undefined ? '—' : formatCount(v);
      },
      meta: num('Dwell time at the shelf, seconds'),
    }),
    helper.accessor('priceAvg', {
      header: `Avg price, ${currency}`,
      cell: (c) => money(c.getValue()) + (c.row.original.priceNote ? ' *' : ''),
      meta: num(`Average unit price, ${currency}`),
    }),
    helper.accessor((f) => f.priceSd ?? undefined, {
      id: 'priceSd',
      header: `Price SD, ${currency}`,
      cell: (c) => money(c.getValue() ?? null),
      sortUndefined: 'last',
      meta: num(`Standard deviation of unit prices, ${currency}`),
    }),
    helper.accessor('priceMin', {
      header: `Min price, ${currency}`,
      cell: (c) => money(c.getValue()),
      meta: num(`Lowest unit price, ${currency}`),
    }),
    helper.accessor('priceMax', {
      header: `Max price, ${currency}`,
      cell: (c) => money(c.getValue()),
      meta: num(`Highest unit price, ${currency}`),
    }),
  ]);
  return columns;
}
