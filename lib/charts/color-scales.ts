import { interpolateCividis, interpolatePuOr } from 'd3-scale-chromatic';

/**
 * The heatmaps' colour scales, from d3-scale-chromatic: cividis for sequential values, purple–orange
 * for values diverging around a centre (both colour-blind safe). Kept apart from ./theme.ts, whose
 * flat colours many client components use, so only heatmaps ship d3's colour code.
 */

/** 0 … 1 → a sequential colour (light to dark cividis, reversed so low values are light). */
export function sequentialColor(t: number): string {
  return interpolateCividis(1 - Math.min(1, Math.max(0, t)) * 0.92);
}

/**
 * An index around 1.0 → a diverging colour on a log scale: 1 is neutral, `limit`× and 1/`limit`×
 * are the ends (purple above, orange below).
 */
export function divergingColor(index: number, limit = 2): string {
  const x = Math.log(Math.max(index, 1e-6)) / Math.log(limit);
  const t = 0.5 - Math.max(-1, Math.min(1, x)) / 2;
  return interpolatePuOr(t);
}

/**
 * A z-score → a diverging purple–orange colour: 0 is neutral, ±`limit` SD are the ends (purple
 * above the average customer, orange below), matching divergingColor's direction.
 */
export function zScoreColor(z: number, limit = 2): string {
  const x = Math.max(-1, Math.min(1, z / limit));
  return interpolatePuOr(0.5 + (-x * 0.9) / 2);
}
