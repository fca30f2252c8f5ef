'use client';

import { saveFile } from '@/lib/browser/save-file';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { formatCount, formatRatio } from '@/lib/format/format';
import { toCsv } from '@/lib/format/table-data';
import { useUrlView } from '@/lib/url/url-state';
import {
  demandViewQuery,
  FAMILIES_URL,
  familiesTable,
  FAMILY_FIRST_ROWS,
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
  /** The rows the default view lists first (firstFamiliesOfDefaultView): all the page carries. */
  firstFamilies: DemandFamily[];
  /** How many families there are. */
  familyCount: number;
  intents: string[];
  currency: string;
  /** The table describes a brand's own categories (from its orders), not the public families. */
  own?: boolean;
}

/** Milliseconds the search waits after the last keystroke before it is written to the URL. */
const SEARCH_DEBOUNCE = 300;

/** The view into a query, other parameters kept. */
const writeDemandView = (view: DemandView, query: URLSearchParams) =>
  new URLSearchParams(demandViewQuery(view, query.toString()));

interface AllFamilies {
  /** Every family, once fetched. */
  families: DemandFamily[] | null;
  loading: boolean;
  /** The last fetch failed: kept while a retry runs, so that its message stays put. */
  failed: boolean;
}

/**
 * Every family, fetched once when `load` is first called (FAMILIES_URL); a failed fetch can be
 * asked again. `load` answers with the families.
 */
function useAllFamilies(): [AllFamilies, () => Promise<DemandFamily[]>] {
  const [all, setAll] = useState<AllFamilies>({ families: null, loading: false, failed: false });
  const request = useRef<Promise<DemandFamily[]> | null>(null);
  const load = useCallback(() => {
    request.current ??= (async () => {
      setAll((a) => ({ ...a, loading: true }));
      try {
        const response = await fetch(FAMILIES_URL);
        const families: unknown = response.ok ? await response.json() : null;
        if (!Array.isArray(families)) throw new Error(`${FAMILIES_URL} answered HTTP ${response.status}`);
        setAll({ families: families as DemandFamily[], loading: false, failed: false });
        return families as DemandFamily[];
      } catch (error) {
        request.current = null;
        setAll({ families: null, loading: false, failed: true });
        throw error;
      }
    })();
    return request.current;
  }, []);
  return [all, load];
}

/**
 * The family table with its view (intent, channel, search, sort) held in the URL. The page carries
 * only the rows the default view lists first; every family is fetched once the table is used (a
 * click, key or focus in it) or the link asks for another view.
 */
export function DemandTable({ firstFamilies, ...props }: DemandTableProps) {
  const read = useCallback(
    (query: URLSearchParams) => parseDemandView((k) => query.get(k), props.intents),
    [props.intents],
  );
  const [view, setView] = useUrlView(read, writeDemandView);
  const hydrated = useHydrated();
  const [all, loadAll] = useAllFamilies();
  const isDefaultView = demandViewQuery(view) === '';
  useEffect(() => {
    if (!isDefaultView) loadAll().catch(() => {});
  }, [isDefaultView, loadAll]);
  return (
    <div data-hydrated={hydrated}>
      <DemandTableView
        {...props}
        families={all.families ?? firstFamilies}
        all={all}
        onUse={loadAll}
        isDefaultView={isDefaultView}
        view={view}
        onView={setView}
      />
    </div>
  );
}

function download(table: Parameters<typeof toCsv>[0]) {
  saveFile('product-families.csv', new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
}

function DemandTableView({
  families,
  familyCount,
  all,
  onUse,
  isDefaultView,
  intents,
  currency,
  own = false,
  view,
  onView,
}: Omit<DemandTableProps, 'firstFamilies'> & {
  /** The families the table has: the first rows, or every family once fetched. */
  families: DemandFamily[];
  all: AllFamilies;
  onUse: () => Promise<DemandFamily[]>;
  isDefaultView: boolean;
  view: DemandView;
  onView: (patch: Partial<DemandView>) => void;
}) {
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
  const complete = all.families !== null;
  const total = all.families?.length ?? familyCount;
  // Until every family is in, the default view's count is every family; another view's is unknown.
  const countKnown = complete || (isDefaultView && search.trim() === '' && !all.failed);
  const shown = complete ? rows.length : familyCount;
  const listed = showAll ? rows : rows.slice(0, FAMILY_FIRST_ROWS);

  // A download asked for before every family is in waits for them (and is dropped if they fail).
  const downloadAsked = useRef(false);
  const [downloadWaiting, setDownloadWaiting] = useState(false);
  if (downloadWaiting && complete) setDownloadWaiting(false);
  const downloadShown = () =>
    download(
      familiesTable(
        rows.map((r) => r.original),
        currency,
      ),
    );
  useEffect(() => {
    if (!downloadAsked.current || !complete) return;
    downloadAsked.current = false;
    downloadShown();
    // Once, when every family has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [complete]);
  const use = () => void onUse().catch(() => {});

  return (
    <div id="demand-table-view" onClick={use} onKeyDown={use} onFocus={use}>
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
        {countKnown ? (
          <p
            className="text-sm text-ink-muted"
            aria-live="polite"
            data-testid="demand-count"
            data-count={shown}
          >
            Showing <strong className="font-medium text-ink">{formatCount(shown)}</strong> of{' '}
            {formatCount(total)} families, sorted by {sortedBy.toLowerCase()},{' '}
            {view.sort.desc ? 'high to low' : 'low to high'}.
          </p>
        ) : (
          <p className="text-sm text-ink-muted" aria-live="polite" data-testid="demand-count">
            {all.failed ? '' : `Finding the families of this view among all ${formatCount(total)}…`}
          </p>
        )}
        <button
          type="button"
          className="rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          onClick={() => {
            if (!complete) {
              downloadAsked.current = true;
              setDownloadWaiting(true);
              onUse().catch(() => {
                downloadAsked.current = false;
                setDownloadWaiting(false);
              });
              return;
            }
            downloadShown();
          }}
        >
          {downloadWaiting
            ? 'Preparing the CSV…'
            : `Download CSV${countKnown ? ` (${formatCount(shown)})` : ''}`}
        </button>
      </div>
      {all.failed ? (
        <div className="mb-2 flex flex-wrap items-center gap-3 text-sm text-ink" role="alert">
          <p>
            The full list of families could not be loaded, so the table sorts and filters only the{' '}
            {formatCount(FAMILY_FIRST_ROWS)} families biggest in store, and the download waits for the rest.
            Check the connection, then try again.
          </p>
          <button
            type="button"
            className="rounded-md border border-line px-2.5 py-1 text-xs text-ink hover:border-line-strong"
            aria-busy={all.loading}
            onClick={use}
          >
            {all.loading ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      ) : null}
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
          aria-busy={all.loading}
        >
          <caption className="sr-only">
            Product families: demand, impulse, dwell and prices
            {countKnown ? `, ${formatCount(shown)} of ${formatCount(total)} match` : ''}
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
      {countKnown && shown > FAMILY_FIRST_ROWS ? (
        <button
          type="button"
          className="mt-2 rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          aria-controls="demand-table-view"
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? `List the first ${formatCount(FAMILY_FIRST_ROWS)} only`
            : `Show all ${formatCount(shown)} families (${formatCount(FAMILY_FIRST_ROWS)} listed)`}
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
