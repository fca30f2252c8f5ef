import { isPageHydrated } from '@/lib/browser/use-hydrated';
import { startTransition, useEffect, useState } from 'react';

/**
 * True when the viewport is at least `px` wide. The server HTML and hydration assume a wide screen
 * (no mismatch); a phone switches to its layout right after hydration, as a transition, which React
 * renders in slices rather than in one long task (see lib/browser/use-hydrated.ts).
 */
export function useMinWidth(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => !isPageHydrated() || window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const update = () => startTransition(() => setWide(mql.matches));
    update();
    mql.addEventListener('change', update);
    return () => mql.removeEventListener('change', update);
  }, [query]);
  return wide;
}
