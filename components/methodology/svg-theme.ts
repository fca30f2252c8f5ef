/** Ink, muted text, faint guides and grid of the hand-drawn SVG charts (the page palette as hex). */
export const SVG = {
  ink: '#2b241f',
  muted: '#6f655b',
  faint: '#9a8f83',
  grid: '#ece5da',
  frame: '#d9cfc1',
  paper: '#fffdf9',
  accent: '#a3402a',
} as const;

/** Join lines of the data model: colour-blind-safe (Okabe–Ito blue and vermillion) and dashed differently. */
export const JOIN_STYLE = {
  customer_id: { color: '#0072B2', dash: undefined, label: 'customer_id' },
  cluster_id: { color: '#D55E00', dash: '7 4', label: 'cluster_id' },
  reference: { color: '#6f655b', dash: '2 3', label: 'shared source grain' },
} as const;
