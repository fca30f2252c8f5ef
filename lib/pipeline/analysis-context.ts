import type { CustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';
import type { Profiles } from '../segment/cluster-profiles';
import type { FeatureMatrix } from '../segment/feature-matrix';
import type { KDiagnostic } from '../segment/k-diagnostics';
import type { KMeansFit } from '../segment/kmeans-fit';
import type { PcaProjection } from '../segment/pca-projection';
import type { PersonaName } from '../segment/persona-naming';
import type { TransactionLog } from '../transactions/transaction-log';

/** Everything the table builders read: the log, per-customer features and scores, and the segmentation. */
export interface AnalysisContext {
  log: TransactionLog;
  features: CustomerFeatures;
  scores: CustomerScores;
  matrix: FeatureMatrix;
  fit: KMeansFit;
  diagnostics: KDiagnostic[];
  pca: PcaProjection;
  profiles: Profiles;
  personas: PersonaName[];
  /** Cluster of each customer (same as fit.assignments). */
  clusterOf: Uint8Array;
  k: number;
  currency: string;
}

export function personaOf(ctx: AnalysisContext, clusterId: number): string {
  return ctx.personas[clusterId]!.persona;
}
