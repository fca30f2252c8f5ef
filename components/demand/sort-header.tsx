'use client';

import { SortArrow } from '@/components/ui/sort-arrow';
import type { DemandFamily } from '@/lib/view/demand';
import type { Header } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { DemandFeatures } from './columns';

/** A column header that sorts the table: a real button, aria-sort on the header cell. */
export function SortHeader({
  header,
  children,
  sticky,
}: {
  header: Header<DemandFeatures, DemandFamily, unknown>;
  children: ReactNode;
  sticky: boolean;
}) {
  const sorted = header.column.getIsSorted();
  const meta = header.column.columnDef.meta;
  const numeric = meta?.numeric ?? false;
  return (
    <th
      scope="col"
      aria-sort={sorted === 'desc' ? 'descending' : sorted === 'asc' ? 'ascending' : undefined}
      data-col={header.column.id}
      className={`sticky top-0 border-b border-line bg-sunken px-2 py-2 align-bottom text-xs font-medium text-ink-muted ${
        sticky ? 'left-0 z-30' : 'z-20'
      } ${numeric ? 'text-right' : 'text-left'}`}
    >
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        title={meta?.description}
        className={`inline-flex items-end gap-1 leading-tight hover:text-ink ${numeric ? 'justify-end text-right' : 'text-left'} ${
          sorted ? 'text-ink' : ''
        }`}
      >
        <span className="inline-block max-w-[7.5rem] min-w-[4.5rem]">
          {children}
          {meta?.description ? <span className="sr-only"> ({meta.description})</span> : null}
        </span>
        <span aria-hidden="true" className="flex w-2.5 shrink-0 justify-center pb-0.5 text-[0.65rem]">
          <SortArrow direction={sorted || 'none'} />
        </span>
      </button>
    </th>
  );
}
