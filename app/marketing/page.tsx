import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBars } from '@/components/charts/persona-bars';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { ChannelHeatmap, type MetricView } from '@/components/marketing/channel-heatmap';
import { LeverCards } from '@/components/marketing/lever-cards';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatPct, formatRatio } from '@/lib/format/format';
import {
  channelName,
  DISCOUNT_DEPENDENT_RATIO,
  discountBars,
  DISENGAGING_TREND,
  fullMarketingTable,
  leversTakeaway,
  MARKETING_METRICS,
  marketingGrid,
  marketingKpis,
  METRIC_META,
  metricMatrix,
  metricTable,
  metricTakeaway,
  recommendLevers,
  type MarketingMetric,
} from '@/lib/view/marketing';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Marketing effectiveness',
  description:
    'Reach, response, conversion, revenue per contact and discount dependency per persona and channel, and the lever to pull for each persona.',
};

export default function MarketingPage() {
  const manifest = loadManifest();
  const me = loadTable('marketing_effectiveness');
  if (manifest?.provenance.kind === 'orders' && !me) {
    return (
      <MissingData reason="This page needs marketing touches (e-mail, SMS, app push, events) and the responses to them. An orders file does not carry them, so the marketing table was not built from your data; every other page uses your orders." />
    );
  }
  if (!manifest || !me) return <MissingData what="the marketing effectiveness table" />;
  const currency = manifest.config.currency;

  // 5 personas × 4 channels × 5 metrics, the levers and the tables: everything is shaped here.
  const grid = marketingGrid(me);
  const levers = recommendLevers(grid, currency);
  const discount = discountBars(grid);
  const metrics = Object.fromEntries(
    MARKETING_METRICS.map((m) => [
      m,
      {
        label: METRIC_META[m].label,
        unit: METRIC_META[m].unit + (m === 'revenue' ? `, ${currency}` : ''),
        values: metricMatrix(grid, m),
        takeaway: metricTakeaway(grid, m, currency),
        table: metricTable(grid, m),
        higherIsBetter: METRIC_META[m].higherIsBetter,
      } satisfies MetricView,
    ]),
  ) as Record<MarketingMetric, MetricView>;
  const heatmap = {
    personas: grid.personas.map((p) => ({ id: String(p.clusterId), label: p.persona })),
    channels: grid.channels.map((c) => ({ id: c, label: channelName(c) })),
    metrics,
    currency,
  };

  return (
    <>
      <PageHeader
        eyebrow="Marketing effectiveness · for CRM"
        title="Which contacts work, for whom, and at what discount"
        lede={
          <p>
            Every e-mail, SMS, app push and event invitation sent to the synthetic customers, per persona: how
            many were reached, how many responded and bought, what each contact earned, and how often the
            order needed a discount. The recommendation for each persona favours engagement over discounts
            unless the numbers say discounts are what converts.
          </p>
        }
      >
        <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-5">
          {marketingKpis(grid, currency).map((k) => (
            <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
          ))}
        </dl>
      </PageHeader>

      <Section
        id="levers"
        title="The lever to pull, per persona"
        intro={<span data-testid="levers-takeaway">{leversTakeaway(levers)}</span>}
      >
        <div
          className="mb-5 max-w-3xl rounded-lg border border-line bg-sunken/60 p-4 text-sm"
          id="lever-rule"
        >
          <h3 className="text-base">How the lever is chosen</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-ink-muted">
            <li>
              <strong className="font-medium text-ink">Targeted offers</strong> only when a persona is
              discount-dependent: the share of its converted orders that used a discount is at least{' '}
              {formatRatio(DISCOUNT_DEPENDENT_RATIO, 1)} that of all customers. The offers go to the channel
              that needs them least among those earning at least the persona’s average per contact, and their
              depth is capped.
            </li>
            <li>
              Otherwise, <strong className="font-medium text-ink">re-engage without discounts</strong> when
              the persona is drifting away: its recent response rate is below{' '}
              {formatPct(DISENGAGING_TREND * 100, 0)} of its earlier rate.
            </li>
            <li>
              Otherwise, <strong className="font-medium text-ink">engagement, not discounts</strong>: content,
              previews and events on the channel with the highest revenue per contact, kept warm by the
              next-best one.
            </li>
          </ol>
        </div>
        <LeverCards levers={levers} />
      </Section>

      <Section
        id="channels"
        title="Persona × channel"
        intro="Switch the metric to compare the channels of contact for each persona. Each cell is one persona on one channel; hover or focus it for the exact figure."
      >
        <ChannelHeatmap {...heatmap} />
      </Section>

      <Section
        id="discounts"
        title="Who needs a discount to buy"
        intro="Discount dependency across all channels: the share of orders placed in answer to a contact that used an offer."
      >
        <ChartFrame
          id="discount-chart"
          title="Discount dependency by persona"
          takeaway={discount.takeaway}
          subtitle="Share of converted orders that used a discount offer, % · dashed line = all customers"
          table={discount.table}
          currency={currency}
          downloadName="marketing-discount-dependency"
        >
          <PersonaBars
            rows={discount.rows}
            scale={discount.scale}
            format={(v) => formatPct(v, 0)}
            axisTitle="Converted orders using a discount, %"
            overall={discount.overall}
            overallLabel={`All customers: ${formatPct(discount.overall, 1)}`}
            label="Discount dependency by persona"
          />
        </ChartFrame>
      </Section>

      <Section
        id="all-figures"
        title="Every figure"
        intro="Per persona and channel, then all channels, then all customers. Response trend = recent response rate ÷ earlier (below 1 = disengaging)."
      >
        <DataTable
          table={fullMarketingTable(me)}
          caption={`Marketing effectiveness by persona and contact channel (${currency})`}
          currency={currency}
        />
      </Section>
    </>
  );
}
