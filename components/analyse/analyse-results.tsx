'use client';

import { PersonaAffinityHeatmap } from '@/components/affinity/persona-affinity-heatmap';
import { ChartFrame } from '@/components/charts/chart-frame';
import { ReconciliationTable } from '@/components/data/reconciliation-table';
import { PersonaCard } from '@/components/personas/persona-card';
import { ClvDistributions } from '@/components/revenue/clv-distributions';
import { MonthlyRevenueChart } from '@/components/revenue/monthly-revenue-chart';
import { PredictedValue } from '@/components/revenue/predicted-value';
import { RevenueByPersonaChart } from '@/components/revenue/revenue-by-persona-chart';
import { ShareDumbbell } from '@/components/revenue/share-dumbbell';
import { ValueRiskQuadrantChart } from '@/components/revenue/value-risk-quadrant';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { formatCount, formatPct } from '@/lib/format/format';
import { downloadsOf, type DownloadFormat } from '@/lib/own-data/own-tables';
import { TABLE_INFO, type TableName } from '@/lib/schema';
import { buildAffinityGrid, topFamilyIds } from '@/lib/view/affinity';
import { demographicsTable, summarise } from '@/lib/view/overview';
import { buildPersonaCards, personasTakeaway } from '@/lib/view/personas';
import { predictedValue } from '@/lib/view/predicted-value';
import {
  clvBoxes,
  clvHistograms,
  monthlyRevenue,
  representation,
  revenueByPersona,
  revenueKpis,
  valueRiskQuadrant,
  windowLabel,
} from '@/lib/view/revenue';
import { useMemo, type ReactNode } from 'react';
import type { Output } from './use-analyse-worker';

const K_OPTIONS = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The result of "Analyse your data", drawn from the tables the pipeline built in the worker with
 * the dashboard's own insight functions and components: the same cards and charts as /personas,
 * /revenue and /affinity, for the brand's customers.
 */
export function AnalyseResults({
  output,
  busy,
  k,
  onK,
  downloading,
  onDownload,
  onDownloadKeys,
}: {
  output: Output;
  busy: boolean;
  k: number;
  onK: (k: number) => void;
  downloading: string | null;
  onDownload: (table: TableName, format: DownloadFormat) => void;
  onDownloadKeys: () => void;
}) {
  const { read, result } = output;
  const { tables, currency } = result;
  const model = useMemo(() => {
    const rev = tables.revenue_by_cluster;
    const clv = tables.clv_proxy;
    const behaviour = tables.behaviour_overview;
    const pa = tables.product_affinity;
    const quadrant = valueRiskQuadrant(rev, tables.customer_sample.rows);
    const cards = buildPersonaCards(
      { segmentation: tables.segmentation, revenue: rev, behaviour, affinity: pa, value: tables.value_model },
      currency,
    );
    return {
      period: windowLabel(behaviour),
      cards,
      cardsTakeaway: personasTakeaway(cards),
      kpis: revenueKpis(rev, clv, quadrant),
      byPersona: revenueByPersona(rev),
      shares: representation(rev),
      quadrant,
      histograms: clvHistograms(clv),
      boxes: clvBoxes(clv),
      monthly: monthlyRevenue(rev),
      predicted: predictedValue(tables.value_model, clv, rev, currency),
      demographics: demographicsTable(
        summarise({ behaviour, revenue: rev, clv, segmentation: tables.segmentation }),
      ),
      affinity: {
        intent: buildAffinityGrid(pa, 'intent'),
        family: buildAffinityGrid(pa, 'family'),
        topFamilyIds: topFamilyIds(pa),
        currency,
      },
      downloads: downloadsOf(tables),
    };
  }, [tables, currency]);
  const hasDemographics =
    read.customersFile !== null && model.demographics.rows.some((r) => r.avg_age !== null);

  return (
    <section
      aria-labelledby="results-title"
      className="space-y-10"
      data-testid="analyse-results"
      data-k={result.k}
    >
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="results-title" className="text-2xl">
            3. What your orders say
          </h2>
          <p className="mt-1 text-sm text-ink-muted" data-testid="read-summary">
            {read.file}
            {read.platform !== 'generic' ? ` (${read.platformLabel})` : ''}: {formatCount(read.rowsRead)} rows
            read
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

      <SideFilesSummary output={output} />
      <ImportAccount read={read} currency={currency} />
      <ReadWarnings output={output} />

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <KpiCard
          label="Customers"
          value={formatCount(tables.revenue_by_cluster.total.customers)}
          hint={`${formatCount(result.k)} personas`}
          testId="kpi-customers"
        />
        {model.kpis.map((kpi) => (
          <KpiCard key={kpi.id} label={kpi.label} value={kpi.value} hint={kpi.hint} testId={kpi.id} />
        ))}
      </dl>

      <Part id="own-personas" title="Personas" intro={model.cardsTakeaway}>
        <p className="-mt-2 mb-4 max-w-3xl text-sm text-ink-muted">
          k-means on the same behaviours as the dashboard (order value and rate, recency, discount share,
          channel mix, engagement). Scores are 0–100, relative to the customers in this file.
        </p>
        <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3" aria-label="Personas in your data">
          {model.cards.map((card, i) => (
            <li key={card.clusterId}>
              <PersonaCard
                card={card}
                position={i + 1}
                total={model.cards.length}
                href={null}
                currency={currency}
              />
            </li>
          ))}
        </ul>
        {hasDemographics ? (
          <DataTable
            className="mt-5"
            table={model.demographics}
            caption="Who the personas are (from the customers file)"
            currency={currency}
            emphasiseLast
          />
        ) : null}
      </Part>

      <Part
        id="own-revenue"
        title="Revenue by persona"
        intro="How much each persona brings, and whether it brings more or less than its share of customers."
      >
        <div className="grid gap-5 lg:grid-cols-2">
          <RevenueByPersonaChart data={model.byPersona} currency={currency} period={model.period} />
          <ChartFrame
            id="revenue-share-chart"
            title="Revenue share against customer share"
            takeaway={model.shares.takeaway}
            subtitle="Share of customers and of net revenue, %. Revenue index = revenue share ÷ customer share."
            table={model.shares.table}
            currency={currency}
            downloadName="revenue-share-vs-customer-share"
          >
            <ShareDumbbell data={model.shares} />
          </ChartFrame>
        </div>
        <div className="mt-5">
          <ValueRiskQuadrantChart data={model.quadrant} currency={currency} period={model.period} />
        </div>
      </Part>

      <Part
        id="own-clv"
        title="Customer lifetime value (proxy)"
        intro="How expected value is spread inside each persona: average order value × order rate × expected lifespan × engagement, as 0–100 of the 99th-percentile customer of this file."
      >
        <ClvDistributions histograms={model.histograms} boxes={model.boxes} currency={currency} />
      </Part>

      <Part
        id="own-predicted"
        title={`Predicted value, next ${model.predicted.horizonMonths} months`}
        intro="BG/NBD and Gamma-Gamma fitted to your orders, the same models and code as the dashboard: customers still active, expected purchases and discounted revenue, with 80 % intervals. A small or short file gets a verdict instead of numbers."
      >
        <PredictedValue view={model.predicted} currency={currency} />
      </Part>

      <Part
        id="own-trend"
        title="Revenue over time"
        intro={`Net revenue per month by persona, ${model.monthly.period}.`}
      >
        <MonthlyRevenueChart data={model.monthly} currency={currency} />
      </Part>

      <Part
        id="own-affinity"
        title="Category affinity"
        intro={
          read.intentsFile
            ? `What each persona buys more or less of than everyone, by lifestyle intent (from ${read.intentsFile.file}) or by category.`
            : 'What each persona buys more or less of than everyone, by category (without an intents file, each category is its own intent).'
        }
      >
        <PersonaAffinityHeatmap {...model.affinity} />
      </Part>

      <section
        aria-labelledby="tables-title"
        className="rounded-lg border border-line bg-surface p-4 sm:p-6"
        data-testid="own-downloads"
      >
        <h3 id="tables-title" className="text-xl">
          The computed tables
        </h3>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          The same files <code>npm run data:build -- --orders</code> writes to <code>public/data</code>, made
          in this browser from the analysis held in memory: nothing is sent. Each chart above also has its own
          table and CSV.
        </p>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {model.downloads.map((d) => (
            <li key={d.file}>
              <button
                type="button"
                className="flex w-full flex-col items-start rounded-md border border-line-strong px-3 py-2 text-left text-sm hover:bg-sunken disabled:opacity-50"
                disabled={downloading !== null}
                data-testid={`download-${d.table}-${d.format}`}
                onClick={() => onDownload(d.table, d.format)}
              >
                <span className="font-medium">
                  {d.file}
                  {downloading === d.file ? ' — preparing…' : ''}
                </span>
                <span className="text-xs text-ink-muted">{TABLE_INFO[d.table].grain}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="mt-4 rounded-md border border-line bg-paper p-3 text-sm" data-testid="key-map">
          <p>
            The tables carry pseudonymous customer ids (c_…), never the e-mails, phone numbers or ids of your
            file. The key map turns them back into those, to join the results to your CRM:{' '}
            <strong className="font-medium">it is personal data; keep it private</strong> and never publish it
            with the tables.
          </p>
          <button
            type="button"
            className="mt-2 rounded-md border border-line-strong px-3 py-1.5 text-sm hover:bg-sunken disabled:opacity-50"
            disabled={downloading !== null}
            data-testid="download-customer-keys"
            onClick={onDownloadKeys}
          >
            customer-keys.csv{downloading === 'customer-keys.csv' ? ' — preparing…' : ''}
          </button>
        </div>
        <DataTable
          className="mt-5"
          table={model.byPersona.summary}
          caption={`Revenue by persona, ${model.period} (${currency})`}
          currency={currency}
          emphasiseLast
        />
      </section>
    </section>
  );
}

function Part({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className="text-xl">
        {title}
      </h3>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-ink-muted">{intro}</p>
      {children}
    </section>
  );
}

/** What the optional customers and intents files added. */
function SideFilesSummary({ output }: { output: Output }) {
  const { read } = output;
  if (!read.customersFile && !read.customersError && !read.intentsFile) return null;
  const c = read.customersFile;
  const i = read.intentsFile;
  return (
    <div className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm">
      {c ? (
        <div data-testid="customers-summary">
          <p>
            {c.file}: {formatCount(c.rows)} rows, {formatCount(c.matched)} matched to customers of the orders
            {c.unknownIds > 0 ? ` (${formatCount(c.unknownIds)} ids not in the orders)` : ''}; age known for{' '}
            {formatCount(c.known.age)}, gender for {formatCount(c.known.gender)}, region type for{' '}
            {formatCount(c.known.locale)} of {formatCount(read.customers)} customers.
          </p>
          {c.warnings.length > 0 ? (
            <ul className="mt-1 list-disc space-y-1 pl-5 text-ink-muted">
              {c.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : read.customersError ? (
        <p role="alert" data-testid="customers-summary">
          The customers file was not used: {read.customersError} The orders were analysed without it.
        </p>
      ) : null}
      {i ? (
        <p data-testid="intents-summary">
          {i.file}: {formatCount(i.mapped)} categories grouped into {formatCount(i.intents)} intents
          {i.categoriesWithoutIntent.length > 0
            ? `; ${formatCount(i.categoriesWithoutIntent.length)} categories are not in the file and stand as their own intent (${i.categoriesWithoutIntent
                .slice(0, 5)
                .map((name) => `“${name}”`)
                .join(', ')}${i.categoriesWithoutIntent.length > 5 ? ', …' : ''})`
            : ''}
          .
        </p>
      ) : null}
    </div>
  );
}

/** How the file was read: its platform, and every rupee of it accounted for. */
function ImportAccount({ read, currency }: { read: Output['read']; currency: string }) {
  const keys = read.customerKeys;
  const pending = read.pendingOrders.cashOnDelivery + read.pendingOrders.other;
  return (
    <div
      className="space-y-3 rounded-lg border border-line bg-surface p-4 text-sm"
      data-testid="import-account"
    >
      <h3 className="text-base font-medium">The money in {read.file}, accounted for</h3>
      <ReconciliationTable reconciliation={read.reconciliation} currency={currency} testId="reconciliation" />
      <p className="text-ink-muted">
        Customers identified by {keyKinds(keys)}
        {keys.merged > 0
          ? `; ${formatCount(keys.merged)} keys written differently for the same person (case, spaces, +91, a leading 0) were merged`
          : ''}
        .
        {pending > 0
          ? ` ${formatCount(pending)} orders still await payment (${formatCount(read.pendingOrders.cashOnDelivery)} cash on delivery) and are counted as sales.`
          : ''}
        {read.productsFile
          ? ` Categories: ${read.categorySource}${read.linesWithoutProduct > 0 ? `; ${formatCount(read.linesWithoutProduct)} lines matched no product` : ''}.`
          : ''}
      </p>
    </div>
  );
}

function keyKinds(keys: Output['read']['customerKeys']): string {
  const parts = [
    keys.email > 0 ? `e-mail (${formatCount(keys.email)})` : '',
    keys.phone > 0 ? `phone number (${formatCount(keys.phone)})` : '',
    keys.id > 0 ? `customer id (${formatCount(keys.id)})` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** Rows skipped and the reader's warnings. */
function ReadWarnings({ output }: { output: Output }) {
  const { read } = output;
  if (read.rowsSkipped === 0 && read.warnings.length === 0) return null;
  return (
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
  );
}
