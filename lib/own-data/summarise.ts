/**
 * The small, plain results the "Analyse your data" page draws, computed in the browser worker
 * from the analysis of a brand's own orders. Nothing here touches the DOM or the network: the
 * worker posts the result back to the page as structured-cloneable data.
 */
import { quantileSorted } from '../features/percentile-rank';
import type { AnalysisContext } from '../pipeline/analysis-context';
import { CHANNEL_ONLINE } from '../transactions/transaction-log';

export interface Quantiles {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  mean: number;
}

export interface OwnGroup {
  /** null for all customers together. */
  clusterId: number | null;
  persona: string;
  customers: number;
  customerSharePct: number;
  /** Net revenue (after discounts), in the file's currency. */
  revenue: number;
  revenueSharePct: number;
  orders: number;
  /** Net revenue per order. */
  avgOrderValue: number;
  ordersPerCustomer: number;
  /** Averages of the 0–100 scores, relative to this customer base. */
  avgChurnRisk: number;
  avgLoyalty: number;
  avgEngagement: number;
  /** Share of orders placed online, %. */
  onlineOrderSharePct: number;
  /** CLV proxy (0–100) quantiles and mean. */
  clv: Quantiles;
  /** From a customers file, among customers whose value is known; null when none is. */
  avgAge: number | null;
  femaleSharePct: number | null;
  urbanSharePct: number | null;
}

export interface OwnAffinity {
  /** Intents (the categories themselves when no mapping was given), by overall spend, largest first. */
  intents: string[];
  /** Everyone's share of spend per intent, %. */
  overallSharePct: number[];
  /** sharePct[persona][intent]: the persona's share of its own spend on the intent, %. */
  sharePct: number[][];
  /** index[persona][intent] = persona share / overall share (1 = same as everyone); null when nobody bought it. */
  index: Array<Array<number | null>>;
}

export interface OwnResult {
  k: number;
  currency: string;
  personas: OwnGroup[];
  total: OwnGroup;
  affinity: OwnAffinity;
}

export type SummariseInput = Pick<
  AnalysisContext,
  'log' | 'features' | 'scores' | 'clusterOf' | 'personas' | 'k' | 'currency'
>;

const round = (v: number, d = 2) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : 0);
const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

function quantiles(values: number[]): Quantiles {
  const s = Float64Array.from(values).sort();
  const q = (p: number) => round(s.length ? quantileSorted(s, p) : 0);
  let sum = 0;
  for (const v of s) sum += v;
  return {
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    mean: round(s.length ? sum / s.length : 0),
  };
}

/** Persona summaries, CLV proxy quantiles and persona × intent spend share and index. */
export function summariseAnalysis(ctx: SummariseInput): OwnResult {
  const { log, features: f, scores: s, clusterOf, k } = ctx;
  const n = log.customerCount;

  // Intents: distinct, in order of first category carrying them.
  const intentIndex = new Map<string, number>();
  const categoryIntent = log.categories.map((c) => {
    let i = intentIndex.get(c.intent);
    if (i === undefined) intentIndex.set(c.intent, (i = intentIndex.size));
    return i;
  });
  const intentNames = [...intentIndex.keys()];
  const m = intentNames.length;

  const spend = Array.from({ length: k + 1 }, () => new Float64Array(m)); // row k = everyone
  const acc = Array.from({ length: k + 1 }, () => ({
    customers: 0,
    revenue: 0,
    orders: 0,
    online: 0,
    churn: 0,
    loyalty: 0,
    engagement: 0,
    clv: [] as number[],
    ageSum: 0,
    ageKnown: 0,
    female: 0,
    genderKnown: 0,
    urban: 0,
    localeKnown: 0,
  }));
  const { age, gender, locale } = log.attributes;

  for (let c = 0; c < n; c++) {
    const g = clusterOf[c]!;
    const o0 = log.customerOrderStart[c]!;
    const o1 = log.customerOrderStart[c + 1]!;
    let online = 0;
    for (let o = o0; o < o1; o++) {
      if (log.orderChannel[o] === CHANNEL_ONLINE) online++;
      for (let l = log.orderLineStart[o]!; l < log.orderLineStart[o + 1]!; l++) {
        const net = log.lineNet[l]!;
        const i = categoryIntent[log.lineCategory[l]!]!;
        spend[g]![i]! += net;
        spend[k]![i]! += net;
      }
    }
    for (const a of [acc[g]!, acc[k]!]) {
      a.customers++;
      a.revenue += f.total_spend[c]!;
      a.orders += o1 - o0;
      a.online += online;
      a.churn += s.churn_risk[c]!;
      a.loyalty += s.loyalty_score[c]!;
      a.engagement += s.engagement_index[c]!;
      a.clv.push(s.clv_proxy[c]!);
      if (age[c]! > 0) {
        a.ageSum += age[c]!;
        a.ageKnown++;
      }
      if (gender[c] !== 255) {
        a.genderKnown++;
        if (gender[c] === 0) a.female++;
      }
      if (locale[c] !== 255) {
        a.localeKnown++;
        if (locale[c] === 0) a.urban++;
      }
    }
  }

  const totalCustomers = acc[k]!.customers;
  const totalRevenue = acc[k]!.revenue;
  const group = (g: number): OwnGroup => {
    const a = acc[g]!;
    const per = (v: number) => (a.customers > 0 ? round(v / a.customers) : 0);
    return {
      clusterId: g === k ? null : g,
      persona: g === k ? 'All customers' : (ctx.personas[g]?.persona ?? `Cluster ${g + 1}`),
      customers: a.customers,
      customerSharePct: round(share(a.customers, totalCustomers)),
      revenue: round(a.revenue),
      revenueSharePct: round(share(a.revenue, totalRevenue)),
      orders: a.orders,
      avgOrderValue: a.orders > 0 ? round(a.revenue / a.orders) : 0,
      ordersPerCustomer: per(a.orders),
      avgChurnRisk: per(a.churn),
      avgLoyalty: per(a.loyalty),
      avgEngagement: per(a.engagement),
      onlineOrderSharePct: round(share(a.online, a.orders)),
      clv: quantiles(a.clv),
      avgAge: a.ageKnown > 0 ? round(a.ageSum / a.ageKnown, 1) : null,
      femaleSharePct: a.genderKnown > 0 ? round(share(a.female, a.genderKnown)) : null,
      urbanSharePct: a.localeKnown > 0 ? round(share(a.urban, a.localeKnown)) : null,
    };
  };

  const spendTotal = (row: Float64Array) => row.reduce((x, y) => x + y, 0);
  const everyone = spend[k]!;
  const everyoneTotal = spendTotal(everyone);
  const order = intentNames.map((_, i) => i).sort((a, b) => everyone[b]! - everyone[a]! || a - b);
  const overallSharePct = order.map((i) => round(share(everyone[i]!, everyoneTotal)));
  const sharePct: number[][] = [];
  const index: Array<Array<number | null>> = [];
  for (let g = 0; g < k; g++) {
    const total = spendTotal(spend[g]!);
    const shares = order.map((i) => share(spend[g]![i]!, total));
    sharePct.push(shares.map((v) => round(v)));
    index.push(
      order.map((i, j) => {
        const overall = share(everyone[i]!, everyoneTotal);
        return overall > 0 ? round(shares[j]! / overall, 3) : null;
      }),
    );
  }

  return {
    k,
    currency: ctx.currency,
    personas: Array.from({ length: k }, (_, g) => group(g)),
    total: group(k),
    affinity: { intents: order.map((i) => intentNames[i]!), overallSharePct, sharePct, index },
  };
}
