'use client';

import { KpiCard } from '@/components/cards/kpi-card';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ColorLegend } from '@/components/charts/color-legend';
import { Heatmap } from '@/components/charts/heatmap';
import { SegmentedControl } from '@/components/charts/segmented-control';
import { ClvRanges } from '@/components/overview/clv-ranges';
import { PersonaBars } from '@/components/overview/persona-bars';
import { DataTable } from '@/components/tables/data-table';
import { divergingColor, personaColor, sequentialColor } from '@/lib/format/colors';
import {
  formatCount,
  formatMoney,
  formatMoneyCompact,
  formatMoneyTick,
  formatPct,
  formatRatio,
} from '@/lib/format/format';
import { toCsv, type TableData } from '@/lib/format/table-data';
import {
  affinityHeatmap,
  HEATMAP_COLUMNS,
  ownClvChart,
  revenueBars,
  type AffinityMeasure,
} from '@/lib/own-data/charts';
import {
  affinityTable,
  clvTable,
  personasTable,
  resultJson,
  revenueTable,
} from '@/lib/own-data/result-tables';
import type { OwnGroup } from '@/lib/own-data/summarise';
import { useMemo, useState } from 'react';
import type { Output } from './use-analyse-worker';

const K_OPTIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10];

function download(name: string, text: string, type: string) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function AnalyseResults({
  output,
  busy,
  k,
  onK,
}: {
  output: Output;
  busy: boolean;
  k: number;
  onK: (k: number) => void;
}) {
  const { read, result } = output;
  const currency = result.currency;
  const [measure, setMeasure] = useState<AffinityMeasure>('index');
  const bars = useMemo(() => revenueBars(result), [result]);
  const clv = useMemo(() => ownClvChart(result), [result]);
  const heat = useMemo(() => affinityHeatmap(result, measure), [result, measure]);
  const tables = useMemo(
    () => ({
      personas: personasTable(result),
      revenue: revenueTable(result),
      clv: clvTable(result),
      affinity: affinityTable(result),
    }),
    [result],
  );
  const heatTable: TableData = {
    columns: [
      { key: 'persona', label: 'Persona', format: 'text' },
      ...heat.columns.map((c) => ({
        key: c.id,
        label: c.label,
        format: measure === 'index' ? ('ratio' as const) : ('pct' as const),
      })),
    ],
    rows: heat.rows.map((r, i) => ({
      persona: r.label,
      ...Object.fromEntries(heat.columns.map((c, j) => [c.id, heat.values[i]![j] ?? null])),
    })),
  };
  const base = read.file.replace(/\.[^.]+$/, '') || 'orders';

  return (
    <section
      aria-labelledby="results-title"
      className="space-y-8"
      data-testid="analyse-results"
      data-k={result.k}
    >
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="results-title" className="text-2xl">
            3. What your orders say
          </h2>
          <p className="mt-1 text-sm text-ink-muted" data-testid="read-summary">
            {read.file}: {formatCount(read.rowsRead)} rows read
            {read.rowsSkipped > 0 ? `, ${formatCount(read.rowsSkipped)} skipped` : ''};{' '}
            {formatCount(read.customers)} customers, {formatCount(read.orders)} orders, {read.firstDay} to{' '}
            {read.lastDay}. Read in {formatCount(read.readMs / 1000, 1)} s, analysed in{' '}
            {formatCount(output.analyseMs / 1000, 1)} s.
          </p>
        </div>
        <label className="flex flex-col gap-1 text-xs text-ink-muted">
          Number of personas (k)
          <select
            className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink"
            value={k}
            disabled={busy}
            onChange={(e) => onK(Number(e.target.value))}
            data-testid="k-select"
          >
            {K_OPTIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>

      {read.customersFile || read.customersError ? (
        <div className="rounded-lg border border-line bg-surface p-4 text-sm" data-testid="customers-summary">
          {read.customersFile ? (
            <p>
              {read.customersFile.file}: {formatCount(read.customersFile.rows)} rows,{' '}
              {formatCount(read.customersFile.matched)} matched to customers of the orders
              {read.customersFile.unknownIds > 0
                ? ` (${formatCount(read.customersFile.unknownIds)} ids not in the orders)`
                : ''}
              ; age known for {formatCount(read.customersFile.known.age)}, gender for{' '}
              {formatCount(read.customersFile.known.gender)}, region type for{' '}
              {formatCount(read.customersFile.known.locale)} of {formatCount(read.customers)} customers.
              {read.customersFile.warnings.length > 0 ? ` ${read.customersFile.warnings.join(' ')}` : ''}
            </p>
          ) : (
            <p role="alert">
              The customers file was not used: {read.customersError} The orders were analysed without it.
            </p>
          )}
        </div>
      ) : null}

      {read.rowsSkipped > 0 || read.warnings.length > 0 ? (
        <div className="rounded-lg border border-line bg-surface p-4" data-testid="read-warnings">
          {read.rowsSkipped > 0 ? (
            <>
              <p className="text-sm font-medium" data-testid="skipped-count">
                {formatCount(read.rowsSkipped)} of {formatCount(read.rowsRead)} rows were skipped (
                {formatPct(
                  (100 * read.rowsSkipped) / read.rowsRead,
                  read.rowsSkipped / read.rowsRead < 0.001 ? 2 : 1,
                )}
                ):{' '}
                {Object.entries(read.skippedBy)
                  .map(([reason, n]) => `${reason} ${formatCount(n)}`)
                  .join(', ')}
                .
              </p>
              <p className="mt-1 text-xs text-ink-muted">The first ones:</p>
              <ul className="mt-1 space-y-0.5 text-xs" data-testid="problem-list">
                {read.problems.map((p) => (
                  <li key={p.line}>
                    <span className="font-medium tabular-nums">line {p.line}:</span> {p.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {read.warnings.map((w) => (
            <p key={w} className="mt-2 text-sm">
              {w}
            </p>
          ))}
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <KpiCard label="Customers" value={formatCount(result.total.customers)} testId="kpi-customers" />
        <KpiCard
          label="Revenue"
          value={formatMoneyCompact(result.total.revenue, currency)}
          hint="net of discounts"
        />
        <KpiCard
          label="Avg order value"
          value={formatMoney(result.total.avgOrderValue, currency)}
          hint={`${formatCount(result.total.ordersPerCustomer, 1)} orders per customer`}
        />
        <KpiCard
          label="Online orders"
          value={formatPct(result.total.onlineOrderSharePct)}
          hint="share of all orders"
        />
      </dl>

      <div>
        <h3 className="text-xl">Personas</h3>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          k-means on the same behaviours as the dashboard (loyalty, order value, discount share, engagement,
          churn risk). Scores are 0–100, relative to the customers in this file.
        </p>
        <ul className="mt-4 grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Personas in your data">
          {result.personas.map((p) => (
            <li key={p.clusterId}>
              <OwnPersonaCard group={p} currency={currency} />
            </li>
          ))}
        </ul>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFrame
          title="Revenue by persona"
          takeaway={bars.takeaway}
          subtitle={`Net revenue, ${currency}`}
          table={tables.revenue}
          currency={currency}
          downloadName={`${base}-revenue-by-persona`}
        >
          <PersonaBars
            rows={bars.rows}
            scale={bars.scale}
            format={(v) => formatMoneyCompact(v, currency)}
            tickFormat={(v) => formatMoneyTick(v, currency)}
            axisTitle={`Net revenue, ${currency}`}
            overall={null}
            overallLabel=""
            label="Revenue by persona"
          />
        </ChartFrame>
        <ChartFrame
          title="CLV proxy by persona"
          takeaway={clv.takeaway}
          subtitle="0–100, relative to this customer base"
          table={tables.clv}
          currency={currency}
          downloadName={`${base}-clv-proxy`}
        >
          <ClvRanges chart={clv} />
        </ChartFrame>
      </div>

      <ChartFrame
        title="Persona × category affinity"
        takeaway={heat.takeaway}
        subtitle={
          measure === 'index'
            ? 'Index: the persona’s share of spend on a category ÷ everyone’s (1.00× = same as everyone).'
            : 'Share of the persona’s spend, %.'
        }
        table={heatTable}
        currency={currency}
        downloadName={`${base}-affinity-${measure}`}
        controls={
          <SegmentedControl
            label="Show"
            options={[
              { value: 'index', label: 'Index' },
              { value: 'share', label: 'Spend share' },
            ]}
            value={measure}
            onChange={setMeasure}
          />
        }
      >
        {heat.totalIntents > HEATMAP_COLUMNS ? (
          <p className="mb-2 text-xs text-ink-muted">
            The {HEATMAP_COLUMNS} largest of {formatCount(heat.totalIntents)} categories by spend; the
            downloads have all of them.
          </p>
        ) : null}
        <Heatmap
          caption="Persona × category affinity"
          rows={heat.rows}
          columns={heat.columns}
          values={heat.values}
          color={measure === 'index' ? (v) => divergingColor(v) : (v) => sequentialColor(v / heat.maxShare)}
          format={measure === 'index' ? (v) => formatRatio(v) : (v) => formatPct(v)}
          details={(r, c) => [
            `Spend share ${formatPct(result.affinity.sharePct[r]![c]!)} (everyone ${formatPct(result.affinity.overallSharePct[c]!)})`,
          ]}
          rowHeaderLabel="Persona"
          testId="affinity-heatmap"
        />
        <div className="mt-3">
          {measure === 'index' ? (
            <ColorLegend
              title="Index"
              stops={[0.5, 0.71, 1, 1.41, 2].map((v) => divergingColor(v))}
              labels={['0.5×', '1×', '2×']}
            />
          ) : (
            <ColorLegend
              title="Spend share"
              stops={[0, 0.25, 0.5, 0.75, 1].map((t) => sequentialColor(t))}
              labels={['0%', formatPct(heat.maxShare, 0)]}
            />
          )}
        </div>
      </ChartFrame>

      <section aria-labelledby="tables-title" className="rounded-lg border border-line bg-surface p-4 sm:p-6">
        <h3 id="tables-title" className="text-xl">
          The computed tables
        </h3>
        <p className="mt-1 text-sm text-ink-muted">
          Made in this browser from the result; downloading saves them from memory, nothing is sent.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-md border border-line-strong px-3 py-1.5 text-sm hover:bg-sunken"
            data-testid="download-personas-csv"
            onClick={() => download(`${base}-personas.csv`, toCsv(tables.personas), 'text/csv;charset=utf-8')}
          >
            Personas (CSV)
          </button>
          <button
            type="button"
            className="rounded-md border border-line-strong px-3 py-1.5 text-sm hover:bg-sunken"
            data-testid="download-affinity-csv"
            onClick={() => download(`${base}-affinity.csv`, toCsv(tables.affinity), 'text/csv;charset=utf-8')}
          >
            Affinity (CSV)
          </button>
          <button
            type="button"
            className="rounded-md border border-line-strong px-3 py-1.5 text-sm hover:bg-sunken"
            data-testid="download-clv-csv"
            onClick={() => download(`${base}-clv-proxy.csv`, toCsv(tables.clv), 'text/csv;charset=utf-8')}
          >
            CLV proxy (CSV)
          </button>
          <button
            type="button"
            className="rounded-md border border-line-strong px-3 py-1.5 text-sm hover:bg-sunken"
            data-testid="download-json"
            onClick={() =>
              download(
                `${base}-results.json`,
                resultJson(result, { file: read.file, rows: read.rowsRead, skipped: read.rowsSkipped }),
                'application/json',
              )
            }
          >
            Everything (JSON)
          </button>
        </div>
        <DataTable
          className="mt-4"
          table={tables.personas}
          caption="Personas in your data"
          currency={currency}
          emphasiseLast
        />
      </section>
    </section>
  );
}

function OwnPersonaCard({ group: p, currency }: { group: OwnGroup; currency: string }) {
  const color = personaColor(p.clusterId ?? 0);
  const items: Array<[string, string, string]> = [
    ['customers', 'Customers', `${formatCount(p.customers)} (${formatPct(p.customerSharePct)})`],
    ['revenue-share', 'Revenue share', formatPct(p.revenueSharePct)],
    ['aov', 'Avg order value', formatMoney(p.avgOrderValue, currency)],
    ['orders', 'Orders per customer', formatCount(p.ordersPerCustomer, 1)],
    ['online', 'Online orders', formatPct(p.onlineOrderSharePct)],
    ['clv', 'CLV proxy', formatCount(p.clv.mean, 1)],
    ['loyalty', 'Loyalty', formatCount(p.avgLoyalty, 0)],
    ['engagement', 'Engagement', formatCount(p.avgEngagement, 0)],
    ['churn', 'Churn risk', formatCount(p.avgChurnRisk, 0)],
  ];
  if (p.avgAge !== null) items.push(['age', 'Average age', formatCount(p.avgAge, 0)]);
  if (p.femaleSharePct !== null) items.push(['female', 'Female', formatPct(p.femaleSharePct)]);
  if (p.urbanSharePct !== null) items.push(['urban', 'Urban', formatPct(p.urbanSharePct)]);
  return (
    <article
      className="h-full rounded-lg border border-line bg-surface p-4"
      style={{ borderTop: `4px solid ${color}` }}
      data-testid="own-persona-card"
      data-cluster-id={p.clusterId}
    >
      <h4 className="text-lg leading-snug">{p.persona}</h4>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        {items.map(([key, label, value]) => (
          <div key={key} data-testid={`own-${key}`}>
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
