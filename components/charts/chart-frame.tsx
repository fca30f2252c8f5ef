'use client';

import { DataTable } from '@/components/ui/data-table';
import { saveFile } from '@/lib/browser/save-file';
import { toCsv, type TableData } from '@/lib/format/table-data';
import { useId, useState, type ReactNode } from 'react';

interface ChartFrameProps {
  title: string;
  /** One-line takeaway: what the chart says, in words. */
  takeaway: string;
  /** Units and reading notes, e.g. "Share of revenue, %". */
  subtitle?: string;
  table: TableData;
  currency: string;
  /** File name (without extension) for the CSV download. */
  downloadName: string;
  children: ReactNode;
  /** Extra controls shown beside the title (switches, selects). */
  controls?: ReactNode;
  className?: string;
  id?: string;
}

/**
 * The frame every chart sits in: title, takeaway, units, the chart, a "view as table" toggle and a
 * CSV download. The table is drawn when asked for, from the same data the CSV is written from.
 */
export function ChartFrame({
  title,
  takeaway,
  subtitle,
  table,
  currency,
  downloadName,
  children,
  controls,
  className = '',
  id,
}: ChartFrameProps) {
  const [showTable, setShowTable] = useState(false);
  // The table is drawn on first use and then kept (visually hidden behind the chart) for screen readers.
  const [tableDrawn, setTableDrawn] = useState(false);
  const tableId = useId();
  const download = () =>
    saveFile(`${downloadName}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  return (
    <figure
      id={id}
      className={`flex min-w-0 flex-col rounded-lg border border-line bg-surface p-4 sm:p-5 ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h3 className="text-lg leading-snug">{title}</h3>
          <p className="mt-1 text-sm text-ink">{takeaway}</p>
          {subtitle ? <p className="mt-0.5 text-xs text-ink-muted">{subtitle}</p> : null}
        </div>
        {controls ? <div className="flex flex-wrap items-center gap-2">{controls}</div> : null}
      </div>
      <div className={`mt-4 ${showTable ? 'hidden' : ''}`} aria-hidden={showTable || undefined}>
        {children}
      </div>
      {/* Drawn on first use: a hidden table under every chart cost phones its layout and hydration
          on every visit (bench:mobile). Until then the chart's marks carry the numbers for screen readers. */}
      <div id={tableId} className={showTable ? 'mt-4' : 'sr-only'}>
        {tableDrawn ? (
          <DataTable table={table} caption={`${title}: data`} currency={currency} captionHidden />
        ) : null}
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          className="rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => {
            setTableDrawn(true);
            setShowTable((v) => !v);
          }}
        >
          {showTable ? 'View as chart' : 'View as table'}
        </button>
        <button
          type="button"
          className="rounded-md border border-line px-2.5 py-1 text-xs text-ink-muted hover:border-line-strong hover:text-ink"
          onClick={download}
        >
          Download CSV
        </button>
      </figcaption>
    </figure>
  );
}
