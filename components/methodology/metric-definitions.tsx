import type { MetricGroup } from '@/content/metrics';

/** Every metric's definition and scale, grouped; a description list that wraps on a phone. */
export function MetricDefinitions({ groups }: { groups: MetricGroup[] }) {
  return (
    <div className="space-y-10">
      {groups.map((g) => (
        <div key={g.id} aria-labelledby={`metrics-${g.id}`} role="group" data-testid={`metrics-${g.id}`}>
          <h3 id={`metrics-${g.id}`} className="text-lg">
            {g.title}
          </h3>
          <p className="mt-1 max-w-3xl text-sm text-ink-muted">{g.intro}</p>
          <dl className="mt-4 grid gap-px overflow-hidden rounded-lg border border-line bg-line md:grid-cols-2">
            {g.metrics.map((m) => (
              <div key={m.id} className="bg-surface px-4 py-3" data-metric={m.column}>
                <dt className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{m.name}</span>
                  <code className="text-xs text-ink-muted">{m.column}</code>
                </dt>
                <dd className="mt-1 text-sm">{m.definition}</dd>
                <dd className="mt-1 text-xs text-ink-muted">
                  <span className="font-medium">Scale:</span> {m.scale}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
