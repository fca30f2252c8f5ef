import { INK, TABLE_KIND_FILL } from '@/lib/charts/theme';
import { formatCount } from '@/lib/format/format';
import { layoutStar, layoutTree, type DataModel, type DiagramLayout } from '@/lib/view/methodology';
import { JOIN_STYLE } from './svg-theme';

function DiagramSvg({ layout, variant }: { layout: DiagramLayout; variant: 'wide' | 'phone' }) {
  const name = variant === 'wide' ? 13.5 : 13;
  const small = variant === 'wide' ? 12 : 11.5;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      className="block h-auto"
      aria-hidden="true"
      focusable="false"
      data-diagram-variant={variant}
    >
      {layout.lines.map((l, i) => {
        const style = JOIN_STYLE[l.type];
        return (
          <polyline
            key={`${l.from}-${l.to}-${l.on}-${i}`}
            points={l.points.map((p) => p.join(',')).join(' ')}
            fill="none"
            stroke={style.color}
            strokeWidth={l.type === 'reference' ? 1.5 : 2}
            strokeDasharray={style.dash}
            data-join={l.type}
            data-from={l.from}
          />
        );
      })}
      {variant === 'wide'
        ? layout.lines.map((l, i) => (
            <text
              key={`label-${l.from}-${l.on}-${i}`}
              x={l.label.x}
              y={l.label.y}
              dy="0.35em"
              textAnchor={l.label.anchor}
              fontSize={small - 0.5}
              fill={JOIN_STYLE[l.type].color}
              fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
              stroke={INK.paper}
              strokeWidth={4}
              paintOrder="stroke"
            >
              {l.on}
            </text>
          ))
        : null}
      {layout.boxes.map((b) => (
        <g key={b.name} data-table={b.name}>
          <rect
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            rx={6}
            fill={TABLE_KIND_FILL[b.kind]}
            stroke={b.kind === 'centre' ? INK.accent : INK.edge}
            strokeWidth={b.kind === 'centre' ? 2 : 1}
          />
          <text
            x={b.x + 10}
            y={b.y + (b.kind === 'centre' ? 24 : 20)}
            fontSize={b.kind === 'centre' ? name + 2 : name}
            fontWeight={600}
            fill={INK.ink}
            fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
          >
            {b.name}
          </text>
          <text x={b.x + 10} y={b.y + (b.kind === 'centre' ? 44 : 37)} fontSize={small} fill={INK.muted}>
            key {b.key}
          </text>
          <text x={b.x + 10} y={b.y + (b.kind === 'centre' ? 60 : 51)} fontSize={small} fill={INK.muted}>
            {b.rows === null ? 'not built' : `${formatCount(b.rows)} rows`}
            {b.kind === 'centre' ? ' · carries cluster_id' : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Key() {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1.5 text-xs text-ink-muted" aria-label="Line styles">
      {(['customer_id', 'cluster_id', 'reference'] as const).map((k) => (
        <li key={k} className="flex items-center gap-2">
          <svg width="28" height="8" aria-hidden="true" focusable="false">
            <line
              x1="1"
              x2="27"
              y1="4"
              y2="4"
              stroke={JOIN_STYLE[k].color}
              strokeWidth={2}
              strokeDasharray={JOIN_STYLE[k].dash}
            />
          </svg>
          {k === 'reference' ? (
            'shared grain with the public data (no customer key)'
          ) : (
            <span>
              joins on <code>{JOIN_STYLE[k].label}</code>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The data model as a star: customers_master at the centre, a line for each key a table joins it
 * on. A radial star on wide screens, a trunk-and-branch tree on phones; drawn on the server.
 */
export function DataModelDiagram({ model }: { model: DataModel }) {
  const label = `Data model: ${model.nodes.length} tables. ${model.edges
    .map((e) => `${e.from} joins ${e.to} on ${e.on}`)
    .join('; ')}.`;
  return (
    <div>
      <div role="img" aria-label={label} data-testid="data-model-diagram">
        <div className="mx-auto hidden max-w-[1000px] lg:block">
          <DiagramSvg layout={layoutStar(model)} variant="wide" />
        </div>
        <div className="mx-auto max-w-[480px] lg:hidden">
          <DiagramSvg layout={layoutTree(model)} variant="phone" />
        </div>
      </div>
      <Key />
    </div>
  );
}
