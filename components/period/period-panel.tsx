'use client';

import { Sparkline } from '@/components/charts/sparkline';
import { KpiCard } from '@/components/ui/kpi-card';
import { LabelledSelect } from '@/components/ui/labelled-select';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { formatMonth } from '@/lib/format/format';
import { CHANNEL_KEYS, CHANNEL_NAME, CHANNELS, type ChannelKey } from '@/lib/schema/channels';
import { useUrlView } from '@/lib/url/url-state';
import {
  COMPARE_LABELS,
  COMPARE_MODES,
  concentrationSentence,
  partialMonths,
  periodSummary,
  PERSONAS_ARE_TODAYS,
  readPeriodView,
  wholeMonths,
  writePeriodView,
  type CompareMode,
  type PeriodData,
  type PeriodView,
} from '@/lib/view/period';
import { useCallback, useMemo, useState, type ReactNode } from 'react';

const ALL = 'all';

/**
 * The overview's first screen: the period bar (range, comparison, persona, channel — all in the
 * address), the three answers an executive asks first (revenue trend, where value concentrates,
 * what is at risk) and the period's KPIs with their changes and trend lines.
 */
export function PeriodPanel({ data, atRisk }: { data: PeriodData; atRisk: ReactNode }) {
  const [view, setView] = usePeriodView(data);
  const summary = useMemo(() => periodSummary(data, view), [data, view]);
  const concentration = useMemo(() => concentrationSentence(data, view), [data, view]);
  const hydrated = useHydrated();

  return (
    <div className="flex flex-col gap-4" data-testid="period-panel" data-hydrated={hydrated}>
      <PeriodBar data={data} view={view} onChange={setView} summary={`${summary.range} · ${summary.scope}`} />
      <ul className="grid gap-2 text-sm sm:text-base lg:grid-cols-3" aria-label="The first answers">
        <Answer label="Revenue trend" testId="answer-trend">
          {summary.trend}
          {summary.comparisonMissing ? ` ${summary.comparisonMissing}` : ''}
        </Answer>
        <Answer label="Where value concentrates" testId="answer-concentration">
          {concentration ?? 'No revenue in this range.'}
        </Answer>
        <Answer label="What is at risk" testId="answer-risk">
          {atRisk}
        </Answer>
      </ul>
      <div>
        <p className="mb-2 text-xs text-ink-muted" data-testid="period-comparison">
          {summary.scope} · {summary.range}
          {summary.comparison ? ` · changes against ${summary.comparison}` : ''}
          {view.persona !== null ? `. ${PERSONAS_ARE_TODAYS}` : ''}
        </p>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
          {summary.kpis.map((k) => (
            <KpiCard
              key={k.id}
              label={k.label}
              value={k.value}
              hint={k.hint}
              delta={k.delta}
              testId={`period-kpi-${k.id}`}
            >
              {k.trend.current.length >= 3 ? (
                <Sparkline current={k.trend.current} previous={k.trend.previous} />
              ) : null}
            </KpiCard>
          ))}
        </dl>
      </div>
    </div>
  );
}

function Answer({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <li className="rounded-lg border border-line bg-surface px-4 py-3" data-testid={testId}>
      <span className="block text-xs font-medium tracking-label text-accent uppercase">{label}</span>
      <span className="mt-1 block">{children}</span>
    </li>
  );
}

/** The period view the address holds (the defaults while hydrating), and a setter that writes it back. */
export function usePeriodView(data: PeriodData): [PeriodView, (patch: Partial<PeriodView>) => void] {
  const read = useCallback(
    (query: URLSearchParams) =>
      readPeriodView(
        query,
        data.monthly,
        data.rows.map((r) => r.persona),
      ),
    [data],
  );
  const write = useCallback(
    (view: PeriodView, query: URLSearchParams) => writePeriodView(view, query, data.monthly),
    [data],
  );
  return useUrlView(read, write);
}

/**
 * One bar of controls. On a phone it folds to one line saying what is shown, with a button that
 * opens the controls; wider screens show them all. Without `withPersona` or `withChannel` (a table
 * that shows every persona, or both channels) that choice is not offered, and stays in the address
 * for the next page.
 */
export function PeriodBar({
  data,
  view,
  onChange,
  summary,
  withPersona = true,
  withChannel = true,
}: {
  data: PeriodData;
  view: PeriodView;
  onChange: (patch: Partial<PeriodView>) => void;
  summary: string;
  withPersona?: boolean;
  withChannel?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const months = wholeMonths(data.monthly).map((m) => ({ value: m, label: formatMonth(m) }));
  const partial = partialMonths(data.monthly);
  return (
    <div
      className="rounded-lg border border-line bg-sunken/60 px-4 py-3 print:hidden"
      role="group"
      aria-label="Period and filters"
      data-testid="period-bar"
    >
      <div className="flex items-center justify-between gap-3 sm:hidden">
        <p className="min-w-0 text-sm">{summary}</p>
        <button
          type="button"
          className="shrink-0 rounded-md border border-line-strong bg-surface px-2.5 py-1 text-sm"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Done' : 'Change'}
        </button>
      </div>
      <div
        className={`${open ? 'flex' : 'hidden'} mt-3 flex-col gap-3 sm:mt-0 sm:flex sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-5`}
      >
        <LabelledSelect
          label="From"
          value={view.from}
          options={months}
          onChange={(from) => onChange({ from })}
        />
        <LabelledSelect label="To" value={view.to} options={months} onChange={(to) => onChange({ to })} />
        <LabelledSelect
          label="Compare with"
          value={view.compare}
          options={COMPARE_MODES.map((m) => ({ value: m, label: COMPARE_LABELS[m] }))}
          onChange={(compare) => onChange({ compare: compare as CompareMode })}
        />
        {withPersona ? (
          <LabelledSelect
            label="Persona"
            value={view.persona === null ? ALL : String(view.persona)}
            options={[
              { value: ALL, label: 'All customers' },
              ...data.rows.map((r) => ({ value: String(r.cluster_id), label: r.persona })),
            ]}
            onChange={(v) => onChange({ persona: v === ALL ? null : Number(v) })}
          />
        ) : null}
        {withChannel ? (
          <LabelledSelect
            label="Channel"
            value={view.channel ?? ALL}
            options={[
              { value: ALL, label: 'Both channels' },
              ...CHANNEL_KEYS.map((key, i) => ({ value: key, label: CHANNEL_NAME[CHANNELS[i]!] })),
            ]}
            onChange={(v) => onChange({ channel: v === ALL ? null : (v as ChannelKey) })}
          />
        ) : null}
      </div>
      {partial.length > 0 ? (
        <p className="mt-2 text-xs text-ink-muted">
          Left out: {partial.join(', ')}. Only whole months are compared, so a part month never stands against
          a full one.
        </p>
      ) : null}
    </div>
  );
}
