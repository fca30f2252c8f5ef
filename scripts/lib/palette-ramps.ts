import { interpolateCividis, interpolatePuOr } from 'd3-scale-chromatic';

/** Points per ramp: neighbouring steps then differ by at most 4 units of a colour channel. */
export const RAMP_STEPS = 256;

/** The d3 ramps lib/charts/palettes.ts holds, by the name of its constant. */
export const RAMPS = { CIVIDIS: interpolateCividis, PUOR: interpolatePuOr } as const;

/** d3's colour string (`rgb(r, g, b)` or `#rrggbb`) as 6 hex digits. */
export function hexDigits(colour: string): string {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.slice(1).toLowerCase();
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour);
  if (!rgb) throw new Error(`Unexpected colour from d3: ${colour}`);
  return rgb
    .slice(1)
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('');
}

/** A ramp at `steps` evenly spaced points from 0 to 1, as 6 hex digits each. */
export function sampleRamp(ramp: (t: number) => string, steps = RAMP_STEPS): string[] {
  return Array.from({ length: steps }, (_, i) => hexDigits(ramp(i / (steps - 1))));
}
