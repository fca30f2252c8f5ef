import { ArrivalsHeatmaps } from '@/components/channels/arrivals-heatmaps';
import { OverlapBars } from '@/components/channels/overlap-bars';
import { PairBars } from '@/components/channels/pair-bars';
import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBars } from '@/components/charts/persona-bars';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { PeriodByPersona } from '@/components/period/period-by-persona';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { CHANNEL_COLORS } from '@/lib/charts/theme';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount, formatPct } from '@/lib/format/format';
import {
  arrivalFacts,
  arrivalsHeatmap,
  basketChart,
  behaviourTable,
  channelKpis,
  curveWording,
  digitalPromptChart,
  dwellChart,
  frequencyChart,
  onlineShareChart,
  overlapChart,
  peakWindowTable,
} from '@/lib/view/channels';
import { periodData } from '@/lib/view/period';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Channels & arrivals',
  description:
    'When customers walk in and online orders arrive, day by hour, and how each persona uses the store and the online shop.',
};

const STORE = { color: CHANNEL_COLORS.instore };
const ONLINE = { color: CHANNEL_COLORS.online };
const one = (v: number) => formatCount(v, 1);
const two = (v: number) => formatCount(v, 2);
const pct0 = (v: number) => formatPct(v, 0);
const pct1 = (v: number) => formatPct(v, 1);

export default function ChannelsPage() {
  const manifest = loadManifest();
  const arrivals = loadTable('arrivals_summary');
  const ops = loadTable('operational_efficiency');
  const behaviour = loadTable('behaviour_overview');
  const revenue = loadTable('revenue_by_cluster');
  if (!manifest || !arrivals || !ops || !behaviour) {
    return <MissingData what="the arrivals, operations and behaviour tables" />;
  }
  const currency = manifest.config.currency;

  // Shaped here, on the server: the client gets two 7 × 24 grids and a few dozen per-persona numbers.
  const heatmaps = {
    instore: arrivalsHeatmap(arrivals, 'in-store'),
    online: arrivalsHeatmap(arrivals, 'online'),
    weekly: {
      instore: arrivals.weekly_totals.instore_arrivals,
      online: arrivals.weekly_totals.online_arrivals,
    },
    windowHours: arrivals.window_hours,
    currency,
  };
  const facts = arrivalFacts(arrivals);
  const words = curveWording(arrivals);
  const share = onlineShareChart(behaviour);
  const basket = basketChart(ops);
  const frequency = frequencyChart(ops);
  const dwell = dwellChart(behaviour);
  const overlap = overlapChart(ops);
  const digital = digitalPromptChart(ops);
  const months = formatCount(ops.months, 0);

  return (
    <>
      <PageHeader
        eyebrow="Channels & arrivals · for store operations and CRM"
        title="When customers arrive, and how each persona uses the two channels"
        lede={
          <p>
            {words.own
              ? 'Your orders of an average week, in store and online, per hour, with their peak windows (the public arrival curves were not available for this build, so there is no reference beside them)'
              : 'The public arrival curves of a week — customers walking into a store and online orders coming in, per store and hour — with their peak windows'}
            , then how each persona splits its orders, spend, baskets and visits between the store and the
            online shop over the {months}-month window.
          </p>
        }
      >
        <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {channelKpis(arrivals, ops).map((k) => (
            <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
          ))}
        </dl>
      </PageHeader>

      <Section
        id="arrivals"
        title="Arrivals by day and hour"
        intro={
          words.own
            ? 'Your orders a week in each hour, in store and online: the public arrival reference was not available for this build. Each channel has its own colour scale; switch to share of the week to compare their shapes. Hover or focus a cell for both figures.'
            : 'Average arrivals per store in each hour of the week, from the public data. Each channel has its own colour scale; switch to share of the week to compare their shapes. Hover or focus a cell for both figures.'
        }
      >
        <ArrivalsHeatmaps {...heatmaps} />
        <ul className="mt-5 grid gap-2 text-sm sm:grid-cols-3" data-testid="arrival-facts">
          {facts.sentences.map((s) => (
            <li key={s} className="rounded-md border border-line bg-surface px-3 py-2">
              {s}
            </li>
          ))}
        </ul>
        <DataTable
          className="mt-5"
          table={peakWindowTable(arrivals)}
          caption={`Each day’s busiest ${arrivals.window_hours} hours per channel, busiest first (${words.unit})`}
          currency={currency}
        />
      </Section>

      <Section
        id="behaviour"
        title="Online and in store, persona by persona"
        intro={`How each persona’s ${formatCount(behaviour.total.orders)} orders divide between the channels, over ${behaviour.window_start} to ${behaviour.window_end}. ${arrivals.orders_source === 'orders' ? 'Your own customers and orders.' : 'Synthetic customers whose orders follow the public curves above.'}`}
      >
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartFrame
            id="online-share"
            title="Online share of orders and revenue"
            takeaway={share.takeaway}
            subtitle="Online orders and online net revenue as a share of the persona’s total, %."
            table={share.table}
            currency={currency}
            downloadName="online-share-by-persona"
          >
            <PairBars
              chart={share}
              styles={[ONLINE, { color: CHANNEL_COLORS.both }]}
              format={pct0}
              axisTitle="Online share, % of the persona’s orders or revenue"
              label="Online share of orders and revenue by persona"
              testId="online-share-bars"
            />
          </ChartFrame>
          <ChartFrame
            id="basket"
            title="Basket size by channel"
            takeaway={basket.takeaway}
            subtitle="Units per order, in store and online."
            table={basket.table}
            currency={currency}
            downloadName="basket-by-channel"
          >
            <PairBars
              chart={basket}
              styles={[STORE, ONLINE]}
              format={one}
              axisTitle="Basket size, units per order"
              label="Basket size by persona and channel"
              testId="basket-bars"
            />
          </ChartFrame>
          <ChartFrame
            id="frequency"
            title="Visit frequency by channel"
            takeaway={frequency.takeaway}
            subtitle={`Orders per customer per month, among the persona’s customers who use the channel (over ${months} months).`}
            table={frequency.table}
            currency={currency}
            downloadName="visit-frequency-by-channel"
          >
            <PairBars
              chart={frequency}
              styles={[STORE, ONLINE]}
              format={two}
              axisTitle="Orders per customer per month"
              label="Store visits and online orders per customer per month by persona"
              testId="frequency-bars"
            />
          </ChartFrame>
          <ChartFrame
            id="dwell"
            title="Dwell time in store"
            takeaway={dwell.takeaway}
            subtitle="Minutes per in-store visit; online orders have no dwell time."
            table={dwell.table}
            currency={currency}
            downloadName="dwell-by-persona"
          >
            <PersonaBars
              rows={dwell.rows}
              scale={dwell.scale}
              format={one}
              axisTitle="Dwell time, minutes per in-store visit"
              overall={dwell.overall}
              overallLabel={`All customers: ${one(dwell.overall ?? NaN)} min`}
              label="Dwell time, minutes per in-store visit, by persona"
            />
          </ChartFrame>
        </div>
        <DataTable
          className="mt-5"
          table={behaviourTable(behaviour, ops)}
          caption="Channel behaviour by persona"
          currency={currency}
          emphasiseLast
        />
        <p className="mt-2 text-xs text-ink-muted">
          Online shares in % of the persona’s orders and revenue; baskets in units per order; dwell in minutes
          per in-store visit; visits and orders per month per customer who uses the channel.
        </p>
      </Section>

      {revenue ? (
        <Section
          id="channel-trend"
          title="The channel mix, any period against the last"
          intro="How each persona’s revenue, orders and buyers divide between store and online over the months you choose, and how far that moved."
        >
          <PeriodByPersona data={periodData(revenue)} table="channels" />
        </Section>
      ) : null}

      <Section
        id="cross-channel"
        title="Browse online, buy in store?"
        intro="Which personas research online and then buy in a store."
      >
        <div
          className="mb-5 max-w-3xl rounded-lg border border-line-strong bg-sunken/60 px-4 py-3 text-sm"
          role="note"
          data-testid="browse-note"
        >
          <p className="font-medium">The data cannot show this.</p>
          <p className="mt-1 text-ink-muted">
            The tables record orders, not browsing: there are no site visits, product views, wish lists or
            abandoned baskets, so nothing here says who looks online and then buys in a store. The two charts
            below are the nearest the data comes — customers who buy in both channels, and in-store orders
            placed in answer to a digital message. Neither is browsing.
          </p>
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartFrame
            id="channel-overlap"
            title="Customers by the channels they buy in"
            takeaway={overlap.takeaway}
            subtitle="Share of the persona’s customers with at least one order: in store only, both channels, online only, %."
            table={overlap.table}
            currency={currency}
            downloadName="channel-overlap-by-persona"
          >
            <OverlapBars chart={overlap} />
          </ChartFrame>
          <ChartFrame
            id="digital-prompt"
            title="Orders that followed a digital message"
            takeaway={digital.takeaway}
            subtitle="Share of each channel’s orders placed in answer to an e-mail, SMS or app push (store events excluded), %."
            table={digital.table}
            currency={currency}
            downloadName="digital-prompted-orders"
          >
            <PairBars
              chart={digital}
              styles={[STORE, ONLINE]}
              format={pct1}
              axisTitle="Orders after a digital message, % of the channel’s orders"
              label="Share of orders placed after an e-mail, SMS or app push, by persona and channel"
              testId="digital-bars"
            />
          </ChartFrame>
        </div>
      </Section>
    </>
  );
}
