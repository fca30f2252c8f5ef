/**
 * Plain chart models for the "Analyse your data" page, built from the worker's result, in the
 * shapes the existing presentational components take (PersonaBars, ClvRanges, Heatmap).
 */
import { niceScale } from '../charts/plot-frame';
import { personaColor } from '../format/colors';
import { formatCount, formatMoneyCompact, formatPct } from '../format/format';
import type { ClvChart } from '../insights/overview';
import { clvTable } from './result-tables';
import type { OwnResult } from './summarise';

/** At most this many intents (or categories) are drawn as heatmap columns; the downloads have all. */
export const HEATMAP_COLUMNS = 12;

const ALL_COLOR = '#2b241f';

export interface RevenueBars {
  rows: Array<{ cluster_id: number; persona: string; color: string; value: number }>;
  scale: { max: number; ticks: number[] };
  takeaway: string;
}

export function revenueBars(result: OwnResult): RevenueBars {
  const rows = result.personas.map((p) => ({
    cluster_id: p.clusterId!,
    persona: p.persona,
    color: personaColor(p.clusterId!),
    value: p.revenue,
  }));
  const top = [...result.personas].sort((a, b) => b.revenue - a.revenue)[0];
  return {
    rows,
    scale: niceScale(1.15 * Math.max(0, ...rows.map((r) => r.value))),
    takeaway: top
      ? `${top.persona} bring ${formatPct(top.revenueSharePct)} of revenue (${formatMoneyCompact(top.revenue, result.currency)}) from ${formatPct(top.customerSharePct)} of customers.`
      : 'No revenue in the file.',
  };
}

export function ownClvChart(result: OwnResult): ClvChart {
  const groups = [...result.personas, result.total];
  const rows = groups.map((g) => ({
    clusterId: g.clusterId,
    persona: g.persona,
    color: g.clusterId === null ? ALL_COLOR : personaColor(g.clusterId),
    mean: g.clv.mean,
    p10: g.clv.p10,
    p25: g.clv.p25,
    p50: g.clv.p50,
    p75: g.clv.p75,
    p90: g.clv.p90,
  }));
  const topValue = Math.max(1, ...rows.map((r) => Math.max(r.mean, r.p90)));
  const step = topValue > 60 ? 20 : topValue > 30 ? 10 : 5;
  const domainMax = Math.min(100, Math.ceil(topValue / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= domainMax + 1e-9; t += step) ticks.push(t);
  const leader = [...result.personas].sort((a, b) => b.clv.mean - a.clv.mean)[0];
  return {
    rows,
    domainMax,
    ticks,
    table: clvTable(result),
    takeaway: leader
      ? `Highest CLV proxy: ${leader.persona}, an average of ${formatCount(leader.clv.mean, 1)} of 100 (everyone: ${formatCount(result.total.clv.mean, 1)}).`
      : '',
  };
}

export type AffinityMeasure = 'index' | 'share';

export interface AffinityHeatmapModel {
  rows: Array<{ id: string; label: string }>;
  columns: Array<{ id: string; label: string }>;
  /** values[persona][intent] for the measure. */
  values: Array<Array<number | null>>;
  /** Largest spend share shown, for the colour scale of shares. */
  maxShare: number;
  /** How many intents the result has (the heatmap shows the first HEATMAP_COLUMNS). */
  totalIntents: number;
  takeaway: string;
}

export function affinityHeatmap(result: OwnResult, measure: AffinityMeasure): AffinityHeatmapModel {
  const { intents, sharePct, index } = result.affinity;
  const shown = intents.slice(0, HEATMAP_COLUMNS);
  const values = result.personas.map((_, g) =>
    shown.map((_, i) => (measure === 'index' ? (index[g]![i] ?? null) : sharePct[g]![i]!)),
  );
  let best: { persona: string; intent: string; index: number } | null = null;
  result.personas.forEach((p, g) =>
    shown.forEach((intent, i) => {
      const v = index[g]![i];
      if (v !== null && v !== undefined && (!best || v > best.index))
        best = { persona: p.persona, intent, index: v };
    }),
  );
  const b = best as { persona: string; intent: string; index: number } | null;
  return {
    rows: result.personas.map((p) => ({ id: String(p.clusterId), label: p.persona })),
    columns: shown.map((intent, i) => ({ id: `i${i}`, label: intent })),
    values,
    maxShare: Math.max(1, ...sharePct.flatMap((row) => row.slice(0, HEATMAP_COLUMNS))),
    totalIntents: intents.length,
    takeaway: b
      ? `Strongest affinity: ${b.persona} spend ${b.index.toFixed(2)}× everyone’s share on ${b.intent}.`
      : 'No spend by category in the file.',
  };
}
