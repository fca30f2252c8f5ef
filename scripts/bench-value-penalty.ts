/**
 * `npm run bench:value-penalty`: chooses the BG/NBD fit's penalty coefficient by the back-test.
 * Every coefficient of a grid fits the calibration window of every data set — a grid of data sets
 * simulated from known parameters (the no-dropout limit, short and long windows included) and the
 * CDNOW sample — exactly as the pipeline fits it (fitBgNbd: penalty, then the no-dropout check), and
 * forecasts each customer's holdout purchases. The score of a coefficient is its holdout forecast
 * error (per-customer RMSE) relative to the best coefficient's on the same data set, averaged over
 * the data sets; a coefficient is admissible when every published CDNOW estimate is still
 * reproduced at its published precision. The chosen one: the lowest score among the admissible,
 * the larger coefficient on a tie (a score within 10⁻⁴): at equal forecasts, the stronger bound.
 * Writes benchmarks/value-penalty.md. Reads CDNOW as `npm run value:cdnow` does.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countPurchaseDays } from '../lib/value/back-test';
import {
  DEFAULT_BGNBD_PENALTY,
  expectedPurchases,
  fitBgNbd,
  groupRfm,
  type BgNbdParams,
} from '../lib/value/bg-nbd';
import type { Purchases } from '../lib/value/customer-value';
import { DAYS_PER_WEEK, summarisePurchases } from '../lib/value/rfm-summary';
import { simulatePurchases, type SimulationTruth } from '../lib/value/simulate-purchases';
import { CALIBRATION_END_DAY, CDNOW_FILE, HOLDOUT_END_DAY, readCdnow } from '../test/helpers/cdnow';

const GRID = [0, 1e-9, 1e-8, 3e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3];
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.4 };

interface DataSet {
  name: string;
  purchases: Purchases;
  calibrationEndDay: number;
  holdoutEndDay: number;
  truth: SimulationTruth | null;
}

const truth = (r: number, alpha: number, a: number, b: number): SimulationTruth => ({
  r,
  alpha,
  a,
  b,
  p: 6,
  q: 4,
  gamma: 15,
});

/** The simulation grid: [name, customers, truth, window weeks, weeks over which first purchases fall]. */
const SIMULATIONS: Array<[string, number, SimulationTruth, number, number]> = [
  ['benchmark truth, 2 years', 5000, truth(0.5, 5, 0.8, 2.5), 104, 52],
  ['CDNOW-like, 78 weeks', 2500, truth(0.243, 4.414, 0.793, 2.426), 78, 12],
  ['fast dropout', 3000, truth(1, 3, 2, 3), 78, 26],
  ['slow dropout', 3000, truth(1, 10, 1, 50), 78, 26],
  ['no dropout, POS bills (the reported crash)', 2000, truth(0.5, 6.5, 0, 1), 78, 26],
  ['no dropout, steady rates', 2000, truth(4, 52, 0, 1), 78, 26],
  ['five years', 3000, truth(0.5, 5, 0.8, 2.5), 260, 104],
  ['short window (52 weeks)', 3000, truth(1, 5, 0.5, 5), 52, 13],
];
const SEEDS = [1, 2];
const HOLDOUT_WEEKS = 26;

function dataSets(): DataSet[] {
  const sets: DataSet[] = [];
  for (const [name, n, t, weeks, firstWeeks] of SIMULATIONS) {
    for (const seed of SEEDS) {
      const windowDays = weeks * DAYS_PER_WEEK;
      sets.push({
        name: `${name} (seed ${seed})`,
        purchases: simulatePurchases(n, seed, {
          truth: t,
          windowDays,
          firstPurchaseDays: firstWeeks * DAYS_PER_WEEK,
        }),
        calibrationEndDay: windowDays - 1 - HOLDOUT_WEEKS * DAYS_PER_WEEK,
        holdoutEndDay: windowDays - 1,
        truth: t,
      });
    }
  }
  const cdnow = readCdnow();
  sets.push({
    name: 'CDNOW (39 + 39 weeks)',
    purchases: cdnow,
    calibrationEndDay: CALIBRATION_END_DAY,
    holdoutEndDay: HOLDOUT_END_DAY,
    truth: null,
  });
  return sets;
}

interface Forecast {
  rmse: number;
  /** (Σ predicted − Σ actual) / Σ actual. */
  aggregate: number;
  model: string;
  params: BgNbdParams;
  /** The penalised BG/NBD fit's parameters (the same as params unless the NBD limit is used). */
  dropout: BgNbdParams;
  converged: boolean;
  finite: boolean;
}

function forecast(set: DataSet, params: BgNbdParams | null, penalty: number): Forecast {
  const { purchases, calibrationEndDay, holdoutEndDay } = set;
  const rfm = summarisePurchases(purchases.start, purchases.day, purchases.value, calibrationEndDay);
  const fit = params === null ? fitBgNbd(groupRfm(rfm.x, rfm.tx, rfm.T), { penalty }) : null;
  const p = fit ? fit.params : params!;
  const actual = countPurchaseDays(purchases.start, purchases.day, calibrationEndDay, holdoutEndDay);
  const weeks = (holdoutEndDay - calibrationEndDay) / DAYS_PER_WEEK;
  let se = 0;
  let predictedTotal = 0;
  let actualTotal = 0;
  let n = 0;
  let finite = true;
  for (let c = 0; c < rfm.count; c++) {
    if (Number.isNaN(rfm.firstDay[c]!)) continue;
    const e = expectedPurchases(p, weeks, rfm.x[c]!, rfm.tx[c]!, rfm.T[c]!);
    if (!Number.isFinite(e)) finite = false;
    se += (e - actual[c]!) ** 2;
    predictedTotal += e;
    actualTotal += actual[c]!;
    n++;
  }
  return {
    rmse: Math.sqrt(se / n),
    aggregate: predictedTotal / actualTotal - 1,
    model: fit ? fit.model : 'truth',
    params: p,
    dropout: fit ? fit.dropout.params : p,
    converged: fit ? fit.converged : true,
    finite,
  };
}

function cdnowEstimates(penalty: number): { params: BgNbdParams; ll: number; admissible: boolean } {
  const cdnow = readCdnow();
  const rfm = summarisePurchases(cdnow.start, cdnow.day, cdnow.value, CALIBRATION_END_DAY);
  const fit = fitBgNbd(groupRfm(rfm.x, rfm.tx, rfm.T), { penalty });
  const same = (v: number, published: number, d: number) => v.toFixed(d) === published.toFixed(d);
  const { r, alpha, a, b } = fit.params;
  const admissible =
    fit.model === 'bg/nbd' &&
    same(r, PUBLISHED.r, 3) &&
    same(alpha, PUBLISHED.alpha, 3) &&
    same(a, PUBLISHED.a, 3) &&
    same(b, PUBLISHED.b, 3) &&
    same(fit.logLikelihood, PUBLISHED.ll, 1);
  return { params: fit.params, ll: fit.logLikelihood, admissible };
}

function main(): number {
  let sets: DataSet[];
  try {
    sets = dataSets();
  } catch (error) {
    console.error(`Cannot read the CDNOW sample at ${CDNOW_FILE}: ${(error as Error).message}`);
    return 1;
  }
  const t0 = performance.now();
  const results = GRID.map((penalty) => sets.map((s) => forecast(s, null, penalty)));
  const oracle = sets.map((s) => (s.truth ? forecast(s, s.truth, 0) : null));
  const best = sets.map((_, j) => Math.min(...results.map((row) => row[j]!.rmse)));
  const scores = results.map((row) => row.reduce((sum, f, j) => sum + f.rmse / best[j]!, 0) / sets.length);
  const cdnow = GRID.map(cdnowEstimates);
  const seconds = (performance.now() - t0) / 1000;
  const admissible = GRID.map((_, i) => i).filter(
    (i) => cdnow[i]!.admissible && results[i]!.every((f) => f.finite),
  );
  const lowest = Math.min(...admissible.map((i) => scores[i]!));
  const chosen = Math.max(...admissible.filter((i) => scores[i]! <= lowest + 1e-4));
  const chosenPenalty = GRID[chosen]!;

  const e = (v: number) => (v === 0 ? '0' : v.toExponential(0).replace('e-', 'e−'));
  const f = (v: number, d = 3) => v.toFixed(d).replace('-', '−');
  const md = [
    '# BG/NBD penalty coefficient, chosen by the back-test',
    '',
    'Made by `npm run bench:value-penalty` (scripts/bench-value-penalty.ts). The fit minimises',
    '−LL/n + coef·(r² + (α/T_max)² + a² + b²), lifetimes’ `penalizer_coef` form (lib/value/bg-nbd.ts),',
    'then uses the no-dropout (NBD) limit when the BG/NBD does not fit significantly better.',
    `Each coefficient fits the calibration window of ${sets.length} data sets exactly as the pipeline does and forecasts each`,
    `customer’s holdout purchases (the last ${HOLDOUT_WEEKS} weeks of the simulations, CDNOW’s 39-week holdout). Score: per-customer`,
    'holdout RMSE divided by the best coefficient’s on the same data set, averaged over the data sets (1 = best everywhere).',
    'Admissible: every published CDNOW estimate (r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4) reproduced at its',
    'published precision, and every forecast finite. Chosen: the lowest score among the admissible, the larger',
    'coefficient on a tie (within 10⁻⁴): at equal forecasts, the stronger bound on the parameters.',
    '',
    `**Chosen: ${e(chosenPenalty)}** (the code’s DEFAULT_BGNBD_PENALTY is ${e(DEFAULT_BGNBD_PENALTY)}${chosenPenalty === DEFAULT_BGNBD_PENALTY ? ', the same' : ' — **update it**'}). ${sets.length} data sets × ${GRID.length} coefficients in ${seconds.toFixed(1)} s.`,
    '',
    '| coefficient | score | CDNOW r | α | a | b | LL | admissible |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...GRID.map((penalty, i) => {
      const c = cdnow[i]!;
      return `| ${e(penalty)} | ${f(scores[i]!, 5)} | ${f(c.params.r)} | ${f(c.params.alpha)} | ${f(c.params.a)} | ${f(c.params.b)} | ${f(c.ll, 1)} | ${c.admissible ? 'yes' : 'no'} |`;
    }),
    '',
    '## Holdout RMSE per data set',
    '',
    'Per-customer RMSE of holdout purchases; “truth” forecasts with the simulation’s own parameters (the',
    'sampling noise no fit can beat); then, at the chosen coefficient, the model the pipeline uses, the penalised',
    'BG/NBD fit’s a and b, and the error of the holdout total; last, a and b of the unpenalised fit (coefficient 0).',
    '',
    `| data set | truth | ${GRID.map(e).join(' | ')} | model | a, b | Σ error | a, b at 0 |`,
    `|---|---:|${GRID.map(() => '---:').join('|')}|---|---:|---:|---:|`,
    ...sets.map((s, j) => {
      const at = results[chosen]![j]!;
      const free = results[0]![j]!;
      const ab = (q: BgNbdParams) => `${q.a.toPrecision(3)}, ${q.b.toPrecision(3)}`;
      return `| ${s.name} | ${oracle[j] ? f(oracle[j]!.rmse, 4) : '—'} | ${results.map((row) => f(row[j]!.rmse, 4)).join(' | ')} | ${at.model} | ${ab(at.dropout)} | ${f(at.aggregate * 100, 1)} % | ${ab(free.dropout)} |`;
    }),
    '',
    'Σ error: (Σ predicted − Σ actual) / Σ actual holdout purchases at the chosen coefficient. Where no dropout',
    'is seen, the unpenalised fit runs to a no-dropout corner (b/a → ∞, or a and b → 0) without settling; the',
    'penalised one converges, and the NBD limit (a = 0) is used for the forecasts.',
    '',
  ].join('\n');
  writeFileSync(path.resolve('benchmarks', 'value-penalty.md'), md);
  console.log(md);
  return 0;
}

process.exit(main());
