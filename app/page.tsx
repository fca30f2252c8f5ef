import { ChartFrame } from '@/components/charts/chart-frame';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { ChannelMix } from '@/components/overview/channel-mix';
import { ClvRanges } from '@/components/overview/clv-ranges';
import { Headlines, HeadlineText } from '@/components/overview/headlines';
import { KpiGrid } from '@/components/overview/kpi-grid';
import { LoyaltyRiskBubbles } from '@/components/overview/loyalty-risk-bubbles';
import { PersonaKey } from '@/components/overview/persona-key';
import { PrintButton } from '@/components/overview/print-button';
import { ShareComposition } from '@/components/overview/share-composition';
import { VisitBars } from '@/components/overview/visit-bars';
import { PeriodPanel } from '@/components/period/period-panel';
import { DataTable } from '@/components/ui/data-table';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount } from '@/lib/format/format';
import { buildOverview } from '@/lib/view/overview';
import { periodData } from '@/lib/view/period';
import type { Metadata } from 'next';
import '@/components/overview/overview-print.css';

export const metadata: Metadata = {
  title: 'Overview',
  description: 'Revenue, customer value, loyalty and risk by persona: the executive summary.',
};

export default function OverviewPage() {
  const manifest = loadManifest();
  const behaviour = loadTable('behaviour_overview');
  const revenue = loadTable('revenue_by_cluster');
  if (!manifest || !behaviour || !revenue) return <MissingData what="the behaviour and revenue tables" />;
  const clv = loadTable('clv_proxy');
  const segmentation = loadTable('segmentation');
  const currency = manifest.config.currency;
  const model = buildOverview(
    {
      behaviour,
      revenue,
      clv: clv ? { distributions: clv.distributions, overall: clv.overall } : null,
      segmentation,
    },
    currency,
  );
  const k = model.personas.length;

  const atRisk = model.headlines.find((h) => h.id === 'most-at-risk');

  return (
    <div className="ov-root">
      <PageHeader
        eyebrow={`Overview · ${model.window.label}`}
        title="Where customer value sits"
        lede={
          <>
            {formatCount(behaviour.total.customers)} customers in {k} personas; revenue is net of discounts,
            in {currency}.
          </>
        }
      >
        <div className="mt-4 max-sm:hidden print:hidden">
          <PrintButton />
        </div>
      </PageHeader>

      {/* Printed too, without its controls: the summary says what changed, and against when. */}
      <section aria-labelledby="period-title" className="ov-period mb-10">
        <h2 id="period-title" className="sr-only">
          This period against the last
        </h2>
        <PeriodPanel
          data={periodData(revenue)}
          atRisk={atRisk ? <HeadlineText headline={atRisk} /> : 'No persona stands out.'}
        />
      </section>

      <section aria-labelledby="kpis-title" className="ov-kpi-section">
        <h2 id="kpis-title" className="mb-3 font-display text-xl print:sr-only">
          The whole history, {model.window.label}
        </h2>
        <KpiGrid kpis={model.kpis} />
      </section>

      <Section
        id="headlines"
        title="What the numbers say"
        intro="Computed from the data on every build; each persona name opens its profile."
      >
        <Headlines headlines={model.headlines} printOnly={['most-at-risk']} />
      </Section>

      <Section id="personas" title={`The ${k} personas`} intro="Colours stay the same on every chart.">
        <PersonaKey personas={model.personas} />
      </Section>

      <Section id="value" title="Who brings the revenue">
        <div className="ov-pair grid gap-5 lg:grid-cols-2">
          <ChartFrame
            title="Revenue share against customer share"
            takeaway={model.composition.takeaway}
            subtitle="Share of all customers and of all net revenue, % · each bar adds to 100%"
            table={model.composition.table}
            currency={currency}
            downloadName="overview-revenue-customer-share"
            className="ov-card"
            id="chart-composition"
          >
            <ShareComposition chart={model.composition} />
          </ChartFrame>
          <ChartFrame
            title="CLV proxy by persona"
            takeaway={model.clv.takeaway}
            subtitle="CLV proxy, 0–100 relative score (100 = the 99th-percentile customer) · average, median and spread"
            table={model.clv.table}
            currency={currency}
            downloadName="overview-clv-proxy"
            className="ov-card"
            id="chart-clv"
          >
            <ClvRanges chart={model.clv} />
          </ChartFrame>
        </div>
      </Section>

      <Section id="risk" title="Loyalty, risk and channel">
        <div className="ov-pair grid gap-5 lg:grid-cols-[3fr_2fr]">
          <ChartFrame
            title="Loyalty against churn risk"
            takeaway={model.bubble.takeaway}
            subtitle={`Average loyalty score (x) and churn risk (y), 0–100 · bubble area = customers · dashed lines = all-customer averages (loyalty ${formatCount(model.bubble.overall.loyalty, 1)}, churn risk ${formatCount(model.bubble.overall.churn, 1)})`}
            table={model.bubble.table}
            currency={currency}
            downloadName="overview-loyalty-churn"
            className="ov-card"
            id="chart-bubble"
          >
            <LoyaltyRiskBubbles chart={model.bubble} />
          </ChartFrame>
          <ChartFrame
            title="Online against in-store orders"
            takeaway={model.channel.takeaway}
            subtitle="Share of each persona's orders by channel, % · each bar adds to 100%"
            table={model.channel.table}
            currency={currency}
            downloadName="overview-channel-mix"
            className="ov-card"
            id="chart-channel"
          >
            <ChannelMix chart={model.channel} />
          </ChartFrame>
        </div>
      </Section>

      <Section id="visits" title="In-store visits">
        <ChartFrame
          title="Dwell time and basket size"
          takeaway={model.visit.takeaway}
          subtitle="Dwell: minutes per in-store visit · basket: units per order (in store or online)"
          table={model.visit.table}
          currency={currency}
          downloadName="overview-dwell-basket"
          className="ov-card"
          id="chart-visits"
        >
          <VisitBars chart={model.visit} />
        </ChartFrame>
      </Section>

      <Section
        id="demographics"
        title="Who they are"
        intro="Average age in years; gender and locale as % of each persona's customers. The last row is all customers."
      >
        <DataTable
          table={model.demographics}
          caption="Demographics by persona"
          currency={currency}
          emphasiseLast
        />
      </Section>
    </div>
  );
}
