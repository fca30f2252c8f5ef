'use client';

import { saveFile } from '@/lib/browser/save-file';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { formatCount, formatRatio } from '@/lib/format/format';
import { toCsv } from '@/lib/format/table-data';
import { useUrlView } from '@/lib/url/url-state';
import {
  demandViewQuery,
  familiesTable,
  LEAN_RATIO,
  parseDemandView,
  type DemandFamily,
  type DemandView,
  type SortableColumn,
} from '@/lib/view/demand';
import { functionalUpdate, useTable, type SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { demandColumns, demandFeatures } from './columns';
import { DemandFilters } from './demand-filters';
import { SortHeader } from './sort-header';

interface DemandTableProps {
  families: DemandFamily[];
  intents: string[];
  currency: string;
  /** The table describes a brand's own categories (from its orders), not the public families. */
  own?: boolean;
}

/**
 * Rows listed before "Show all": every family is sorted, filtered and exported, but drawing all 134
 * rows (2,000 cells) up front cost a phone more than the rest of the page together (bench:mobile).
 */
const FIRST_ROWS = 25;

/** Milliseconds the search waits after the last keystroke before it is written to the URL. */
const SEARCH_DEBOUNCE = 300;

/** The view into a query, other parameters kept. */
const writeDemandView = (view: DemandView, query: URLSearchParams) =>
  new URLSearchParams(demandViewQuery(view, query.toString()));

/** The family table with its view (intent, channel, search, sort) held in the URL. */
export function DemandTable(props: DemandTableProps) {
  const read = useCallback(
    (query: URLSearchParams) => parseDemandView((k) => query.get(k), props.intents),
    [props.intents],
  );
  const [view, setView] = useUrlView(read, writeDemandView);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <DemandTableView {...props} view={view} onView={setView} />
    </div>
  );
}

function download(table: Parameters<typeof toCsv>[0]) {
  saveFile('product-families.csv', new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
}

function DemandTableView({
  families,
  intents,
  currency,
  own = false,
  view,
  onView,
}: DemandTableProps & { view: DemandView; onView: (patch: Partial<DemandView>) => void }) {
  // The search box answers at once; the URL follows when typing pauses. A URL change that is not
  // our own write (back / forward, a shared link) replaces what is in the box.
  const [search, setSearch] = useState(view.search);
  const [urlSearch, setUrlSearch] = useState(view.search);
  const [written, setWritten] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  if (urlSearch !== view.search) {
    setUrlSearch(view.search);
    if (view.search !== written && view.search !== search.trim()) setSearch(view.search);
  }
  const latest = useRef({ view, onView });
  useEffect(() => {
    latest.current = { view, onView };
  });
  useEffect(() => {
    if (search.trim() === latest.current.view.search.trim()) return;
    const t = setTimeout(() => {
      setWritten(search.trim());
      latest.current.onView({ search });
    }, SEARCH_DEBOUNCE);
    return () => clearTimeout(t);
  }, [search]);

  const update = (patch: Partial<DemandView>) => onView({ search, ...patch });

  const columns = useMemo(() => demandColumns(currency), [currency]);
  const sorting = useMemo<SortingState>(() => [{ id: view.sort.id, desc: view.sort.desc }], [view.sort]);
  const columnFilters = useMemo(
    () => [
      ...(view.intent !== 'all' ? [{ id: 'intent', value: view.intent }] : []),
      ...(view.channel !== 'all' ? [{ id: 'onlineIndex', value: view.channel }] : []),
    ],
    [view.intent, view.channel],
  );
  const table = useTable({
    features: demandFeatures,
    columns,
    data: families,
    getRowId: (f) => String(f.id),
    state: { sorting, columnFilters, globalFilter: search.trim() },
    enableSortingRemoval: false,
    enableMultiSort: false,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: (column) => column.id === 'name',
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (next) update({ sort: { id: next.id as SortableColumn, desc: next.desc } });
    },
  });

  const rows = table.getRowModel().rows;
  const sortedBy = table.getColumn(view.sort.id)?.columnDef.meta?.description ?? view.sort.id;
  const shown = rows.length;
  const listed = showAll ? rows : rows.slice(0, FIRST_ROWS);

  return (
    <div id="demand-table-view">
      <DemandFilters
        intents={intents}
        intent={view.intent}
        channel={view.channel}
        search={search}
        onIntent={(intent) => update({ intent })}
        onChannel={(channel) => update({ channel })}
        onSearch={setSearch}
      />
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p
          className="text-sm text-ink-muted"
          aria-live="polite"
          data-testid="demand-count"
          data-count={shown}
        >
          Showing <strong className="font-medium text-ink">{formatCount(shown)}</strong> of{' '}
          {formatCount(families.length)} families, sorted by {sortedBy.toLowerCase()},{' '}
          {view.sort.desc ? 'high to low' : 'low to high'}.
        </p>
        <button
          type="button"
          className="rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          onClick={() =>
            download(
              familiesTable(
                rows.map((r) => r.original),
                currency,
              ),
            )
          }
        >
          Download CSV ({formatCount(shown)})
        </button>
      </div>
      <div
        className="max-h-[36rem] overflow-auto rounded-md border border-line scroll-cue"
        role="region"
        aria-label="Product families table"
        tabIndex={0}
      >
        {/* Cell padding and rules are set once here for every body cell, not repeated on 1,700 cells. */}
        <table
          className="w-full border-separate border-spacing-0 text-sm [&_tbody_:is(td,th)]:border-b [&_tbody_:is(td,th)]:border-line/70 [&_tbody_:is(td,th)]:px-2 [&_tbody_:is(td,th)]:py-1.5 [&_tbody_:is(td,th)]:whitespace-nowrap [&_tbody_tr:last-child>*]:border-0"
          data-testid="demand-table"
        >
          <caption className="sr-only">
            Product families: demand, impulse, dwell and prices, {formatCount(shown)} of{' '}
            {formatCount(families.length)} match
            {listed.length < shown ? `, the first ${formatCount(listed.length)} listed` : ''}. Column headers
            are buttons that sort the table.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, i) => (
                  <SortHeader key={header.id} header={header} sticky={i === 0}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </SortHeader>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {listed.map((row) => (
              <tr key={row.id} data-testid="demand-row" data-family={row.original.id}>
                {row.getAllCells().map((cell, i) => {
                  const meta = cell.column.columnDef.meta;
                  const raw = cell.getValue();
                  const common = meta?.numeric ? 'text-right tabular-nums' : 'text-left';
                  return i === 0 ? (
                    <th
                      key={cell.id}
                      scope="row"
                      data-col={cell.column.id}
                      data-value={String(raw)}
                      className={`${common} sticky left-0 z-10 max-w-[11rem] truncate bg-surface font-medium sm:max-w-none`}
                      title={
                        row.original.sourceName === row.original.name
                          ? row.original.name
                          : `${row.original.name} (in the source data: ${row.original.sourceName})`
                      }
                    >
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td
                      key={cell.id}
                      data-col={cell.column.id}
                      data-value={raw === undefined || raw === null ? '' : String(raw)}
                      className={common}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
            {shown === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3! py-6! text-center text-ink-muted">
                  No family matches these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {shown > FIRST_ROWS ? (
        <button
          type="button"
          className="mt-2 rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          aria-controls="demand-table-view"
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? `List the first ${formatCount(FIRST_ROWS)} only`
            : `Show all ${formatCount(shown)} families (${formatCount(FIRST_ROWS)} listed)`}
        </button>
      ) : null}
      <p className="mt-2 max-w-3xl text-xs text-ink-muted">
        Channel lean = the family’s share of online daily demand ÷ its share of in-store daily demand:{' '}
        {formatRatio(LEAN_RATIO, 2)} or more leans online, {formatRatio(1 / LEAN_RATIO, 2)} or less leans in
        store, anything between is balanced.{' '}
        {own
          ? `Purchase % is the share of the channel’s orders that include the category; daily demand is units a day over the window; prices are amount ÷ quantity in ${currency}. Impulse, emotional flag and dwell exist only in the public data (—).`
          : `Purchase % is the share of in-store shoppers (or online orders) that include the family. Prices are the sources’ January 2023 US-dollar prices converted to ${currency}; * marks published prices that were scraped from appliances and are not used by the generator.`}
      </p>
    </div>
  );
}
