import type { CustomerFeatures } from '../features/customer-features';
import type { CustomerScores } from '../features/customer-scores';
import type { TransactionLog } from '../transactions/transaction-log';
import type { Profiles } from './cluster-profiles';
import type { FeatureMatrix } from './feature-matrix';
import type { KDiagnostic } from './k-diagnostics';
import type { KMeansFit } from './kmeans-fit';
import type { PcaProjection } from './pca-projection';
import type { PersonaName } from './persona-naming';

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
