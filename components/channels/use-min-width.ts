import { useSyncExternalStore } from 'react';

/**
 * True when the viewport is at least `px` wide. The server HTML and hydration assume a wide screen
 * (no mismatch); a phone switches to its layout right after hydration.
 */
export function useMinWidth(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  return useSyncExternalStore(
    (onChange) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => true,
  );
}
