import { formatCell, type TableData } from '@/lib/format/table-data';

/** A phone shows this many rows of a long table until "Show all" is ticked; shorter tables show whole. */
export const PHONE_ROWS = 10;
/** Only tables this much longer than PHONE_ROWS fold: hiding two rows behind a control helps nobody. */
const FOLD_AT = PHONE_ROWS + 3;

interface DataTableProps {
  table: TableData;
  caption: string;
  currency: string;
  /** Index of the column that names each row (rendered as a row header). */
  rowHeader?: number;
  /** Rows drawn with a top rule and bold, e.g. a total. */
  emphasiseLast?: boolean;
  className?: string;
  captionHidden?: boolean;
  /** Let text cells wrap (long descriptions) instead of keeping every cell on one line. */
  wrapText?: boolean;
}

/** An accessible, horizontally scrollable table; numbers are right-aligned and formatted in one place. */
export function DataTable({
  table,
  caption,
  currency,
  rowHeader = 0,
  emphasiseLast,
  className = '',
  captionHidden = false,
  wrapText = false,
}: DataTableProps) {
  const folds = table.rows.length >= FOLD_AT;
  const region = (
    <div
      className={`overflow-x-auto rounded-md border border-line scroll-cue ${folds ? '' : className}`}
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      {/*
        Body cells' padding, rules, alignment and figures are set once (here and .data-table in
        app/globals.css), not repeated on every cell: a page's tables hold hundreds of them.
      */}
      <table className="data-table w-full border-collapse text-sm [&_tbody_:is(td,th)]:px-3 [&_tbody_:is(td,th)]:py-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-line/70 [&_tbody_tr:last-child]:border-0">
        <caption className={captionHidden ? 'sr-only' : 'px-4 pt-3 text-left text-xs text-ink-muted'}>
          {caption}
        </caption>
        <thead>
          {/* Opaque header tint (sunken at 60 % over the surface), so the sticky first cell hides what scrolls under it. */}
          <tr className="border-b border-line bg-[color-mix(in_srgb,var(--color-sunken)_60%,var(--color-surface))]">
            {table.columns.map((c, i) => (
              <th
                key={c.key}
                scope="col"
                className={`px-3 py-2 text-xs font-medium tracking-label whitespace-nowrap text-ink-muted uppercase ${
                  i === rowHeader || c.format === 'text' ? 'text-left' : 'text-right'
                } ${i === rowHeader ? 'sticky left-0 bg-inherit' : ''}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => {
            const last = emphasiseLast && r === table.rows.length - 1;
            return (
              <tr
                key={r}
                className={last ? 'border-t-2 border-t-line-strong font-semibold' : undefined}
                data-more={folds && r >= PHONE_ROWS && !last ? '' : undefined}
              >
                {table.columns.map((c, i) => {
                  const text = formatCell(row[c.key], c, currency);
                  // The row's name (a <th>) stays in view while the figures scroll sideways.
                  return i === rowHeader ? (
                    <th key={c.key} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td
                      key={c.key}
                      className={
                        c.format !== 'text'
                          ? undefined
                          : wrapText
                            ? 'min-w-32 text-left whitespace-normal'
                            : 'text-left'
                      }
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  if (!folds) return region;
  return (
    <div className={`phone-rows ${className}`}>
      {region}
      <label className="mt-2 flex items-center gap-2 text-sm text-ink-muted sm:hidden print:hidden">
        <input type="checkbox" className="phone-rows-toggle size-4 accent-accent" />
        Show all {table.rows.length} rows
      </label>
    </div>
  );
}
