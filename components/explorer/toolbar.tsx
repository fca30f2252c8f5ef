'use client';

import { formatCount } from '@/lib/format/format';
import { useId, type ReactNode } from 'react';

interface ToolbarProps {
  search: string;
  onSearch: (q: string) => void;
  shown: number;
  total: number;
  activeFilters: number;
  filtersOpen: boolean;
  filterPanelId: string;
  onToggleFilters: () => void;
  onClear: () => void;
  onExport: () => void;
  /** An export is being written (or waits for the engine to start): the button waits. */
  exporting: boolean;
  columnMenu: ReactNode;
  /** A one-line note under the count, e.g. why the predictions are missing. */
  note?: string | null;
}

export function Toolbar({
  search,
  onSearch,
  shown,
  total,
  activeFilters,
  filtersOpen,
  filterPanelId,
  onToggleFilters,
  onClear,
  onExport,
  exporting,
  columnMenu,
  note,
}: ToolbarProps) {
  const searchId = useId();
  const button =
    'rounded-md border border-line bg-paper px-3 py-1.5 text-sm text-ink hover:border-line-strong disabled:cursor-not-allowed disabled:opacity-60';
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium tracking-label text-ink-muted uppercase">
          Search by customer id
        </label>
        <input
          id={searchId}
          type="search"
          inputMode="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. C0000123"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          className="w-full rounded-md border border-line-strong bg-surface px-3 py-1.5 font-mono text-sm placeholder:text-ink-faint"
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          aria-expanded={filtersOpen}
          aria-controls={filterPanelId}
          onClick={onToggleFilters}
        >
          Filters{activeFilters ? <span className="text-ink-muted"> ({activeFilters})</span> : null}
        </button>
        <button type="button" className={button} onClick={onClear} disabled={!activeFilters && !search}>
          Clear filters
        </button>
        {columnMenu}
        <button
          type="button"
          className="rounded-md border border-ink bg-ink px-3 py-1.5 text-sm text-paper hover:bg-ink/85 disabled:opacity-60"
          onClick={onExport}
          disabled={shown === 0 || exporting}
          aria-busy={exporting}
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p
        className="w-full text-sm text-ink-muted"
        role="status"
        aria-live="polite"
        data-testid="result-count"
      >
        Showing <strong className="font-semibold text-ink tabular-nums">{formatCount(shown)}</strong> of{' '}
        {formatCount(total)} customers
      </p>
      {note ? (
        <p className="-mt-2 w-full text-xs text-ink-muted" data-testid="predictions-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
