'use client';

import { SortArrow } from '@/components/ui/sort-arrow';
import { textOn } from '@/lib/charts/theme';
import { useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';

export interface HeatmapAxisItem {
  id: string;
  label: string;
  /** Optional group label (e.g. the intent of a product family), shown above column headers. */
  group?: string;
  /**
   * Optional short header text (e.g. "13" for 13:00–14:00), shown instead of the label (which stays
   * in the accessible name and tooltips); when every column has one, column headers are horizontal.
   */
  short?: string;
}

interface HeatmapProps {
  caption: string;
  rows: HeatmapAxisItem[];
  columns: HeatmapAxisItem[];
  /** values[row][column]; null = no data. */
  values: Array<Array<number | null>>;
  color: (value: number) => string;
  format: (value: number) => string;
  /** Extra lines for the tooltip of one cell. */
  details?: (row: number, column: number) => string[];
  rowHeaderLabel: string;
  testId?: string;
  /** Cells to outline (e.g. peak windows), with the words a screen reader hears for them. */
  marked?: { isMarked: (row: number, column: number) => boolean; label: string };
}

type Sort =
  | { by: 'none' }
  | { by: 'column'; index: number; desc: boolean }
  | { by: 'row'; index: number; desc: boolean };

/**
 * A heatmap drawn as a table: every cell is a real, focusable table cell with its exact value, so
 * it reads with a keyboard and a screen reader. Click a column header to sort rows by it, a row
 * header to sort columns by it (again to reverse, a third time to reset).
 */
export function Heatmap({
  caption,
  rows,
  columns,
  values,
  color,
  format,
  details,
  rowHeaderLabel,
  testId,
  marked,
}: HeatmapProps) {
  const [sort, setSort] = useState<Sort>({ by: 'none' });
  const [tip, setTip] = useState<{ r: number; c: number } | null>(null);
  // Roving tab stop: the grid is one stop in the tab order; arrow keys move between cells.
  const [cursor, setCursor] = useState({ row: 0, col: 0 });
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const rowOrder = useMemo(() => {
    const order = rows.map((_, i) => i);
    if (sort.by === 'column') {
      const v = (r: number) => values[r]?.[sort.index] ?? -Infinity;
      order.sort((a, b) => (sort.desc ? v(b) - v(a) : v(a) - v(b)) || a - b);
    }
    return order;
  }, [rows, values, sort]);

  const colOrder = useMemo(() => {
    const order = columns.map((_, i) => i);
    if (sort.by === 'row') {
      const v = (c: number) => values[sort.index]?.[c] ?? -Infinity;
      order.sort((a, b) => (sort.desc ? v(b) - v(a) : v(a) - v(b)) || a - b);
    }
    return order;
  }, [columns, values, sort]);

  const cycle = (by: 'row' | 'column', index: number) =>
    setSort((s) =>
      s.by === by && s.index === index
        ? s.desc
          ? { by, index, desc: false }
          : { by: 'none' }
        : { by, index, desc: true },
    );

  const moveTo = (row: number, col: number) => {
    const next = {
      row: Math.max(0, Math.min(rowOrder.length - 1, row)),
      col: Math.max(0, Math.min(colOrder.length - 1, col)),
    };
    setCursor(next);
    // cells[0] is the row header.
    bodyRef.current?.rows[next.row]?.cells[next.col + 1]?.focus();
  };
  /**
   * The body listens once for every cell (a page holds several hundred): the cell's place in the
   * drawn grid, from the table itself; null outside the value cells.
   */
  const placeOf = (target: EventTarget): { ri: number; ci: number } | null => {
    const cell = (target as Element).closest?.('td');
    const row = cell?.parentElement as HTMLTableRowElement | null | undefined;
    if (!cell || !row || cell.cellIndex < 1) return null;
    return { ri: row.sectionRowIndex, ci: cell.cellIndex - 1 };
  };
  const tipAt = (place: { ri: number; ci: number } | null) =>
    setTip(place ? { r: rowOrder[place.ri]!, c: colOrder[place.ci]! } : null);
  const onBodyPointer = (event: MouseEvent<HTMLTableSectionElement>) => tipAt(placeOf(event.target));
  const onBodyFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const place = placeOf(event.target);
    tipAt(place);
    if (place) setCursor({ row: place.ri, col: place.ci });
  };
  const onBodyKey = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!placeOf(event.target)) return;
    const { row, col } = cursor;
    const last = { row: rowOrder.length - 1, col: colOrder.length - 1 };
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      Home: event.ctrlKey ? [0, 0] : [row, 0],
      End: event.ctrlKey ? [last.row, last.col] : [row, last.col],
      PageDown: [last.row, col],
      PageUp: [0, col],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    moveTo(target[0], target[1]);
  };
  // When the axes change (another level or top N), keep the tab stop inside the grid.
  const stop = {
    row: Math.min(cursor.row, Math.max(0, rowOrder.length - 1)),
    col: Math.min(cursor.col, Math.max(0, colOrder.length - 1)),
  };

  const groups = sort.by === 'row' ? [] : groupSpans(colOrder.map((c) => columns[c]!.group));
  const shortHeaders = columns.length > 0 && columns.every((c) => c.short !== undefined);

  return (
    <div className="relative overflow-x-auto" data-testid={testId}>
      {/* The value cells' look is set once here, not repeated on each of several hundred cells. */}
      <table className="border-separate border-spacing-0.5 text-xs [&_td[tabindex]]:h-9 [&_td[tabindex]]:min-w-9 [&_td[tabindex]]:rounded-sm [&_td[tabindex]]:px-1 [&_td[tabindex]]:text-center [&_td[tabindex]]:tabular-nums [&_td[tabindex]]:outline-offset-1 [&_td[tabindex]:focus]:outline-2 [&_td[tabindex]:focus]:outline-ink">
        <caption className="sr-only">
          {caption}. Activate a header to sort by it; in the cells, arrow keys move, Home and End go to the
          ends of a row.
        </caption>
        <thead>
          {groups.length > 1 ? (
            <tr>
              <td />
              {groups.map((g, i) => (
                <th
                  key={i}
                  colSpan={g.span}
                  scope="colgroup"
                  className="border-b border-line px-1 pb-1 text-left font-medium text-ink-muted"
                >
                  {g.label}
                </th>
              ))}
            </tr>
          ) : null}
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 bg-surface px-2 py-1 text-left align-bottom font-medium text-ink-muted"
            >
              {rowHeaderLabel}
            </th>
            {colOrder.map((c) => {
              const col = columns[c]!;
              const active = sort.by === 'column' && sort.index === c;
              return (
                <th
                  key={col.id}
                  scope="col"
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
                  className="min-w-9 align-bottom"
                >
                  <button
                    type="button"
                    onClick={() => cycle('column', c)}
                    className={
                      shortHeaders
                        ? 'mx-auto block font-normal whitespace-nowrap text-ink-muted tabular-nums hover:text-ink'
                        : 'mx-auto block max-h-44 rotate-180 overflow-hidden text-left font-normal text-ellipsis whitespace-nowrap text-ink-muted [writing-mode:vertical-rl] hover:text-ink'
                    }
                    title={`Sort rows by ${col.label}`}
                    aria-label={shortHeaders ? col.label : undefined}
                  >
                    {shortHeaders ? col.short : col.label}
                    {active ? (
                      <>
                        {' '}
                        <SortArrow
                          direction={sort.desc ? 'desc' : 'asc'}
                          // The long labels are turned half a turn; so would the arrow be.
                          className={shortHeaders ? '' : 'rotate-180'}
                        />
                      </>
                    ) : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody
          ref={bodyRef}
          onMouseOver={onBodyPointer}
          onMouseLeave={() => setTip(null)}
          onFocus={onBodyFocus}
          onBlur={() => setTip(null)}
          onKeyDown={onBodyKey}
        >
          {rowOrder.map((r, ri) => {
            const row = rows[r]!;
            const active = sort.by === 'row' && sort.index === r;
            return (
              <tr key={row.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 bg-surface px-2 text-left font-medium whitespace-nowrap"
                >
                  <button
                    type="button"
                    onClick={() => cycle('row', r)}
                    className="hover:underline"
                    title={`Sort columns by ${row.label}`}
                    aria-label={row.short !== undefined ? row.label : undefined}
                  >
                    {row.short ?? row.label}
                    {active ? (sort.desc ? ' ▶' : ' ◀') : ''}
                  </button>
                </th>
                {colOrder.map((c, ci) => {
                  const v = values[r]?.[c] ?? null;
                  const bg = v === null ? 'transparent' : color(v);
                  const label = v === null ? '—' : format(v);
                  const isMarked = marked?.isMarked(r, c) ?? false;
                  return (
                    <td
                      key={columns[c]!.id}
                      tabIndex={ri === stop.row && ci === stop.col ? 0 : -1}
                      data-row={row.id}
                      data-col={columns[c]!.id}
                      data-value={v ?? ''}
                      data-marked={isMarked || undefined}
                      aria-label={`${row.label}, ${columns[c]!.label}: ${v === null ? 'no data' : label}${isMarked ? ` (${marked!.label})` : ''}`}
                      style={{
                        background: bg,
                        color: v === null ? undefined : textOn(bg),
                        // A double ring (light inside, ink outside) shows on light and dark cells alike.
                        boxShadow: isMarked ? 'inset 0 0 0 2px #fffdf9, inset 0 0 0 4px #2b241f' : undefined,
                      }}
                    >
                      {label}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {tip ? (
        <div
          role="tooltip"
          className="pointer-events-none sticky left-0 mt-2 inline-block rounded-md border border-line bg-ink px-3 py-2 text-xs text-paper shadow"
        >
          <p className="font-medium">
            {rows[tip.r]!.label} × {columns[tip.c]!.label}
          </p>
          <p>
            {values[tip.r]?.[tip.c] === null || values[tip.r]?.[tip.c] === undefined
              ? 'no data'
              : format(values[tip.r]![tip.c]!)}
          </p>
          {details?.(tip.r, tip.c).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          {marked?.isMarked(tip.r, tip.c) ? <p>{marked.label}</p> : null}
        </div>
      ) : (
        <p className="mt-2 text-xs text-ink-muted">Tap, hover or focus a cell for its exact figures.</p>
      )}
    </div>
  );
}

function groupSpans(groups: Array<string | undefined>): Array<{ label: string; span: number }> {
  const out: Array<{ label: string; span: number }> = [];
  for (const g of groups) {
    const label = g ?? '';
    const last = out[out.length - 1];
    if (last && last.label === label) last.span++;
    else out.push({ label, span: 1 });
  }
  return out;
}
