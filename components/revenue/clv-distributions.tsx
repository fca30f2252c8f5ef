'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { SegmentedControl } from '@/components/charts/segmented-control';
import { BottomAxis, LeftAxis, PLOT_EDGE } from '@/components/charts/svg-axes';
import { axisTicks, plotBox, type PlotFrame } from '@/lib/charts/plot-frame';
import { personaColor } from '@/lib/format/colors';
import { formatCount, formatPct } from '@/lib/format/format';
import type { ClvBoxes, ClvHistograms, ClvPanel } from '@/lib/insights/revenue';
import { useUrlState } from '@/lib/state/use-url-state';
import { Suspense } from 'react';

export const CLV_VIEWS = ['histogram', 'box'] as const;
export type ClvView = (typeof CLV_VIEWS)[number];

const VIEW_OPTIONS = [
  { value: 'histogram', label: 'Histograms' },
  { value: 'box', label: 'Box plots' },
] as const satisfies ReadonlyArray<{ value: ClvView; label: string }>;

const ALL_COLOR = '#6f655b';
const SCALE_TICKS = [0, 25, 50, 75, 100];

const groupColor = (clusterId: number | null) => (clusterId === null ? ALL_COLOR : personaColor(clusterId));

interface ClvDistributionsProps {
  histograms: ClvHistograms;
  boxes: ClvBoxes;
  currency: string;
}

/**
 * CLV proxy per persona on one 0–100 scale, as histogram small multiples (one shared y scale) or
 * box-and-whisker rows. The view is held in the URL (?clv=box) so it can be shared.
 */
export function ClvDistributions(props: ClvDistributionsProps) {
  return (
    <Suspense fallback={<ClvDistributionsView {...props} view="histogram" />}>
      <ClvDistributionsWithUrl {...props} />
    </Suspense>
  );
}

function ClvDistributionsWithUrl(props: ClvDistributionsProps) {
  const [view, setView] = useUrlState<ClvView>('clv', 'histogram', CLV_VIEWS);
  return <ClvDistributionsView {...props} view={view} onView={setView} />;
}

function ClvDistributionsView({
  histograms,
  boxes,
  currency,
  view,
  onView,
}: ClvDistributionsProps & { view: ClvView; onView?: (v: ClvView) => void }) {
  const isBox = view === 'box';
  return (
    <ChartFrame
      id="clv-distribution-chart"
      title="Customer lifetime value (proxy) by persona"
      takeaway={isBox ? boxes.takeaway : histograms.takeaway}
      subtitle={
        isBox
          ? 'CLV proxy, 0–100 relative score. Whiskers: 10th–90th percentile; box: 25th–75th; line: median; diamond: mean.'
          : `Share of each persona's customers per CLV proxy band of ${formatCount(histograms.binWidth)} points (0–100 relative score); every panel on the same 0–${histograms.yMax}% scale.`
      }
      table={isBox ? boxes.table : histograms.table}
      currency={currency}
      downloadName={isBox ? 'clv-proxy-quantiles' : 'clv-proxy-histograms'}
      controls={
        <SegmentedControl
          label="View"
          name="clv-view"
          options={VIEW_OPTIONS}
          value={view}
          onChange={(v) => onView?.(v)}
        />
      }
    >
      <div data-testid="clv-view" data-view={view}>
        {isBox ? <ClvBoxPlot data={boxes} /> : <ClvHistogramGrid data={histograms} />}
      </div>
    </ChartFrame>
  );
}

function ClvHistogramGrid({ data }: { data: ClvHistograms }) {
  const yTicks = Array.from({ length: 5 }, (_, i) => (data.yMax / 4) * i);
  return (
    <div className="grid gap-x-6 gap-y-6 sm:grid-cols-2 lg:grid-cols-3">
      {data.panels.map((panel) => (
        <HistogramPanel key={panel.cluster_id ?? 'all'} panel={panel} yMax={data.yMax} yTicks={yTicks} />
      ))}
    </div>
  );
}

function HistogramPanel({ panel, yMax, yTicks }: { panel: ClvPanel; yMax: number; yTicks: number[] }) {
  const color = groupColor(panel.cluster_id);
  const first = panel.bins[0];
  const summary =
    `${panel.persona}, ${formatCount(panel.customers)} customers: ` +
    panel.bins
      .filter((b) => b.share > 0)
      .map((b) => `${b.label}: ${formatPct(b.share)}`)
      .join(', ');
  return (
    <div data-testid="clv-panel" data-persona={panel.persona}>
      <p className="flex items-center gap-2 text-sm font-medium">
        <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ background: color }} />
        {panel.persona}
      </p>
      <p className="mt-0.5 text-xs text-ink-muted tabular-nums">
        {formatCount(panel.customers)} customers
        {first ? ` · ${formatPct(first.share)} score under ${formatCount(first.end)}` : ''}
      </p>
      <div role="img" aria-label={summary} className="mt-1">
        <HistogramSvg panel={panel} color={color} yMax={yMax} yTicks={yTicks} />
      </div>
    </div>
  );
}

const HISTOGRAM_FRAME: PlotFrame = {
  width: 320,
  height: 184,
  margin: { top: 8, right: 10, bottom: 42, left: 48 },
  fontSize: 10,
};

/** One persona's histogram: bars over the shared 0–100 bins, every panel on the same share scale. */
function HistogramSvg({
  panel,
  color,
  yMax,
  yTicks,
}: {
  panel: ClvPanel;
  color: string;
  yMax: number;
  yTicks: number[];
}) {
  const frame = HISTOGRAM_FRAME;
  const plot = plotBox(frame);
  const x = (v: number) => plot.x + (Math.max(0, Math.min(100, v)) / 100) * plot.width;
  const y = (v: number) => plot.y + plot.height - (Math.min(v, yMax) / yMax) * plot.height;
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
    >
      <LeftAxis
        plot={plot}
        ticks={axisTicks(yTicks, y, (v) => `${formatCount(v, Number.isInteger(v) ? 0 : 1)}%`)}
        title="% of customers"
        fontSize={frame.fontSize}
      />
      <BottomAxis
        plot={plot}
        ticks={axisTicks(SCALE_TICKS, x, (v) => String(v))}
        title="CLV proxy (0–100)"
        fontSize={frame.fontSize}
        grid={false}
      />
      {panel.bins.map((b) => (
        <rect
          key={b.start}
          x={x(b.start) + 0.5}
          y={y(b.share)}
          width={Math.max(0, x(b.end) - x(b.start) - 1)}
          height={plot.y + plot.height - y(b.share)}
          fill={color}
          className="hover:opacity-80"
        >
          <title>{`CLV proxy ${b.label}: ${formatPct(b.share)} of customers`}</title>
        </rect>
      ))}
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke={PLOT_EDGE}
      />
    </svg>
  );
}

function ClvBoxPlot({ data }: { data: ClvBoxes }) {
  const pos = (v: number) => `${Math.max(0, Math.min(100, v))}%`;
  const summary = data.rows
    .map(
      (r) =>
        `${r.persona}: median ${formatCount(r.p50, 1)}, middle half ${formatCount(r.p25, 1)}–${formatCount(r.p75, 1)}, 10th–90th percentile ${formatCount(r.p10, 1)}–${formatCount(r.p90, 1)}`,
    )
    .join('; ');
  return (
    <div role="img" aria-label={`CLV proxy quantiles by persona on a 0–100 scale. ${summary}.`}>
      <div className="space-y-3">
        {data.rows.map((r) => {
          const color = groupColor(r.cluster_id);
          return (
            <div
              key={r.cluster_id ?? 'all'}
              className={`grid items-center gap-x-4 sm:grid-cols-[11rem_1fr] ${r.cluster_id === null ? 'border-t border-line pt-3' : ''}`}
              data-testid="clv-box"
              data-persona={r.persona}
            >
              <p className={`text-sm ${r.cluster_id === null ? 'font-medium' : ''}`}>
                {r.persona}
                <span className="ml-2 text-xs text-ink-muted tabular-nums sm:hidden">
                  median {formatCount(r.p50, 1)}
                </span>
              </p>
              <div
                className="relative h-8"
                title={`${r.persona}: P10 ${formatCount(r.p10, 1)} · P25 ${formatCount(r.p25, 1)} · median ${formatCount(r.p50, 1)} · P75 ${formatCount(r.p75, 1)} · P90 ${formatCount(r.p90, 1)} · mean ${formatCount(r.mean, 1)}`}
              >
                {SCALE_TICKS.map((t) => (
                  <span key={t} className="absolute inset-y-0 w-px bg-line/70" style={{ left: pos(t) }} />
                ))}
                <span
                  className="absolute top-1/2 h-px -translate-y-1/2"
                  style={{
                    left: pos(r.p10),
                    width: `calc(${pos(r.p90)} - ${pos(r.p10)})`,
                    background: color,
                  }}
                />
                <span
                  className="absolute top-1/2 h-3 w-px -translate-y-1/2"
                  style={{ left: pos(r.p10), background: color }}
                />
                <span
                  className="absolute top-1/2 h-3 w-px -translate-y-1/2"
                  style={{ left: pos(r.p90), background: color }}
                />
                <span
                  className="absolute top-1/2 h-5 -translate-y-1/2 rounded-[2px] border"
                  style={{
                    left: pos(r.p25),
                    width: `max(2px, calc(${pos(r.p75)} - ${pos(r.p25)}))`,
                    borderColor: color,
                    background: `color-mix(in srgb, ${color} 30%, transparent)`,
                  }}
                />
                <span
                  className="absolute top-1/2 h-6 w-0.5 -translate-x-1/2 -translate-y-1/2 bg-ink"
                  style={{ left: pos(r.p50) }}
                />
                <span
                  className="absolute top-1/2 size-2 -translate-x-1/2 -translate-y-1/2 rotate-45 border border-surface bg-ink"
                  style={{ left: pos(r.mean) }}
                />
              </div>
            </div>
          );
        })}
        <div aria-hidden="true" className="grid gap-x-4 sm:grid-cols-[11rem_1fr]">
          <span className="hidden sm:block" />
          <div>
            <div className="relative h-4 text-[11px] text-ink-muted tabular-nums">
              {SCALE_TICKS.map((t) => (
                <span
                  key={t}
                  className={`absolute ${t === 0 ? '' : t === 100 ? '-translate-x-full' : '-translate-x-1/2'}`}
                  style={{ left: pos(t) }}
                >
                  {t}
                </span>
              ))}
            </div>
            <p className="mt-1 text-center text-[11px] text-ink-muted">CLV proxy (0–100 relative score)</p>
          </div>
        </div>
      </div>
    </div>
  );
}
