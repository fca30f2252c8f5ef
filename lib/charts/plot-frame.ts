/**
 * Geometry shared by the hand-drawn SVG charts. Each chart is drawn in a fixed coordinate frame
 * (a viewBox) and scaled to its box, so text keeps its proportions; charts that must stay legible
 * on a phone draw a second, narrower frame and CSS shows the one that fits.
 */
export interface PlotFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
}

/** The plotting area inside a frame's margins. */
export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A tick on an axis: its value, its position along the axis in frame units, and its label. */
export interface AxisTick {
  value: number;
  at: number;
  label: string;
}

export function plotBox(frame: PlotFrame): PlotBox {
  const { width, height, margin } = frame;
  return {
    x: margin.left,
    y: margin.top,
    width: Math.max(1, width - margin.left - margin.right),
    height: Math.max(1, height - margin.top - margin.bottom),
  };
}

/** Ticks for an axis from a scale function and the values to mark. */
export function axisTicks(
  values: readonly number[],
  scale: (v: number) => number,
  format: (v: number) => string,
): AxisTick[] {
  return values.map((value) => ({ value, at: scale(value), label: format(value) }));
}

/** A rough width of a label in frame units, for keeping labels apart (average glyph ≈ 0.56 em). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** A "nice" axis from 0: a step of 1, 2, 2.5 or 5 × 10^k giving about `target` intervals up to ≥ `value`. */
export function niceScale(value: number, target = 4): { max: number; ticks: number[] } {
  if (!(value > 0)) return { max: 1, ticks: [0, 1] };
  const raw = value / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= raw) ?? 10 * magnitude;
  const n = Math.ceil(value / step - 1e-9);
  const ticks = Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
  return { max: ticks[ticks.length - 1]!, ticks };
}
