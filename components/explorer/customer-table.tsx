'use client';

import { SortArrow } from '@/components/ui/sort-arrow';
import { personaColor } from '@/lib/charts/theme';
import type { Customer } from '@/lib/explorer/customers';
import type { RowWindow } from '@/lib/explorer/row-window';
import type { ReactTable } from '@tanstack/react-table';
import { columnLabel, formatClvRange, formatValue, NUMERIC_FORMATS, type ExplorerFeatures } from './columns';

/** Fixed row and header heights: rows are virtualised, so every row is the same height. */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 44;

interface CustomerTableProps {
  /** The table; its data is the fetched rows in view, row k being row `indices[k]` of `total`. */
  table: ReactTable<ExplorerFeatures, Customer>;
  /** The rows drawn (in view, plus an overscan) and the space above and below them. */
  rows: RowWindow;
  indices: readonly number[];
  total: number;
  /** A short key of the filters, search and sort shown, set on the box for tests and benchmarks. */
  viewKey: string;
  /** Another view's rows are on their way: these are still the previous view's. */
  busy: boolean;
  onOpen: (customerId: string) => void;
  scrollRef: React.Ref<HTMLDivElement>;
}

/**
 * The customers as a real <table> with a sticky header, virtualised: only the rows in view (plus
 * an overscan) are in the document, between two spacer rows that keep the scroll height right.
 * Each row's customer id is a button that opens the profile (Enter or Space); a click anywhere on
 * a row does the same.
 */
export function CustomerTable({
  table,
  rows: drawn,
  indices,
  total,
  viewKey,
  busy,
  onOpen,
  scrollRef,
}: CustomerTableProps) {
  const rows = table.getRowModel().rows;
  const rowAt = new Map(indices.map((index, k) => [index, rows[k]]));
  const tableMeta = table.options.meta;
  const currency = tableMeta?.currency ?? 'INR';
  const columns = table.getVisibleLeafColumns();
  const width = columns.reduce((w, c) => w + c.getSize(), 0);
  const { top, bottom } = drawn;
  const drawnIndices = Array.from({ length: drawn.end - drawn.first }, (_, k) => drawn.first + k);

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Customers (scrolls in both directions)"
      tabIndex={0}
      data-testid="customer-scroll"
      data-view={viewKey}
      data-row-count={total}
      aria-busy={busy}
      className="relative h-[min(68vh,640px)] min-h-80 overflow-auto overscroll-contain rounded-md border border-line scroll-cue"
    >
      <table
        className="border-separate border-spacing-0 text-sm"
        style={{ width, tableLayout: 'fixed' }}
        aria-rowcount={total + 1}
        aria-label="Customers"
        data-testid="customer-table"
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-[1]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta!;
                const sorted = header.column.getIsSorted();
                const numeric = NUMERIC_FORMATS.has(meta.format);
                const label = columnLabel(meta, tableMeta);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={`border-b border-line-strong bg-sunken px-2 text-[0.8rem] font-medium whitespace-nowrap text-ink-muted ${
                      numeric ? 'text-right' : 'text-left'
                    }`}
                  >
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      title={meta.description ? `${label}: ${meta.description}` : `Sort by ${label}`}
                      className={`inline-flex max-w-full items-center gap-1 rounded px-1 py-1 hover:text-ink ${
                        numeric ? 'flex-row-reverse' : ''
                      } ${sorted ? 'text-ink' : ''}`}
                      data-sort-button={header.column.id}
                    >
                      <span className="truncate">{label}</span>
                      <span aria-hidden="true" className="flex w-2.5 shrink-0 justify-center text-[0.7rem]">
                        <SortArrow direction={sorted} />
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
          {drawnIndices.map((index) => {
            const row = rowAt.get(index);
            // A row whose block is still being fetched keeps its place, marked as loading.
            if (!row)
              return (
                <tr
                  key={`loading-${index}`}
                  aria-rowindex={index + 2}
                  aria-busy="true"
                  data-row={index}
                  data-loading=""
                  style={{ height: ROW_HEIGHT }}
                >
                  <td colSpan={columns.length} className="border-b border-line/70 px-3 text-ink-muted">
                    Loading…
                  </td>
                </tr>
              );
            const c = row.original;
            // Keyed by place, not by customer: a new sort or filter then rewrites the text of the
            // rows on screen instead of building ~40 rows of elements again (bench:explorer at 1M:
            // the first sort's frame spent 44 ms in layout and 33 ms in paint on new rows).
            return (
              <tr
                key={index}
                aria-rowindex={index + 2}
                data-row={index}
                style={{ height: ROW_HEIGHT }}
                className="cursor-pointer odd:bg-paper/60 hover:bg-accent-soft/60"
                onClick={() => onOpen(c.customer_id)}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta!;
                  const numeric = NUMERIC_FORMATS.has(meta.format);
                  const base = 'border-b border-line/70 px-3 whitespace-nowrap overflow-hidden text-ellipsis';
                  if (cell.column.id === 'customer_id') {
                    return (
                      <th key={cell.column.id} scope="row" className={`${base} text-left font-medium`}>
                        <button
                          type="button"
                          data-customer={c.customer_id}
                          className="rounded font-mono text-[0.82rem] text-accent-strong underline decoration-line-strong underline-offset-2 hover:decoration-accent"
                          aria-label={`Open the profile of ${c.customer_id}`}
                        >
                          {c.customer_id}
                        </button>
                      </th>
                    );
                  }
                  if (cell.column.id === 'persona') {
                    return (
                      <td key={cell.column.id} className={base}>
                        <span
                          aria-hidden="true"
                          className="mr-1.5 inline-block size-2 rounded-full align-middle"
                          style={{ background: personaColor(c.cluster_id) }}
                        />
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  }
                  if (cell.column.id === 'predicted_clv' && c.predicted_clv !== null) {
                    // The value, then its 10th–90th percentile range in small type (the tooltip spells it out).
                    const value = formatValue(c.predicted_clv, 'money', currency);
                    const range = formatClvRange(c, currency);
                    return (
                      <td
                        key={cell.column.id}
                        className={`${base} text-right tabular-nums`}
                        title={range ? `${value}; 10th–90th percentile ${range}` : undefined}
                      >
                        {value}
                        {range ? (
                          <span className="ml-1 text-xs text-ink-muted" data-clv-range>
                            <span className="sr-only">, range </span>
                            {range}
                          </span>
                        ) : null}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={cell.column.id}
                      className={`${base} ${numeric ? 'text-right tabular-nums' : 'text-left'}`}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {total === 0 ? (
        <p className="sticky left-0 p-6 text-sm text-ink-muted" role="status">
          No customers match these filters. Clear a filter or the search to see more.
        </p>
      ) : null}
    </div>
  );
}
