'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { LabelledSelect } from '@/components/ui/labelled-select';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { formatRatio } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import type { KeyMetric } from '@/lib/view/personas';
import { DistributionBars } from './distribution-bars';
import { distributionTable, type DistributionSeries } from './distribution-table';

export interface CompareGroup {
  key: string;
  name: string;
  color: string;
}

/** One metric's histogram for every group, with a takeaway per possible comparison. */
export interface CompareDistribution {
  metric: string;
  label: string;
  axisLabel: string;
  binLabels: string[];
  /** % of customers per bin, by group key. */
  pct: Record<string, number[]>;
  /** Takeaway of "base vs group", by group key. */
  takeaways: Record<string, string>;
}

interface PersonaCompareProps {
  base: CompareGroup;
  /** Every group the base can be compared with (the other personas and all customers). */
  options: CompareGroup[];
  /** The comparison shown when the URL names none (or names one that does not exist). */
  defaultKey: string;
  metrics: KeyMetric[];
  distributions: CompareDistribution[];
  currency: string;
}

/**
 * How the persona's customers spread out, against all customers or any other persona: one chart
 * per metric, and (against a persona) their key figures side by side; against all customers the
 * key figures are the tiles above and the full profile below, so they are not repeated here. The
 * choice lives in the URL (?compare=<cluster id>) so a comparison can be shared and survives a reload.
 */
export function PersonaCompare(props: PersonaCompareProps) {
  const keys = props.options.map((o) => o.key);
  const metrics = props.distributions.map((d) => d.metric);
  const [compare, setCompare] = useUrlState('compare', props.defaultKey, keys);
  const [metric, setMetric] = useUrlState('metric', metrics[0] ?? '', metrics);
  const hydrated = useHydrated();
  return (
    <CompareView
      {...props}
      compare={compare}
      onCompare={setCompare}
      metric={metric}
      onMetric={setMetric}
      live={hydrated}
    />
  );
}

function CompareView({
  base,
  options,
  defaultKey,
  metrics,
  distributions,
  currency,
  compare,
  onCompare,
  metric,
  onMetric,
  live = false,
}: PersonaCompareProps & {
  compare: string;
  /** The one distribution a phone shows (wider screens show them all). */
  metric: string;
  /** True once the view is bound to the URL (after hydration); the static fallback is not. */
  live?: boolean;
  onCompare?: (key: string) => void;
  onMetric?: (metric: string) => void;
}) {
  const shown = distributions.find((d) => d.metric === metric) ?? distributions[0];
  const other =
    options.find((o) => o.key === compare) ?? options.find((o) => o.key === defaultKey) ?? options[0];
  if (!other) return null;

  return (
    <div data-testid="persona-compare" data-compare={other.key} data-live={live || undefined}>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3 rounded-lg border border-line bg-sunken/50 px-4 py-3">
        <LabelledSelect
          label="Compare with"
          value={other.key}
          options={options.map((o) => ({ value: o.key, label: o.name }))}
          onChange={onCompare}
        />
        <h3 className="flex flex-wrap items-center gap-x-2 gap-y-1 text-lg" data-testid="compare-heading">
          <GroupName group={base} />
          <span className="font-sans text-sm text-ink-muted">vs</span>
          <GroupName group={other} />
        </h3>
      </div>

      {other.key === defaultKey ? null : <KeyFigures base={base} other={other} metrics={metrics} />}

      {/* A phone shows one distribution at a time: seven stacked charts would be most of the page. */}
      <LabelledSelect
        label="Distribution of"
        value={shown?.metric ?? ''}
        options={distributions.map((d) => ({ value: d.metric, label: d.label }))}
        onChange={onMetric}
        className="mt-5 sm:hidden"
      />

      <div className="mt-5 grid gap-5 lg:grid-cols-2 xl:grid-cols-3">
        {distributions.map((d) => {
          const series: DistributionSeries[] = [base, other].map((g) => ({
            key: g.key,
            name: g.name,
            color: g.color,
            values: d.pct[g.key] ?? [],
          }));
          return (
            <ChartFrame
              key={d.metric}
              id={`dist-${d.metric}`}
              className={d.metric === shown?.metric ? '' : 'max-sm:hidden'}
              title={d.label}
              takeaway={d.takeaways[other.key] ?? ''}
              subtitle={`Rows: ${d.axisLabel}. Bars: share of each group's customers, %.`}
              table={distributionTable(d.binLabels, series, d.axisLabel)}
              currency={currency}
              downloadName={`persona-${base.key}-vs-${other.key}-${d.metric}-distribution`}
            >
              <DistributionBars binLabels={d.binLabels} series={series} axisLabel={d.axisLabel} />
            </ChartFrame>
          );
        })}
      </div>
    </div>
  );
}

/** The key figures of two personas side by side, with their ratio. */
function KeyFigures({
  base,
  other,
  metrics,
}: {
  base: CompareGroup;
  other: CompareGroup;
  metrics: KeyMetric[];
}) {
  return (
    <div
      className="mt-5 overflow-x-auto rounded-lg border border-line bg-surface lg:max-w-3xl"
      role="region"
      aria-label={`Key metrics: ${base.name} vs ${other.name}`}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-[0.8rem] sm:text-sm" data-testid="compare-table">
        <caption className="sr-only">
          Key metrics: {base.name} vs {other.name}
        </caption>
        <thead>
          <tr className="border-b border-line bg-sunken/60 align-bottom">
            <th
              scope="col"
              className="px-2 py-2 text-left text-xs font-medium tracking-label text-ink-muted uppercase sm:px-3"
            >
              Metric
            </th>
            {[base, other].map((g) => (
              <th
                key={g.key}
                scope="col"
                className="px-2 py-2 text-right font-medium sm:px-3"
                style={{ boxShadow: `inset 0 3px 0 ${g.color}` }}
              >
                {g.name}
              </th>
            ))}
            <th
              scope="col"
              className="px-2 py-2 text-right text-xs font-medium tracking-label whitespace-nowrap text-ink-muted uppercase sm:px-3"
            >
              Ratio
            </th>
          </tr>
        </thead>
        <tbody className="[&_td]:px-2 [&_td]:py-2 [&_td]:text-right [&_td]:whitespace-nowrap [&_td]:tabular-nums sm:[&_td]:px-3">
          {metrics.map((m) => {
            const a = m.values[base.key];
            const b = m.values[other.key];
            const ratio = a?.value != null && b?.value ? a.value / b.value : null;
            return (
              <tr key={m.key} className="border-b border-line/70 last:border-0" data-metric={m.key}>
                <th scope="row" className="px-2 py-2 text-left font-medium sm:min-w-36 sm:px-3">
                  {m.label}
                </th>
                <td>{a?.text ?? '—'}</td>
                <td>{b?.text ?? '—'}</td>
                <td className="text-ink-muted">{formatRatio(ratio, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="border-t border-line px-3 py-2 text-xs text-ink-muted">
        Ratio: {base.name} ÷ {other.name}. Scores are 0–100 within this customer base.
      </p>
    </div>
  );
}

function GroupName({ group }: { group: CompareGroup }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="size-3 shrink-0 rounded-full" style={{ background: group.color }} />
      {group.name}
    </span>
  );
}
