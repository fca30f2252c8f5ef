/** What the server page passes from value_model.json: the horizon and the model's verdict. */
export interface ValueModelInfo {
  horizonMonths: number;
  /** BG/NBD was fitted: P(alive) and expected purchases are given. */
  frequency: boolean;
  /** Gamma-Gamma was fitted too: predicted CLV and its range are given. */
  monetary: boolean;
  /** The verdict's first reason, when a model could not be fitted. */
  reason: string | null;
}

export interface PredictionAvailability {
  /** P(alive) and expected purchases have values (so the at-risk filter works). */
  frequency: boolean;
  /** Predicted CLV and its range have values. */
  monetary: boolean;
  /** A one-line note for the toolbar when something is unavailable, else null. */
  note: string | null;
}

/**
 * Which predictions the explorer can show: a column is available when the verdict allows it and
 * at least one customer has a value (so a column of dashes is never shown by default). Without
 * value_model.json the data alone decides.
 */
export function predictionAvailability(
  counts: { withPAlive: number; withPredictedClv: number },
  info: ValueModelInfo | null,
): PredictionAvailability {
  const frequency = (info?.frequency ?? true) && counts.withPAlive > 0;
  const monetary = frequency && (info?.monetary ?? true) && counts.withPredictedClv > 0;
  const reason = info?.reason ?? 'this data has no predictions';
  const note = !frequency
    ? `Predictions unavailable: ${reason}`
    : !monetary
      ? `Predicted CLV unavailable: ${reason}`
      : null;
  return { frequency, monetary, note };
}
