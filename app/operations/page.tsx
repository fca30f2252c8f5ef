import { PairBars } from '@/components/channels/pair-bars';
import { ChartFrame } from '@/components/charts/chart-frame';
import { PersonaBars } from '@/components/charts/persona-bars';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { LoadByHour } from '@/components/operations/load-by-hour';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { CHANNEL_COLORS } from '@/lib/charts/theme';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount, formatMoney, formatPct } from '@/lib/format/format';
import { basketChart } from '@/lib/view/channels';
import {
  dwellPerItemChart,
  loadViews,
  operationsKpis,
  operationsTable,
  peakHourChart,
  peakHoursText,
  revenuePerMinuteChart,
} from '@/lib/view/operations';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Operational efficiency',
  description:
    'Orders per peak hour, dwell per item, revenue per dwell minute and basket size per channel and persona, and online fulfilment load against store traffic by hour.',
};

const STORE = { color: CHANNEL_COLORS.instore };
const ONLINE = { color: CHANNEL_COLORS.online };
const one = (v: number) => formatCount(v, 1);
const two = (v: number) => formatCount(v, 2);

export default function OperationsPage() {
  const manifest = loadManifest();
  const ops = loadTable('operational_efficiency');
  const arrivals = loadTable('arrivals_summary');
  if (!manifest || !ops || !arrivals) return <MissingData what="the operations and arrivals tables" />;
  const currency = manifest.config.currency;
  const days = arrivals.day_totals.map((d) => d.day);

  // Shaped here, on the server: per-persona figures and the load chart already laid out (3 views × 2 frames).
  const peak = peakHourChart(ops);
  const basket = basketChart(ops);
  const dwellPerItem = dwellPerItemChart(ops);
  const revenuePerMinute = revenuePerMinuteChart(ops);
  const load = { views: loadViews(ops), weeks: ops.weeks, currency };
  const money = (v: number) => formatMoney(v, currency);

  return (
    <>
      <PageHeader
        eyebrow="Operational efficiency · for store and fulfilment operations"
        title="How hard each channel works at the peak, and where the floor time goes"
        lede={
          <p>
            Orders per peak hour, basket size, dwell minutes per item and revenue per dwell minute for every
            persona in each channel, and the online orders stores must pick against the customers on their
            floor, hour by hour, over {formatCount(ops.weeks, 0)} weeks of this customer base’s orders.
          </p>
        }
      >
        <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {operationsKpis(ops).map((k) => (
            <KpiCard key={k.id} label={k.label} value={k.value} hint={k.hint} testId={k.id} />
          ))}
        </dl>
      </PageHeader>

      <Section
        id="per-persona"
        title="Per channel and persona"
        intro={
          <>
            A channel’s peak hours are its {formatCount(ops.peak_cells.instore.length)} busiest hours of the
            week by{' '}
            {ops.peak_basis === 'own-orders'
              ? 'your own orders (the public arrival curves were not available for this build)'
              : 'public arrivals'}{' '}
            (the top {formatPct(100 * (ops.peak_cells.instore.length / 168), 0)}). In store:{' '}
            {peakHoursText(ops.peak_cells.instore, days)}. Online:{' '}
            {peakHoursText(ops.peak_cells.online, days)}.
          </>
        }
      >
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartFrame
            id="peak-hour-orders"
            title="Orders per peak hour"
            takeaway={peak.takeaway}
            subtitle="Orders in an average peak hour of the channel (orders in its peak hours ÷ peak hours × weeks)."
            table={peak.table}
            currency={currency}
            downloadName="orders-per-peak-hour"
          >
            <PairBars
              chart={peak}
              styles={[STORE, ONLINE]}
              format={one}
              axisTitle="Orders per peak hour"
              label="Orders per peak hour by persona and channel"
              testId="peak-bars"
            />
          </ChartFrame>
          <ChartFrame
            id="ops-basket"
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
              testId="ops-basket-bars"
            />
          </ChartFrame>
          <ChartFrame
            id="dwell-per-item"
            title="Dwell minutes per item"
            takeaway={dwellPerItem.takeaway}
            subtitle="Minutes in store per unit bought (dwell per visit ÷ units per visit); in store only."
            table={dwellPerItem.table}
            currency={currency}
            downloadName="dwell-minutes-per-item"
          >
            <PersonaBars
              rows={dwellPerItem.rows}
              scale={dwellPerItem.scale}
              format={two}
              axisTitle="Dwell, minutes per item bought"
              overall={dwellPerItem.overall}
              overallLabel={`All customers: ${two(dwellPerItem.overall ?? NaN)} min per item`}
              label="Dwell minutes per item by persona"
            />
          </ChartFrame>
          <ChartFrame
            id="revenue-per-minute"
            title="Revenue per dwell minute"
            takeaway={revenuePerMinute.takeaway}
            subtitle={`Net in-store revenue ÷ minutes customers spend in store, ${currency} per minute; in store only.`}
            table={revenuePerMinute.table}
            currency={currency}
            downloadName="revenue-per-dwell-minute"
          >
            <PersonaBars
              rows={revenuePerMinute.rows}
              scale={revenuePerMinute.scale}
              format={money}
              axisTitle={`Net revenue per dwell minute, ${currency}`}
              overall={revenuePerMinute.overall}
              overallLabel={`All customers: ${money(revenuePerMinute.overall ?? NaN)} per minute`}
              label="Net revenue per dwell minute by persona"
            />
          </ChartFrame>
        </div>
        <DataTable
          className="mt-5"
          table={operationsTable(ops)}
          caption={`Operational figures by persona and channel (${currency})`}
          currency={currency}
        />
        <p className="mt-2 text-xs text-ink-muted">
          Basket in units per order; orders per peak hour of the channel; peak share = orders placed in the
          channel’s peak hours, %; dwell in minutes per in-store visit and per item; revenue per dwell minute
          in {currency}.
        </p>
      </Section>

      <Section
        id="load"
        title="Fulfilment load against store traffic"
        intro="Online orders are picked and packed by the same stores that serve walk-in customers. When both peak together, staff are split; hours with light store traffic are the time to pick."
      >
        <LoadByHour {...load} />
      </Section>
    </>
  );
}
