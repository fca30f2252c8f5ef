import { formatMoney } from '../format/format';
import type { MarketingEffectiveness } from '../schema/marketing-effectiveness';
import type { ProductAffinity } from '../schema/product-affinity';
import type { RevenueByCluster } from '../schema/revenue-by-cluster';
import type { Segmentation, Trait } from '../schema/segmentation';
import type { AnalysisContext } from '../segment/analysis-context';
import { PROFILE_METRICS, type ProfileMetric } from '../segment/cluster-profiles';
import { DEFAULT_K_DIAGNOSTICS } from '../segment/k-diagnostics';
import { crmPlays, describePersona } from '../segment/persona-copy';
import { round, roundNum } from './numbers';

export const METRIC_LABELS: Record<ProfileMetric, string> = {
  orders_per_month: 'Orders per month',
  recency_days: 'Days since last order',
  avg_order_value: 'Average order value',
  total_spend: 'Total spend',
  basket_size: 'Items per order',
  dwell_minutes: 'In-store dwell (min)',
  online_ratio: 'Online order share',
  category_diversity: 'Product families bought',
  discount_share: 'Discount share of spend',
  active_month_share: 'Active months share',
  response_rate: 'Marketing response rate',
  engagement_index: 'Engagement index',
  loyalty_score: 'Loyalty score',
  churn_risk: 'Churn risk',
  clv_proxy: 'CLV proxy',
};

const TRAITS_SHOWN = 4;

export function buildSegmentation(
  ctx: AnalysisContext,
  seed: number,
  revenue: RevenueByCluster,
  marketing: MarketingEffectiveness | null,
  affinity: ProductAffinity,
): Segmentation {
  const { profiles, matrix, fit, pca, k } = ctx;
  const overallDiscountPct = revenue.total.discount_share_pct;
  const personas = profiles.clusters.map((p) => {
    const name = ctx.personas[p.cluster_id]!;
    const profile: Trait[] = PROFILE_METRICS.map((m) => ({
      metric: m,
      label: METRIC_LABELS[m],
      value: round(p.mean[m], 4),
      overall: round(profiles.overall[m], 4),
      ratio: round(p.ratio[m], 3),
      z: roundNum(Number.isFinite(p.z[m]) ? p.z[m] : 0, 3),
    }));
    const traits = [...profile]
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.metric.localeCompare(b.metric))
      .slice(0, TRAITS_SHOWN);
    const topIntents = affinity.intent_cells
      .filter((c) => c.cluster_id === p.cluster_id && c.index > 1)
      .sort((a, b) => b.index - a.index)
      .map((c) => String(c.category));
    const channels = (marketing?.rows ?? []).filter(
      (r) => r.cluster_id === p.cluster_id && r.contact_channel !== 'all',
    );
    // The channel that brings the most orders per customer it reaches: yield, not rate per touch,
    // so that a channel reaching few customers does not win on a small base.
    const perReached = (r: (typeof channels)[number]) =>
      r.customers_reached > 0 ? r.conversions / r.customers_reached : 0;
    const best = [...channels].sort((a, b) => perReached(b) - perReached(a))[0];
    const rev = revenue.rows[p.cluster_id]!;
    const facts = {
      persona: name.persona,
      archetype: name.archetype,
      customers: p.customers,
      customerSharePct: rev.customer_share_pct,
      revenueSharePct: rev.revenue_share_pct,
      // Per order on both sides (revenue ÷ orders), as the persona page's tile shows it: not the
      // average of each customer's order value, which weights a one-order customer like a regular.
      avgOrderValue: formatMoney(rev.avg_order_value, ctx.currency),
      overallAvgOrderValue: formatMoney(revenue.total.avg_order_value, ctx.currency),
      aovRatio: revenue.total.avg_order_value > 0 ? rev.avg_order_value / revenue.total.avg_order_value : 1,
      frequencyRatio: p.ratio.orders_per_month,
      churnRisk: p.mean.churn_risk,
      overallChurnRisk: profiles.overall.churn_risk,
      discountSharePct: rev.discount_share_pct,
      overallDiscountSharePct: overallDiscountPct,
      onlineSharePct: 100 * p.mean.online_ratio,
      topIntents,
      bestChannel: best
        ? {
            channel: best.contact_channel,
            conversionRatePct: best.conversion_rate_pct,
            discountDependencyPct: best.discount_dependency_pct,
          }
        : null,
    };
    return {
      cluster_id: p.cluster_id,
      persona: name.persona,
      archetype: name.archetype,
      archetype_fit: name.fit === null ? null : roundNum(name.fit, 3),
      customers: p.customers,
      description: describePersona(facts),
      crm_plays: crmPlays(facts),
      traits,
      profile,
      top_intents: topIntents,
    };
  });
  const plotIdx = pca.indices;
  return {
    table: 'segmentation',
    k,
    seed,
    features: matrix.features.map((f, j) => ({
      key: f.key,
      label: f.label,
      transform: f.transform,
      mean: roundNum(matrix.means[j]!, 6),
      sd: roundNum(matrix.sds[j]!, 6),
    })),
    diagnostics: ctx.diagnostics.map((d) => ({
      k: d.k,
      inertia: roundNum(d.inertia, 3),
      silhouette: roundNum(d.silhouette, 4),
    })),
    diagnostics_sample: {
      kmeans_rows: Math.min(matrix.rows, DEFAULT_K_DIAGNOSTICS.sampleSize),
      silhouette_rows: Math.min(matrix.rows, DEFAULT_K_DIAGNOSTICS.silhouetteSize),
    },
    kmeans: {
      inertia: roundNum(fit.inertia, 3),
      iterations: fit.iterations,
      restarts: fit.restarts,
      fitted_on: fit.fittedOn,
      library: 'ml-kmeans (k-means++)',
    },
    centroids: fit.centroids.map((centre, cl) => ({
      cluster_id: cl,
      persona: ctx.personas[cl]!.persona,
      z: centre.map((v) => roundNum(v, 4)),
      original: centre.map((v, j) => {
        const raw = matrix.means[j]! + v * matrix.sds[j]!;
        return roundNum(matrix.features[j]!.transform === 'log1p' ? Math.expm1(raw) : raw, 4);
      }),
    })),
    personas,
    pca: {
      explained_variance: pca.explained_variance.map((v) => roundNum(v, 5)),
      loadings: pca.loadings.map((row) => row.map((v) => roundNum(v, 5))),
      points: Array.from(plotIdx, (i, r) => [
        roundNum(pca.points[r]![0], 4),
        roundNum(pca.points[r]![1], 4),
        ctx.clusterOf[i]!,
        ctx.log.customerIds[i]!,
      ]),
    },
  };
}
