/**
 * The published CDNOW estimates (Fader, Hardie & Lee 2005, Marketing Science 24(2) for BG/NBD;
 * Fader, Hardie & Lee 2005, JMR 42(4) and Fader & Hardie 2013 for Gamma-Gamma), reproduced to
 * the precision they are published at, from the default start.
 */
import { CALIBRATION_END_DAY, readCdnow } from '@/test/helpers/cdnow';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitBgNbd, groupRfm, type BgNbdFit } from './bg-nbd';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import { summarisePurchases, type RfmSummary } from './rfm-summary';

let rfm: RfmSummary;
let bg: BgNbdFit;
let gg: GammaGammaFit;

beforeAll(() => {
  const cdnow = readCdnow();
  rfm = summarisePurchases(cdnow.start, cdnow.day, cdnow.value, CALIBRATION_END_DAY);
  bg = fitBgNbd(groupRfm(rfm.x, rfm.tx, rfm.T));
  gg = fitGammaGamma(rfm.x, rfm.meanRepeatValue);
});

describe('CDNOW calibration sample', () => {
  it('has the papers’ 2,357 customers, 946 of them with a repeat purchase, and T = 38.86 for 1 January', () => {
    expect(rfm.count).toBe(2357);
    expect(rfm.x.filter((x) => x > 0).length).toBe(946);
    expect(Math.max(...rfm.T)).toBeCloseTo(38.86, 2);
  });

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, log-likelihood −9582.4', () => {
    expect(bg.converged).toBe(true);
    expect(bg.params.r).toBeCloseTo(0.243, 3);
    expect(bg.params.alpha).toBeCloseTo(4.414, 3);
    expect(bg.params.a).toBeCloseTo(0.793, 3);
    expect(bg.params.b).toBeCloseTo(2.426, 3);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('Gamma-Gamma on the 946 repeat customers: p = 6.25, q = 3.74, γ = 15.44', () => {
    expect(gg.customers).toBe(946);
    expect(gg.params.p).toBeCloseTo(6.25, 2);
    expect(gg.params.q).toBeCloseTo(3.74, 2);
    expect(gg.params.gamma).toBeCloseTo(15.44, 2);
  });
});
