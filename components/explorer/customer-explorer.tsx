'use client';

import { saveFile } from '@/lib/browser/save-file';
import { yieldToBrowser } from '@/lib/browser/yield-to-browser';
import { atRiskThreshold, isAtRisk } from '@/lib/explorer/at-risk';
import { customersCsv, exportColumns, exportFileName } from '@/lib/explorer/csv';
import { CustomerFileError, parseCustomersMaster, type Customer } from '@/lib/explorer/customers';
import { activeFilterCount, filterIndices, filterOptions, type FilterKey } from '@/lib/explorer/filter';
import { averages } from '@/lib/explorer/profile';
import {
  adoptCarriedFilters,
  EMPTY_VIEW,
  parseView,
  serializeView,
  type ExplorerView,
} from '@/lib/explorer/query';
import { isSortColumn, RankCache, sortIndices } from '@/lib/explorer/sort';
import {
  predictionAvailability,
  type PredictionAvailability,
  type ValueModelInfo,
} from '@/lib/explorer/value';
import type { CustomerColumn } from '@/lib/schema/customers-master';
import { PERIOD_ONLY_KEYS } from '@/lib/url/period-keys';
import { editQuery } from '@/lib/url/url-state';
import { useTable, type ColumnVisibilityState, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ColumnMenu } from './column-menu';
import {
  ALL_COLUMNS,
  DEFAULT_VISIBLE,
  explorerColumns,
  explorerFeatures,
  unavailableColumns,
} from './columns';
import { CustomerTable, HEADER_HEIGHT, ROW_HEIGHT } from './customer-table';
import { FilterPanel } from './filters';
import { LoadError, LoadingCustomers } from './load-state';
import { ProfileDialog } from './profile';
import { Toolbar } from './toolbar';

const URL_WRITE_DELAY_MS = 150;

/** Served from public/ by `next start` and copied into out/ by the static export: same path in both. */
export const CUSTOMERS_URL = '/data/customers_master.json';

/** What the explorer needs of the whole list, worked out once when it loads. */
interface Book {
  currency: string;
  customers: Customer[];
  options: ReturnType<typeof filterOptions>;
  available: PredictionAvailability;
  /** The at-risk filter's spend threshold, and how many customers it selects. */
  riskThreshold: number | null;
  atRiskCount: number;
}

type Load =
  { status: 'loading' } | { status: 'error'; message: string; hint: string } | ({ status: 'ready' } & Book);

/**
 * The list's summaries, one step at a time with the browser free to paint and take input between
 * steps: on a phone each step is a few dozen milliseconds, all of them together several hundred.
 */
async function summarise(
  currency: string,
  customers: Customer[],
  valueModel: ValueModelInfo | null,
): Promise<Book> {
  await yieldToBrowser();
  const options = filterOptions(customers);
  await yieldToBrowser();
  const available = predictionAvailability(customers, valueModel);
  // The at-risk filter's spend threshold is found once per data set, not on every filter change.
  const riskThreshold = available.frequency ? atRiskThreshold(customers) : null;
  const atRiskCount = customers.reduce((n, c) => n + (isAtRisk(c, riskThreshold) ? 1 : 0), 0);
  await yieldToBrowser();
  return { currency, customers, options, available, riskThreshold, atRiskCount };
}

async function fetchCustomers(signal: AbortSignal, valueModel: ValueModelInfo | null): Promise<Load> {
  let res: Response;
  try {
    res = await fetch(CUSTOMERS_URL, { signal, cache: 'no-cache' });
  } catch (error) {
    if (signal.aborted) throw error;
    return {
      status: 'error',
      message: `The customer list (${CUSTOMERS_URL}) could not be downloaded.`,
      hint: 'Check that the dashboard is still running, then reload the page.',
    };
  }
  if (!res.ok) {
    return {
      status: 'error',
      message:
        res.status === 404
          ? `${CUSTOMERS_URL} was not found (HTTP 404): the customer table has not been built.`
          : `${CUSTOMERS_URL} answered HTTP ${res.status}.`,
      hint: 'Build the data with `npm run data:build` (or start the dashboard with `npm start`), then reload.',
    };
  }
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (error) {
    if (signal.aborted) throw error;
    return {
      status: 'error',
      message: `The customer list (${CUSTOMERS_URL}) could not be read: it is not a complete table file.`,
      hint: 'The file is damaged or was cut short. Rebuild it with `npm run data:build`, then reload.',
    };
  }
  await yieldToBrowser();
  let parsed: ReturnType<typeof parseCustomersMaster>;
  try {
    parsed = parseCustomersMaster(raw);
  } catch (error) {
    if (!(error instanceof CustomerFileError)) throw error;
    return {
      status: 'error',
      message: `${CUSTOMERS_URL} does not match the customers_master schema: ${error.message}.`,
      hint: 'It was built by another version of the pipeline, or edited. Rebuild it with `npm run data:build`.',
    };
  }
  return { status: 'ready', ...(await summarise(parsed.currency, parsed.customers, valueModel)) };
}

/** The key the table box carries: filters, search and sort (not columns or the open profile). */
function viewKey(view: ExplorerView): string {
  return serializeView({ ...view, columns: null, customer: null });
}

/**
 * The customer explorer. Customer rows are fetched here, in the browser, once the page has loaded —
 * the server-rendered page holds no customer data. The view (filters, search, sort, columns, open
 * profile) lives in the URL query, written with history.replaceState so a change costs no
 * navigation, and read back on load so a link reopens the same view.
 */
export function CustomerExplorer({ valueModel }: { valueModel: ValueModelInfo | null }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  // Read once from the address (the server render has none; it shows the loading state either way).
  const [view, setView] = useState<ExplorerView>(() =>
    typeof window === 'undefined' ? EMPTY_VIEW : parseView(window.location.search),
  );
  // Filters start open on wide screens, or when the link carries filters; folded away on a phone.
  const [filtersOpen, setFiltersOpen] = useState(
    () =>
      typeof window === 'undefined' ||
      window.matchMedia('(min-width: 640px)').matches ||
      activeFilterCount(parseView(window.location.search).filters) > 0,
  );
  const filterPanelId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchCustomers(controller.signal, valueModel).then(
      (result) => {
        setLoad(result);
        if (result.status !== 'ready') return;
        const personaOfCluster = new Map(result.customers.map((c) => [c.cluster_id, c.persona]));
        setView((v) => adoptCarriedFilters(v, personaOfCluster));
      },
      () => {
        if (controller.signal.aborted) return;
        setLoad({
          status: 'error',
          message: `The customer list (${CUSTOMERS_URL}) could not be shown: something went wrong on our side.`,
          hint: 'Reload the page; if it happens again, rebuild the data with `npm run data:build`.',
        });
      },
    );
    return () => controller.abort();
  }, [valueModel]);

  // The address follows the view a moment after it settles (typing a search writes once), outside
  // the frame that shows the new rows.
  useEffect(() => {
    if (load.status !== 'ready') return;
    const timer = window.setTimeout(() => {
      // The explorer owns the query of its page, but keeps the period other pages carry.
      editQuery((live) => {
        const query = new URLSearchParams(serializeView(view));
        for (const key of PERIOD_ONLY_KEYS) if (live.has(key)) query.set(key, live.get(key)!);
        return query;
      });
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [view, load.status]);

  const ready = load.status === 'ready' ? load : EMPTY_BOOK;
  const { customers: all, currency, options, available, riskThreshold, atRiskCount } = ready;
  // Averages for the profile's comparison, worked out when a profile is first opened.
  const profileOpen = view.customer !== null;
  const book = useMemo(() => (profileOpen ? averages(all) : null), [all, profileOpen]);
  const byId = useMemo(() => new Map(all.map((c) => [c.customer_id, c])), [all]);
  // Columns of a model that could not be fitted are hidden.
  const unavailable = useMemo(() => unavailableColumns(available), [available]);
  const defaults = useMemo(() => DEFAULT_VISIBLE.filter((c) => !unavailable.has(c)), [unavailable]);
  // Filtering and sorting work on positions into `all` (typed arrays), never on copies of 100,000
  // records; a column's ranks are computed on its first sort and reused afterwards.
  const ranks = useMemo(() => new RankCache(all), [all]);
  // Rank every column in idle time after loading, so that even a column's first sort is quick.
  useEffect(() => {
    if (!all.length) return;
    const todo = [...ALL_COLUMNS];
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    let handle = 0;
    const step = () => {
      const id = todo.shift();
      if (!id) return;
      ranks.get(id);
      handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [all, ranks]);
  const filtered = useMemo(
    () => filterIndices(all, view.filters, view.search, riskThreshold),
    [all, view.filters, view.search, riskThreshold],
  );
  const order = useMemo(
    () => (view.sort ? sortIndices(filtered, ranks.get(view.sort.id), view.sort.desc) : filtered),
    [filtered, ranks, view.sort],
  );

  const sorting = useMemo<SortingState>(
    () => (view.sort ? [{ id: view.sort.id, desc: view.sort.desc }] : []),
    [view.sort],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const shown = new Set<CustomerColumn>(view.columns ?? defaults);
    return Object.fromEntries(
      ALL_COLUMNS.map((c) => [c, (shown.has(c) && !unavailable.has(c)) || c === 'customer_id']),
    );
  }, [view.columns, defaults, unavailable]);

  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) =>
      setView((v) => {
        const current: SortingState = v.sort ? [{ id: v.sort.id, desc: v.sort.desc }] : [];
        const next = typeof updater === 'function' ? updater(current) : updater;
        const first = next[0];
        return { ...v, sort: first && isSortColumn(first.id) ? { id: first.id, desc: first.desc } : null };
      }),
    [],
  );
  const onColumnVisibilityChange = useCallback(
    (updater: Updater<ColumnVisibilityState>) =>
      setView((v) => {
        const shown = new Set<string>(v.columns ?? defaults);
        const current = Object.fromEntries(ALL_COLUMNS.map((c) => [c, shown.has(c) && !unavailable.has(c)]));
        const next = typeof updater === 'function' ? updater(current) : updater;
        const columns = ALL_COLUMNS.filter(
          (c) => c === 'customer_id' || (next[c] !== false && !unavailable.has(c)),
        );
        const isDefault = columns.length === defaults.length && columns.every((c, i) => c === defaults[i]);
        return { ...v, columns: isDefault ? null : columns };
      }),
    [defaults, unavailable],
  );

  // Rows are virtualised: the virtualizer works over every filtered, sorted customer, and TanStack
  // Table gets only the rows in view (plus overscan) as its data, as with server-side pages. Its row
  // model then costs a few dozen rows per change instead of 100,000 row objects.
  // The virtualizer's functions change as it scrolls, so React Compiler must not memoise this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0]!.index : 0;
  const end = items.length ? items[items.length - 1]!.index + 1 : 0;
  const windowRows = useMemo(
    () => Array.from(order.subarray(first, end), (i) => all[i]!),
    [order, all, first, end],
  );

  const table = useTable({
    features: explorerFeatures,
    columns: explorerColumns,
    data: windowRows,
    getRowId: (c) => c.customer_id,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange,
    onColumnVisibilityChange,
    meta: { currency, horizonMonths: valueModel?.horizonMonths ?? 12 },
  });

  const setFilter = useCallback((key: FilterKey, values: string[]) => {
    setView((v) => {
      const filters = { ...v.filters };
      if (values.length) filters[key] = values;
      else delete filters[key];
      return { ...v, filters };
    });
    scrollRef.current?.scrollTo({ top: 0 });
  }, []);

  const setAtRisk = useCallback((on: boolean) => {
    setView((v) => {
      const filters = { ...v.filters };
      if (on) filters.atRisk = true;
      else delete filters.atRisk;
      return { ...v, filters };
    });
    scrollRef.current?.scrollTo({ top: 0 });
  }, []);
  const atRiskOption = useMemo(
    () => ({
      available: available.frequency,
      unavailable: valueModel?.reason ?? null,
      count: atRiskCount,
      threshold: riskThreshold,
      currency,
    }),
    [available.frequency, valueModel, atRiskCount, riskThreshold, currency],
  );

  const openProfile = useCallback((id: string, trigger: HTMLElement) => {
    returnFocus.current = trigger;
    setView((v) => ({ ...v, customer: id }));
  }, []);
  const closeProfile = useCallback(() => {
    setView((v) => ({ ...v, customer: null }));
    const target = returnFocus.current;
    returnFocus.current = null;
    // The row may have scrolled out of the virtual window: fall back to the table's box.
    requestAnimationFrame(() => (target?.isConnected ? target : scrollRef.current)?.focus());
  }, []);

  const exportCsv = () => {
    const columns = exportColumns(table.getVisibleLeafColumns().map((c) => c.id as CustomerColumn));
    const rows = Array.from(order, (i) => all[i]!);
    saveFile(
      exportFileName(view.filters, view.search, view.sort, rows.length),
      new Blob([customersCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }),
    );
  };

  if (load.status === 'loading') return <LoadingCustomers url={CUSTOMERS_URL} />;
  if (load.status === 'error') return <LoadError message={load.message} hint={load.hint} />;

  const active = activeFilterCount(view.filters);
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="customer-explorer">
      <Toolbar
        search={view.search}
        onSearch={(q) => {
          setView((v) => ({ ...v, search: q }));
          scrollRef.current?.scrollTo({ top: 0 });
        }}
        shown={order.length}
        total={all.length}
        activeFilters={active}
        filtersOpen={filtersOpen}
        filterPanelId={filterPanelId}
        onToggleFilters={() => setFiltersOpen((o) => !o)}
        onClear={() => setView((v) => ({ ...v, filters: {}, search: '' }))}
        onExport={exportCsv}
        columnMenu={
          <ColumnMenu
            table={table}
            unavailable={unavailable}
            onReset={() => setView((v) => ({ ...v, columns: null }))}
          />
        }
        note={available.note}
      />
      <div id={filterPanelId} hidden={!filtersOpen} className="rounded-lg border border-line bg-surface p-4">
        <FilterPanel
          options={options}
          filters={view.filters}
          onChange={setFilter}
          atRisk={atRiskOption}
          onAtRisk={setAtRisk}
        />
      </div>
      <CustomerTable
        table={table}
        virtualizer={virtualizer}
        first={first}
        total={order.length}
        viewKey={viewKey(view)}
        onOpen={openProfile}
        scrollRef={scrollRef}
      />
      <p className="text-xs text-ink-muted">
        Click a row, or tab to a customer id and press Enter, to open the profile. Click a column header to
        sort; missing values (—) sort last. Export writes the filtered customers in this order with the
        visible columns, as raw values (predicted CLV with its 10th and 90th percentiles).
      </p>
      {view.customer && book ? (
        <ProfileDialog
          key={view.customer}
          customerId={view.customer}
          customer={byId.get(view.customer)}
          book={book}
          currency={currency}
          available={available}
          horizonMonths={valueModel?.horizonMonths ?? 12}
          atRisk={byId.has(view.customer) && isAtRisk(byId.get(view.customer)!, riskThreshold)}
          onClose={closeProfile}
        />
      ) : null}
    </div>
  );
}

const EMPTY_BOOK: Book = {
  currency: 'INR',
  customers: [],
  options: filterOptions([]),
  available: predictionAvailability([], null),
  riskThreshold: null,
  atRiskCount: 0,
};
