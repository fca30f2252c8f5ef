/**
 * `npm run value:cdnow`: fits BG/NBD and Gamma-Gamma on the CDNOW calibration window, back-tests the
 * 39-week holdout and writes benchmarks/cdnow.md and benchmarks/cdnow.json. Reads the sample from
 * OMNI_CDNOW_FILE, else ../shared/datasets/cdnow/CDNOW_sample.txt.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { backTest, holdoutCounts } from '../lib/value/back-test';
import { fitBgNbd, groupRfm } from '../lib/value/bg-nbd';
import { fitGammaGamma } from '../lib/value/gamma-gamma';
import { summarisePurchases } from '../lib/value/rfm-summary';
import { CALIBRATION_END_DAY, CDNOW_FILE, HOLDOUT_END_DAY, readCdnow } from '../test/helpers/cdnow';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, ll: -9582.4, p: 6.25, q: 3.74, gamma: 15.44 };

function main(): number {
  let cdnow;
  try {
    cdnow = readCdnow();
  } catch (error) {
    console.error(`Cannot read the CDNOW sample at ${CDNOW_FILE}: ${(error as Error).message}`);
    return 1;
  }
  const t0 = performance.now();
  const rfm = summarisePurchases(cdnow.start, cdnow.day, cdnow.value, CALIBRATION_END_DAY);
  const bg = fitBgNbd(groupRfm(rfm.x, rfm.tx, rfm.T));
  const gg = fitGammaGamma(rfm.x, rfm.meanRepeatValue);
  const fitMs = performance.now() - t0;
  const bt = backTest({
    params: bg.params,
    calibration: rfm,
    holdout: holdoutCounts(cdnow.start, cdnow.day, rfm, CALIBRATION_END_DAY, HOLDOUT_END_DAY),
    calibrationEndDay: CALIBRATION_END_DAY,
    holdoutEndDay: HOLDOUT_END_DAY,
  });
  const f = (v: number, d = 3) => v.toFixed(d);
  const rows = [
    ['r', bg.params.r, PUBLISHED.r, 3],
    ['α', bg.params.alpha, PUBLISHED.alpha, 3],
    ['a', bg.params.a, PUBLISHED.a, 3],
    ['b', bg.params.b, PUBLISHED.b, 3],
    ['log-likelihood', bg.logLikelihood, PUBLISHED.ll, 1],
    ['p', gg.params.p, PUBLISHED.p, 2],
    ['q', gg.params.q, PUBLISHED.q, 2],
    ['γ', gg.params.gamma, PUBLISHED.gamma, 2],
  ] as const;
  const md = [
    '# CDNOW benchmark: BG/NBD + Gamma-Gamma',
    '',
    'Made by `npm run value:cdnow` (lib/value). Calibration 1997-01-01 … 1997-09-30 (39 weeks), holdout the',
    `next 39 weeks; ${rfm.count.toLocaleString('en')} customers, same-day purchases merged. Fit from the default start in ${fitMs.toFixed(0)} ms (${bg.evaluations} likelihood evaluations).`,
    '',
    '| parameter | ours | published |',
    '|---|---:|---:|',
    ...rows.map(([name, ours, pub, d]) => `| ${name} | ${f(ours, d)} | ${f(pub, d)} |`),
    '',
    'Published: Fader, Hardie & Lee (2005), "Counting Your Customers" the Easy Way, Marketing Science 24(2),',
    '275–284 (BG/NBD); Fader, Hardie & Lee (2005), RFM and CLV: Using Iso-Value Curves, JMR 42(4), 415–430,',
    'and Fader & Hardie (2013), The Gamma-Gamma Model of Monetary Value (Gamma-Gamma, 946 repeat customers).',
    '',
    '## Holdout back-test',
    '',
    `- Repeat purchases in the holdout: predicted ${f(bt.predictedTotal, 0)}, actual ${bt.actualTotal} (${f((bt.predictedTotal / bt.actualTotal - 1) * 100, 1)} %).`,
    `- Cumulative repeat purchases at week 78: predicted ${f(bt.tracking.at(-1)!.predicted, 0)}, actual ${bt.tracking.at(-1)!.actual}.`,
    `- AUC for "bought again in the holdout": ${f(bt.auc)}; Spearman rank correlation with holdout purchases: ${f(bt.spearman)}.`,
    '',
    '| calibration repeats | customers | holdout purchases, actual mean | predicted mean |',
    '|---|---:|---:|---:|',
    ...bt.byFrequency.map((b) => `| ${b.x} | ${b.customers} | ${f(b.actual, 2)} | ${f(b.predicted, 2)} |`),
    '',
  ].join('\n');
  const dir = path.resolve('benchmarks');
  writeFileSync(path.join(dir, 'cdnow.md'), md);
  writeFileSync(
    path.join(dir, 'cdnow.json'),
    `${JSON.stringify({ bgnbd: { ...bg.params, logLikelihood: bg.logLikelihood }, gammaGamma: gg.params, backTest: bt }, null, 2)}\n`,
  );
  console.log(md);
  return 0;
}

process.exit(main());
