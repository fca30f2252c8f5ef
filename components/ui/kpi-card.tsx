interface KpiCardProps {
  label: string;
  value: string;
  /** A short qualifier: the unit, the base, or a comparison. */
  hint?: string;
  testId?: string;
}

export function KpiCard({ label, value, hint, testId }: KpiCardProps) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3.5" data-testid={testId}>
      <dt className="text-xs tracking-label text-ink-muted uppercase">{label}</dt>
      <dd className="mt-1 font-display text-2xl tabular-nums sm:text-[1.7rem]">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-ink-muted">{hint}</dd> : null}
    </div>
  );
}
