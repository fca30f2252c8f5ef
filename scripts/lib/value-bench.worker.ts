/**
 * Bundled by scripts/bench-value-browser.ts and run as a Web Worker in headless Chromium: simulates
 * the customers (not timed), then times the pipeline's own predictCustomerValue on them.
 */
import { DEFAULT_VALUE_OPTIONS, predictCustomerValue } from '../../lib/value/customer-value';
import { BENCH_WINDOW_DAYS, simulatePurchases } from '../../lib/value/simulate-purchases';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ customers: number }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const purchases = simulatePurchases(event.data.customers);
  const stages: Array<{ stage: string; ms: number }> = [];
  const t0 = performance.now();
  const v = predictCustomerValue(purchases, BENCH_WINDOW_DAYS - 1, DEFAULT_VALUE_OPTIONS, (stage, ms) =>
    stages.push({ stage, ms }),
  );
  const ms = performance.now() - t0;
  let finite = true;
  for (const a of [v.pAlive, v.expectedPurchases, v.clv, v.clvP10, v.clvP90])
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) finite = false;
  scope.postMessage({
    ms,
    stages,
    finite,
    histories: v.range.histories,
    cells: v.range.cells,
    params: { ...v.bgnbd?.params, ...v.gammaGamma?.params },
  });
};
