'use client';

import { AT_RISK_RULE } from '@/lib/explorer/at-risk';
import {
  FILTER_KEYS,
  FILTER_LABELS,
  optionLabel,
  type FilterKey,
  type FilterOption,
  type Filters,
} from '@/lib/explorer/filter';
import { formatCount, formatMoney } from '@/lib/format/format';
import { memo } from 'react';

/** The at-risk filter's facts: how many customers it keeps, and the spend a customer needs. */
export interface AtRiskOption {
  /** P(alive) exists in this data; otherwise the filter is greyed out with `unavailable` as why. */
  available: boolean;
  unavailable: string | null;
  count: number;
  threshold: number | null;
  currency: string;
}

interface FilterPanelProps {
  options: Record<FilterKey, FilterOption[]>;
  filters: Filters;
  onChange: (key: FilterKey, values: string[]) => void;
  atRisk: AtRiskOption;
  onAtRisk: (on: boolean) => void;
}

const chip = (on: boolean) =>
  `inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent ${
    on ? 'border-ink bg-ink text-paper' : 'border-line bg-paper text-ink hover:border-line-strong'
  }`;

/**
 * One group of checkboxes per filter: ticking several values of one filter keeps customers with
 * any of them; filters combine with AND. Counts are of all customers in the data.
 */
export const FilterPanel = memo(function FilterPanel({
  options,
  filters,
  onChange,
  atRisk,
  onAtRisk,
}: FilterPanelProps) {
  const riskOn = filters.atRisk === true;
  // Greyed out without predictions, unless a link turned it on (then it can still be turned off).
  const riskDisabled = !atRisk.available && !riskOn;
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
                  <label key={o.value} className={`cursor-pointer ${chip(on)}`}>
                    <input
                      type="checkbox"
                      className="sr-only"
                      checked={on}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                      data-filter={key}
                      value={o.value}
                    />
                    <span>{optionLabel(key, o.value)}</span>
                    <span className={on ? 'text-paper/80' : 'text-ink-muted'}>{formatCount(o.count)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <fieldset className="min-w-0 sm:col-span-2" data-testid="at-risk-filter">
        <legend className="mb-1.5 text-xs font-medium tracking-label text-ink-muted uppercase">
          At risk
        </legend>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <label
            className={`${chip(riskOn)} ${riskDisabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer'}`}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={riskOn}
              disabled={riskDisabled}
              onChange={(e) => onAtRisk(e.target.checked)}
              data-filter="at_risk"
              aria-describedby="at-risk-rule"
            />
            <span>At risk only</span>
            {atRisk.available ? (
              <span className={riskOn ? 'text-paper/80' : 'text-ink-muted'}>{formatCount(atRisk.count)}</span>
            ) : null}
          </label>
          <p id="at-risk-rule" className="min-w-0 text-xs text-ink-muted" data-testid="at-risk-rule">
            {atRisk.available
              ? `${AT_RISK_RULE}${
                  atRisk.threshold !== null
                    ? ` (spend ≥ ${formatMoney(atRisk.threshold, atRisk.currency)})`
                    : ''
                }.`
              : `Unavailable: ${atRisk.unavailable ?? 'this data has no P(alive)'}.`}
          </p>
        </div>
      </fieldset>
    </div>
  );
});
