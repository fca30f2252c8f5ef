'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { ColorLegend } from '@/components/charts/color-legend';
import { Heatmap } from '@/components/charts/heatmap';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { ViewToolbar } from '@/components/ui/view-toolbar';
import { useHydrated } from '@/lib/browser/use-hydrated';
import { divergingColor, sequentialColor } from '@/lib/charts/color-scales';
import { formatMoneyCompact, formatPct, formatRatio } from '@/lib/format/format';
import { useUrlState } from '@/lib/url/url-state';
import {
  AFFINITY_LEVELS,
  AFFINITY_METRICS,
  affinityTable,
  divergingLabels,
  divergingValueAt,
  FAMILY_SCOPES,
  indexLimit,
  legendSteps,
  matrixMax,
  METRIC_META,
  metricTakeaway,
  subsetColumns,
  type AffinityGrid,
  type AffinityLevel,
  type AffinityMetric,
  type FamilyScope,
} from '@/lib/view/affinity';

interface AffinityHeatmapData {
  intent: AffinityGrid;
  family: AffinityGrid;
  /** Ids of the families in the "top" view. */
  topFamilyIds: string[];
  currency: string;
}

interface ViewState {
  metric: AffinityMetric;
  level: AffinityLevel;
  families: FamilyScope;
}

const METRIC_OPTIONS = AFFINITY_METRICS.map((value) => ({
  value,
  label: value === 'share' ? 'Spend share' : value === 'penetration' ? 'Penetration' : 'Index',
}));

/** The persona × category heatmap, its view (metric, level, families) held in the URL. */
export function PersonaAffinityHeatmap(props: AffinityHeatmapData) {
  // Opens on the index: spend share mostly shows how big a category is; the index shows what
  // sets each persona apart, which is what a merchandiser curates for.
  const [metric, setMetric] = useUrlState<AffinityMetric>('metric', 'index', AFFINITY_METRICS);
  const [level, setLevel] = useUrlState<AffinityLevel>('level', 'intent', AFFINITY_LEVELS);
  const [families, setFamilies] = useUrlState<FamilyScope>('families', 'top', FAMILY_SCOPES);
  const hydrated = useHydrated();
  return (
    <div data-hydrated={hydrated}>
      <PersonaAffinityHeatmapView
        {...props}
        view={{ metric, level, families }}
        onMetric={setMetric}
        onLevel={setLevel}
        onFamilies={setFamilies}
      />
    </div>
  );
}

function PersonaAffinityHeatmapView({
  intent,
  family,
  topFamilyIds,
  currency,
  view,
  onMetric,
  onLevel,
  onFamilies,
}: AffinityHeatmapData & {
  view: ViewState;
  onMetric: (m: AffinityMetric) => void;
  onLevel: (l: AffinityLevel) => void;
  onFamilies: (f: FamilyScope) => void;
}) {
  const { metric, level, families } = view;
  const grid =
    level === 'intent' ? intent : families === 'top' ? subsetColumns(family, topFamilyIds) : family;
  const values = grid[metric];
  const meta = METRIC_META[metric];

  const isIndex = metric === 'index';
  const limit = indexLimit(values);
  const max = matrixMax(values) || 1;
  const color = isIndex ? (v: number) => divergingColor(v, limit) : (v: number) => sequentialColor(v / max);
  const stops = legendSteps().map((t) =>
    isIndex ? divergingColor(divergingValueAt(t, limit), limit) : sequentialColor(t),
  );
  const legendLabels = isIndex
    ? divergingLabels(limit)
    : [formatPct(0, 0), formatPct(max / 2, 1), formatPct(max, 1)];
  const legendTitle = isIndex
    ? 'Index vs all customers: left of 1× under-indexes, right of 1× over-indexes'
    : `${meta.label}, % (darker = higher; scaled to the largest cell shown)`;

  const levelName =
    level === 'intent'
      ? 'lifestyle intent'
      : families === 'top'
        ? `product family (top ${topFamilyIds.length} by spend)`
        : `product family (all ${family.columns.length})`;
  const title =
    level === 'intent'
      ? 'Persona × lifestyle intent'
      : families === 'top'
        ? `Persona × product family: top ${topFamilyIds.length} by spend`
        : `Persona × product family: all ${family.columns.length}`;

  const details = (r: number, c: number): string[] => {
    const share = grid.share[r]?.[c] ?? null;
    const lines = [
      `Spend share ${formatPct(share, 1)} (all customers ${formatPct(grid.overallShare[c], 1)})`,
      `Penetration ${formatPct(grid.penetration[r]?.[c] ?? null, 1)} of the persona’s customers`,
      `Index ${formatRatio(grid.index[r]?.[c] ?? null, 2)} vs all customers`,
      `Spend ${formatMoneyCompact(grid.spend[r]?.[c] ?? null, currency)}`,
    ];
    const group = grid.columns[c]?.group;
    return group ? [`Intent: ${group}`, ...lines] : lines;
  };

  return (
    <div id="persona-affinity-view">
      <ViewToolbar label="Heatmap view">
        <SegmentedControl
          label="Metric"
          name="affinity-metric"
          options={METRIC_OPTIONS}
          value={metric}
          onChange={onMetric}
        />
        <SegmentedControl
          label="Level"
          name="affinity-level"
          options={[
            { value: 'intent', label: 'Lifestyle intent' },
            { value: 'family', label: 'Product family' },
          ]}
          value={level}
          onChange={onLevel}
        />
        {level === 'family' ? (
          <SegmentedControl
            label="Families"
            name="affinity-families"
            options={[
              { value: 'top', label: `Top ${topFamilyIds.length}` },
              { value: 'all', label: `All ${family.columns.length}` },
            ]}
            value={families}
            onChange={onFamilies}
          />
        ) : null}
      </ViewToolbar>
      <ChartFrame
        id="persona-affinity"
        title={title}
        takeaway={metricTakeaway(grid, metric)}
        subtitle={`${meta.unit}. Select a column header to sort personas by it, a persona to sort the categories.`}
        table={affinityTable(grid, metric)}
        currency={currency}
        downloadName={`affinity-persona-${level === 'intent' ? 'intent' : `family-${families}`}`}
      >
        <div className="mb-3">
          <ColorLegend title={legendTitle} stops={stops} labels={legendLabels} />
        </div>
        <Heatmap
          key={`${level}-${families}`}
          testId="affinity-heatmap"
          caption={`${meta.label} by persona and ${levelName}`}
          rowHeaderLabel="Persona"
          rows={grid.personas.map((p) => ({ id: String(p.clusterId), label: p.persona }))}
          columns={grid.columns}
          values={values}
          color={color}
          format={meta.format}
          details={details}
        />
      </ChartFrame>
    </div>
  );
}
