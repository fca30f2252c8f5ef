'use client';

import { Baseline, ticksOf, XAxis, YAxis } from '@/components/charts/axes';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ChartTips } from '@/components/charts/chart-tips';
import { markProps } from '@/components/charts/marks';
import { pc, Plot } from '@/components/charts/plot';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { groupColor, INK } from '@/lib/charts/theme';
import { rangeTicks } from '@/lib/charts/ticks';
import { formatCount, formatPct } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import type { ClvBoxes, ClvHistograms, ClvPanel } from '@/lib/view/revenue';

export const CLV_VIEWS = ['histogram', 'box'] as const;
export type ClvView = (typeof CLV_VIEWS)[number];

const VIEW_OPTIONS = [
  { value: 'histogram', label: 'Histograms' },
  { value: 'box', label: 'Box plots' },
] as const satisfies ReadonlyArray<{ value: ClvView; label: string }>;

/** The CLV proxy's 0–100 scale, marked in round steps. */
const SCALE_TICKS = rangeTicks(0, 100, 5);

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
  return (
    <div className="grid gap-x-6 gap-y-6 sm:grid-cols-2 lg:grid-cols-3">
      {data.panels.map((panel) => (
        <HistogramPanel key={panel.cluster_id ?? 'all'} panel={panel} yMax={data.yMax} yTicks={data.yTicks} />
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
      <ChartTips label={summary}>
        <HistogramPlot panel={panel} color={color} yMax={yMax} yTicks={yTicks} />
      </ChartTips>
    </div>
  );
}

/** One persona's histogram: bars over the shared 0–100 bins, every panel on the same share scale. */
function HistogramPlot({
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
  const x = (v: number) => Math.max(0, Math.min(100, v));
  const up = (v: number) => (Math.min(v, yMax) / yMax) * 100;
  return (
    <Plot
      height={{ phone: 134, wide: 140 }}
      margin={{ top: 8, right: 10, bottom: 40, left: 58 }}
      yTitle="% of customers"
      xTitle="CLV proxy (0–100)"
      className="mt-1"
    >
      <YAxis ticks={ticksOf(yTicks, up, (v) => `${formatCount(v, Number.isInteger(v) ? 0 : 1)}%`)} />
      <XAxis ticks={ticksOf(SCALE_TICKS, x, String)} grid={false} />
      {panel.bins.map((b) => (
        <rect
          key={b.start}
          x={pc(x(b.start))}
          y={pc(100 - up(b.share))}
          width={pc(Math.max(0, x(b.end) - x(b.start)))}
          height={pc(up(b.share))}
          fill={color}
          // A paper-coloured edge keeps a hairline between neighbouring bars at any width.
          stroke={INK.paper}
          {...markProps(`CLV proxy ${b.label}: ${formatPct(b.share)} of customers`)}
        />
      ))}
      <Baseline />
    </Plot>
  );
}

function ClvBoxPlot({ data }: { data: ClvBoxes }) {
  const pos = (v: number) => pc(Math.max(0, Math.min(100, v)));
  const summary = data.rows
    .map(
      (r) =>
        `${r.persona}: median ${formatCount(r.p50, 1)}, middle half ${formatCount(r.p25, 1)}–${formatCount(r.p75, 1)}, 10th–90th percentile ${formatCount(r.p10, 1)}–${formatCount(r.p90, 1)}`,
    )
    .join('; ');
  return (
    <ChartTips label={`CLV proxy quantiles by persona on a 0–100 scale. ${summary}.`}>
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
                {...markProps(
                  `${r.persona}\nP10 ${formatCount(r.p10, 1)} · P25 ${formatCount(r.p25, 1)} · median ${formatCount(r.p50, 1)}\nP75 ${formatCount(r.p75, 1)} · P90 ${formatCount(r.p90, 1)} · mean ${formatCount(r.mean, 1)}`,
                )}
                // An HTML mark: the focus ring is an outline, not a stroke.
                className="relative h-8 rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ink"
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
        <div className="grid gap-x-4 sm:grid-cols-[11rem_1fr]">
          <span className="max-sm:hidden" />
          {/* The kit's x axis on a 1 px plot (an SVG of no height is not drawn): labels under the rows' track. */}
          <Plot
            height={{ phone: 1, wide: 1 }}
            margin={{ top: 0, right: 0, bottom: 38, left: 0 }}
            xTitle="CLV proxy (0–100 relative score)"
          >
            <XAxis ticks={ticksOf(SCALE_TICKS, (v) => v, String)} grid={false} />
          </Plot>
        </div>
      </div>
    </ChartTips>
  );
}
