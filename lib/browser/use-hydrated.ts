import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server HTML and while hydrating, true once React runs in the browser: marks a view
 * as interactive (`data-hydrated`), so tests and tooling wait for the real, URL-driven view.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
