import { INK } from '@/lib/charts/theme';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The chart kit's frame: one SVG, drawn once, that fits any width. Positions along both axes are
 * percentages of the plotting area (scales map data to 0–100), so the plot stretches to the box
 * while text, dots and strokes keep their size in CSS pixels: one drawing reads on a 390 px phone
 * and a 1440 px screen, with no phone duplicate. Tick labels and axis titles sit in the margins
 * (the SVG lets them overflow into its padding); paths, which cannot take percentages, are drawn in
 * a <Stretch> layer. The SVG is not hidden from assistive technology, so marks can take focus
 * (see ./marks.ts); axes hide themselves.
 */
export interface PlotMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

interface PlotProps {
  /** Height of the plotting area in px on phones, and from the sm breakpoint up. */
  height: { phone: number; wide: number };
  margin: PlotMargin;
  /** Axis titles, drawn as text in the margins. */
  xTitle?: string;
  yTitle?: string;
  /** Title of a right-hand value axis (<YAxis side="right">). */
  y2Title?: string;
  children: ReactNode;
  className?: string;
}

export function Plot({ height, margin, xTitle, yTitle, y2Title, children, className = '' }: PlotProps) {
  const box: CSSProperties = {
    padding: `${margin.top}px ${margin.right}px ${margin.bottom}px ${margin.left}px`,
    ['--plot-phone' as string]: `${height.phone}px`,
    ['--plot-wide' as string]: `${height.wide}px`,
  };
  return (
    <div className={`relative ${className}`} style={box} data-plot>
      <svg
        width="100%"
        className="block h-(--plot-phone) overflow-visible text-[11px] tabular-nums sm:h-(--plot-wide) sm:text-xs"
        focusable="false"
        fill={INK.muted}
      >
        {children}
      </svg>
      {yTitle ? <SideTitle side="left" title={yTitle} margin={margin} /> : null}
      {y2Title ? <SideTitle side="right" title={y2Title} margin={margin} /> : null}
      {xTitle ? (
        <span
          className="absolute bottom-0 text-center text-[11px] text-ink-muted sm:text-xs"
          style={{ left: margin.left, right: margin.right }}
        >
          {xTitle}
        </span>
      ) : null}
    </div>
  );
}

/** A value axis's title, upright in the left margin (read bottom to top) or the right (top to bottom). */
function SideTitle({ side, title, margin }: { side: 'left' | 'right'; title: string; margin: PlotMargin }) {
  return (
    <span
      className={`absolute flex items-center ${side === 'left' ? 'left-0' : 'right-0'}`}
      style={{ top: margin.top, bottom: margin.bottom }}
    >
      <span
        className={`text-[11px] whitespace-nowrap text-ink-muted [writing-mode:vertical-rl] sm:text-xs ${side === 'left' ? 'rotate-180' : ''}`}
      >
        {title}
      </span>
    </span>
  );
}

/**
 * A layer for paths and polygons: its own coordinates are 0–100 on both axes, stretched to the
 * plotting area. Strokes inside must set `vectorEffect="non-scaling-stroke"` (see `STROKE`) so a
 * line keeps its width however the layer is stretched.
 */
export function Stretch({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 100 100" preserveAspectRatio="none" width="100%" height="100%" overflow="visible">
      {children}
    </svg>
  );
}

/** Props that keep a stroke's width and dashes in screen pixels inside a <Stretch> layer. */
export const STROKE = { vectorEffect: 'non-scaling-stroke' } as const;

/** A position along an axis (0–100) as an SVG percentage. */
export function pc(at: number): string {
  return `${Math.round(at * 1000) / 1000}%`;
}
