import { computeCustomerFeatures, type CustomerFeatures } from '../features/customer-features';
import { computeCustomerScores } from '../features/customer-scores';
import type { Tables } from '../schema';
import type { AnalysisContext } from '../segment/analysis-context';
import { computeProfiles } from '../segment/cluster-profiles';
import { buildFeatureMatrix } from '../segment/feature-matrix';
import { computeKDiagnostics } from '../segment/k-diagnostics';
import { fitKMeans } from '../segment/kmeans-fit';
import { projectPca } from '../segment/pca-projection';
import { namePersonas } from '../segment/persona-naming';
import type { StagedSources } from '../sources/stage-sources';
import { buildArrivalsSummary, dayHourCurves } from '../tables/arrivals-summary';
import { buildBehaviourOverview } from '../tables/behaviour-overview';
import { assertFiniteTables } from '../tables/check-finite';
import { buildClvProxy } from '../tables/clv-proxy';
import { buildCustomerSample } from '../tables/customer-sample';
import { buildCustomersMaster } from '../tables/customers-master';
import { buildDemandSummary, buildOwnDemandSummary } from '../tables/demand-summary';
import { buildMarketingEffectiveness } from '../tables/marketing-effectiveness';
import { buildOperationalEfficiency, curvePeaks } from '../tables/operational-efficiency';
import { buildPersonaDistributions } from '../tables/persona-distributions';
import { buildProductAffinity } from '../tables/product-affinity';
import { buildRevenueByCluster } from '../tables/revenue-by-cluster';
import { buildSegmentation } from '../tables/segmentation';
import { customerSumsOfLog, personaSumsOfLog, type TableSums } from '../tables/table-sums';
import { buildValueModel } from '../tables/value-model';
import type { TransactionLog } from '../transactions/transaction-log';
import { customerValueFromSums, DEFAULT_VALUE_OPTIONS, type ValueOptions } from '../value/customer-value';

export interface AnalysisOptions {
  seed: number;
  k: number;
  currency: string;
}

/** Called after each stage with its duration and a row count, so the command can print progress. */
export type StageReporter = (stage: string, ms: number, detail: string) => void;

function timed<T>(
  report: StageReporter | undefined,
  stage: string,
  run: () => T,
  detail: (r: T) => string,
): T {
  const t0 = performance.now();
  const result = run();
  report?.(stage, performance.now() - t0, detail(result));
  return result;
}

/**
 * Features, scores and segmentation of a transaction log: everything except the tables. The
 * features are computed from the log unless given (sql/customer_features.sql gives the same).
 */
export function analyse(
  log: TransactionLog,
  options: AnalysisOptions,
  report?: StageReporter,
  given?: CustomerFeatures,
): AnalysisContext {
  const features = timed(
    report,
    'features',
    () => given ?? computeCustomerFeatures(log),
    (f) => `${f.count} customers`,
  );
  const scores = timed(
    report,
    'scores',
    () => computeCustomerScores(features),
    () => '4 scores',
  );
  const matrix = timed(
    report,
    'standardise',
    () => buildFeatureMatrix(features, scores),
    (m) => `${m.rows} × ${m.cols}`,
  );
  const fit = timed(
    report,
    'k-means',
    () => fitKMeans(matrix, options.k, { seed: options.seed }),
    (f) => `k = ${f.k}, inertia ${f.inertia.toFixed(1)}, ${f.iterations} iterations`,
  );
  const diagnostics = timed(
    report,
    'k diagnostics',
    () => computeKDiagnostics(matrix, { seed: options.seed }),
    (d) => `k = ${d[0]?.k}…${d[d.length - 1]?.k}`,
  );
  const pca = timed(
    report,
    'pca',
    () => projectPca(matrix, options.seed),
    (p) => `${p.points.length} points`,
  );
  const profiles = computeProfiles(features, scores, fit.assignments, options.k);
  const personas = namePersonas(profiles.clusters);
  return {
    log,
    features,
    scores,
    matrix,
    fit,
    diagnostics,
    pca,
    profiles,
    personas,
    clusterOf: fit.assignments,
    k: options.k,
    currency: options.currency,
  };
}

/** A brand's intents: those of its categories, in category order (categories are sorted by name). */
export function intentsOfLog(log: TransactionLog): string[] {
  return [...new Set(log.categories.map((c) => c.intent))];
}

/** The intents the tables are written in: the public families' for a synthetic log, the brand's own otherwise. */
export function tableIntents(
  log: TransactionLog,
  sources: StagedSources,
  mode: 'synthetic' | 'orders' = 'synthetic',
): readonly string[] {
  return mode === 'orders' ? intentsOfLog(log) : sources.intents;
}

/** Each channel's peak cells of the day × hour curves the tables read (the public arrivals, else the log's). */
export function tablePeaks(
  log: TransactionLog,
  sources: StagedSources,
  arrivalCells: [Float64Array, Float64Array],
): number[][] {
  return curvePeaks(dayHourCurves(sources.arrivals, log, arrivalCells));
}

/**
 * Every table. `mode` 'synthetic': the log was generated from the public sources, whose product
 * families and intents it uses. 'orders': a brand's own log: intents and the demand table come from
 * its categories, the public arrival curves stay as a reference, and there is no marketing table.
 * `sums` are the order-line sums the tables read (lib/tables/table-sums.ts): summed from the log in
 * memory unless given (the contract's SQL on DuckDB gives the same, lib/duckdb/table-sums.ts).
 */
export function buildTables(
  ctx: AnalysisContext,
  sources: StagedSources,
  seed: number,
  report?: StageReporter,
  mode: 'synthetic' | 'orders' = 'synthetic',
  valueOptions: Partial<Omit<ValueOptions, 'seed'>> = {},
  sums?: TableSums,
): Tables {
  const own = mode === 'orders';
  const options: ValueOptions = { ...DEFAULT_VALUE_OPTIONS, ...valueOptions, seed };
  const intents = tableIntents(ctx.log, sources, mode);
  const customerSums = timed(
    report,
    'order sums',
    () => sums ?? customerSumsOfLog(ctx.log, options),
    () => (sums ? 'given' : 'value summaries, weekday × hour orders, category demand'),
  );
  // Predicted value (BG/NBD + Gamma-Gamma) and its back-test, shared by three tables; the same in
  // both modes (a brand's file gets the same verdict, and nulls when it cannot support the model).
  const value = timed(
    report,
    'value model',
    () => customerValueFromSums(customerSums.value, options),
    (v) =>
      v.predictions.bgnbd
        ? `${v.predictions.range.histories} histories, ${v.predictions.range.cells} range cells${v.backTest && Number.isFinite(v.backTest.result.auc) ? `, back-test AUC ${v.backTest.result.auc.toFixed(3)}` : ''}`
        : `not fitted: ${v.predictions.verdict.reasons.join('; ')}`,
  );
  return timed(
    report,
    'tables',
    () => {
      const curves = dayHourCurves(sources.arrivals, ctx.log, customerSums.arrivalCells);
      const personaSums = sums ?? personaSumsOfLog(ctx, customerSums, curvePeaks(curves), intents);
      const revenue = buildRevenueByCluster(ctx, personaSums.orderTotals, personaSums.months);
      const affinity = buildProductAffinity(ctx, intents, personaSums.affinity);
      const marketing =
        personaSums.marketing === null ? null : buildMarketingEffectiveness(ctx, personaSums.marketing);
      const customers = buildCustomersMaster(ctx, intents, value, personaSums.topIntent);
      const tables: Tables = {
        customers_master: customers,
        revenue_by_cluster: revenue,
        clv_proxy: buildClvProxy(ctx, value),
        product_affinity: affinity,
        marketing_effectiveness: marketing,
        operational_efficiency: buildOperationalEfficiency(ctx, curves, personaSums.operations),
        arrivals_summary: buildArrivalsSummary(curves, customerSums.arrivalCells, own),
        demand_summary: own
          ? buildOwnDemandSummary(ctx.log, customerSums.demand)
          : buildDemandSummary(sources.families, ctx.log, customerSums.demand),
        behaviour_overview: buildBehaviourOverview(ctx, personaSums.orderTotals),
        segmentation: buildSegmentation(ctx, seed, revenue, marketing, affinity),
        value_model: buildValueModel(ctx, value),
        // What the pages draw from customer rows, aggregated here so no page reads them.
        persona_distributions: buildPersonaDistributions(customers),
        customer_sample: buildCustomerSample(customers),
      };
      // Before anything is written or posted to a page (JSON would write NaN as null).
      assertFiniteTables(tables);
      return tables;
    },
    (tables) => `${Object.keys(tables).length} tables`,
  );
}
