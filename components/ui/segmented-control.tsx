'use client';

import { useId } from 'react';

interface SegmentedControlProps<T extends string> {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  name?: string;
}

/** A set of radio buttons styled as a segmented switch: native keyboard and screen-reader behaviour. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  name,
}: SegmentedControlProps<T>) {
  const id = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">{label}</legend>
      <span aria-hidden="true" className="text-xs text-ink-muted">
        {label}
      </span>
      <div className="inline-flex flex-wrap rounded-md border border-line bg-paper p-0.5">
        {options.map((o) => (
          <label
            key={o.value}
            className={`cursor-pointer rounded px-2.5 py-1 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${
              o.value === value ? 'bg-ink text-paper' : 'text-ink-muted hover:text-ink'
            }`}
          >
            <input
              type="radio"
              className="sr-only"
              name={name ?? id}
              value={o.value}
              checked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
