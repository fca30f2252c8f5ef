/**
 * A column's sort direction as a small triangle drawn in SVG, not as a ▲ ▼ ↕ character. The first
 * such character a page draws costs the browser a font lookup: in bench:explorer at 1M customers
 * (Chromium on Linux) the first sort's ▼ alone cost 15–405 ms of layout, the same ▼ drawn again
 * 1.3 ms, and that took the sort past its 300 ms target. A drawing needs no font and looks the
 * same on every machine.
 * `none` draws both triangles faintly: the column can be sorted but is not. `className` adds to the
 * drawing's classes (a header turned on its side turns the arrow back upright).
 */
export function SortArrow({
  direction,
  className = '',
}: {
  direction: 'asc' | 'desc' | 'none' | false;
  className?: string;
}) {
  if (direction === false) return null;
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 10 10"
      className={`inline-block size-[0.6em] shrink-0 fill-current align-[0.05em] ${className}`}
      data-sort-arrow={direction}
    >
      {direction === 'desc' ? <path d="M1 2.5h8L5 8.5z" /> : null}
      {direction === 'asc' ? <path d="M1 7.5h8L5 1.5z" /> : null}
      {direction === 'none' ? <path d="M2 4.2h6L5 0.6zM2 5.8h6L5 9.4z" opacity="0.55" /> : null}
    </svg>
  );
}
