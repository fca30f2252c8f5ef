'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ColorLegend } from '@/components/charts/color-legend';
import { Heatmap } from '@/components/charts/heatmap';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { divergingColor } from '@/lib/charts/color-scales';
import { formatCount, formatPct, formatRatio } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import {
  divergingLabels,
  divergingValueAt,
  legendSteps,
  liftLimit,
  liftTable,
  liftTakeaway,
  lowerTriangle,
  type LiftGrid,
} from '@/lib/view/affinity';

const LIFT_LEVELS = ['intent', 'family'] as const;
type LiftLevel = (typeof LIFT_LEVELS)[number];

interface LiftData {
  intent: LiftGrid;
  family: LiftGrid;
  currency: string;
}

/** Category × category co-purchase lift, the level (?lift=) held in the URL. */
export function LiftHeatmap(props: LiftData) {
  const [level, setLevel] = useUrlState<LiftLevel>('lift', 'intent', LIFT_LEVELS);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <LiftHeatmapView {...props} level={level} onLevel={setLevel} />
    </div>
  );
}

function LiftHeatmapView({
  intent,
  family,
  currency,
  level,
  onLevel,
}: LiftData & { level: LiftLevel; onLevel: (l: LiftLevel) => void }) {
  const grid = level === 'intent' ? intent : family;
  const limit = liftLimit(grid.lift);
  const noun = level === 'intent' ? 'lifestyle intent' : 'product family';
  const details = (r: number, c: number): string[] => {
    if (r === c) return ['Same category'];
    if (c > r) return ['Each pair is shown once, below the diagonal'];
    const orders = grid.orders[r]?.[c] ?? null;
    if (orders === null) {
      return [`Fewer than ${formatCount(grid.minPairOrders ?? 0)} orders with both: too few to measure`];
    }
    return [
      `In ${formatCount(orders)} orders together (${formatPct((orders / grid.totalOrders) * 100, 2)} of all orders)`,
      `${formatRatio(grid.lift[r]?.[c] ?? null, 2)} what chance predicts`,
    ];
  };
  const empty =
    level === 'intent'
      ? 'Each pair once, below the diagonal; related intents sit side by side.'
      : `Each pair once, below the diagonal; families grouped by intent. Empty: fewer than ${formatCount(grid.minPairOrders ?? 0)} orders with both.`;

  return (
    <div id="co-purchase-lift-view">
      <ViewToolbar label="Lift heatmap view">
        <SegmentedControl
          label="Level"
          name="lift-level"
          options={[
            { value: 'intent', label: 'Lifestyle intent' },
            { value: 'family', label: `Top ${family.categories.length} families` },
          ]}
          value={level}
          onChange={onLevel}
        />
      </ViewToolbar>
      <ChartFrame
        id="co-purchase-lift"
        title={
          level === 'intent'
            ? 'Lifestyle intents bought together'
            : `Top ${grid.categories.length} product families bought together`
        }
        takeaway={liftTakeaway(grid)}
        subtitle={`Lift = share of orders with both ÷ (share with one × share with the other), over all ${formatCount(grid.totalOrders)} orders; 1.00× = no more often than chance. ${empty}`}
        table={liftTable(grid, level)}
        currency={currency}
        downloadName={`co-purchase-lift-${level}`}
      >
        <div className="mb-3">
          <ColorLegend
            title="Lift: right of 1× sells together more often than chance, left of 1× less"
            stops={legendSteps().map((t) => divergingColor(divergingValueAt(t, limit), limit))}
            labels={divergingLabels(limit)}
          />
        </div>
        <Heatmap
          key={level}
          testId="lift-heatmap"
          caption={`Co-purchase lift by ${noun} pair`}
          rowHeaderLabel={level === 'intent' ? 'Intent' : 'Family'}
          rows={grid.categories.map(({ id, label }) => ({ id, label }))}
          columns={grid.categories}
          values={lowerTriangle(grid.lift)}
          color={(v) => divergingColor(v, limit)}
          format={(v) => formatRatio(v, 2)}
          details={details}
        />
      </ChartFrame>
    </div>
  );
}
