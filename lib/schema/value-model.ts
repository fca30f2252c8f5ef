import { z } from 'zod';

const nonNeg = z.number().nonnegative();
const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const correlation = z.number().min(-1).max(1);

export const BgNbdParamsSchema = z.object({
  r: z.number().positive(),
  alpha: z.number().positive(),
  a: z.number().positive(),
  b: z.number().positive(),
  log_likelihood: z.number(),
  converged: z.boolean(),
  /**
   * 'bg/nbd', or 'nbd' when the data shows no dropout and the model's no-dropout limit is used
   * (P(alive) = 1, expected purchases (r + x)·t/(α + T)): then r, α and the log-likelihood are the
   * NBD's, and a and b those of the penalised BG/NBD fit it was compared with (a/(a + b), its mean
   * dropout per purchase, is near 0). Absent in tables built before the limit existed.
   */
  model: z.enum(['bg/nbd', 'nbd']).optional(),
  /** The fit's L2 penalty coefficient (lifetimes' penalizer_coef form; see lib/value/bg-nbd.ts). */
  penalty: z.number().nonnegative().optional(),
});

export const GammaGammaParamsSchema = z.object({
  p: z.number().positive(),
  q: z.number().positive(),
  gamma: z.number().positive(),
  log_likelihood: z.number(),
  converged: z.boolean(),
  /** Customers it was fitted on: at least one repeat purchase of positive value. */
  customers: count,
});

/**
 * Predicted value of a persona (or of everyone): sums and the spread across its customers, over
 * `horizon_months`. Every figure is null when the data cannot support the model (see sufficiency);
 * the money figures alone are null when only the spend model is missing.
 */
export const ValueSummaryRowSchema = z.object({
  cluster_id: z.number().int().nonnegative().nullable(),
  persona: z.string(),
  customers: count,
  /** Σ P(alive): the customers expected to still be buying. */
  active_customers: nonNeg.nullable(),
  /** Σ expected purchases over the horizon. */
  expected_purchases: nonNeg.nullable(),
  /** Σ predicted CLV (discounted). */
  predicted_revenue: nonNeg.nullable(),
  /** Predicted CLV across the persona's customers: mean and 10th/50th/90th percentile customer. */
  predicted_clv_mean: nonNeg.nullable(),
  predicted_clv_p10: nonNeg.nullable(),
  predicted_clv_p50: nonNeg.nullable(),
  predicted_clv_p90: nonNeg.nullable(),
  /**
   * 10th–90th percentile of the group's total predicted revenue given the fitted model: the sum of
   * the customers' simulated variances (independent futures), normal approximation. Uncertainty in
   * the fitted parameters is not included.
   */
  predicted_revenue_p10: nonNeg.nullable(),
  predicted_revenue_p90: nonNeg.nullable(),
});

export const BackTestSchema = z.object({
  holdout_months: z.number().int().positive(),
  calibration_start: isoDate,
  calibration_end: isoDate,
  holdout_start: isoDate,
  holdout_end: isoDate,
  holdout_weeks: nonNeg,
  /** Customers seen in the calibration window (the only ones forecast). */
  customers: count,
  /** BG/NBD fitted on the calibration window only. */
  params: BgNbdParamsSchema,
  /** Repeat purchases (distinct purchase days) in the holdout by those customers. */
  predicted_total: nonNeg,
  actual_total: nonNeg,
  /** Cumulative repeat purchases of the calibration cohort, by week from the start of the data. */
  tracking: z.array(z.object({ week: z.number().int().positive(), actual: nonNeg, predicted: nonNeg })),
  /** Mean holdout purchases by calibration repeat purchases 0 … 7+. */
  by_frequency: z.array(z.object({ x: z.string(), customers: count, actual: nonNeg, predicted: nonNeg })),
  /** AUC of predicted holdout purchases for "bought again in the holdout"; null when all or none did. */
  auc: z.number().min(0).max(1).nullable(),
  /** Spearman rank correlation of predicted with actual holdout purchases. */
  spearman: correlation.nullable(),
});

export const ValueModelSchema = z.object({
  table: z.literal('value_model'),
  currency: z.string(),
  horizon_months: z.number().int().positive(),
  monthly_discount: nonNeg,
  window_start: isoDate,
  window_end: isoDate,
  sufficiency: z.object({
    /** BG/NBD could be fitted: P(alive) and expected purchases are given. */
    frequency: z.boolean(),
    /** Gamma-Gamma could be fitted too: predicted CLV and its range are given. */
    monetary: z.boolean(),
    reasons: z.array(z.string()),
    /**
     * Sentences on how the models were fitted that the analyst should know though nothing is
     * missing, e.g. that no dropout is seen so the no-dropout (NBD) limit is used.
     */
    notes: z.array(z.string()).optional(),
    customers: count,
    repeat_customers: count,
    positive_repeat_customers: count,
    history_weeks: nonNeg,
  }),
  bgnbd: BgNbdParamsSchema.nullable(),
  gamma_gamma: GammaGammaParamsSchema.nullable(),
  /**
   * Gamma-Gamma assumes spend per purchase is independent of purchase frequency: the Pearson
   * correlation of repeat purchases and mean repeat value (near 0 is what the model wants).
   */
  frequency_spend_correlation: z.object({ pearson: correlation.nullable(), customers: count }),
  /** How the p10–p90 ranges were simulated. */
  range: z.object({
    method: z.string(),
    draws: z.number().int().positive(),
    cell_days: z.number().int().positive(),
    cells: count,
    seed: z.number().int(),
  }),
  back_test: BackTestSchema.nullable(),
  /** Why there is no back-test, when there is none. */
  back_test_reason: z.string().nullable(),
  personas: z.array(ValueSummaryRowSchema),
  total: ValueSummaryRowSchema,
});

export type ValueModel = z.infer<typeof ValueModelSchema>;
export type ValueSummaryRow = z.infer<typeof ValueSummaryRowSchema>;
