'use client';

import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import type { Lean } from '@/lib/view/demand';
import { useId } from 'react';

const CHANNEL_OPTIONS: ReadonlyArray<{ value: Lean | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'instore', label: 'Leans in store' },
  { value: 'balanced', label: 'Balanced' },
  { value: 'online', label: 'Leans online' },
];

/** Intent select, channel-lean switch and the name search above the family table. */
export function DemandFilters({
  intents,
  intent,
  channel,
  search,
  onIntent,
  onChannel,
  onSearch,
}: {
  intents: readonly string[];
  intent: string;
  channel: Lean | 'all';
  search: string;
  onIntent: (v: string) => void;
  onChannel: (v: Lean | 'all') => void;
  onSearch: (v: string) => void;
}) {
  const intentId = useId();
  const searchId = useId();
  return (
    <ViewToolbar label="Filter product families">
      <div className="flex items-center gap-2">
        <label htmlFor={searchId} className="text-xs text-ink-muted">
          Search
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Family name"
          maxLength={80}
          autoComplete="off"
          className="w-40 rounded-md border border-line bg-paper px-2 py-1 text-sm text-ink placeholder:text-ink-faint sm:w-48"
        />
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={intentId} className="text-xs text-ink-muted">
          Intent
        </label>
        <select
          id={intentId}
          value={intent}
          onChange={(e) => onIntent(e.target.value)}
          className="rounded-md border border-line bg-paper px-2 py-1 text-sm text-ink"
        >
          <option value="all">All intents</option>
          {intents.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </div>
      <SegmentedControl
        label="Channel"
        name="demand-channel"
        options={CHANNEL_OPTIONS}
        value={channel}
        onChange={onChannel}
      />
    </ViewToolbar>
  );
}
