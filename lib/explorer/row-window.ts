/**
 * Which rows of a long list to draw for a scroll position, worked out by arithmetic (every row is
 * the same height), and scroll positions for more rows than a browser can make tall.
 *
 * An element stops growing near 2^25 px in Chrome (33.5M; Firefox near 17.9M), so a million 40 px
 * rows (40M px) left the last sixth of the customers out of reach. Past MAX_SCROLL_BODY_PX the
 * rows' scroll height stays at that, and each scroll position stands for a proportionally further
 * one in the full list: the scrollbar's top is the first customer and its bottom the last.
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

/** The rows to draw, and the space above and below them. */
export interface RowWindow {
  /** Rows first … end − 1 are drawn (in view, and `overscan` more each side). */
  first: number;
  end: number;
  /** The height (px) of the space above the first row drawn, and below the last. */
  top: number;
  bottom: number;
}

/**
 * The rows in a box scrolled to `scrollTop`, with every row `rowHeight` px high under a `margin` px
 * header: worked out from the scroll position alone, so a view of five million customers costs no
 * more than one of fifty (a virtualizer that measures every row spent 0.4 s on a million).
 */
export function rowWindow(
  rows: number,
  rowHeight: number,
  margin: number,
  viewport: number,
  scrollTop: number,
  overscan: number,
): RowWindow {
  const scale = scrollScale(rows, rowHeight, margin, viewport);
  const offset = scale.toVirtual(scrollTop);
  const first = Math.min(rows, Math.max(0, Math.floor((offset - margin) / rowHeight) - overscan));
  const end = Math.min(rows, Math.max(first, Math.ceil((offset - margin + viewport) / rowHeight) + overscan));
  // Where the full list puts the first row, moved by the difference between the page's scroll
  // position and the list's (none unless the scroll is scaled).
  const top = first * rowHeight + (scrollTop - offset);
  return { first, end, top, bottom: scale.body - top - (end - first) * rowHeight };
}
