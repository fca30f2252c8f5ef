import { ChartFrame } from '@/components/charts/chart-frame';
import { ChannelContrastBars } from '@/components/demand/channel-contrast';
import { DemandTable } from '@/components/demand/demand-table';
import { ParetoChartSvg } from '@/components/demand/pareto-chart';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount } from '@/lib/format/format';
import {
  channelContrast,
  demandFamilies,
  demandKpis,
  firstFamiliesOfDefaultView,
  intentsOf,
  intentSplit,
  intentSplitTable,
  paretoChart,
} from '@/lib/view/demand';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Demand',
  description:
    'Every product family’s demand in store and online, impulse, dwell and prices; the families that carry 80% of demand and which lean to which channel.',
};

export default function DemandPage() {
  const manifest = loadManifest();
  const ds = loadTable('demand_summary');
  if (!manifest || !ds) return <MissingData what="the demand summary table" />;
  const currency = manifest.config.currency;

  // 134 families × a dozen numbers, the two Pareto series and the contrast bars: all shaped here.
  const families = demandFamilies(ds, manifest.config.usd_to_currency);
  const own = ds.source === 'orders';
  const intents = intentsOf(families);
  const instore = paretoChart(ds, 'instore');
  const online = paretoChart(ds, 'online');
  const contrast = channelContrast(families);
  const split = intentSplit(families);

  return (
    <>
      <PageHeader
        eyebrow="Demand · for merchandising and planning"
        title="What sells, where, and how concentrated it is"
        lede={
          <p>
            {own
              ? `Your orders across ${formatCount(families.length)} categories in ${intents.length} intents: the share of orders holding each in store and online, average daily units and unit prices. Use it to size ranges per channel, protect the core and spot categories that belong online.`
              : `The published demand behind ${formatCount(families.length)} product families in ${intents.length} lifestyle intents: how many shoppers buy each in store and online, average daily units, impulse and emotional purchases, dwell at the shelf and unit prices. Use it to size ranges per channel, protect the core and spot families that belong online.`}
          </p>
        }
      >
        <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {demandKpis(ds, families).map((k) => (
            <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
          ))}
        </dl>
      </PageHeader>

      <Section
        id="pareto"
        title="Where demand concentrates"
        intro={`Families ranked by average daily demand in each channel; coloured bars are the families that together carry ${ds.pareto.threshold_pct}% of it. The line is the running total.`}
      >
        <div className="grid gap-5 lg:grid-cols-2">
          {[instore, online].map((chart) => (
            <ChartFrame
              key={chart.channel}
              id={`pareto-${chart.channel}-chart`}
              title={chart.channel === 'instore' ? 'In-store demand, Pareto' : 'Online demand, Pareto'}
              takeaway={chart.takeaway}
              subtitle={`Bars: average daily demand, units (left axis) · line: cumulative share of ${chart.channel === 'instore' ? 'in-store' : 'online'} demand, % (right axis) · dashed: the ${ds.pareto.threshold_pct}% cut`}
              table={chart.table}
              currency={currency}
              downloadName={`demand-pareto-${chart.channel}`}
            >
              <ParetoChartSvg chart={chart} />
            </ChartFrame>
          ))}
        </div>
      </Section>

      <Section
        id="contrast"
        title="In store against online"
        intro="Online baskets are not small copies of store baskets. A family’s lean compares its share of each channel’s demand: 4× online means it is four times as big a part of online demand as of in-store demand."
      >
        <div className="space-y-5">
          <ChartFrame
            id="contrast-chart"
            title="Families that lean to one channel"
            takeaway={contrast.takeaway}
            subtitle="Lean, × on a log scale: share of online demand ÷ share of in-store demand (right) or the inverse (left)"
            table={contrast.table}
            currency={currency}
            downloadName="demand-channel-lean"
          >
            <ChannelContrastBars data={contrast} thresholdPct={ds.pareto.threshold_pct} />
          </ChartFrame>
          <DataTable
            className="min-w-0"
            table={intentSplitTable(split)}
            caption="Share of each channel’s daily demand by lifestyle intent, % (online index = online share ÷ in-store share)"
            currency={currency}
          />
        </div>
      </Section>

      <Section
        id="families"
        title="Every product family"
        intro="Search by name, filter by lifestyle intent and channel lean, and select a column header to sort. The view is kept in the link, so it can be shared."
      >
        <DemandTable
          firstFamilies={firstFamiliesOfDefaultView(families)}
          familyCount={families.length}
          intents={intents}
          currency={currency}
          own={own}
        />
      </Section>
    </>
  );
}
