/**
 * The computed results as plain tables, for the page's table views and the CSV and JSON
 * downloads, generated in the browser from the worker's result.
 */
import type { TableData } from '../format/table-data';
import type { OwnGroup, OwnResult } from './summarise';

export function personasTable(result: OwnResult): TableData {
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'customers', label: 'Customers', format: 'count' },
      { key: 'customer_share_pct', label: 'Customer share %', format: 'pct' },
      { key: 'revenue', label: 'Revenue', format: 'money' },
      { key: 'revenue_share_pct', label: 'Revenue share %', format: 'pct' },
      { key: 'avg_order_value', label: 'Avg order value', format: 'money' },
      { key: 'orders_per_customer', label: 'Orders per customer', format: 'number', decimals: 2 },
      { key: 'avg_churn_risk', label: 'Churn risk (0–100)', format: 'score' },
      { key: 'avg_loyalty', label: 'Loyalty (0–100)', format: 'score' },
      { key: 'avg_engagement', label: 'Engagement (0–100)', format: 'score' },
      { key: 'online_order_share_pct', label: 'Online orders %', format: 'pct' },
      { key: 'avg_clv_proxy', label: 'CLV proxy, average', format: 'score' },
      { key: 'avg_age', label: 'Average age', format: 'number', decimals: 1 },
      { key: 'female_share_pct', label: 'Female %', format: 'pct' },
      { key: 'urban_share_pct', label: 'Urban %', format: 'pct' },
    ],
    rows: [...result.personas, result.total].map((g: OwnGroup) => ({
      persona: g.persona,
      customers: g.customers,
      customer_share_pct: g.customerSharePct,
      revenue: g.revenue,
      revenue_share_pct: g.revenueSharePct,
      avg_order_value: g.avgOrderValue,
      orders_per_customer: g.ordersPerCustomer,
      avg_churn_risk: g.avgChurnRisk,
      avg_loyalty: g.avgLoyalty,
      avg_engagement: g.avgEngagement,
      online_order_share_pct: g.onlineOrderSharePct,
      avg_clv_proxy: g.clv.mean,
      avg_age: g.avgAge,
      female_share_pct: g.femaleSharePct,
      urban_share_pct: g.urbanSharePct,
    })),
  };
}

export function clvTable(result: OwnResult): TableData {
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'mean', label: 'Average', format: 'score' },
      { key: 'p10', label: '10th pct', format: 'score' },
      { key: 'p25', label: '25th pct', format: 'score' },
      { key: 'p50', label: 'Median', format: 'score' },
      { key: 'p75', label: '75th pct', format: 'score' },
      { key: 'p90', label: '90th pct', format: 'score' },
    ],
    rows: [...result.personas, result.total].map((g) => ({ persona: g.persona, ...g.clv })),
  };
}

export function revenueTable(result: OwnResult): TableData {
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'revenue', label: 'Revenue', format: 'money' },
      { key: 'revenue_share_pct', label: 'Revenue share %', format: 'pct' },
      { key: 'customer_share_pct', label: 'Customer share %', format: 'pct' },
    ],
    rows: result.personas.map((g) => ({
      persona: g.persona,
      revenue: g.revenue,
      revenue_share_pct: g.revenueSharePct,
      customer_share_pct: g.customerSharePct,
    })),
  };
}

/** One row per persona × intent (long format, every intent). */
export function affinityTable(result: OwnResult): TableData {
  const { intents, overallSharePct, sharePct, index } = result.affinity;
  return {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      { key: 'intent', label: 'Intent or category', format: 'text' },
      { key: 'spend_share_pct', label: 'Spend share %', format: 'pct' },
      { key: 'overall_share_pct', label: 'Everyone’s share %', format: 'pct' },
      { key: 'index', label: 'Index', format: 'ratio' },
    ],
    rows: result.personas.flatMap((p, g) =>
      intents.map((intent, i) => ({
        persona: p.persona,
        intent,
        spend_share_pct: sharePct[g]![i]!,
        overall_share_pct: overallSharePct[i]!,
        index: index[g]![i] ?? null,
      })),
    ),
  };
}

/** The whole result as pretty JSON, with what it was computed from. */
export function resultJson(
  result: OwnResult,
  source: { file: string; rows: number; skipped: number },
): string {
  return `${JSON.stringify({ source, ...result }, null, 2)}\n`;
}
