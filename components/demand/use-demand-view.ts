'use client';

import { demandViewQuery, parseDemandView, type DemandView } from '@/lib/insights/demand';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * The family table's filters, search and sort, held in the URL query (intent, channel, q, sort) so
 * a view can be shared as a link. Values outside the allowed sets fall back to the defaults. A write
 * is a patch merged with the query as it is at that moment, so other parameters survive.
 * Must sit inside a <Suspense> boundary (static prerendering).
 */
export function useDemandView(
  intents: readonly string[],
): [DemandView, (patch: Partial<DemandView>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const key = params?.toString() ?? '';
  const view = useMemo(() => {
    const q = new URLSearchParams(key);
    return parseDemandView((k) => q.get(k), intents);
  }, [key, intents]);
  const set = useCallback(
    (patch: Partial<DemandView>) => {
      // A patch on the view as the URL holds it now, not as last rendered: two writes close together
      // (a debounced search, then a channel) must not undo each other.
      const live = new URLSearchParams(window.location.search);
      const next = { ...parseDemandView((k) => live.get(k), intents), ...patch };
      const qs = demandViewQuery(next, window.location.search);
      // As in useUrlState: the history API updates useSearchParams without a server round trip.
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : (pathname ?? '/'));
    },
    [pathname, intents],
  );
  return [view, set];
}
