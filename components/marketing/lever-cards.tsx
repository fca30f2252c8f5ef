import { formatPct } from '@/lib/format/format';
import { channelName, type Lever } from '@/lib/view/marketing';

/** One card per persona: the recommended lever, the channels, and the reasons in words. */
export function LeverCards({ levers }: { levers: Lever[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="lever-cards">
      {levers.map((l) => (
        <li
          key={l.clusterId}
          // The lever is named in words (the title), not in colour: persona colours mean personas only.
          className="flex flex-col rounded-lg border border-line bg-surface p-4"
          data-testid="lever-card"
          data-persona={l.clusterId}
          data-kind={l.kind}
          data-channel={l.leadChannel}
        >
          <p className="flex items-center gap-2 text-sm font-medium">
            <span aria-hidden="true" className="size-2.5 rounded-full" style={{ background: l.color }} />
            {l.persona}
          </p>
          <h3 className="mt-2 text-lg leading-snug" data-testid="lever-title">
            {l.title}
          </h3>
          <p className="mt-1 text-sm text-ink" data-testid="lever-action">
            {l.action}
          </p>
          <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            <dt className="text-ink-muted">Lead channel</dt>
            <dd className="text-right font-medium">{channelName(l.leadChannel)}</dd>
            <dt className="text-ink-muted">Discount dependency</dt>
            <dd className="text-right tabular-nums">
              {formatPct(l.discountDependencyPct, 1)}{' '}
              <span className="text-ink-muted">(all {formatPct(l.overallDiscountDependencyPct, 1)})</span>
            </dd>
            <dt className="text-ink-muted">Response trend</dt>
            <dd className="text-right tabular-nums">
              {l.responseTrend === null ? '—' : `${formatPct(l.responseTrend * 100, 0)} of earlier`}
            </dd>
          </dl>
          <ul className="mt-3 list-disc space-y-1 pl-4 text-xs text-ink-muted">
            {l.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
