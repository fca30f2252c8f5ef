/**
 * Whether a transaction history can support the buy-till-you-die models. When it cannot, the verdict
 * says what is missing and the pages fall back to the CLV proxy: never a NaN on a page.
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
    customers,
    repeatCustomers: repeat,
    positiveRepeatCustomers: positive,
    historyWeeks: history,
  };
}
