'use client';

import {
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { markTip } from './marks';

/**
 * The chart kit's one client island: a tooltip for marks drawn on the server. A mark opts in with
 * `markProps(text)` (./marks.ts); the island listens on its wrapper (one set of handlers for every mark), so the
 * marks themselves stay server-rendered and ship no JavaScript. The same text shows on hover and on
 * keyboard focus, and is the mark's accessible name.
 */
export function ChartTips({ children, label }: { children: ReactNode; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);

  const show = (target: EventTarget | null) => {
    const mark = target instanceof Element ? target.closest('[data-mark]') : null;
    const frame = box.current?.getBoundingClientRect();
    if (!mark || !frame) return setTip(null);
    const at = mark.getBoundingClientRect();
    setTip({
      text: markTip(mark),
      // Kept inside the chart so it never runs off a phone screen.
      x: Math.min(Math.max(at.left + at.width / 2 - frame.left, 64), Math.max(64, frame.width - 64)),
      y: at.top - frame.top,
    });
  };

  return (
    <div
      ref={box}
      role="group"
      aria-label={label}
      className="relative"
      onPointerOver={(e: PointerEvent) => show(e.target)}
      onPointerLeave={() => setTip(null)}
      onFocus={(e: FocusEvent) => show(e.target)}
      onBlur={() => setTip(null)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Escape') setTip(null);
      }}
    >
      {children}
      {tip ? (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-20 max-w-64 -translate-x-1/2 -translate-y-full rounded-md border border-line bg-surface px-2 py-1 text-xs whitespace-pre-line text-ink shadow-sm"
          style={{ left: tip.x, top: tip.y - 6 }}
          data-testid="chart-tip"
        >
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}
