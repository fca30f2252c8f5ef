import { interpolateCividis, interpolatePuOr } from 'd3-scale-chromatic';

/**
 * Colours, chosen to stay distinguishable with colour-vision deficiencies: Okabe–Ito for personas,
 * cividis for sequential values, purple–orange for values diverging around a centre.
 */
const PERSONA_PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#882255', // wine
  '#6B6B6B', // grey
  '#B8A000', // dark yellow
  '#332288', // indigo
];

export function personaColor(clusterId: number): string {
  return PERSONA_PALETTE[clusterId % PERSONA_PALETTE.length]!;
}

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

/** Black or white text, whichever has the higher WCAG contrast on the background colour. */
export function textOn(background: string): string {
  const rgb = parseColor(background);
  if (!rgb) return '#000000';
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const onBlack = (luminance + 0.05) / 0.05;
  const onWhite = 1.05 / (luminance + 0.05);
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

function parseColor(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/**
 * A z-score → a diverging purple–orange colour: 0 is neutral, ±`limit` SD are the ends (purple
 * above the average customer, orange below), matching divergingColor's direction.
 */
export function zScoreColor(z: number, limit = 2): string {
  const x = Math.max(-1, Math.min(1, z / limit));
  return interpolatePuOr(0.5 + (-x * 0.9) / 2);
}
