import { CIVIDIS, PALETTE_STEPS, PUOR } from './palettes';

/**
 * The heatmaps' colour scales: cividis for sequential values, purple–orange for values diverging
 * around a centre (both colour-blind safe), from d3-scale-chromatic through the sampled ramps in
 * ./palettes.ts, so client heatmaps do not ship d3's colour code. Kept apart from ./theme.ts, whose
 * flat colours many client components use.
 */

/** t in 0…1 (clamped) → the ramp's nearest sampled step, as `#rrggbb`. */
function rampColor(ramp: string, t: number): string {
  const step = Math.round(Math.min(1, Math.max(0, t)) * (PALETTE_STEPS - 1));
  return `#${ramp.slice(step * 6, step * 6 + 6)}`;
}

/** 0 … 1 → a sequential colour (light to dark cividis, reversed so low values are light). */
export function sequentialColor(t: number): string {
  return rampColor(CIVIDIS, 1 - Math.min(1, Math.max(0, t)) * 0.92);
}

/**
 * An index around 1.0 → a diverging colour on a log scale: 1 is neutral, `limit`× and 1/`limit`×
 * are the ends (purple above, orange below).
 */
export function divergingColor(index: number, limit = 2): string {
  const x = Math.log(Math.max(index, 1e-6)) / Math.log(limit);
  const t = 0.5 - Math.max(-1, Math.min(1, x)) / 2;
  return rampColor(PUOR, t);
}

/**
 * A z-score → a diverging purple–orange colour: 0 is neutral, ±`limit` SD are the ends (purple
 * above the average customer, orange below), matching divergingColor's direction.
 */
export function zScoreColor(z: number, limit = 2): string {
  const x = Math.max(-1, Math.min(1, z / limit));
  return rampColor(PUOR, 0.5 + (-x * 0.9) / 2);
}
