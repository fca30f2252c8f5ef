'use client';

import {
  FILTER_KEYS,
  FILTER_LABELS,
  type FilterKey,
  type FilterOption,
  type Filters,
} from '@/lib/explorer/filter';
import { formatCount } from '@/lib/format/format';
import { memo } from 'react';

interface FilterPanelProps {
  options: Record<FilterKey, FilterOption[]>;
  filters: Filters;
  onChange: (key: FilterKey, values: string[]) => void;
}

/**
 * One group of checkboxes per filter: ticking several values of one filter keeps customers with
 * any of them; filters combine with AND. Counts are of all customers in the data.
 */
export const FilterPanel = memo(function FilterPanel({ options, filters, onChange }: FilterPanelProps) {
  return (
    <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="filter-panel">
      {FILTER_KEYS.map((key) => {
        const selected = filters[key] ?? [];
        const toggle = (value: string, on: boolean) =>
          onChange(key, on ? [...selected, value] : selected.filter((v) => v !== value));
        return (
          <fieldset
            key={key}
            className={`min-w-0 ${key === 'persona' ? 'sm:col-span-2 lg:col-span-1 lg:row-span-2' : ''}`}
          >
            <legend className="mb-1.5 flex w-full items-baseline justify-between text-xs font-medium tracking-label text-ink-muted uppercase">
              {FILTER_LABELS[key]}
            </legend>
            <div className="flex flex-wrap gap-1.5">
              {options[key].map((o) => {
                const on = selected.includes(o.value);
                return (
                  <label
                    key={o.value}
                    className={`inline-flex cursor-pointer items-center gap-1.5 rounded-md border px-2 py-1 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent ${
                      on
                        ? 'border-ink bg-ink text-paper'
                        : 'border-line bg-paper text-ink hover:border-line-strong'
                    }`}
                  >
                    <input
                      type="checkbox"
                      className="sr-only"
                      checked={on}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                      data-filter={key}
                      value={o.value}
                    />
                    <span>{o.value}</span>
                    <span className={on ? 'text-paper/80' : 'text-ink-muted'}>{formatCount(o.count)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
});
