import { AxisRow, BarRow, RefLine, ROW_COLS } from '@/components/charts/bar-rows';
import { Legend } from '@/components/charts/legend';
import { CHANNEL_COLORS, textOn } from '@/lib/charts/theme';
import { formatPct } from '@/lib/format/format';
import type { ChannelChart } from '@/lib/view/overview';

const TICKS = [0, 25, 50, 75, 100];

/** Online against in-store share of orders per persona, as 100% bars, with the overall online share marked. */
export function ChannelMix({ chart }: { chart: ChannelChart }) {
  const summary = chart.rows
    .map((r) => `${r.persona} ${formatPct(r.onlinePct)} online, ${formatPct(r.inStorePct)} in store`)
    .join('; ');
  return (
    <div>
      <Legend
        label="Channels"
        items={[
          { label: 'Online orders', color: CHANNEL_COLORS.online },
          { label: 'In-store orders', color: CHANNEL_COLORS.instore },
          { label: `Overall online share (${formatPct(chart.overallOnlinePct)})`, shape: 'rule' },
        ]}
      />
      <div role="img" aria-label={`Online and in-store share of orders by persona: ${summary}`}>
        {chart.rows.map((r) => (
          <BarRow
            key={r.clusterId ?? 'all'}
            label={r.persona}
            color={r.color}
            strong={r.clusterId === null}
            cols={ROW_COLS.persona}
            className="py-1"
          >
            <div className="relative flex h-6 w-full overflow-hidden rounded-sm text-[0.6875rem] font-medium tabular-nums">
              <div
                className="flex items-center justify-start pl-1.5"
                style={{
                  width: `${r.onlinePct}%`,
                  background: CHANNEL_COLORS.online,
                  color: textOn(CHANNEL_COLORS.online),
                }}
              >
                {formatPct(r.onlinePct)}
              </div>
              <div
                className="flex items-center justify-end pr-1.5"
                style={{
                  width: `${r.inStorePct}%`,
                  background: CHANNEL_COLORS.instore,
                  color: textOn(CHANNEL_COLORS.instore),
                }}
              >
                {formatPct(r.inStorePct)}
              </div>
              <RefLine at={`${chart.overallOnlinePct}%`} />
            </div>
          </BarRow>
        ))}
        <AxisRow
          cols={ROW_COLS.persona}
          ticks={TICKS}
          max={100}
          format={(v) => `${v}%`}
          title="Share of the persona's orders, %"
        />
      </div>
    </div>
  );
}
