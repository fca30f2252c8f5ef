'use client';

import { DataTable } from '@/components/ui/data-table';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { periodByPersona, PERSONAS_ARE_TODAYS, rangeLabel, type PeriodData } from '@/lib/view/period';
import { useMemo } from 'react';
import { PeriodBar, usePeriodView } from './period-panel';

/**
 * Every persona over the period the bar holds (the same address settings as the overview's), against
 * the comparison: revenue, orders, spend per order, buyers a month and the online share, with changes.
 */
export function PeriodByPersona({ data }: { data: PeriodData }) {
  const [view, setView] = usePeriodView(data);
  const { table, caption } = useMemo(() => periodByPersona(data, view), [data, view]);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col gap-3" data-testid="period-by-persona" data-hydrated={hydrated}>
      <PeriodBar
        data={data}
        view={view}
        onChange={setView}
        summary={rangeLabel(view.from, view.to)}
        withPersona={false}
      />
      <DataTable table={table} caption={caption} currency={data.currency} emphasiseLast />
      <p className="text-xs text-ink-muted">{PERSONAS_ARE_TODAYS}</p>
    </div>
  );
}
