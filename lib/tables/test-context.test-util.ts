/**
 * A minimal AnalysisContext for the table builders' given/expect tests: a hand-written log
 * (test/helpers/tiny-log), cluster labels, persona names, and only the features and scores a test
 * states. Nothing here runs the app's feature, score or segmentation code, so every expected number
 * in a test comes from the literal inputs alone.
 *
 * Named *.test-util.ts so that vitest (include: lib/**\/*.test.ts) does not run it as a test file.
 */
import type { CustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';
import { CUSTOMER_COLUMNS, type CustomersMaster } from '../schema/customers-master';
import type { AnalysisContext } from '../segment/analysis-context';
import type { Profiles } from '../segment/cluster-profiles';
import type { FeatureMatrix } from '../segment/feature-matrix';
import type { KMeansFit } from '../segment/kmeans-fit';
import type { PcaProjection } from '../segment/pca-projection';
import type { PersonaName } from '../segment/persona-naming';
import type { TransactionLog } from '../transactions/transaction-log';
import type { CustomerValue } from '../value/customer-value';

type FeatureKey = Exclude<keyof CustomerFeatures, 'count'>;
type ScoreKey = keyof CustomerScores;

const FEATURE_KEYS: FeatureKey[] = [
  'order_count',
  'orders_per_month',
  'recency_days',
  'tenure_days',
  'total_spend',
  'avg_order_value',
  'basket_size',
  'dwell_minutes',
  'online_ratio',
  'category_diversity',
  'discount_share',
  'active_month_share',
  'earlier_order_rate',
  'recent_order_rate',
  'response_rate',
  'earlier_response_rate',
  'recent_response_rate',
  'responses_per_month',
  'impulse_share',
  'first_order_day',
  'last_order_day',
];
const SCORE_KEYS: ScoreKey[] = [
  'engagement_index',
  'loyalty_score',
  'churn_risk',
  'clv_proxy_value',
  'clv_proxy',
  'expected_lifespan_months',
];

export interface TinyContextInput {
  log: TransactionLog;
  clusterOf: number[];
  k: number;
  /** Persona name of each cluster; "Persona <id>" when left out. */
  personas?: string[];
  /** Per-customer values of the features a test needs; every other feature is 0. */
  features?: Partial<Record<FeatureKey, number[]>>;
  /** Per-customer values of the scores a test needs; every other score is 0. */
  scores?: Partial<Record<ScoreKey, number[]>>;
  /** Segmentation parts, for the segmentation builder only; empty stand-ins otherwise. */
  matrix?: FeatureMatrix;
  fit?: KMeansFit;
  pca?: PcaProjection;
  profiles?: Profiles;
  diagnostics?: AnalysisContext['diagnostics'];
  archetypes?: PersonaName['archetype'][];
  currency?: string;
}

function columns<K extends string>(
  keys: K[],
  n: number,
  given: Partial<Record<K, number[]>> | undefined,
): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const key of keys) {
    const values = given?.[key];
    if (values && values.length !== n) throw new Error(`${key}: ${values.length} values for ${n} customers`);
    out[key] = values ? Float64Array.from(values) : new Float64Array(n);
  }
  return out;
}

export function tinyContext(input: TinyContextInput): AnalysisContext {
  const n = input.log.customerCount;
  if (input.clusterOf.length !== n)
    throw new Error(`clusterOf: ${input.clusterOf.length} for ${n} customers`);
  const clusterOf = Uint8Array.from(input.clusterOf);
  const personas: PersonaName[] = Array.from({ length: input.k }, (_, cl) => ({
    cluster_id: cl,
    persona: input.personas?.[cl] ?? `Persona ${cl}`,
    archetype: input.archetypes?.[cl] ?? null,
    fit: null,
  }));
  return {
    log: input.log,
    features: { count: n, ...columns(FEATURE_KEYS, n, input.features) },
    scores: columns(SCORE_KEYS, n, input.scores),
    matrix: input.matrix ?? {
      rows: n,
      cols: 0,
      values: new Float64Array(0),
      means: [],
      sds: [],
      features: [],
    },
    fit: input.fit ?? {
      k: input.k,
      assignments: clusterOf,
      centroids: [],
      inertia: 0,
      iterations: 0,
      restarts: 0,
      fittedOn: n,
    },
    diagnostics: input.diagnostics ?? [],
    pca: input.pca ?? { explained_variance: [], loadings: [], indices: new Uint32Array(0), points: [] },
    profiles: input.profiles ?? ({ overall: {}, overallSd: {}, clusters: [] } as unknown as Profiles),
    personas,
    clusterOf,
    k: input.k,
    currency: input.currency ?? 'INR',
  };
}

/**
 * A value model with no usable fit (the "data cannot support it" case): every prediction unknown.
 * `pAlive` and `clv` can be given per customer to exercise the predicted blocks.
 */
export function tinyValue(
  n: number,
  given: { pAlive?: number[]; clv?: number[]; expectedPurchases?: number[]; withMoneyModel?: boolean } = {},
): CustomerValue {
  const col = (values?: number[]) => (values ? Float64Array.from(values) : new Float64Array(n).fill(NaN));
  return {
    options: {} as CustomerValue['options'],
    predictions: {
      rfm: { count: n } as CustomerValue['predictions']['rfm'],
      verdict: {
        frequency: false,
        monetary: false,
        reasons: [],
      } as unknown as CustomerValue['predictions']['verdict'],
      bgnbd: null,
      // Only its presence matters to the clv_proxy builder (a money model was fitted).
      gammaGamma: given.withMoneyModel ? ({} as CustomerValue['predictions']['gammaGamma']) : null,
      frequencySpend: {} as CustomerValue['predictions']['frequencySpend'],
      pAlive: col(given.pAlive),
      expectedPurchases: col(given.expectedPurchases),
      clv: col(given.clv),
      clvP10: col(),
      clvP90: col(),
      clvVariance: col(),
      range: { draws: 0, cellDays: 0, cells: 0, histories: 0 },
    },
    backTest: null,
    backTestReason: null,
  };
}

/** A built customers_master with only the columns a test names filled in (the rest null). */
export function masterOf(customers: Array<Record<string, number>>): CustomersMaster {
  return {
    table: 'customers_master',
    currency: 'INR',
    columns: CUSTOMER_COLUMNS,
    rows: customers.map((c) => CUSTOMER_COLUMNS.map((name) => c[name] ?? null)),
  } as unknown as CustomersMaster;
}
