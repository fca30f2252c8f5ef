import type { ReactNode } from 'react';

/** Header cell and body cell classes of the provenance tables on /data and /methodology. */
export const th =
  'px-4 py-3 text-left text-xs font-medium tracking-label whitespace-nowrap text-ink-muted uppercase';
export const td = 'px-4 py-3 align-top';

export function SectionHeading({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="mb-5 border-b border-line pb-3">
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      {children && <p className="mt-1 max-w-3xl text-sm text-ink-muted">{children}</p>}
    </div>
  );
}

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
