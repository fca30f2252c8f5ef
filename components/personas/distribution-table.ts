import type { TableData } from '@/lib/format/table-data';

/** One group in a distribution chart (plain data: usable on the server and in the browser). */
export interface DistributionSeries {
  key: string;
  name: string;
  color: string;
  /** % of the group's customers in each bin. */
  values: number[];
}

/** The table behind a distribution chart: one row per range, one % column per group. */
export function distributionTable(
  binLabels: string[],
  series: DistributionSeries[],
  rangeLabel: string,
): TableData {
  return {
    columns: [
      { key: 'range', label: rangeLabel, format: 'text' },
      ...series.map((s) => ({
        key: `g_${s.key}`,
        label: `${s.name} (% of customers)`,
        format: 'pct' as const,
        decimals: 1,
      })),
    ],
    rows: binLabels.map((range, i) => {
      const row: Record<string, string | number | null> = { range };
      for (const s of series) row[`g_${s.key}`] = s.values[i] ?? null;
      return row;
    }),
  };
}
