'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * A view setting held in the URL query, so any view can be shared as a link. Values outside
 * `allowed` (a hand-edited or stale link) fall back to the default rather than breaking the page.
 * Components using this must sit inside a <Suspense> boundary (static prerendering).
 */
export function useUrlState<T extends string>(
  key: string,
  fallback: T,
  allowed?: readonly T[],
): [T, (value: T) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const raw = params?.get(key);
  const value =
    raw !== null && raw !== undefined && (!allowed || allowed.includes(raw as T)) ? (raw as T) : fallback;
  const set = useCallback(
    (next: T) => {
      const query = new URLSearchParams(params?.toString() ?? '');
      if (next === fallback) query.delete(key);
      else query.set(key, next);
      const qs = query.toString();
      // The native history API is wired into Next's router (useSearchParams sees it) and, unlike
      // router.replace, makes no server round trip: a switch redraws at once, also in the static export.
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : (pathname ?? '/'));
    },
    [params, pathname, key, fallback],
  );
  return [value, set];
}
