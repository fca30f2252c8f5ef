import { formatCount, formatPct } from '@/lib/format/format';
import { CHANNEL_ADJECTIVE, layoutPareto, type ParetoChart, type ParetoFrame } from '@/lib/insights/demand';
import { CHANNEL_COLOR, CUT_COLOR, LINE_COLOR, TAIL_COLOR } from './channel-colors';

const MUTED = '#6f655b';
const GRID = '#ece5da';

/** Two fixed frames laid out on the server: wide screens and phones. */
const FRAMES = {
  wide: { width: 560, height: 300, margin: { top: 14, right: 46, bottom: 48, left: 60 }, fontSize: 13 },
  phone: { width: 340, height: 260, margin: { top: 14, right: 38, bottom: 44, left: 50 }, fontSize: 11 },
} satisfies Record<string, ParetoFrame>;

function ParetoSvg({ chart, frame, variant }: { chart: ParetoChart; frame: ParetoFrame; variant: string }) {
  const l = layoutPareto(chart, frame);
  const { plot } = l;
  const tick = l.fontSize - 1;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const core = CHANNEL_COLOR[chart.channel];
  const cutLabelLeft = l.threshold.x > plot.x + plot.width * 0.6;
  return (
    <svg
      viewBox={`0 0 ${l.width} ${l.height}`}
      width="100%"
      className="block h-auto overflow-visible"
      data-pareto-variant={variant}
      aria-hidden="true"
      focusable="false"
    >
      {l.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={plot.x} x2={right} y1={t.y} y2={t.y} stroke={GRID} />
          <text x={plot.x - 6} y={t.y} dy="0.35em" textAnchor="end" fontSize={tick} fill={MUTED}>
            {formatCount(t.value)}
          </text>
        </g>
      ))}
      {l.cumTicks.map((t) => (
        <text key={`c${t.value}`} x={right + 6} y={t.y} dy="0.35em" fontSize={tick} fill={MUTED}>
          {t.value}%
        </text>
      ))}
      {l.bars.map((b) => (
        <rect
          key={b.point.id}
          x={b.x}
          y={b.y}
          width={b.width}
          height={Math.max(0, b.height)}
          fill={b.core ? core : TAIL_COLOR}
        >
          <title>{`#${b.point.rank} ${b.point.name}: ${formatCount(b.point.daily, 1)} units a day, ${formatPct(b.point.sharePct, 2)} of ${CHANNEL_ADJECTIVE[chart.channel]} demand, ${formatPct(b.point.cumulativePct, 1)} cumulative`}</title>
        </rect>
      ))}
      <line x1={plot.x} x2={right} y1={bottom} y2={bottom} stroke="#d9cfc1" />
      {l.xTicks.map((t) => (
        <text
          key={`x${t.value}`}
          x={t.x}
          y={bottom + tick + 5}
          textAnchor="middle"
          fontSize={tick}
          fill={MUTED}
        >
          {t.value}
        </text>
      ))}
      <line
        x1={plot.x}
        x2={right}
        y1={l.threshold.y}
        y2={l.threshold.y}
        stroke={CUT_COLOR}
        strokeDasharray="5 3"
        strokeWidth={1.25}
      />
      <line
        x1={l.threshold.x}
        x2={l.threshold.x}
        y1={plot.y}
        y2={bottom}
        stroke={CUT_COLOR}
        strokeDasharray="5 3"
        strokeWidth={1.25}
      />
      <path d={l.linePath} fill="none" stroke="#fffdf9" strokeWidth={4} />
      <path d={l.linePath} fill="none" stroke={LINE_COLOR} strokeWidth={2} data-series="cumulative" />
      <text
        x={l.threshold.x + (cutLabelLeft ? -6 : 6)}
        y={l.threshold.y + tick + 6}
        textAnchor={cutLabelLeft ? 'end' : 'start'}
        fontSize={tick}
        fontWeight={600}
        fill={CUT_COLOR}
        stroke="#fffdf9"
        strokeWidth={3}
        paintOrder="stroke"
        data-testid="pareto-cut-label"
      >
        {`${chart.coreCount} families → ${formatPct(chart.thresholdPct, 0)}`}
      </text>
      <text x={plot.x + plot.width / 2} y={l.height - 4} textAnchor="middle" fontSize={tick} fill={MUTED}>
        Families ranked by daily demand (1 = highest) →
      </text>
      <text
        transform={`translate(${tick + 1} ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
      >
        Daily demand, units
      </text>
      <text
        transform={`translate(${l.width - 2} ${plot.y + plot.height / 2}) rotate(90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
      >
        Cumulative share, %
      </text>
    </svg>
  );
}

/**
 * A Pareto chart of one channel: bars of daily demand per family, ranked, coloured when the family
 * is in the core that carries 80 % of demand; the cumulative share as a line on the right axis;
 * the 80 % cut marked both ways. Drawn on the server as SVG in two fixed frames; no client script.
 */
export function ParetoChartSvg({ chart }: { chart: ParetoChart }) {
  const where = CHANNEL_ADJECTIVE[chart.channel];
  const top = chart.points.slice(0, 5);
  const label =
    `Pareto chart of ${where} daily demand over ${chart.familyCount} product families: ${chart.coreCount} families carry ` +
    `${formatPct(chart.thresholdPct, 0)}. Top five: ${top
      .map((p) => `${p.name} ${formatPct(p.sharePct, 1)} (cumulative ${formatPct(p.cumulativePct, 1)})`)
      .join('; ')}.`;
  return (
    <div
      role="img"
      aria-label={label}
      data-testid={`pareto-${chart.channel}`}
      data-core-count={chart.coreCount}
      data-family-count={chart.familyCount}
    >
      <div className="mx-auto hidden max-w-[640px] sm:block">
        <ParetoSvg chart={chart} frame={FRAMES.wide} variant="wide" />
      </div>
      <div className="mx-auto max-w-[440px] sm:hidden">
        <ParetoSvg chart={chart} frame={FRAMES.phone} variant="phone" />
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-hidden="true">
        <li className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: CHANNEL_COLOR[chart.channel] }} />
          In the {formatPct(chart.thresholdPct, 0)} core ({chart.coreCount})
        </li>
        <li className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: TAIL_COLOR }} />
          Other families ({chart.familyCount - chart.coreCount})
        </li>
        <li className="flex items-center gap-1.5">
          <span className="h-0.5 w-4" style={{ background: LINE_COLOR }} />
          Cumulative share
        </li>
        <li className="flex items-center gap-1.5">
          <span className="w-4 border-t-2 border-dashed" style={{ borderColor: CUT_COLOR }} />
          {formatPct(chart.thresholdPct, 0)} cut
        </li>
      </ul>
    </div>
  );
}
