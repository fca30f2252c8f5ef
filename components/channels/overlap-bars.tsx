import { AxisRow, BarRow, ROW_COLS } from '@/components/charts/bar-rows';
import { Legend } from '@/components/charts/legend';
import { CHANNEL_COLORS, textOn } from '@/lib/charts/theme';
import { formatPct } from '@/lib/format/format';
import type { OverlapChart } from '@/lib/view/channels';

const SEGMENTS = [
  { key: 'instoreOnlyPct', label: 'In store only', color: CHANNEL_COLORS.instore },
  { key: 'bothPct', label: 'Both channels', color: CHANNEL_COLORS.both },
  { key: 'onlineOnlyPct', label: 'Online only', color: CHANNEL_COLORS.online },
] as const;

/** Each persona's ordering customers split into in store only, both channels and online only (100% bars). */
export function OverlapBars({ chart }: { chart: OverlapChart }) {
  const summary = chart.rows
    .map(
      (r) =>
        `${r.persona}: ${formatPct(r.instoreOnlyPct)} in store only, ${formatPct(r.bothPct)} both, ${formatPct(r.onlineOnlyPct)} online only`,
    )
    .join('; ');
  return (
    <div data-testid="overlap-bars">
      <Legend label="Segments" items={SEGMENTS.map((seg) => ({ label: seg.label, color: seg.color }))} />
      <div role="img" aria-label={`Customers by the channels they buy in, per persona: ${summary}`}>
        {chart.rows.map((r) => (
          <BarRow
            key={r.cluster_id ?? 'all'}
            label={r.persona}
            color={r.color}
            strong={r.cluster_id === null}
            cols={ROW_COLS.narrow}
            className="py-1"
          >
            <div
              className="flex h-6 w-full overflow-hidden rounded-sm text-[0.6875rem] font-medium tabular-nums"
              data-persona={r.cluster_id ?? 'all'}
            >
              {SEGMENTS.map((s) => (
                <div
                  key={s.key}
                  data-segment={s.key}
                  data-value={r[s.key]}
                  className="flex items-center justify-center overflow-hidden whitespace-nowrap"
                  style={{ width: `${r[s.key]}%`, background: s.color, color: textOn(s.color) }}
                >
                  {r[s.key] >= 9 ? formatPct(r[s.key], 0) : ''}
                </div>
              ))}
            </div>
          </BarRow>
        ))}
        <AxisRow
          cols={ROW_COLS.narrow}
          ticks={[0, 25, 50, 75, 100]}
          max={100}
          format={(v) => `${v}%`}
          title="Share of the persona’s customers with orders, %"
        />
      </div>
    </div>
  );
}
