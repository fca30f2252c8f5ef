import type { ReactNode } from 'react';

/** Header cell and body cell classes of the provenance tables on Methodology & data. */
export const th =
  'px-4 py-3 text-left text-xs font-medium tracking-label whitespace-nowrap text-ink-muted uppercase';
export const td = 'px-4 py-3 align-top';

/** Wide tables scroll inside their own region on small screens instead of widening the page. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="scroll-cue overflow-x-auto rounded-lg border border-line"
      >
        {children}
      </div>
      <p aria-hidden="true" className="mt-2 text-xs text-ink-faint lg:hidden">
        Scroll sideways to see every column.
      </p>
    </>
  );
}
