import { ChartFrame } from '@/components/charts/chart-frame';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { PeriodByPersona } from '@/components/period/period-by-persona';
import { ClvDistributions } from '@/components/revenue/clv-distributions';
import { MonthlyRevenueChart } from '@/components/revenue/monthly-revenue-chart';
import { PredictedValue } from '@/components/revenue/predicted-value';
import { RevenueByPersonaChart } from '@/components/revenue/revenue-by-persona-chart';
import { ShareDumbbell } from '@/components/revenue/share-dumbbell';
import { ValueRiskQuadrantChart } from '@/components/revenue/value-risk-quadrant';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { EXISTING_CUSTOMERS_ONLY } from '@/content/metrics';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount, formatMoneyCompact, formatPct } from '@/lib/format/format';
import { periodData } from '@/lib/view/period';
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
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Revenue & CLV',
  description:
    'Revenue by persona, revenue against head-count, CLV proxy distributions and value against churn risk.',
};

export default function RevenuePage() {
  const manifest = loadManifest();
  const rev = loadTable('revenue_by_cluster');
  const clv = loadTable('clv_proxy');
  const behaviour = loadTable('behaviour_overview');
  const sample = loadTable('customer_sample');
  const valueModel = loadTable('value_model');
  if (!manifest || !rev || !clv || !behaviour) {
    return <MissingData what="the revenue, CLV and behaviour tables" />;
  }
  const currency = manifest.config.currency;

  // Everything below is shaped here, on the server, from aggregated tables: the client gets a few
  // hundred numbers, never customer rows.
  const period = windowLabel(behaviour);
  const byPersona = revenueByPersona(rev);
  const shares = representation(rev);
  const quadrant = valueRiskQuadrant(rev, sample?.rows ?? []);
  const histograms = clvHistograms(clv);
  const boxes = clvBoxes(clv);
  const monthly = monthlyRevenue(rev);
  const kpis = revenueKpis(rev, clv, quadrant);
  const predicted = predictedValue(valueModel, clv, rev, currency);
  const top = byPersona.bars[0];

  return (
    <>
      <PageHeader
        eyebrow="Revenue & CLV"
        title="Where the revenue comes from, and where it is at risk"
        lede={
          <p>
            {formatMoneyCompact(rev.total.revenue, currency)} of net revenue from{' '}
            {formatCount(rev.total.customers)} customers, {period}.
            {top
              ? ` ${top.persona} bring ${formatPct(rev.rows.find((r) => r.cluster_id === top.cluster_id)?.revenue_share_pct)} of it.`
              : ''}{' '}
            The CLV proxy is a relative 0–100 score of expected value, not a financial forecast.
          </p>
        }
      >
        <dl className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {kpis.map((k) => (
            <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
          ))}
        </dl>
      </PageHeader>

      <Section
        id="by-persona"
        title="Revenue by persona"
        intro="How much each persona brings, and whether it brings more or less than its share of customers."
      >
        <div className="grid gap-5 lg:grid-cols-2">
          <RevenueByPersonaChart data={byPersona} currency={currency} period={period} />
          <ChartFrame
            id="revenue-share-chart"
            title="Revenue share against customer share"
            takeaway={shares.takeaway}
            subtitle="Share of customers and of net revenue, %. Revenue index = revenue share ÷ customer share: above 1.00× a persona brings more than its head-count."
            table={shares.table}
            currency={currency}
            downloadName="revenue-share-vs-customer-share"
          >
            <ShareDumbbell data={shares} />
          </ChartFrame>
        </div>
        <DataTable
          className="mt-5"
          table={byPersona.summary}
          caption={`Revenue by persona, ${period} (${currency})`}
          currency={currency}
          emphasiseLast
        />
      </Section>

      <Section
        id="value-risk"
        title="Value against risk"
        intro="Which personas are worth protecting, rewarding, growing or letting go — judged against the average customer."
      >
        <ValueRiskQuadrantChart data={quadrant} currency={currency} period={period} />
      </Section>

      <Section
        id="clv"
        title="Customer lifetime value (proxy)"
        intro="How expected value is spread inside each persona: average order value × order rate × expected lifespan × engagement, as 0–100 of the 99th-percentile customer."
      >
        <ClvDistributions histograms={histograms} boxes={boxes} currency={currency} />
      </Section>

      <Section
        id="predicted"
        title={`Predicted value, next ${predicted.horizonMonths} months: ${EXISTING_CUSTOMERS_ONLY}`}
        intro="How many customers are still buying, and what they should spend: BG/NBD for purchases and dropout, Gamma-Gamma for spend per order, fitted to this data and back-tested on its last months (see Methodology). Beside the CLV proxy, which ranks; this predicts money. It covers the customers you have today: customers you win from now on are not in it, so it reads below the last months’ revenue by design."
      >
        <PredictedValue view={predicted} currency={currency} />
      </Section>

      <Section
        id="trend"
        title="Revenue over time"
        intro={`Net revenue per month by persona, ${monthly.period}.`}
      >
        <MonthlyRevenueChart data={monthly} currency={currency} />
        <h3 className="mt-8 mb-3 font-display text-lg">Any period against the last</h3>
        <PeriodByPersona data={periodData(rev)} table="revenue" />
      </Section>
    </>
  );
}
