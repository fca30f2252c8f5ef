'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { personaColor } from '@/lib/charts/theme';
import { formatCount, formatRatio } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import {
  crossSellTable,
  crossSellTakeaway,
  type CrossSellList,
  type CrossSellPair,
} from '@/lib/view/affinity';
import { useId } from 'react';

/** Pairs shown per persona in the "all personas" overview. */
const COMPACT_PAIRS = 5;

interface CrossSellData {
  lists: CrossSellList[];
  currency: string;
  minPairOrders: number;
}

/** Top cross-sell pairs per persona; the persona (?persona=) held in the URL. */
export function CrossSellLists(props: CrossSellData) {
  const allowed = ['all', ...props.lists.map((l) => String(l.clusterId))];
  const [persona, setPersona] = useUrlState<string>('persona', 'all', allowed);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <CrossSellView {...props} persona={persona} onPersona={setPersona} />
    </div>
  );
}

function CrossSellView({
  lists,
  currency,
  minPairOrders,
  persona,
  onPersona,
}: CrossSellData & { persona: string; onPersona: (p: string) => void }) {
  const selectId = useId();
  const selected = lists.find((l) => String(l.clusterId) === persona);
  const shown = selected ? [selected] : lists;
  const pairsPerList = Math.max(0, ...lists.map((l) => l.pairs.length));

  return (
    <div id="cross-sell-view">
      <ViewToolbar label="Cross-sell view">
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="text-xs text-ink-muted">
            Persona
          </label>
          <select
            id={selectId}
            value={selected ? persona : 'all'}
            onChange={(e) => onPersona(e.target.value)}
            className="rounded-md border border-line bg-paper px-2 py-1 text-sm text-ink"
          >
            <option value="all">All personas (top {COMPACT_PAIRS} each)</option>
            {lists.map((l) => (
              <option key={l.clusterId} value={String(l.clusterId)}>
                {l.persona} (top {l.pairs.length})
              </option>
            ))}
          </select>
        </div>
      </ViewToolbar>
      <ChartFrame
        id="cross-sell"
        title={selected ? `Top cross-sell pairs: ${selected.persona}` : 'Top cross-sell pairs by persona'}
        takeaway={crossSellTakeaway(shown)}
        subtitle={`Product-family pairs with the highest lift inside each persona’s orders (pairs bought together in at least ${formatCount(minPairOrders)} orders). Lift ${formatRatio(2, 0)} = twice as often as chance.`}
        table={crossSellTable(shown)}
        currency={currency}
        downloadName={
          selected
            ? `cross-sell-${selected.persona.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
            : 'cross-sell-all-personas'
        }
      >
        {selected ? (
          <ol
            className="divide-y divide-line rounded-md border border-line"
            data-testid="cross-sell-list"
            data-persona={selected.clusterId}
          >
            {selected.pairs.map((p, i) => (
              <PairRow
                key={`${p.aId}-${p.bId}`}
                pair={p}
                rank={i + 1}
                maxLift={selected.pairs[0]?.lift ?? p.lift}
              />
            ))}
          </ol>
        ) : (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {lists.map((l) => (
              <section
                key={l.clusterId}
                aria-labelledby={`${selectId}-${l.clusterId}`}
                className="rounded-md border border-line bg-paper/60 p-3"
                data-testid="cross-sell-list"
                data-persona={l.clusterId}
              >
                <h4 id={`${selectId}-${l.clusterId}`} className="flex items-center gap-2 text-sm font-medium">
                  <span
                    aria-hidden="true"
                    className="size-2.5 rounded-full"
                    style={{ background: personaColor(l.clusterId) }}
                  />
                  {l.persona}
                </h4>
                <ol className="mt-2 space-y-1.5">
                  {l.pairs.slice(0, COMPACT_PAIRS).map((p) => (
                    <li
                      key={`${p.aId}-${p.bId}`}
                      className="flex items-baseline justify-between gap-3 text-sm"
                      data-testid="cross-sell-pair"
                      data-a={p.aId}
                      data-b={p.bId}
                      data-lift={p.lift}
                      data-orders={p.orders}
                    >
                      <span className="min-w-0">
                        {p.a} <span className="text-ink-muted">+</span> {p.b}
                      </span>
                      <span className="shrink-0 text-right text-xs text-ink-muted tabular-nums">
                        <span className="font-medium text-ink">{formatRatio(p.lift, 1)}</span> ·{' '}
                        {formatCount(p.orders)} orders
                      </span>
                    </li>
                  ))}
                </ol>
                {l.pairs.length > COMPACT_PAIRS ? (
                  <button
                    type="button"
                    onClick={() => onPersona(String(l.clusterId))}
                    className="mt-2 text-xs text-accent underline-offset-2 hover:underline"
                  >
                    All {l.pairs.length} pairs for {l.persona}
                  </button>
                ) : null}
              </section>
            ))}
          </div>
        )}
        {selected ? (
          <button
            type="button"
            onClick={() => onPersona('all')}
            className="mt-3 text-xs text-accent underline-offset-2 hover:underline"
          >
            Compare all personas (top {Math.min(COMPACT_PAIRS, pairsPerList)} each)
          </button>
        ) : null}
      </ChartFrame>
    </div>
  );
}

function PairRow({ pair, rank, maxLift }: { pair: CrossSellPair; rank: number; maxLift: number }) {
  return (
    <li
      className="grid grid-cols-[2rem_1fr] gap-x-3 px-3 py-3 sm:grid-cols-[2rem_1fr_12rem]"
      data-testid="cross-sell-pair"
      data-a={pair.aId}
      data-b={pair.bId}
      data-lift={pair.lift}
      data-orders={pair.orders}
    >
      <span className="font-display text-lg text-ink-muted tabular-nums">{rank}</span>
      <div className="min-w-0">
        <p className="text-sm">
          Customers who buy <strong className="font-semibold">{pair.a}</strong> are{' '}
          <strong className="font-semibold">{formatRatio(pair.lift, 1)}</strong> as likely to buy{' '}
          <strong className="font-semibold">{pair.b}</strong> in the same order
        </p>
        <p className="mt-0.5 text-xs text-ink-muted">
          {pair.aIntent === pair.bIntent ? pair.aIntent : `${pair.aIntent} → ${pair.bIntent}`} ·{' '}
          {formatCount(pair.orders)} orders together
        </p>
      </div>
      <div className="col-start-2 mt-2 flex items-center gap-2 sm:col-start-3 sm:mt-0" aria-hidden="true">
        <div className="h-2 flex-1 rounded-full bg-sunken">
          <div
            className="h-2 rounded-full bg-accent"
            style={{ width: `${Math.min(100, (pair.lift / maxLift) * 100)}%` }}
          />
        </div>
        <span className="w-12 text-right text-xs tabular-nums">{formatRatio(pair.lift, 2)}</span>
      </div>
    </li>
  );
}
