'use client';

import { useId } from 'react';

/** A label beside its drop-down, on one line. */
export function LabelledSelect({
  label,
  value,
  options,
  onChange,
  className = '',
}: {
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange?: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`flex min-w-0 items-center gap-3 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        className="min-w-0 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm max-sm:flex-1"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
