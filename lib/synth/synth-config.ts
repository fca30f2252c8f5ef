/** Configuration of the synthetic customer base. Same config + same sources ⇒ byte-identical output. */
export interface SynthConfig {
  seed: number;
  customers: number;
  /** Length of the transaction log in months, ending on windowEnd (inclusive). */
  months: number;
  windowEnd: string;
  /** Months at the end of the window that count as "recent" for trend features. */
  recentMonths: number;
  /** ISO 4217 code used to display money. */
  currency: string;
  /** Source prices are US dollars (January 2023); amounts are converted at this fixed rate. */
  usdToCurrency: number;
}

export const DEFAULT_SYNTH_CONFIG: SynthConfig = {
  seed: 42,
  customers: 10_000,
  months: 24,
  windowEnd: '2026-09-30',
  recentMonths: 6,
  currency: 'INR',
  usdToCurrency: 83,
};

export function windowStartOf(config: Pick<SynthConfig, 'months' | 'windowEnd'>): string {
  const end = new Date(`${config.windowEnd}T00:00:00Z`);
  const start = new Date(
    Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - config.months, end.getUTCDate() + 1),
  );
  return start.toISOString().slice(0, 10);
}

export function daysBetween(startIso: string, endIso: string): number {
  return Math.round((Date.parse(`${endIso}T00:00:00Z`) - Date.parse(`${startIso}T00:00:00Z`)) / 86_400_000);
}

export function validateSynthConfig(config: SynthConfig): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(config.seed)) problems.push(`seed must be an integer (got ${config.seed})`);
  if (!Number.isInteger(config.customers) || config.customers < 50 || config.customers > 5_000_000) {
    problems.push(`customers must be an integer from 50 to 5,000,000 (got ${config.customers})`);
  }
  if (!Number.isInteger(config.months) || config.months < 6 || config.months > 120) {
    problems.push(`months must be an integer from 6 to 120 (got ${config.months})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(config.windowEnd) || Number.isNaN(Date.parse(config.windowEnd))) {
    problems.push(`windowEnd must be an ISO date like 2026-09-30 (got ${config.windowEnd})`);
  }
  if (
    !Number.isInteger(config.recentMonths) ||
    config.recentMonths < 1 ||
    config.recentMonths >= config.months
  ) {
    problems.push(`recentMonths must be an integer from 1 to months − 1 (got ${config.recentMonths})`);
  }
  if (!/^[A-Z]{3}$/.test(config.currency))
    problems.push(`currency must be an ISO 4217 code like INR (got ${config.currency})`);
  if (!(config.usdToCurrency > 0)) problems.push(`usdToCurrency must be > 0 (got ${config.usdToCurrency})`);
  return problems;
}
