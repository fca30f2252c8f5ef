import { EXISTING_CUSTOMERS_ONLY } from '@/content/metrics';
/**
 * Predicted customer value (BG/NBD + Gamma-Gamma) for the Revenue & CLV page, the persona cards and
 * "Analyse your data": from the value_model and clv_proxy tables, beside the CLV proxy. When the data
 * cannot support the model, `available` is false and the verdict's reasons say why; nothing here
 * produces a NaN.
 */
import { groupColor } from '../charts/theme';
import { zeroAxis } from '../charts/ticks';
import { formatCount, formatMoneyCompact, formatPct } from '../format/format';
import type { TableData } from '../format/table-data';
import type { ClvProxyTable } from '../schema/clv-proxy';
import type { RevenueByCluster } from '../schema/revenue-by-cluster';
import type { ValueModel, ValueSummaryRow } from '../schema/value-model';
import type { ClvChart } from './overview';

export interface PredictedKpi {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export interface PredictedValueView {
  available: boolean;
  /** Why there are no predictions (the verdict's reasons), when unavailable. */
  reasons: string[];
  /** What the fit found about the data, e.g. no dropout seen (every customer then counts as active). */
  notes: string[];
  horizonMonths: number;
  kpis: PredictedKpi[];
  /** Predicted CLV per customer, by persona: mean, median, middle half, 10th–90th percentile. */
  ranges: ClvChart | null;
  table: TableData;
  takeaway: string;
}

const share = (part: number | null, whole: number) =>
  part !== null && whole > 0 ? (100 * part) / whole : null;

/** "₹31.4 Cr (₹30.7 Cr–₹32.2 Cr)": a total with its 10th–90th percentile interval. */
export function moneyWithRange(
  value: number | null,
  low: number | null,
  high: number | null,
  currency: string,
): string {
  if (value === null) return '—';
  const main = formatMoneyCompact(value, currency);
  if (low === null || high === null) return main;
  return `${main} (${formatMoneyCompact(low, currency)}–${formatMoneyCompact(high, currency)})`;
}

/** The sentence for an unavailable model: what is missing, and what the pages show instead. */
export function unavailableSentence(model: Pick<ValueModel, 'sufficiency'> | null): string {
  if (!model) return 'The value model table is missing from this build; the CLV proxy stands alone.';
  const reasons = model.sufficiency.reasons;
  return `Predictions need more history than this data has${reasons.length ? ` (${reasons.join('; ')})` : ''}, so the pages show the CLV proxy only.`;
}

function rangesChart(model: ValueModel, clv: ClvProxyTable, currency: string): ClvChart | null {
  const groups = [...clv.distributions, clv.overall];
  if (groups.some((g) => !g.predicted)) return null;
  const rows = groups.map((g) => {
    const q = g.predicted!.quantiles;
    return {
      clusterId: g.cluster_id,
      persona: g.persona,
      color: groupColor(g.cluster_id),
      mean: q.mean,
      p10: q.p10,
      p25: q.p25,
      p50: q.p50,
      p75: q.p75,
      p90: q.p90,
    };
  });
  const scale = zeroAxis(Math.max(1, ...rows.map((r) => r.p90 ?? 0)));
  const leader = rows.filter((r) => r.clusterId !== null).sort((a, b) => (b.p50 ?? 0) - (a.p50 ?? 0))[0];
  const all = rows[rows.length - 1]!;
  return {
    rows,
    domainMax: scale.max,
    ticks: scale.ticks,
    table: {
      columns: [
        { key: 'persona', label: 'Persona', format: 'text' },
        { key: 'mean', label: 'Average', format: 'money' },
        { key: 'p10', label: '10th pct', format: 'money' },
        { key: 'p25', label: '25th pct', format: 'money' },
        { key: 'p50', label: 'Median', format: 'money' },
        { key: 'p75', label: '75th pct', format: 'money' },
        { key: 'p90', label: '90th pct', format: 'money' },
      ],
      rows: rows.map((r) => ({
        persona: r.persona,
        mean: r.mean,
        p10: r.p10,
        p25: r.p25,
        p50: r.p50,
        p75: r.p75,
        p90: r.p90,
      })),
    },
    takeaway: leader
      ? `The median ${leader.persona.replace(/s$/, '')} customer is worth ${formatMoneyCompact(leader.p50, currency)} over the next ${model.horizon_months} months (everyone: ${formatMoneyCompact(all.p50, currency)}); a few customers far above the median pull every average up.`
      : '',
  };
}

function tableOf(
  rows: ValueSummaryRow[],
  revenue: RevenueByCluster | null,
  clv: ClvProxyTable | null,
  horizon: number,
): TableData {
  const proxyOf = (clusterId: number | null) =>
    clusterId === null
      ? (clv?.overall.quantiles.mean ?? revenue?.total.avg_clv_proxy ?? null)
      : (clv?.distributions.find((d) => d.cluster_id === clusterId)?.quantiles.mean ??
        revenue?.rows.find((r) => r.cluster_id === clusterId)?.avg_clv_proxy ??
        null);
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'customers', label: 'Customers', format: 'count' },
      { key: 'active', label: 'Active (Σ P(alive))', format: 'number', decimals: 0 },
      { key: 'active_pct', label: 'Active %', format: 'pct' },
      {
        key: 'purchases',
        label: `Expected purchases, ${horizon} mo, ${EXISTING_CUSTOMERS_ONLY}`,
        format: 'number',
        decimals: 0,
      },
      {
        key: 'revenue',
        label: `Predicted revenue, ${horizon} mo, ${EXISTING_CUSTOMERS_ONLY}`,
        format: 'money',
      },
      { key: 'revenue_p10', label: 'Revenue, 10th pct', format: 'money' },
      { key: 'revenue_p90', label: 'Revenue, 90th pct', format: 'money' },
      { key: 'clv_p50', label: 'Predicted CLV, median customer', format: 'money' },
      { key: 'clv_p10', label: 'CLV, 10th pct customer', format: 'money' },
      { key: 'clv_p90', label: 'CLV, 90th pct customer', format: 'money' },
      { key: 'proxy', label: 'CLV proxy, average (0–100)', format: 'score' },
    ],
    rows: rows.map((r) => ({
      persona: r.persona,
      customers: r.customers,
      active: r.active_customers,
      active_pct: share(r.active_customers, r.customers),
      purchases: r.expected_purchases,
      revenue: r.predicted_revenue,
      revenue_p10: r.predicted_revenue_p10,
      revenue_p90: r.predicted_revenue_p90,
      clv_p50: r.predicted_clv_p50,
      clv_p10: r.predicted_clv_p10,
      clv_p90: r.predicted_clv_p90,
      proxy: proxyOf(r.cluster_id),
    })),
  };
}

export function predictedValue(
  model: ValueModel | null,
  clv: ClvProxyTable | null,
  revenue: RevenueByCluster | null,
  currency: string,
): PredictedValueView {
  const horizon = model?.horizon_months ?? 12;
  const available = model !== null && model.bgnbd !== null && model.total.active_customers !== null;
  const rows = model ? [...model.personas, model.total] : [];
  if (!available) {
    return {
      available: false,
      reasons: model?.sufficiency.reasons ?? ['the value model table is missing'],
      notes: [],
      horizonMonths: horizon,
      kpis: [],
      ranges: null,
      table: tableOf(rows, revenue, clv, horizon),
      takeaway: unavailableSentence(model),
    };
  }
  const t = model.total;
  const money = t.predicted_revenue !== null;
  const kpis: PredictedKpi[] = [
    {
      id: 'kpi-active-customers',
      label: 'Active customers',
      value: formatCount(t.active_customers),
      hint: `${formatPct(share(t.active_customers, t.customers), 0)} of ${formatCount(t.customers)}: Σ P(alive)`,
    },
    {
      id: 'kpi-expected-purchases',
      label: `Expected purchases, ${horizon} mo, ${EXISTING_CUSTOMERS_ONLY}`,
      value: formatCount(t.expected_purchases),
      hint: `${formatCount((t.expected_purchases ?? 0) / Math.max(1, t.customers), 1)} per customer`,
    },
  ];
  if (money) {
    kpis.push({
      id: 'kpi-predicted-revenue',
      label: `Predicted revenue, ${horizon} mo, ${EXISTING_CUSTOMERS_ONLY}`,
      value: formatMoneyCompact(t.predicted_revenue, currency),
      hint: `80 % interval ${formatMoneyCompact(t.predicted_revenue_p10, currency)}–${formatMoneyCompact(t.predicted_revenue_p90, currency)}, discounted ${formatPct(100 * model.monthly_discount, 0)}/month`,
    });
  }
  if (clv?.predicted_clv_spearman !== null && clv?.predicted_clv_spearman !== undefined) {
    kpis.push({
      id: 'kpi-proxy-rank-correlation',
      label: 'Proxy vs predicted',
      value: formatCount(clv.predicted_clv_spearman, 2),
      hint: 'Spearman rank correlation of the CLV proxy with predicted CLV',
    });
  }
  const personas = [...model.personas].sort(
    (a, b) => (b.predicted_revenue ?? 0) - (a.predicted_revenue ?? 0),
  );
  const top = personas[0];
  const lapsing = [...model.personas].sort(
    (a, b) =>
      (share(a.active_customers, a.customers) ?? 100) - (share(b.active_customers, b.customers) ?? 100),
  )[0];
  const parts: string[] = [];
  if (top && money && t.predicted_revenue) {
    parts.push(
      `${top.persona} should bring ${formatMoneyCompact(top.predicted_revenue, currency)} of the ${formatMoneyCompact(t.predicted_revenue, currency)} today’s customers should spend in the next ${horizon} months (${formatPct(share(top.predicted_revenue, t.predicted_revenue), 0)}).`,
    );
  }
  if (lapsing) {
    parts.push(
      `${lapsing.persona} are the most likely to have lapsed: ${formatPct(share(lapsing.active_customers, lapsing.customers), 0)} still active, against ${formatPct(share(t.active_customers, t.customers), 0)} of everyone.`,
    );
  }
  return {
    available: true,
    reasons: model.sufficiency.reasons,
    notes: model.sufficiency.notes ?? [],
    horizonMonths: horizon,
    kpis,
    ranges: clv && money ? rangesChart(model, clv, currency) : null,
    table: tableOf(rows, revenue, clv, horizon),
    takeaway: parts.join(' '),
  };
}

/** A persona's predicted figures for its card: active customers and predicted revenue with its interval. */
export interface PersonaPrediction {
  activeCustomers: number | null;
  activeSharePct: number | null;
  predictedRevenue: number | null;
  predictedRevenueP10: number | null;
  predictedRevenueP90: number | null;
  horizonMonths: number;
}

export function personaPrediction(model: ValueModel | null, clusterId: number): PersonaPrediction | null {
  const row = model?.personas.find((p) => p.cluster_id === clusterId);
  if (!model || !row || row.active_customers === null) return null;
  return {
    activeCustomers: row.active_customers,
    activeSharePct: share(row.active_customers, row.customers),
    predictedRevenue: row.predicted_revenue,
    predictedRevenueP10: row.predicted_revenue_p10,
    predictedRevenueP90: row.predicted_revenue_p90,
    horizonMonths: model.horizon_months,
  };
}
