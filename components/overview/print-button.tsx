'use client';

/** Opens the browser's print dialog; the page's print stylesheet turns it into a one-page summary. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm text-ink-muted hover:border-line-strong hover:text-ink print:hidden"
    >
      Print one-page summary
    </button>
  );
}
