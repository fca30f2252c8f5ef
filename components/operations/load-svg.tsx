import { CHANNEL_COLORS } from '@/components/channels/channel-colors';
import { formatCount } from '@/lib/format/format';
import type { LoadLayout } from '@/lib/insights/operations';

const MUTED = '#6f655b';
const GRID = '#ece5da';
const INK = '#2b241f';

/** One frame of the hour-of-day load chart, laid out on the server (lib/insights/operations). */
export function LoadSvg({ layout, variant }: { layout: LoadLayout; variant: 'wide' | 'phone' }) {
  const { plot, fontSize } = layout;
  const tick = fontSize - 1;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      className="block h-auto overflow-visible"
      data-load-variant={variant}
      aria-hidden="true"
      focusable="false"
    >
      {layout.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} stroke={GRID} />
          <text x={plot.x - 6} y={t.y} dy="0.35em" textAnchor="end" fontSize={tick} fill={MUTED}>
            {formatCount(t.value, Number.isInteger(t.value) ? 0 : 1)}
          </text>
        </g>
      ))}
      {layout.bars.map((b) => (
        <rect
          key={b.hour}
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          fill={CHANNEL_COLORS.instore}
          stroke="#b9ab94"
          strokeWidth={0.75}
          data-hour={b.hour}
        />
      ))}
      <path d={layout.line} fill="none" stroke={CHANNEL_COLORS.online} strokeWidth={2.25} />
      {layout.dots.map((d) => (
        <circle
          key={d.hour}
          cx={d.x}
          cy={d.y}
          r={variant === 'wide' ? 3 : 2.25}
          fill={CHANNEL_COLORS.online}
        />
      ))}
      <text
        x={layout.peak.x}
        y={layout.peak.y}
        textAnchor={layout.peak.anchor}
        fontSize={tick}
        fontWeight={600}
        fill={INK}
        stroke="#fffdf9"
        strokeWidth={3}
        paintOrder="stroke"
      >
        {layout.peak.label}
      </text>
      <line
        x1={plot.x}
        x2={plot.x + plot.width}
        y1={plot.y + plot.height}
        y2={plot.y + plot.height}
        stroke="#d9cfc1"
      />
      {layout.xTicks.map((t) => (
        <text
          key={t.hour}
          x={t.x}
          y={plot.y + plot.height + tick + 5}
          textAnchor="middle"
          fontSize={tick}
          fill={MUTED}
        >
          {t.label}
        </text>
      ))}
      <text
        x={plot.x + plot.width / 2}
        y={layout.height - 4}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
        data-axis="x"
      >
        Hour of the day (starting at), 00–23 →
      </text>
      <text
        transform={`translate(${tick + 2} ${plot.y + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={tick}
        fill={MUTED}
        data-axis="y"
      >
        Orders per week
      </text>
    </svg>
  );
}
