'use client';

import type { Customer } from '@/lib/explorer/customers';
import type { ReactTable } from '@tanstack/react-table';
import { columnLabel, type ExplorerFeatures } from './columns';

interface ColumnMenuProps {
  table: ReactTable<ExplorerFeatures, Customer>;
  onReset: () => void;
  /** Prediction columns without values in this data: greyed out, with why in the menu. */
  unavailable: ReadonlySet<string>;
}

/** Column visibility: a disclosure with one checkbox per column (the customer id always stays). */
export function ColumnMenu({ table, onReset, unavailable }: ColumnMenuProps) {
  const columns = table.getAllLeafColumns();
  const visible = table.getVisibleLeafColumns().length;
  return (
    <details className="group relative" data-testid="column-menu">
      <summary className="cursor-pointer list-none rounded-md border border-line bg-paper px-3 py-1.5 text-sm text-ink hover:border-line-strong [&::-webkit-details-marker]:hidden">
        Columns{' '}
        <span className="text-ink-muted">
          ({visible} of {columns.length})
        </span>
        <span aria-hidden="true" className="ml-1 inline-block text-xs text-ink-muted group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-72 max-w-[calc(100vw-2.5rem)] rounded-md border border-line bg-surface p-3 shadow-lg">
        <fieldset>
          <legend className="text-xs font-medium tracking-label text-ink-muted uppercase">
            Show columns
          </legend>
          <ul className="mt-2 max-h-72 space-y-0.5 overflow-y-auto pr-1">
            {columns.map((c) => {
              const off = unavailable.has(c.id);
              return (
                <li key={c.id}>
                  <label
                    className={`flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-sunken ${
                      off ? 'text-ink-muted' : ''
                    }`}
                  >
                    <input
                      type="checkbox"
                      className="accent-[var(--color-accent)]"
                      checked={c.getIsVisible()}
                      disabled={!c.getCanHide() || off}
                      onChange={c.getToggleVisibilityHandler()}
                      data-column={c.id}
                    />
                    <span>
                      {columnLabel(c.columnDef.meta!, table.options.meta)}
                      {off ? <span className="text-xs"> · no prediction in this data</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <button
          type="button"
          onClick={onReset}
          className="mt-2 rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
        >
          Default columns
        </button>
      </div>
    </details>
  );
}
