import { formatPct, formatRatio } from '@/lib/format/format';
import type { ChannelContrast, ContrastBar } from '@/lib/insights/demand';
import { CHANNEL_COLOR } from './channel-colors';

/** Ticks of the log-2 axis, as multiples: 2×, 4×, 8× … up to the largest lean shown. */
function ticks(maxLog2: number): number[] {
  const out: number[] = [];
  for (let t = 1; t <= maxLog2 + 1e-9; t++) out.push(t);
  return out;
}

function Bar({ b, max }: { b: ContrastBar; max: number }) {
  const online = b.log2 > 0;
  const width = `${(Math.min(Math.abs(b.log2), max) / max) * 50}%`;
  return (
    <div
      className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] items-center gap-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)] sm:gap-3"
      data-testid="contrast-bar"
      data-family={b.id}
      data-index={b.onlineIndex}
    >
      <span className="truncate text-right text-xs leading-tight" title={`${b.name} (${b.intent})`}>
        {b.name}
      </span>
      <div className="relative h-7">
        <span aria-hidden="true" className="absolute inset-y-0 left-1/2 w-px bg-line-strong" />
        <span
          aria-hidden="true"
          className="absolute inset-y-1.5 rounded-sm"
          style={{
            background: online ? CHANNEL_COLOR.online : CHANNEL_COLOR.instore,
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
    </div>
  );
}

/**
 * The families leaning furthest to each channel: a bar from the centre line, right for online,
 * left for in store, its length the lean on a log-2 scale (each tick doubles). HTML, no script.
 */
export function ChannelContrastBars({ data, thresholdPct }: { data: ChannelContrast; thresholdPct: number }) {
  const max = Math.ceil(data.maxLog2);
  const label = `Families leaning most to each channel (share of online demand ÷ share of in-store demand). Online: ${data.online
    .map((b) => `${b.name} ${formatRatio(b.onlineIndex, 1)}`)
    .join('; ')}. In store: ${data.instore
    .map((b) => `${b.name} ${formatRatio(1 / b.onlineIndex, 1)}`)
    .join('; ')}.`;
  const axis = ticks(max);
  const cols =
    'grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] gap-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)] sm:gap-3';
  return (
    <div role="img" aria-label={label}>
      <div className={`${cols} mb-1 text-xs font-medium`} aria-hidden="true">
        <span />
        <div className="flex justify-between gap-2">
          <span style={{ color: CHANNEL_COLOR.instore }}>
            ← <span className="max-sm:hidden">Leans </span>in store
          </span>
          <span className="text-right" style={{ color: CHANNEL_COLOR.online }}>
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
      <div className={`${cols} pt-1`} aria-hidden="true">
        <span />
        <div>
          <div className="relative h-4 text-[0.6875rem] text-ink-muted tabular-nums">
            <span className="absolute left-1/2 -translate-x-1/2">1×</span>
            {axis.map((t) => (
              <span
                key={`r${t}`}
                className={`absolute -translate-x-1/2 ${t % 2 === 1 && t !== max ? 'max-sm:hidden' : ''}`}
                style={{ left: `${50 + (t / max) * 50}%` }}
              >
                {t === max ? '' : `${2 ** t}×`}
              </span>
            ))}
            {axis.map((t) => (
              <span
                key={`l${t}`}
                className={`absolute -translate-x-1/2 ${t % 2 === 1 && t !== max ? 'max-sm:hidden' : ''}`}
                style={{ left: `${50 - (t / max) * 50}%` }}
              >
                {t === max ? '' : `${2 ** t}×`}
              </span>
            ))}
          </div>
          <p className="mt-1 text-center text-[0.6875rem] text-ink-muted">
            Lean, × (log scale): share of one channel’s demand ÷ share of the other’s
          </p>
        </div>
      </div>
      <p className="mt-3 text-xs text-ink-muted">
        Among the families in either channel’s {formatPct(thresholdPct, 0)} core. {data.counts.online}{' '}
        families lean online, {data.counts.balanced} are balanced and {data.counts.instore} lean in store.
      </p>
    </div>
  );
}
