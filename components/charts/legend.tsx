import type { ReactNode } from 'react';

/**
 * How a legend entry is drawn: a square swatch (outlined when the fill is pale), a dot, a solid
 * line, a dashed horizontal line (a threshold) or a dashed vertical rule (a reference value), or any
 * mark of the chart's own.
 */
export type LegendShape = 'square' | 'dot' | 'line' | 'dashed' | 'rule';

export interface LegendItem {
  label: ReactNode;
  color?: string;
  shape?: LegendShape;
  /** A thin outline around a pale square swatch. */
  border?: boolean;
  /** A mark drawn by the chart itself, instead of the shape. */
  mark?: ReactNode;
  key?: string;
}

function Swatch({ item }: { item: LegendItem }) {
  if (item.mark) return <>{item.mark}</>;
  const color = item.color;
  switch (item.shape ?? 'square') {
    case 'dot':
      return (
        <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ background: color }} />
      );
    case 'line':
      return <span aria-hidden="true" className="h-0.5 w-4 shrink-0" style={{ background: color }} />;
    case 'dashed':
      return (
        <span
          aria-hidden="true"
          className="w-4 shrink-0 border-t-2 border-dashed"
          style={{ borderColor: color }}
        />
      );
    case 'rule':
      return (
        <span
          aria-hidden="true"
          className="h-3 shrink-0 border-l-2 border-dashed border-accent"
          style={color ? { borderColor: color } : undefined}
        />
      );
    default:
      return (
        <span
          aria-hidden="true"
          className={`size-2.5 shrink-0 rounded-sm ${item.border ? 'border border-line-strong' : ''}`}
          style={{ background: color }}
        />
      );
  }
}

/**
 * The chart kit's legend: a wrapping list of swatches and labels. `label` names the list for
 * assistive technology; `hidden` hides it when the chart's own text already says the same.
 */
export function Legend({
  items,
  label,
  hidden = false,
  className = 'mb-3',
}: {
  items: LegendItem[];
  label?: string;
  hidden?: boolean;
  className?: string;
}) {
  return (
    <ul
      className={`flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted ${className}`}
      aria-label={hidden ? undefined : label}
      aria-hidden={hidden ? true : undefined}
      data-legend
    >
      {items.map((item, i) => (
        <li
          key={item.key ?? (typeof item.label === 'string' ? item.label : i)}
          className="flex items-center gap-1.5"
        >
          <Swatch item={item} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
