import { BarRow, ROW_COLS, TrackAxis } from '@/components/charts/bar-rows';
import { CHANNEL_COLORS } from '@/lib/charts/theme';
import { rangeTicks } from '@/lib/charts/ticks';
import { formatPct, formatRatio } from '@/lib/format/format';
import type { ChannelContrast, ContrastBar } from '@/lib/view/demand';

function Bar({ b, max }: { b: ContrastBar; max: number }) {
  const online = b.log2 > 0;
  const width = `${(Math.min(Math.abs(b.log2), max) / max) * 50}%`;
  return (
    <BarRow
      label={b.name}
      title={`${b.name} (${b.intent})`}
      cols={ROW_COLS.family}
      className="gap-2 sm:gap-3"
      data-testid="contrast-bar"
      data-family={b.id}
      data-index={b.onlineIndex}
    >
      <div className="relative h-7">
        <span aria-hidden="true" className="absolute inset-y-0 left-1/2 w-px bg-line-strong" />
        <span
          aria-hidden="true"
          className="absolute inset-y-1.5 rounded-sm"
          style={{
            background: online ? CHANNEL_COLORS.online : CHANNEL_COLORS.instore,
            ...(online ? { left: '50%', width } : { right: '50%', width }),
          }}
        />
        <span
          className={`absolute inset-y-0 flex items-center text-[0.6875rem] font-medium whitespace-nowrap tabular-nums ${
            online ? 'right-1/2 pr-1.5' : 'left-1/2 pl-1.5'
          }`}
        >
          {online ? `${formatRatio(b.onlineIndex, 1)}` : `${formatRatio(1 / b.onlineIndex, 1)}`}
        </span>
      </div>
    </BarRow>
  );
}

/**
 * The families leaning furthest to each channel: a bar from the centre line, right for online,
 * left for in store, its length the lean on a log-2 scale (each tick doubles). HTML rows on the chart
 * kit, no script.
 */
export function ChannelContrastBars({ data, thresholdPct }: { data: ChannelContrast; thresholdPct: number }) {
  const max = Math.max(1, Math.ceil(data.maxLog2));
  const label = `Families leaning most to each channel (share of online demand ÷ share of in-store demand). Online: ${data.online
    .map((b) => `${b.name} ${formatRatio(b.onlineIndex, 1)}`)
    .join('; ')}. In store: ${data.instore
    .map((b) => `${b.name} ${formatRatio(1 / b.onlineIndex, 1)}`)
    .join('; ')}.`;
  // Whole doublings either side of 1× (log 2 = 0), from d3; the ends stay unlabelled.
  const axis = rangeTicks(-max, max, 2 * max);
  const cols = `grid ${ROW_COLS.family} gap-2 sm:gap-3`;
  return (
    <div role="img" aria-label={label}>
      <div className={`${cols} mb-1 text-xs font-medium`} aria-hidden="true">
        <span />
        <div className="flex justify-between gap-2">
          <span style={{ color: CHANNEL_COLORS.instore }}>
            ← <span className="max-sm:hidden">Leans </span>in store
          </span>
          <span className="text-right" style={{ color: CHANNEL_COLORS.online }}>
            <span className="max-sm:hidden">Leans </span>online →
          </span>
        </div>
      </div>
      <div data-testid="contrast-online">
        {data.online.map((b) => (
          <Bar key={b.id} b={b} max={max} />
        ))}
      </div>
      <div className="my-1 border-t border-dashed border-line" />
      <div data-testid="contrast-instore">
        {[...data.instore].reverse().map((b) => (
          <Bar key={b.id} b={b} max={max} />
        ))}
      </div>
      <div className={`${cols} pt-1`}>
        <span />
        <TrackAxis
          ticks={axis}
          min={-max}
          max={max}
          center
          // Phones: 1× and every other doubling (4×, 16× …) either side.
          thinOnPhone={(t) => t % 2 === 0}
          format={(t) => (Math.abs(t) === max ? '' : `${2 ** Math.abs(t)}×`)}
          title="Lean, × (log scale): share of one channel’s demand ÷ share of the other’s"
        />
      </div>
      <p className="mt-3 text-xs text-ink-muted">
        Among the families in either channel’s {formatPct(thresholdPct, 0)} core. {data.counts.online}{' '}
        families lean online, {data.counts.balanced} are balanced and {data.counts.instore} lean in store.
      </p>
    </div>
  );
}
