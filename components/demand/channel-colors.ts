/**
 * Channel colours for the demand charts: a slate for online (as on the overview's channel mix) and
 * an ochre for in store, far apart in lightness as well as hue, so they stay apart with any
 * colour-vision deficiency; families outside the 80 % core are a pale neutral.
 */
export const CHANNEL_COLOR = { instore: '#92601a', online: '#3b4a5e' } as const;
export const TAIL_COLOR = '#d9d0c3';
export const LINE_COLOR = '#2b241f';
export const CUT_COLOR = '#a2452c';
