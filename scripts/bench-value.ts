/**
 * `npm run bench:value`: BG/NBD + Gamma-Gamma fit and predictions for 1,000,000 customers in Node.
 * Customers are simulated from known parameters (the simulation is not timed); then timed: the
 * RFM summary, grouping, both fits, and per customer P(alive), expected purchases in 52 weeks and
 * expected 12-month CLV. Writes benchmarks/value.md and benchmarks/value.json. Target: < 10 s.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { beta, exponential, gamma } from '../lib/random/distributions';
import { createRng } from '../lib/random/rng';
import { fitBgNbd, groupRfm, probabilityAlive } from '../lib/value/bg-nbd';
import { expectedAverageValue, fitGammaGamma } from '../lib/value/gamma-gamma';
import { expectedPurchasesByMonth } from '../lib/value/predicted-clv';
import { summarisePurchases } from '../lib/value/rfm-summary';

const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const WINDOW_DAYS = 728;
const TRUTH = { r: 0.5, alpha: 5, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

function simulate() {
  const rng = createRng(2026, 0);
  const start = new Uint32Array(N + 1);
  const days: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < N; c++) {
    start[c] = days.length;
    const first = Math.floor(rng.next() * 364);
    const lambda = gamma(rng, TRUTH.r, 1 / TRUTH.alpha) / 7;
    const drop = beta(rng, TRUTH.a, TRUTH.b);
    const nu = gamma(rng, TRUTH.q, 1 / TRUTH.gamma);
    let t = first;
    days.push(first);
    values.push(gamma(rng, TRUTH.p, 1 / nu));
    for (;;) {
      t += exponential(rng, lambda);
      if (t >= WINDOW_DAYS) break;
      days.push(Math.floor(t));
      values.push(gamma(rng, TRUTH.p, 1 / nu));
      if (rng.next() < drop) break;
    }
  }
  start[N] = days.length;
  return { start, day: Float64Array.from(days), value: Float64Array.from(values) };
}

function main() {
  const sim = simulate();
  const stages: Array<{ stage: string; ms: number }> = [];
  const time = <T>(stage: string, run: () => T): T => {
    const t0 = performance.now();
    const r = run();
    stages.push({ stage, ms: performance.now() - t0 });
    return r;
  };
  const t0 = performance.now();
  const rfm = time('RFM summary', () => summarisePurchases(sim.start, sim.day, sim.value, WINDOW_DAYS - 1));
  const groups = time('group (x, t_x, T)', () => groupRfm(rfm.x, rfm.tx, rfm.T));
  const bg = time('BG/NBD fit', () => fitBgNbd(groups));
  const gg = time('Gamma-Gamma fit', () => fitGammaGamma(rfm.x, rfm.meanRepeatValue));
  const { alive, year, clv } = time('predictions', () => {
    // Purchase curves depend on (x, t_x, T) only: once per group, then scaled per customer.
    const G = groups.x.length;
    const gAlive = new Float64Array(G);
    const gYear = new Float64Array(G);
    const gDiscounted = new Float64Array(G);
    for (let g = 0; g < G; g++) {
      const h = { x: groups.x[g]!, tx: groups.tx[g]!, T: groups.T[g]!, meanValue: NaN };
      const months = expectedPurchasesByMonth(bg.params, h, 12);
      gAlive[g] = probabilityAlive(bg.params, h.x, h.tx, h.T);
      gYear[g] = months.reduce((s, v) => s + v, 0);
      gDiscounted[g] = months.reduce((s, v, m) => s + v / 1.01 ** (m + 1), 0);
    }
    const alive = new Float64Array(N);
    const year = new Float64Array(N);
    const clv = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const g = groups.groupOf[i]!;
      alive[i] = gAlive[g]!;
      year[i] = gYear[g]!;
      clv[i] = gDiscounted[g]! * expectedAverageValue(gg.params, rfm.x[i]!, rfm.meanRepeatValue[i]!);
    }
    return { alive, year, clv };
  });
  const totalMs = performance.now() - t0;
  const finite = [alive, year, clv].every((a) => a.every(Number.isFinite));
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const result = {
    customers: N,
    groups: groups.x.length,
    totalSeconds: totalMs / 1000,
    targetSeconds: 10,
    met: totalMs < 10_000 && finite,
    allFinite: finite,
    stages,
    truth: TRUTH,
    fitted: { ...bg.params, ...gg.params },
    means: { pAlive: mean(alive), purchases52w: mean(year), clv12m: mean(clv) },
    loadAverage: loadavg(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  };
  const f = (v: number, d = 3) => v.toFixed(d);
  const md = [
    '# Predicted value benchmark (Node)',
    '',
    `Made by \`npm run bench:value\` on ${result.machine}; load average at the end ${result.loadAverage.map((v) => v.toFixed(2)).join(', ')}.`,
    `${N.toLocaleString('en')} customers simulated from BG/NBD r = ${TRUTH.r}, α = ${TRUTH.alpha}, a = ${TRUTH.a}, b = ${TRUTH.b} and Gamma-Gamma p = ${TRUTH.p}, q = ${TRUTH.q}, γ = ${TRUTH.gamma} over ${WINDOW_DAYS / 7} weeks (not timed); ${groups.x.length.toLocaleString('en')} distinct (x, t_x, T).`,
    '',
    `**Total ${f(result.totalSeconds, 2)} s against the 10 s target: ${result.met ? 'met' : '**MISSED**'}.** Every prediction finite: ${finite ? 'yes' : 'no'}.`,
    '',
    '| stage | seconds |',
    '|---|---:|',
    ...stages.map((s) => `| ${s.stage} | ${f(s.ms / 1000, 2)} |`),
    '',
    `Fitted: r ${f(bg.params.r)}, α ${f(bg.params.alpha)}, a ${f(bg.params.a)}, b ${f(bg.params.b)}; p ${f(gg.params.p)}, q ${f(gg.params.q)}, γ ${f(gg.params.gamma)}.`,
    `Means: P(alive) ${f(result.means.pAlive)}, purchases in 52 weeks ${f(result.means.purchases52w)}, 12-month CLV ${f(result.means.clv12m, 2)}.`,
    '',
    'Not included yet: the simulated 10th–90th percentile ranges per customer, and the browser-worker run.',
    '',
  ].join('\n');
  writeFileSync(path.resolve('benchmarks', 'value.md'), md);
  writeFileSync(path.resolve('benchmarks', 'value.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(md);
  return result.met ? 0 : 1;
}

process.exit(main());
