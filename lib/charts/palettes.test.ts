import { interpolateCividis, interpolatePuOr } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { divergingColor, sequentialColor, zScoreColor } from './color-scales';
import { CIVIDIS, PALETTE_STEPS, PUOR } from './palettes';

/** A colour as [r, g, b], from `#rrggbb` or d3's `rgb(r, g, b)`. */
function channels(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour);
  if (!rgb) throw new Error(`not a colour: ${colour}`);
  return rgb.slice(1).map(Number);
}

/** The largest difference of one channel between two colours. */
function distance(a: string, b: string): number {
  const [x, y] = [channels(a), channels(b)];
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
}

/** Seeded values in [lo, hi], so a failure repeats. */
function values(n: number, lo: number, hi: number): number[] {
  const rng = createRng(12345);
  return Array.from({ length: n }, () => lo + rng.next() * (hi - lo));
}

describe('the sampled ramps (palettes.ts)', () => {
  it.each([
    ['CIVIDIS', CIVIDIS, interpolateCividis],
    ['PUOR', PUOR, interpolatePuOr],
  ] as const)('%s holds d3’s colour at every step (run `npm run make:palettes` if not)', (_, ramp, d3) => {
    expect(ramp).toHaveLength(PALETTE_STEPS * 6);
    for (let i = 0; i < PALETTE_STEPS; i++) {
      const stored = `#${ramp.slice(i * 6, i * 6 + 6)}`;
      expect(channels(stored), `step ${i}`).toEqual(channels(d3(i / (PALETTE_STEPS - 1))));
    }
  });
});

// What the scales draw may differ from d3's exact colour by the half step the sampling rounds to:
// neighbouring steps of either ramp differ by at most 4 units of a channel, so half a step is 2.
const HALF_STEP = 2;

describe('the heatmap scales stay on d3’s ramps', () => {
  it('sequentialColor: low values light, high dark, cividis throughout', () => {
    expect(channels(sequentialColor(0))).toEqual(channels(interpolateCividis(1)));
    expect(channels(sequentialColor(-3))).toEqual(channels(sequentialColor(0)));
    for (const t of values(2000, 0, 1)) {
      expect(distance(sequentialColor(t), interpolateCividis(1 - t * 0.92)), `t = ${t}`).toBeLessThanOrEqual(
        HALF_STEP,
      );
    }
    // Darker (smaller channel sum) as the value grows.
    const sum = (c: string) => channels(c).reduce((a, b) => a + b, 0);
    expect(sum(sequentialColor(1))).toBeLessThan(sum(sequentialColor(0.5)));
    expect(sum(sequentialColor(0.5))).toBeLessThan(sum(sequentialColor(0)));
  });

  it('divergingColor: 1× neutral, 2× and ½× at the purple and orange ends (log scale)', () => {
    expect(channels(divergingColor(1))).toEqual(channels(interpolatePuOr(0.5)));
    expect(channels(divergingColor(2))).toEqual(channels(interpolatePuOr(0)));
    expect(channels(divergingColor(0.5))).toEqual(channels(interpolatePuOr(1)));
    expect(channels(divergingColor(8))).toEqual(channels(divergingColor(2)));
    for (const index of values(2000, 0.3, 3)) {
      const t = 0.5 - Math.max(-1, Math.min(1, Math.log2(index))) / 2;
      expect(distance(divergingColor(index), interpolatePuOr(t)), `index ${index}`).toBeLessThanOrEqual(
        HALF_STEP,
      );
    }
  });

  it('zScoreColor: 0 neutral, ±2 SD 90 % of the way to either end', () => {
    expect(channels(zScoreColor(0))).toEqual(channels(interpolatePuOr(0.5)));
    for (const z of values(2000, -3, 3)) {
      const t = 0.5 - (Math.max(-1, Math.min(1, z / 2)) * 0.9) / 2;
      expect(distance(zScoreColor(z), interpolatePuOr(t)), `z = ${z}`).toBeLessThanOrEqual(HALF_STEP);
    }
  });
});
