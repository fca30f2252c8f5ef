import { CLV_HORIZON_MONTHS } from '../features/customer-scores';
import {
  CLV_COLUMNS,
  clvRow,
  type ClvDistribution,
  type ClvProxyTable,
  type PredictedDistribution,
} from '../schema/clv-proxy';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { spearman } from '../stats/correlation';
import type { CustomerValue } from '../value/customer-value';
import { pct, quantilesOf, roundNum } from './numbers';
import { predictedBinEdges, predictedDistribution, predictedMembers } from './value-model';

export const CLV_BIN_WIDTH = 5;

function distribution(
  clusterId: number | null,
  persona: string,
  clv: Float64Array,
  value: Float64Array,
  bins: number,
  predicted: PredictedDistribution | null,
): ClvDistribution {
  const counts = new Array<number>(bins).fill(0);
  for (const v of clv) counts[Math.min(bins - 1, Math.floor(v / CLV_BIN_WIDTH))]!++;
  return {
    cluster_id: clusterId,
    persona,
    customers: clv.length,
    counts,
    shares_pct: counts.map((c) => pct(c, clv.length)),
    quantiles: quantilesOf(clv, 2),
    value_quantiles: quantilesOf(value, 2),
    predicted,
  };
}

export function buildClvProxy(ctx: AnalysisContext, value: CustomerValue): ClvProxyTable {
  const { log, features: f, scores: s, k } = ctx;
  const bins = 100 / CLV_BIN_WIDTH;
  const rows: ClvProxyTable['rows'] = new Array(log.customerCount);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let c = 0; c < log.customerCount; c++) {
    members[ctx.clusterOf[c]!]!.push(c);
    rows[c] = clvRow({
      customer_id: log.customerIds[c]!,
      cluster_id: ctx.clusterOf[c]!,
      clv_proxy: roundNum(s.clv_proxy[c]!, 1),
      clv_proxy_value: roundNum(s.clv_proxy_value[c]!, 2),
      avg_order_value: roundNum(f.avg_order_value[c]!, 2),
      orders_per_month: roundNum(f.orders_per_month[c]!, 3),
      expected_lifespan_months: roundNum(s.expected_lifespan_months[c]!, 2),
      engagement_weight: roundNum(0.5 + s.engagement_index[c]! / 100, 3),
    });
  }
  const pick = (arr: Float64Array, idx: number[]) => Float64Array.from(idx, (i) => arr[i]!);
  const edges = predictedBinEdges(value);
  const predictedOf = predictedMembers(ctx, value);
  const everyone = predictedOf.flat().sort((a, b) => a - b);
  const clv = value.predictions.clv;
  const rho =
    edges !== null && everyone.length > 2 ? spearman(pick(s.clv_proxy, everyone), pick(clv, everyone)) : NaN;
  return {
    table: 'clv_proxy',
    currency: ctx.currency,
    horizon_months: CLV_HORIZON_MONTHS,
    columns: [...CLV_COLUMNS] as never,
    rows,
    bin_edges: Array.from({ length: bins + 1 }, (_, i) => i * CLV_BIN_WIDTH),
    predicted_bin_edges: edges,
    distributions: members.map((idx, cl) =>
      distribution(
        cl,
        personaOf(ctx, cl),
        pick(s.clv_proxy, idx),
        pick(s.clv_proxy_value, idx),
        bins,
        predictedDistribution(predictedOf[cl]!, value, edges),
      ),
    ),
    overall: distribution(
      null,
      'All customers',
      s.clv_proxy,
      s.clv_proxy_value,
      bins,
      predictedDistribution(everyone, value, edges),
    ),
    predicted_clv_spearman: Number.isFinite(rho) ? roundNum(rho, 4) : null,
  };
}
