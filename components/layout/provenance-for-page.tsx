'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * The provenance bar describes the data the build was made from; on "Analyse your data" the page
 * shows the user's own file instead, so the bar says that rather than "Sandbox data".
 */
export function ProvenanceForPage({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '/';
  if (!pathname.startsWith('/analyse')) return children;
  return (
    <div className="border-b border-line bg-sunken/50 text-xs text-ink-muted" data-testid="provenance">
      <p className="mx-auto w-full max-w-6xl px-5 py-2 sm:px-8">
        <strong className="font-medium text-ink">Your file:</strong> read and analysed in this browser, never
        uploaded. The other pages show the data this dashboard was built from.
      </p>
    </div>
  );
}
