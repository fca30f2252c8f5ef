import type { ReactNode } from 'react';

interface KpiCardProps {
  label: string;
  value: string;
  /** A short qualifier: the unit, the base, or a comparison. */
  hint?: string;
  /** The change against a comparison period, coloured by whether it is for the better. */
  delta?: {
    text: string;
    said: string;
    direction: 'up' | 'down' | 'flat';
    tone: 'gain' | 'loss' | 'neutral';
  } | null;
  /** A small chart under the figures (a trend line). */
  children?: ReactNode;
  testId?: string;
}

const TONE = { gain: 'text-gain', loss: 'text-loss', neutral: 'text-ink-muted' };
const ARROW = { up: '▲ ', down: '▼ ', flat: '' };

export function KpiCard({ label, value, hint, delta, children, testId }: KpiCardProps) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3.5" data-testid={testId}>
      <dt className="text-xs tracking-label text-ink-muted uppercase">{label}</dt>
      <dd className="mt-1 flex flex-wrap items-baseline gap-x-2">
        <span className="font-display text-2xl tabular-nums sm:text-[1.7rem]">{value}</span>
        {delta ? (
          <span className={`text-sm font-medium tabular-nums ${TONE[delta.tone]}`} data-testid="kpi-delta">
            <span aria-hidden="true">
              {ARROW[delta.direction]}
              {delta.text}
            </span>
            <span className="sr-only">{delta.said}</span>
          </span>
        ) : null}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-ink-muted">{hint}</dd> : null}
      {children ? <dd>{children}</dd> : null}
    </div>
  );
}
