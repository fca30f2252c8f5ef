import {
  marketingRow,
  type MarketingEffectiveness,
  type MarketingRow,
} from '../schema/marketing-effectiveness';
import { personaOf, type AnalysisContext } from '../segment/analysis-context';
import { CONTACT_CHANNELS, MARKETING_PERIODS, marketingSlot } from '../transactions/transaction-log';
import { pct, roundNum } from './numbers';

/** One persona's (or everyone's) contacts through one channel (or all), and the orders they converted. */
export interface MarketingAcc {
  customers: number;
  reached: number;
  touches: number;
  responses: number;
  conversions: number;
  redemptions: number;
  revenue: number;
  discount: number;
  earlyTouches: number;
  earlyResponses: number;
  recentTouches: number;
  recentResponses: number;
}

export const emptyMarketingAcc = (): MarketingAcc => ({
  customers: 0,
  reached: 0,
  touches: 0,
  responses: 0,
  conversions: 0,
  redemptions: 0,
  revenue: 0,
  discount: 0,
  earlyTouches: 0,
  earlyResponses: 0,
  recentTouches: 0,
  recentResponses: 0,
});

function toRow(a: MarketingAcc, clusterId: number | null, persona: string, channel: string): MarketingRow {
  const early = a.earlyTouches > 0 ? a.earlyResponses / a.earlyTouches : NaN;
  const recent = a.recentTouches > 0 ? a.recentResponses / a.recentTouches : NaN;
  return marketingRow({
    cluster_id: clusterId,
    persona,
    contact_channel: channel,
    customers_reached: a.reached,
    reach_pct: pct(a.reached, a.customers),
    touches: a.touches,
    responses: a.responses,
    response_rate_pct: pct(a.responses, a.touches, 3),
    conversions: a.conversions,
    conversion_rate_pct: pct(a.conversions, a.touches, 3),
    conversions_per_100_responses: roundNum(a.responses > 0 ? (100 * a.conversions) / a.responses : 0, 2),
    attributed_revenue: roundNum(a.revenue, 2),
    revenue_per_touch: roundNum(a.touches > 0 ? a.revenue / a.touches : 0, 2),
    redemptions: a.redemptions,
    discount_dependency_pct: pct(a.redemptions, a.conversions),
    discount_cost: roundNum(a.discount, 2),
    response_trend: early > 0 && Number.isFinite(recent) ? roundNum(recent / early, 3) : null,
  });
}

/**
 * The contact and conversion sums, [group][channel]: groups are the personas 0 … k − 1 and then
 * everyone (k); channels are CONTACT_CHANNELS, then all of them. Null when the log has no
 * marketing. The TypeScript reference of sql/marketing_cells.sql.
 */
export function marketingSums(
  ctx: Pick<AnalysisContext, 'log' | 'k' | 'clusterOf'>,
): MarketingAcc[][] | null {
  const { log, k } = ctx;
  const m = log.marketing;
  if (!m) return null;
  const channels = CONTACT_CHANNELS.length;
  const accs = Array.from({ length: k + 1 }, () => Array.from({ length: channels + 1 }, emptyMarketingAcc));
  for (let c = 0; c < log.customerCount; c++) {
    const cl = ctx.clusterOf[c]!;
    for (const group of [accs[cl]!, accs[k]!]) for (const a of group) a.customers++;
    let reachedAny = false;
    for (let ch = 0; ch < channels; ch++) {
      let touches = 0;
      for (let p = 0; p < MARKETING_PERIODS.length; p++) {
        const slot = marketingSlot(c, ch, p);
        for (const a of [accs[cl]![ch]!, accs[cl]![channels]!, accs[k]![ch]!, accs[k]![channels]!]) {
          a.touches += m.touches[slot]!;
          a.responses += m.responses[slot]!;
          a.conversions += m.conversions[slot]!;
          a.redemptions += m.redemptions[slot]!;
          if (p === 0) {
            a.earlyTouches += m.touches[slot]!;
            a.earlyResponses += m.responses[slot]!;
          } else {
            a.recentTouches += m.touches[slot]!;
            a.recentResponses += m.responses[slot]!;
          }
        }
        touches += m.touches[slot]!;
      }
      if (touches > 0) {
        accs[cl]![ch]!.reached++;
        accs[k]![ch]!.reached++;
        reachedAny = true;
      }
    }
    if (reachedAny) {
      accs[cl]![channels]!.reached++;
      accs[k]![channels]!.reached++;
    }
    for (let o = log.customerOrderStart[c]!; o < log.customerOrderStart[c + 1]!; o++) {
      const ch = log.orderContact[o]!;
      if (ch >= channels) continue;
      const net = log.orderGross[o]! - log.orderDiscount[o]!;
      for (const a of [accs[cl]![ch]!, accs[cl]![channels]!, accs[k]![ch]!, accs[k]![channels]!]) {
        a.revenue += net;
        a.discount += log.orderDiscount[o]!;
      }
    }
  }
  return accs;
}

export function buildMarketingEffectiveness(
  ctx: AnalysisContext,
  accs: MarketingAcc[][] | null = marketingSums(ctx),
): MarketingEffectiveness | null {
  if (!accs) return null;
  const { k } = ctx;
  const channels = CONTACT_CHANNELS.length;
  const rows: MarketingRow[] = [];
  for (let cl = 0; cl <= k; cl++) {
    const persona = cl === k ? 'All customers' : personaOf(ctx, cl);
    const id = cl === k ? null : cl;
    for (let ch = 0; ch <= channels; ch++)
      rows.push(toRow(accs[cl]![ch]!, id, persona, CONTACT_CHANNELS[ch] ?? 'all'));
  }
  return {
    table: 'marketing_effectiveness',
    currency: ctx.currency,
    contact_channels: [...CONTACT_CHANNELS],
    rows,
  };
}
