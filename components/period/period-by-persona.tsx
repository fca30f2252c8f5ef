'use client';

import { DataTable } from '@/components/ui/data-table';
import { useHydrated } from '@/lib/browser/use-hydrated';
import {
  periodByPersona,
  periodChannelMix,
  PERSONAS_ARE_TODAYS,
  rangeLabel,
  type PeriodData,
} from '@/lib/view/period';
import { useMemo } from 'react';
import { PeriodBar, usePeriodView } from './period-panel';

/** The persona tables a page can show over the period: Revenue's figures, or Channels' channel mix. */
const TABLES = { revenue: periodByPersona, channels: periodChannelMix };

/**
 * Every persona over the period the bar holds (the same address settings as the overview's), against
 * the comparison. `revenue`: revenue, orders, spend per order, buyers a month and the online share,
 * with changes. `channels`: each channel's revenue and buyers, and the online shares with their
 * changes (both channels always, so the bar offers no channel).
 */
export function PeriodByPersona({ data, table: kind }: { data: PeriodData; table: keyof typeof TABLES }) {
  const [view, setView] = usePeriodView(data);
  const { table, caption } = useMemo(() => TABLES[kind](data, view), [kind, data, view]);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col gap-3" data-testid={`period-by-persona-${kind}`} data-hydrated={hydrated}>
      <PeriodBar
        data={data}
        view={view}
        onChange={setView}
        summary={rangeLabel(view.from, view.to)}
        withPersona={false}
        withChannel={kind !== 'channels'}
      />
      <DataTable table={table} caption={caption} currency={data.currency} emphasiseLast />
      <p className="text-xs text-ink-muted">{PERSONAS_ARE_TODAYS}</p>
    </div>
  );
}
