import { startTransition, useEffect, useState } from 'react';

/** Set once the page's first render has hydrated: components mounted after that start hydrated. */
let pageHydrated = false;

/** True once the page has hydrated: a component mounting now renders in the browser, not over server HTML. */
export const isPageHydrated = (): boolean => pageHydrated;

/**
 * False in the server HTML and while hydrating, true once React runs in the browser: marks a view
 * as interactive (`data-hydrated`), so tests and tooling wait for the real, URL-driven view.
 *
 * The flip is a transition, which React renders in slices. A useSyncExternalStore flip (server
 * snapshot false, browser snapshot true) made React redraw every component that reads the address
 * synchronously right after hydration, in one long task: on a phone, most of a chart page's
 * blocking time (bench:mobile, issue 13).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => pageHydrated);
  useEffect(() => {
    pageHydrated = true;
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
