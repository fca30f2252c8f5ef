'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, updated on resize; `fallback` until measured (and on the
 * server), so charts can choose labels that fit a phone.
 */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
): [React.RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(el.getBoundingClientRect().width);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
