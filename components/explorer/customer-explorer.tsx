'use client';

import { saveFile } from '@/lib/browser/save-file';
import { isAtRisk } from '@/lib/explorer/at-risk';
import { customersCsvParts, exportColumns, exportFileName } from '@/lib/explorer/csv';
import { CustomerFileError, type Customer } from '@/lib/explorer/customers';
import { CustomerEngine, MEMORY_COPY_MAX_CUSTOMERS, type CustomerSummary } from '@/lib/explorer/engine';
import { activeFilterCount, type FilterKey } from '@/lib/explorer/filter';
import { FIRST_ROWS, firstCustomers, firstRowsFile } from '@/lib/explorer/first-rows';
import type { AverageBook } from '@/lib/explorer/profile';
import {
  adoptCarriedFilters,
  EMPTY_VIEW,
  parseView,
  serializeView,
  type ExplorerView,
} from '@/lib/explorer/query';
import { isSortColumn } from '@/lib/explorer/sort';
import {
  predictionAvailability,
  type PredictionAvailability,
  type ValueModelInfo,
} from '@/lib/explorer/value';
import { formatCount } from '@/lib/format/format';
import type { CustomerColumn } from '@/lib/schema/customers-master';
import { PERIOD_ONLY_KEYS } from '@/lib/url/period-keys';
import { editQuery } from '@/lib/url/url-state';
import { useTable, type ColumnVisibilityState, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ColumnMenu } from './column-menu';
import {
  ALL_COLUMNS,
  DEFAULT_VISIBLE,
  explorerColumns,
  explorerFeatures,
  fetchedColumns,
  unavailableColumns,
} from './columns';
import { CustomerTable, HEADER_HEIGHT, ROW_HEIGHT } from './customer-table';
import { FilterPanel } from './filters';
import { LoadError, LoadingCustomers } from './load-state';
import { ProfileDialog } from './profile';
import { Toolbar } from './toolbar';
import { useRowWindow } from './use-row-window';

/** The address is written this long after a view's rows are shown, or at the latest this long after the view changed. */
const URL_WRITE_DELAY_MS = 150;
const URL_WRITE_LATEST_MS = 1_500;

/** Served from public/ by `next start` and copied into out/ by the static export: same path in both. */
export const CUSTOMERS_URL = '/data/customers_master.parquet';

/** The plain view's first rows, written by the build beside it (lib/explorer/first-rows.ts). */
const FIRST_ROWS_URL = `/data/${firstRowsFile('customers_master')}`;

/** Rows fetched at a time as the table scrolls: a few screens (the first block is FIRST_ROWS). */
const BLOCK_ROWS = FIRST_ROWS;

/** The open file: its engine and how many customers it holds. */
interface Book {
  engine: CustomerEngine;
  /** Stops the engine's worker. */
  close: () => void;
  total: number;
}

/** What the explorer works out once the file is copied into memory. */
interface Summary extends CustomerSummary {
  available: PredictionAvailability;
  /** The file was copied into the tab's memory (false: too many customers, each view reads the file). */
  inMemory: boolean;
}

type Load =
  { status: 'loading' } | { status: 'error'; message: string; hint: string } | ({ status: 'ready' } & Book);

/** The rows of one view (filters, search and sort) fetched so far, a block at a time. */
interface Shown {
  key: string;
  /** The columns its rows were fetched with (the visible ones, joined with commas). */
  columns: string;
  count: number;
  blocks: ReadonlyMap<number, Customer[]>;
  /** From the first-rows file, shown before the engine started: asked of the engine again once it has. */
  provisional?: boolean;
}

/**
 * Starts DuckDB in the browser on customers_master.parquet and counts its customers (from the file's
 * footer: a small range read). Every failure becomes a sentence the page can show, with what to do.
 */
async function openCustomers(signal: AbortSignal): Promise<Load> {
  let head: Response;
  try {
    head = await fetch(CUSTOMERS_URL, { method: 'HEAD', signal, cache: 'no-cache' });
  } catch (error) {
    if (signal.aborted) throw error;
    return {
      status: 'error',
      message: `The customer list (${CUSTOMERS_URL}) could not be reached.`,
      hint: 'Check that the dashboard is still running, then reload the page.',
    };
  }
  if (!head.ok) {
    return {
      status: 'error',
      message:
        head.status === 404
          ? `${CUSTOMERS_URL} was not found (HTTP 404): the customer table has not been built.`
          : `${CUSTOMERS_URL} answered HTTP ${head.status}.`,
      hint: 'Build the data with `npm run data:build` (or start the dashboard with `npm start`), then reload.',
    };
  }
  let engine: CustomerEngine;
  let total: number;
  let close = () => {};
  try {
    const { openBrowserDuckDB } = await import('@/lib/explorer/duckdb-browser');
    const db = await openBrowserDuckDB(CUSTOMERS_URL, 'customers_master.parquet');
    close = db.close;
    engine = await CustomerEngine.open(db.runner, 'customers_master.parquet');
    total = await engine.total();
  } catch (error) {
    close();
    if (signal.aborted) throw error;
    if (error instanceof CustomerFileError)
      return {
        status: 'error',
        message: `${CUSTOMERS_URL} cannot be read by this version of the dashboard: ${error.message}.`,
        hint: 'It was built by another version of the pipeline, or edited. Rebuild it with `npm run data:build`.',
      };
    return {
      status: 'error',
      message: `The customer list (${CUSTOMERS_URL}) could not be read: it is not a complete customers_master table, or this browser cannot run the explorer's database engine.`,
      hint: 'Rebuild the data with `npm run data:build` and reload; if it happens again, open the page in a current Chrome, Edge, Firefox or Safari.',
    };
  }
  if (total === 0) {
    close();
    return {
      status: 'error',
      message: `${CUSTOMERS_URL} holds no customers.`,
      hint: 'Rebuild the data with `npm run data:build`, then reload.',
    };
  }
  return { status: 'ready', engine, close, total };
}

/** A view that needs no summary and no sorting: its first rows can come straight from the file. */
const isPlain = (view: ExplorerView) => viewKey(view) === '';

/** The key of a view's rows: filters, search and sort (not columns or the open profile). */
function viewKey(view: ExplorerView): string {
  return serializeView({ ...view, columns: null, customer: null });
}

const NO_ROWS: Shown = { key: '', columns: '', count: 0, blocks: new Map() };

/**
 * The customer explorer. The server-rendered page holds no customer data: the first rows come from a
 * small file, and once the explorer is used DuckDB starts in a worker and reads
 * customers_master.parquet with HTTP range requests. Filters, search,
 * sort and paging run there as SQL (lib/explorer/engine.ts), and only the rows in view cross into
 * JavaScript, so a million customers open as quickly as ten thousand. The view (filters, search,
 * sort, columns, open profile) lives in the URL query, written with history.replaceState so a change
 * costs no navigation, and read back on load so a link reopens the same view.
 */
export function CustomerExplorer({
  valueModel,
  currency,
}: {
  valueModel: ValueModelInfo | null;
  currency: string;
}) {
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
  // The rows shown: null until the first view's rows arrive.
  const [shownRows, setShown] = useState<Shown | null>(null);
  const shown = shownRows ?? NO_ROWS;
  // The rows shown, for effects that start from them (kept current after each render).
  const shownRef = useRef<Shown | null>(null);
  useEffect(() => {
    shownRef.current = shownRows;
  });
  // The filters' values, the at-risk threshold and what the model predicts: once the file is in memory.
  const [summary, setSummary] = useState<Summary | null>(null);
  const [profile, setProfile] = useState<{ id: string; customer: Customer | null; book: AverageBook } | null>(
    null,
  );
  const [exporting, setExporting] = useState(false);
  const filterPanelId = useId();
  // The table's scroll box, as state: the row window starts following it once the table is shown.
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null);
  // The customer whose row opened the profile: focus goes back to that row when it closes.
  const returnFocus = useRef<string | null>(null);

  // DuckDB (18 MB of WebAssembly, then seconds of a phone's processor) starts once something needs it:
  // the filter panel (open from the start on a wide screen), a view or profile the link carries, a tap,
  // click, key or focus in the explorer, or scrolling past the first rows. Until then the first rows
  // come from the small file the build writes, so a phone that only reads them never downloads the
  // engine (scrolling the page or the table over them is not a use). Once started, it stays.
  const [engineWanted, setEngineWanted] = useState(false);
  if (!engineWanted && (filtersOpen || !isPlain(view) || view.customer !== null)) setEngineWanted(true);
  const wantEngine = useCallback(() => setEngineWanted(true), []);

  useEffect(() => {
    if (!engineWanted) return;
    const controller = new AbortController();
    let opened: Load | null = null;
    openCustomers(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) {
          if (result.status === 'ready') result.close();
          return;
        }
        opened = result;
        setLoad(result);
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
    return () => {
      controller.abort();
      if (opened?.status === 'ready') opened.close();
    };
  }, [engineWanted]);

  const ready = load.status === 'ready' ? load : null;
  const engine = ready?.engine ?? null;
  const total = ready?.total ?? 0;

  const key = viewKey(view);

  const riskThreshold = summary?.riskThreshold ?? null;
  // Until the summaries are in, the columns follow the model's verdict.
  const available = useMemo(
    () => summary?.available ?? predictionAvailability({ withPAlive: 1, withPredictedClv: 1 }, valueModel),
    [summary, valueModel],
  );
  // The rows' query, kept stable while only the columns or the open profile change.
  const query = useMemo(
    () => ({ filters: view.filters, search: view.search, sort: view.sort }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const unavailable = useMemo(() => unavailableColumns(available), [available]);
  const defaults = useMemo(() => DEFAULT_VISIBLE.filter((c) => !unavailable.has(c)), [unavailable]);
  const sorting = useMemo<SortingState>(
    () => (view.sort ? [{ id: view.sort.id, desc: view.sort.desc }] : []),
    [view.sort],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const visible = new Set<CustomerColumn>(view.columns ?? defaults);
    return Object.fromEntries(
      ALL_COLUMNS.map((c) => [c, (visible.has(c) && !unavailable.has(c)) || c === 'customer_id']),
    );
  }, [view.columns, defaults, unavailable]);

  // The rows are fetched with the visible columns only (a sort carries every column it selects).
  const rowColumns = fetchedColumns(ALL_COLUMNS.filter((c) => columnVisibility[c]));
  const columnsKey = rowColumns.join(',');

  // The address follows the view a moment after its rows are on screen (typing a search writes
  // once). Not sooner: writing it makes Next's router draw the page again (20–40 ms of the main
  // thread at 1M customers), which a fixed delay from the click put in front of a slow view's rows.
  // A view whose rows take longer than URL_WRITE_LATEST_MS (seconds above 6M customers, where each
  // view reads the file) is written then anyway, so a link copied meanwhile carries it.
  const rowsOnScreen =
    shownRows !== null && !shownRows.provisional && shownRows.key === key && shownRows.columns === columnsKey;
  useEffect(() => {
    if (load.status !== 'ready') return;
    const timer = window.setTimeout(
      () => {
        // The explorer owns the query of its page, but keeps the period other pages carry.
        editQuery((live) => {
          const query = new URLSearchParams(serializeView(view));
          for (const key of PERIOD_ONLY_KEYS) if (live.has(key)) query.set(key, live.get(key)!);
          return query;
        });
      },
      rowsOnScreen ? URL_WRITE_DELAY_MS : URL_WRITE_LATEST_MS,
    );
    return () => window.clearTimeout(timer);
  }, [view, load.status, rowsOnScreen]);

  // While the engine starts, a plain view shows its first rows from the small file the build
  // writes beside the Parquet file; they are asked of the engine again once it is ready.
  useEffect(() => {
    if (!isPlain(view)) return;
    let current = true;
    fetch(FIRST_ROWS_URL)
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: unknown) => {
        const first = firstCustomers(doc);
        if (!current || shownRef.current !== null) return;
        // Without the file, the engine shows the first rows.
        if (!first) {
          setEngineWanted(true);
          return;
        }
        setShown({
          key: '',
          columns: columnsKey,
          count: first.total,
          blocks: new Map([[0, first.customers]]),
          provisional: true,
        });
      })
      .catch(() => {
        if (current) setEngineWanted(true);
      });
    return () => {
      current = false;
    };
    // Once, for the view the page opened with (its rows hold every column, so any columns do).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Once the file is open: the first rows of a plain view straight from the file (a few range
  // reads), then the file copied into the engine's memory, then the summaries from that copy.
  useEffect(() => {
    if (!engine) return;
    let current = true;
    (async () => {
      if (isPlain(view) && shownRef.current === null) {
        const first = await engine.page(
          { filters: {}, search: '', sort: null },
          null,
          0,
          BLOCK_ROWS,
          rowColumns,
        );
        if (current && shownRef.current === null)
          setShown({ key: '', columns: columnsKey, count: total, blocks: new Map([[0, first]]) });
      }
      const inMemory = await engine.loadIntoMemory();
      const s = await engine.summary();
      if (!current) return;
      setSummary({ ...s, available: predictionAvailability(s, valueModel), inMemory });
      setView((v) => adoptCarriedFilters(v, s.personaOfCluster));
      // Opened on the plain view, the person's first sort comes next: the engine warms up for it.
      if (isPlain(view)) void engine.warmUp();
    })().catch(() => {
      if (current) setLoad(QUERY_FAILED);
    });
    return () => {
      current = false;
    };
    // Only the view the page opened with decides whether the first rows come from the file.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, total, valueModel]);

  // A new view, once the summaries are in: its count and first block, shown together, in place of
  // the previous view's rows. Other columns shown: the same count, the rows fetched again.
  useEffect(() => {
    const before = shownRef.current;
    // The engine's own rows of this view, whatever their columns: their count stands.
    const sameView = before?.key === key && !before.provisional;
    if (!engine || !summary || (sameView && before.columns === columnsKey)) return;
    let current = true;
    (async () => {
      // The first two blocks in one query: the table asks for the block after the one in view at
      // once, and a second query would sort the whole view again (150 ms at 5M customers) ahead of
      // whatever the person asks next.
      const { count, rows: first } = await engine.firstRows(
        query,
        summary.riskThreshold,
        2 * BLOCK_ROWS,
        rowColumns,
        sameView ? before.count : undefined,
      );
      const blocks = new Map([[0, first.slice(0, BLOCK_ROWS)]]);
      if (first.length > BLOCK_ROWS) blocks.set(1, first.slice(BLOCK_ROWS));
      if (current) setShown({ key, columns: columnsKey, count, blocks });
    })().catch(() => {
      if (current) setLoad(QUERY_FAILED);
    });
    return () => {
      current = false;
    };
    // rowColumns changes exactly when columnsKey does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, summary, query, key, columnsKey]);

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
        const visible = new Set<string>(v.columns ?? defaults);
        const current = Object.fromEntries(
          ALL_COLUMNS.map((c) => [c, visible.has(c) && !unavailable.has(c)]),
        );
        const next = typeof updater === 'function' ? updater(current) : updater;
        const columns = ALL_COLUMNS.filter(
          (c) => c === 'customer_id' || (next[c] !== false && !unavailable.has(c)),
        );
        const isDefault = columns.length === defaults.length && columns.every((c, i) => c === defaults[i]);
        return { ...v, columns: isDefault ? null : columns };
      }),
    [defaults, unavailable],
  );

  // Rows are windowed over every customer of the view (only those in view, plus an overscan, are
  // drawn); TanStack Table gets only the fetched rows among them as its data, as with server-side pages.
  const rowsShown = useRowWindow(scrollBox, shown.count, ROW_HEIGHT, HEADER_HEIGHT, 12);
  const { first, end } = rowsShown;
  // Rows past the first block come from the engine.
  const firstBlockRows = shown.blocks.get(0)?.length ?? 0;
  if (!engineWanted && shown.count > firstBlockRows && end > firstBlockRows) setEngineWanted(true);

  // Blocks in view (and the next one) that are not fetched yet are fetched, once each.
  const pending = useRef(new Set<string>());
  useEffect(() => {
    if (!engine || !shown.count || shown.key !== key || shown.columns !== columnsKey) return;
    const last = Math.min(shown.count - 1, end + BLOCK_ROWS);
    for (let b = Math.floor(first / BLOCK_ROWS); b <= Math.floor(last / BLOCK_ROWS); b++) {
      const id = `${shown.key}|${shown.columns}#${b}`;
      if (shown.blocks.has(b) || pending.current.has(id)) continue;
      pending.current.add(id);
      engine
        .page(query, riskThreshold, b * BLOCK_ROWS, BLOCK_ROWS, rowColumns)
        .then((rows) =>
          setShown((s) =>
            s?.key === shown.key && s.columns === shown.columns
              ? { ...s, blocks: new Map(s.blocks).set(b, rows) }
              : s,
          ),
        )
        .catch(() => setLoad(QUERY_FAILED))
        .finally(() => pending.current.delete(id));
    }
    // rowColumns changes exactly when columnsKey does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, shown, key, columnsKey, query, riskThreshold, first, end]);

  const windowRows = useMemo(() => {
    const rows: Customer[] = [];
    const indices: number[] = [];
    for (let i = first; i < end; i++) {
      const row = shown.blocks.get(Math.floor(i / BLOCK_ROWS))?.[i % BLOCK_ROWS];
      if (row) {
        rows.push(row);
        indices.push(i);
      }
    }
    return { rows, indices };
  }, [shown, first, end]);

  const table = useTable({
    features: explorerFeatures,
    columns: explorerColumns,
    data: windowRows.rows,
    getRowId: (c) => c.customer_id,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange,
    onColumnVisibilityChange,
    meta: { currency, horizonMonths: valueModel?.horizonMonths ?? 12 },
  });

  const setFilter = useCallback(
    (filterKey: FilterKey, values: string[]) => {
      setView((v) => {
        const filters = { ...v.filters };
        if (values.length) filters[filterKey] = values;
        else delete filters[filterKey];
        return { ...v, filters };
      });
      scrollBox?.scrollTo({ top: 0 });
    },
    [scrollBox],
  );

  const setAtRisk = useCallback(
    (on: boolean) => {
      setView((v) => {
        const filters = { ...v.filters };
        if (on) filters.atRisk = true;
        else delete filters.atRisk;
        return { ...v, filters };
      });
      scrollBox?.scrollTo({ top: 0 });
    },
    [scrollBox],
  );
  const atRiskOption = useMemo(
    () => ({
      available: available.frequency,
      unavailable: valueModel?.reason ?? null,
      count: summary?.atRiskCount ?? 0,
      threshold: riskThreshold,
      currency,
    }),
    [available.frequency, valueModel, summary?.atRiskCount, riskThreshold, currency],
  );

  // The open profile: the customer and the averages it is compared with, asked of the engine.
  const averagesOnce = useRef<Promise<AverageBook> | null>(null);
  useEffect(() => {
    const id = view.customer;
    if (!engine || !summary || id === null) return;
    let current = true;
    averagesOnce.current ??= engine.averages();
    Promise.all([engine.customer(id), averagesOnce.current])
      .then(([customer, book]) => {
        if (current) setProfile({ id, customer, book });
      })
      .catch(() => {
        if (current) setLoad(QUERY_FAILED);
      });
    return () => {
      current = false;
    };
  }, [engine, summary, view.customer]);

  const openProfile = useCallback((id: string) => {
    returnFocus.current = id;
    setView((v) => ({ ...v, customer: id }));
  }, []);
  const closeProfile = useCallback(() => {
    setView((v) => ({ ...v, customer: null }));
    setProfile(null);
    const id = returnFocus.current;
    returnFocus.current = null;
    // Back to the customer's own row, found by id: rows are kept by place, so the element that
    // opened the profile may show another customer by now (a new view arrived meanwhile). When the
    // row has scrolled out of the virtual window, the table's box.
    requestAnimationFrame(() => {
      const row = id
        ? scrollBox?.querySelector<HTMLElement>(`button[data-customer="${CSS.escape(id)}"]`)
        : null;
      (row ?? scrollBox)?.focus();
    });
  }, [scrollBox]);

  const writeCsv = async (open: CustomerEngine) => {
    try {
      const columns = exportColumns(table.getVisibleLeafColumns().map((c) => c.id as CustomerColumn));
      const parts = await customersCsvParts(columns, open.exportRows(query, riskThreshold, columns));
      saveFile(
        exportFileName(view.filters, view.search, view.sort, shown.count),
        new Blob(parts, { type: 'text/csv;charset=utf-8' }),
      );
    } catch {
      setLoad(QUERY_FAILED);
    } finally {
      setExporting(false);
    }
  };
  // An export asked for before the engine started (a phone starts it when used) runs once it is ready.
  const exportWhenReady = useRef(false);
  const exportCsv = () => {
    if (exporting) return;
    setExporting(true);
    if (engine && summary) void writeCsv(engine);
    else {
      exportWhenReady.current = true;
      setEngineWanted(true);
    }
  };
  useEffect(() => {
    if (!exportWhenReady.current || !engine || !summary) return;
    exportWhenReady.current = false;
    void writeCsv(engine);
    // Once, when the engine's summaries arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, summary]);

  if (load.status === 'error') return <LoadError message={load.message} hint={load.hint} />;
  if (shownRows === null) return <LoadingCustomers url={CUSTOMERS_URL} />;

  const active = activeFilterCount(view.filters);
  return (
    <div
      className="flex min-w-0 flex-col gap-4"
      data-testid="customer-explorer"
      onClick={wantEngine}
      onKeyDown={wantEngine}
      onFocus={wantEngine}
    >
      <Toolbar
        search={view.search}
        onSearch={(q) => {
          setView((v) => ({ ...v, search: q }));
          scrollBox?.scrollTo({ top: 0 });
        }}
        shown={shown.count}
        total={ready?.total ?? shown.count}
        activeFilters={active}
        filtersOpen={filtersOpen}
        filterPanelId={filterPanelId}
        onToggleFilters={() => setFiltersOpen((o) => !o)}
        onClear={() => setView((v) => ({ ...v, filters: {}, search: '' }))}
        onExport={exportCsv}
        exporting={exporting}
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
        {summary ? (
          <FilterPanel
            options={summary.options}
            filters={view.filters}
            onChange={setFilter}
            atRisk={atRiskOption}
            onAtRisk={setAtRisk}
          />
        ) : (
          <p className="text-sm text-ink-muted" role="status">
            Counting each filter’s customers…
          </p>
        )}
      </div>
      {summary && !summary.inMemory ? (
        <p className="text-sm text-ink-muted" role="note" data-testid="engine-note">
          {formatCount(summary.total)} customers are more than a browser tab can hold in memory (up to{' '}
          {formatCount(MEMORY_COPY_MAX_CUSTOMERS)}), so each sort, filter and search reads the file again and
          can take several seconds.
        </p>
      ) : null}
      <CustomerTable
        table={table}
        rows={rowsShown}
        indices={windowRows.indices}
        total={shown.count}
        viewKey={shown.key}
        busy={shown.key !== key || shown.columns !== columnsKey}
        onOpen={openProfile}
        scrollRef={setScrollBox}
      />
      <p className="text-xs text-ink-muted">
        Click a row, or tab to a customer id and press Enter, to open the profile. Click a column header to
        sort; missing values (—) sort last. Export writes the filtered customers in this order with the
        visible columns, as raw values (predicted CLV with its 10th and 90th percentiles).
      </p>
      {view.customer && profile?.id === view.customer ? (
        <ProfileDialog
          key={view.customer}
          customerId={view.customer}
          customer={profile.customer ?? undefined}
          book={profile.book}
          currency={currency}
          available={available}
          horizonMonths={valueModel?.horizonMonths ?? 12}
          atRisk={profile.customer !== null && isAtRisk(profile.customer, riskThreshold)}
          onClose={closeProfile}
        />
      ) : null}
    </div>
  );
}

const QUERY_FAILED: Load = {
  status: 'error',
  message: `The customer list (${CUSTOMERS_URL}) stopped answering: the explorer's database engine failed.`,
  hint: 'Reload the page; if it happens again, rebuild the data with `npm run data:build`.',
};
