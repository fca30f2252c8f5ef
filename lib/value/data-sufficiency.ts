/**
 * Whether a transaction history can support the buy-till-you-die models. When it cannot, the verdict
 * says what is missing and the pages fall back to the CLV proxy: never a NaN on a page. The fits
 * add to it: a model that cannot be fitted is a reason (written for brand analysts: what is wrong
 * with the data and what it means), and a fit that sits at a boundary of the model (no dropout
 * seen) is a note.
 */
import type { RfmSummary } from './rfm-summary';

export interface SufficiencyRules {
  minCustomers: number;
  minRepeatCustomers: number;
  /** Weeks from the first purchase in the data to the end of the window. */
  minHistoryWeeks: number;
}

export const DEFAULT_SUFFICIENCY: SufficiencyRules = {
  minCustomers: 200,
  minRepeatCustomers: 50,
  minHistoryWeeks: 26,
};

export interface SufficiencyVerdict {
  /** BG/NBD can be fitted. */
  frequency: boolean;
  /** Gamma-Gamma can be fitted (needs repeat purchases of positive value). */
  monetary: boolean;
  reasons: string[];
  /**
   * Plain sentences on how the models were fitted that the analyst should know, though nothing is
   * missing: e.g. that the data shows no dropout, so the no-dropout (NBD) limit is used.
   */
  notes: string[];
  customers: number;
  repeatCustomers: number;
  positiveRepeatCustomers: number;
  historyWeeks: number;
}

export function judgeSufficiency(
  rfm: RfmSummary,
  rules: SufficiencyRules = DEFAULT_SUFFICIENCY,
): SufficiencyVerdict {
  let customers = 0;
  let repeat = 0;
  let positive = 0;
  let history = 0;
  for (let c = 0; c < rfm.count; c++) {
    if (Number.isNaN(rfm.firstDay[c]!)) continue;
    customers++;
    history = Math.max(history, rfm.T[c]!);
    if (rfm.x[c]! > 0) {
      repeat++;
      if (rfm.meanRepeatValue[c]! > 0) positive++;
    }
  }
  const reasons: string[] = [];
  if (customers < rules.minCustomers)
    reasons.push(`${customers} customers; at least ${rules.minCustomers} are needed`);
  if (repeat < rules.minRepeatCustomers) {
    reasons.push(
      `${repeat} customers bought more than once; at least ${rules.minRepeatCustomers} are needed`,
    );
  }
  if (history < rules.minHistoryWeeks) {
    reasons.push(`${history.toFixed(1)} weeks of history; at least ${rules.minHistoryWeeks} are needed`);
  }
  const frequency = reasons.length === 0;
  const monetaryReasons: string[] = [];
  if (positive < rules.minRepeatCustomers) {
    monetaryReasons.push(
      positive === 0
        ? 'no repeat purchase has a positive value'
        : `${positive} customers have repeat purchases of positive value; at least ${rules.minRepeatCustomers} are needed`,
    );
  }
  return {
    frequency,
    monetary: frequency && monetaryReasons.length === 0,
    reasons: [...reasons, ...monetaryReasons],
    notes: [],
    customers,
    repeatCustomers: repeat,
    positiveRepeatCustomers: positive,
    historyWeeks: history,
  };
}

/** Reasons and notes the fits add to the verdict, as plain sentences (see SufficiencyVerdict). */
export const FIT_MESSAGES = {
  frequencyNotFitted:
    'the purchase model (BG/NBD) could not be fitted to these purchase histories: no single set of purchase and dropout rates fits them best, so P(alive) and expected purchases are not given',
  frequencyNotFinite:
    'the purchase model gave no usable forecast for some customers (their histories lie far outside what it was fitted on), so P(alive) and expected purchases are not given',
  monetaryNotFitted:
    'the spend model (Gamma-Gamma) could not be fitted to the repeat purchases: no single set of spend parameters fits them best, so predicted CLV is not given',
  monetaryNotFinite: 'the spend model gave no usable value for some customers, so predicted CLV is not given',
  monetaryUnbounded: (q: number) =>
    `spend per purchase varies too much between customers for the spend model: its fitted q = ${q.toFixed(2)} is at most 1, which means an unbounded average spend, so predicted CLV is not given`,
  failed: 'the value model could not be computed for this data, so predictions are not given',
  backTestNotFitted:
    'the purchase model could not be fitted to the calibration window before the holdout (no single set of purchase and dropout rates fits those histories best), so there is no back-test',
  backTestNotFinite:
    'the model fitted on the calibration window gives no usable forecast of the holdout for these histories, so there is no back-test',
  backTestFailed: 'the back-test could not be computed for this data',
  /** The NBD limit: `statistic` is 2·(LL BG/NBD − LL NBD), `critical` its 95 % threshold. */
  noDropout: (statistic: number, critical: number) =>
    `No dropout is seen in the data: letting customers stop buying does not fit these purchase histories significantly better (likelihood-ratio statistic ${Math.max(0, statistic).toFixed(1)}, against ${critical.toFixed(2)} at 95 %), so the no-dropout (NBD) limit of the purchase model is used. Every customer counts as still active (P(alive) = 1), and expected purchases grow in step with the horizon at each customer's own estimated rate.`,
};
