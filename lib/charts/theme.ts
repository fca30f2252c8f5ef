/**
 * Every colour a chart uses, in one place. Chosen to stay distinguishable with colour-vision
 * deficiencies: Okabe–Ito for personas, cividis for sequential values, purple–orange for values
 * diverging around a centre (those scales, which need d3's colour code, are in ./color-scales.ts so
 * that a component needing one flat colour does not ship them). (Page chrome uses the Tailwind tokens in app/globals.css; these are
 * the same tones as hex, for SVG attributes and inline styles.)
 */

/** Ink, muted text, faint guides, grid, plot edge, paper and accent of the charts. */
export const INK = {
  ink: '#2b241f',
  muted: '#6f655b',
  faint: '#9a8f83',
  grid: '#ece5da',
  edge: '#d9cfc1',
  paper: '#fffdf9',
  accent: '#a3402a',
} as const;

/** "All customers", wherever it is drawn beside the personas. */
export const ALL_CUSTOMERS_COLOR = INK.muted;

/**
 * The channels: an ochre in store and a slate online, apart in lightness as well as hue (so they
 * stay apart with any colour-vision deficiency) and each at least 3:1 against the paper; a pale
 * slate for customers who use both.
 */
export const CHANNEL_COLORS = {
  instore: '#92601a',
  online: '#3b4a5e',
  both: '#8d99ab',
} as const;

/** The data-model diagram's table boxes, by how each joins the centre (pale, so names read on them). */
export const TABLE_KIND_FILL = {
  centre: '#f3e6dc',
  customer: '#e8f1f8',
  cluster: '#fbefe6',
  reference: '#f2efe9',
} as const;

/**
 * Two series compared on one chart (actual against predicted, one metric against another): ink and
 * the accent, apart in lightness, and never a persona's colour (persona colours mean personas only).
 */
export const PAIR_COLORS = { first: INK.ink, second: INK.accent } as const;
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

/** A persona's colour, or the "All customers" colour for the row without a cluster. */
export function groupColor(clusterId: number | null): string {
  return clusterId === null ? ALL_CUSTOMERS_COLOR : personaColor(clusterId);
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
