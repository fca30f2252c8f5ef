import { AxisRow, BarRow, RefLine, ROW_COLS, TrackGrid, trackPos } from './bar-rows';
import { Legend } from './legend';

/** One value per persona, in the persona's colour. */
export interface PersonaValue {
  cluster_id: number;
  persona: string;
  color: string;
  value: number;
}

/** Bars longer than this share of the track carry their value label inside their end. */
const LABEL_INSIDE_FROM = 0.8;

/** One horizontal bar per persona in its colour, the value at the bar's end, a dashed line at the overall value. */
export function PersonaBars({
  rows,
  scale,
  format,
  axisTitle,
  overall,
  overallLabel,
  label,
  tickFormat,
}: {
  rows: PersonaValue[];
  scale: { max: number; ticks: number[] };
  format: (v: number) => string;
  axisTitle: string;
  overall: number | null;
  overallLabel: string;
  label: string;
  /** Axis tick labels; by default whole-number ticks print bare and others like the values. */
  tickFormat?: (v: number) => string;
}) {
  const pct = (v: number) => trackPos(v, scale.max);
  return (
    <div>
      <div
        role="img"
        aria-label={`${label}: ${rows.map((r) => `${r.persona} ${format(r.value)}`).join('; ')}${overall !== null ? `; ${overallLabel}` : ''}`}
      >
        {rows.map((r) => (
          <BarRow key={r.cluster_id} label={r.persona} color={r.color} cols={ROW_COLS.persona}>
            <div className="relative h-8">
              <TrackGrid ticks={scale.ticks} max={scale.max} />
              <div className="absolute inset-y-1.5 left-0" style={{ width: pct(r.value) }}>
                <span className="block h-full rounded-r-sm" style={{ background: r.color }} />
                {/* Near the end of the track the label goes inside the bar, so it never runs off a phone screen. */}
                <span
                  className={`absolute top-1/2 z-10 -translate-y-1/2 rounded-sm bg-surface px-1 text-[0.6875rem] font-medium whitespace-nowrap tabular-nums ${
                    r.value / scale.max > LABEL_INSIDE_FROM ? 'right-0 mr-0.5' : 'left-full ml-0.5'
                  }`}
                >
                  {format(r.value)}
                </span>
              </div>
              {overall !== null ? <RefLine at={pct(overall)} /> : null}
            </div>
          </BarRow>
        ))}
        <AxisRow
          cols={ROW_COLS.persona}
          ticks={scale.ticks}
          max={scale.max}
          format={tickFormat ?? ((v) => (scale.ticks.every(Number.isInteger) ? String(v) : format(v)))}
          title={axisTitle}
        />
      </div>
      {overall !== null ? <Legend className="mt-2" items={[{ label: overallLabel, shape: 'rule' }]} /> : null}
    </div>
  );
}
