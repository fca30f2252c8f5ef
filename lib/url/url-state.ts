'use client';

import { useHydrated } from '@/lib/browser/use-hydrated';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * View settings live in the URL query, so any view can be shared as a link. This is the one way the
 * app reads and writes them.
 *
 * Pages are prerendered, so the server has no address. Calling useSearchParams there would make Next
 * drop the server HTML of everything up to the nearest <Suspense> and draw it again in the browser
 * (its "client-side rendering bailout"): on a phone that doubled the work of the heaviest pages
 * (bench:mobile). So the server never reads the address, the browser's first (hydrating) render uses
 * the defaults too, matching the HTML, and the address's view is applied right after hydration.
 */
const useAddressQuery: () => URLSearchParams | null =
  typeof window === 'undefined' ? () => null : useSearchParams;

/** The address's query once hydrated; null on the server and while hydrating (the defaults apply). */
function useQuery(): URLSearchParams | null {
  const query = useAddressQuery();
  return useHydrated() ? query : null;
}

/**
 * Rewrites the address's query in place. The edit starts from the query as the address holds it
 * now, not as last rendered, so two writes close together (a debounced search, then a filter) never
 * undo each other. The native history API is wired into Next's router (useSearchParams sees it) and,
 * unlike router.replace, makes no server round trip: a switch redraws at once, also in the static
 * export.
 */
export function editQuery(edit: (query: URLSearchParams) => URLSearchParams | void): void {
  const live = new URLSearchParams(window.location.search);
  const qs = (edit(live) ?? live).toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}

/**
 * One setting held under `key`. Values outside `allowed` (a hand-edited or stale link) fall back to
 * the default rather than breaking the page; the default is left out of the address.
 */
export function useUrlState<T extends string>(
  key: string,
  fallback: T,
  allowed?: readonly T[],
): [T, (value: T) => void] {
  const raw = useQuery()?.get(key);
  const value =
    raw !== null && raw !== undefined && (!allowed || allowed.includes(raw as T)) ? (raw as T) : fallback;
  const set = useCallback(
    (next: T) =>
      editQuery((query) => {
        if (next === fallback) query.delete(key);
        else query.set(key, next);
      }),
    [key, fallback],
  );
  return [value, set];
}

/**
 * A view of several settings read and written as one object: `read` parses it from a query
 * (falling back on anything invalid), `write` puts a view into a query (leaving other parameters
 * alone; it may edit the query or return a new one). A write is a patch on the view as the address holds it at that moment.
 */
export function useUrlView<V>(
  read: (query: URLSearchParams) => V,
  write: (view: V, query: URLSearchParams) => URLSearchParams | void,
): [V, (patch: Partial<V>) => void] {
  const key = useQuery()?.toString() ?? '';
  const view = useMemo(() => read(new URLSearchParams(key)), [key, read]);
  const set = useCallback(
    (patch: Partial<V>) =>
      editQuery((query) => write({ ...read(new URLSearchParams(query)), ...patch }, query)),
    [read, write],
  );
  return [view, set];
}

/**
 * The settings under `keys` that the address holds now, as a query to put on a link ("?persona=1"),
 * so a filter chosen on one page carries to the next. Empty on the server and while hydrating.
 */
export function useCarriedQuery(keys: readonly string[]): string {
  const query = useQuery();
  if (!query) return '';
  const carried = new URLSearchParams();
  for (const key of keys) {
    const value = query.get(key);
    if (value !== null) carried.set(key, value);
  }
  const qs = carried.toString();
  return qs ? `?${qs}` : '';
}
