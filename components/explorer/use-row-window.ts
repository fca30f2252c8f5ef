'use client';

import { rowWindow, type RowWindow } from '@/lib/explorer/row-window';
import { useEffect, useState } from 'react';

/**
 * The rows of `rows` to draw in the scroll box `box` (lib/explorer/row-window.ts), following its
 * scroll position and height. Every row is `rowHeight` px under a `margin` px header.
 */
export function useRowWindow(
  box: HTMLElement | null,
  rows: number,
  rowHeight: number,
  margin: number,
  overscan: number,
): RowWindow {
  const [position, setPosition] = useState({ scrollTop: 0, height: 0 });
  useEffect(() => {
    if (!box) return;
    const update = () =>
      setPosition((p) =>
        p.scrollTop === box.scrollTop && p.height === box.clientHeight
          ? p
          : { scrollTop: box.scrollTop, height: box.clientHeight },
      );
    update();
    box.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [box]);
  return rowWindow(rows, rowHeight, margin, position.height, position.scrollTop, overscan);
}
