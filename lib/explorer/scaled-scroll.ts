/**
 * Scroll positions for more rows than a browser can make tall. An element stops growing near
 * 2^25 px in Chrome (33.5M; Firefox near 17.9M), so a million 40 px rows (40M px) left the last
 * sixth of the customers out of reach. Past MAX_SCROLL_BODY_PX the rows' scroll height stays at
 * that, and each scroll position stands for a proportionally further one in the full list: the
 * scrollbar's top is the first customer and its bottom the last.
 */
export const MAX_SCROLL_BODY_PX = 15_000_000;

/**
 * Within this many px of either end a scroll position moves one to one: the rows drawn above and
 * below the box (the virtualizer's overscan) then never fall outside the table there.
 */
export const UNSCALED_END_PX = 2_000;

export interface ScrollScale {
  /** The height the rows take in the page (px). */
  readonly body: number;
  /** The offset in the full list (every row at its height) of a scroll position in the page. */
  toVirtual(real: number): number;
  /** The scroll position in the page of an offset in the full list. */
  toReal(virtual: number): number;
}

/**
 * The scale for `rows` rows of `rowHeight` px under a `margin` px header, in a box `viewport` px
 * high: one to one until the rows would be taller than MAX_SCROLL_BODY_PX. Past it, the first and
 * last UNSCALED_END_PX still move one to one, and the positions between are stretched evenly, so
 * the furthest scroll position of the page is the furthest of the full list.
 */
export function scrollScale(rows: number, rowHeight: number, margin: number, viewport: number): ScrollScale {
  const full = rows * rowHeight;
  const body = Math.min(full, MAX_SCROLL_BODY_PX);
  const fullMax = margin + full - viewport;
  const realMax = margin + body - viewport;
  const end = UNSCALED_END_PX;
  if (full === body || realMax <= 2 * end) return { body, toVirtual: (x) => x, toReal: (x) => x };
  const k = (fullMax - 2 * end) / (realMax - 2 * end);
  const toBottom = fullMax - realMax;
  return {
    body,
    toVirtual: (real) =>
      real <= end ? real : real >= realMax - end ? real + toBottom : end + (real - end) * k,
    toReal: (virtual) =>
      virtual <= end ? virtual : virtual >= fullMax - end ? virtual - toBottom : end + (virtual - end) / k,
  };
}
