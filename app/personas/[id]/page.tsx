import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import {
  PersonaCompare,
  type CompareDistribution,
  type CompareGroup,
} from '@/components/personas/persona-compare';
import { PersonaPager, PersonaSwitcher } from '@/components/personas/persona-nav';
import {
  ChannelMix,
  CrmPlays,
  FamilyList,
  IntentChips,
  PartHeading,
  TraitList,
} from '@/components/personas/persona-parts';
import { ProfileTable } from '@/components/personas/profile-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { EXISTING_CUSTOMERS_ONLY } from '@/content/metrics';
import { ALL_CUSTOMERS_COLOR } from '@/lib/charts/theme';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount, formatMoneyCompact, formatPct, formatRatio } from '@/lib/format/format';
import {
  ALL_CUSTOMERS_KEY,
  ALL_CUSTOMERS_LABEL,
  buildKeyMetrics,
  buildPersonaCards,
  distributionTakeaway,
  neighbours,
  personaDistributions,
  personaLede,
  personaLinks,
  profileRows,
  type KeyMetric,
} from '@/lib/view/personas';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

/** One static page per persona of the build; any other id is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): Array<{ id: string }> {
  const ids = loadTable('segmentation')?.personas.map((p) => ({ id: String(p.cluster_id) })) ?? [];
  // Without data, one placeholder page (it shows how to build the data) keeps static export working.
  return ids.length > 0 ? ids : [{ id: '0' }];
}

interface PersonaPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: PersonaPageProps): Promise<Metadata> {
  const { id } = await params;
  const persona = loadTable('segmentation')?.personas.find((p) => String(p.cluster_id) === id);
  return {
    title: persona ? `${persona.persona} · Personas` : 'Persona',
    description: persona?.description,
  };
}

export default async function PersonaPage({ params }: PersonaPageProps) {
  const { id } = await params;
  const manifest = loadManifest();
  const segmentation = loadTable('segmentation');
  if (!manifest || !segmentation) return <MissingData what="the segmentation" />;
  const index = segmentation.personas.findIndex((p) => String(p.cluster_id) === id);
  const persona = segmentation.personas[index];
  if (!persona) notFound();

  const currency = manifest.config.currency;
  const tables = {
    segmentation,
    revenue: loadTable('revenue_by_cluster'),
    behaviour: loadTable('behaviour_overview'),
    affinity: loadTable('product_affinity'),
    value: loadTable('value_model'),
  };
  const card = buildPersonaCards(tables, currency)[index]!;
  const keyMetrics = buildKeyMetrics(tables, currency);
  const distributionsBuilt = loadTable('persona_distributions');
  const distributions = distributionsBuilt ? personaDistributions(distributionsBuilt, currency) : [];
  const links = personaLinks(segmentation);
  const { prev, next } = neighbours(links, index);

  const baseKey = String(persona.cluster_id);
  const base: CompareGroup = { key: baseKey, name: persona.persona, color: card.color };
  const everyone: CompareGroup = {
    key: ALL_CUSTOMERS_KEY,
    name: ALL_CUSTOMERS_LABEL,
    color: ALL_CUSTOMERS_COLOR,
  };
  const compareOptions: CompareGroup[] = [
    everyone,
    ...links
      .filter((l) => l.clusterId !== persona.cluster_id)
      .map((l) => ({ key: String(l.clusterId), name: l.name, color: l.color })),
  ];
  // Only aggregates go to the browser: a few hundred percentages and their labels.
  const compareDistributions: CompareDistribution[] = distributions.map((d) => ({
    metric: d.metric,
    label: d.label,
    axisLabel: d.axisLabel,
    binLabels: d.binLabels,
    pct: Object.fromEntries(Object.entries(d.groups).map(([k, g]) => [k, g.pct])),
    takeaways: Object.fromEntries(compareOptions.map((o) => [o.key, distributionTakeaway(d, base, o)])),
  }));

  const kpi = (key: string) => keyMetricTexts(keyMetrics, key, baseKey);

  return (
    <>
      <PersonaSwitcher personas={links} current={persona.cluster_id} />

      <div aria-hidden="true" className="mb-5 h-1.5 w-16 rounded-full" style={{ background: card.color }} />
      <PageHeader
        eyebrow={`Persona ${index + 1} of ${segmentation.personas.length}`}
        title={persona.persona}
        // The description's first sentence: the rest repeats the figures the tiles show.
        lede={<p data-testid="persona-lede">{personaLede(persona.description)}</p>}
      />

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Key figures">
        {card.prediction ? (
          <>
            {card.prediction.predictedRevenue !== null ? (
              <KpiCard
                label={`Predicted revenue, next ${card.prediction.horizonMonths} months, ${EXISTING_CUSTOMERS_ONLY}`}
                value={formatMoneyCompact(card.prediction.predictedRevenue, currency)}
                hint={`80 % interval ${formatMoneyCompact(card.prediction.predictedRevenueP10, currency)}–${formatMoneyCompact(card.prediction.predictedRevenueP90, currency)}`}
                testId="kpi-predicted-revenue"
              />
            ) : null}
            <KpiCard
              label="Expected active customers"
              value={formatCount(card.prediction.activeCustomers)}
              hint={`${formatPct(card.prediction.activeSharePct, 0)} of the persona still buying (Σ P(alive))`}
              testId="kpi-active"
            />
          </>
        ) : null}
        <KpiCard
          label="Customers"
          value={kpi('customers').value}
          hint={`${kpi('customer_share_pct').value} of all customers`}
          testId="kpi-customers"
        />
        <KpiCard
          label="Share of revenue"
          value={kpi('revenue_share_pct').value}
          hint={
            card.revenueIndex !== null
              ? `${formatRatio(card.revenueIndex, 2)} its share of customers`
              : undefined
          }
          testId="kpi-revenue-share"
        />
        <KpiCard
          label="CLV proxy (average)"
          value={kpi('avg_clv_proxy').value}
          hint={`vs ${kpi('avg_clv_proxy').all} for all customers (0–100)`}
          testId="kpi-clv"
        />
        <KpiCard
          label="Churn risk"
          value={kpi('avg_churn_risk').value}
          hint={`${card.churnBand ?? ''}${card.churnBand ? ' · ' : ''}vs ${kpi('avg_churn_risk').all} for all customers`}
          testId="kpi-churn"
        />
        <KpiCard
          label="Orders per month"
          value={kpi('avg_orders_per_month').value}
          hint={`vs ${kpi('avg_orders_per_month').all} for all customers`}
          testId="kpi-orders-per-month"
        />
        <KpiCard
          label="Spend per order"
          value={kpi('avg_order_value').value}
          hint={`vs ${kpi('avg_order_value').all} across all orders; net of discounts`}
          testId="kpi-aov"
        />
        <KpiCard
          label="Orders placed online"
          value={kpi('online_order_share_pct').value}
          hint={`vs ${kpi('online_order_share_pct').all} for all customers`}
          testId="kpi-online"
        />
        <KpiCard
          label="Discount share of spend"
          value={kpi('discount_share_pct').value}
          hint={`vs ${kpi('discount_share_pct').all} for all customers`}
          testId="kpi-discount"
        />
      </dl>

      <div className="mt-12">
        <Section
          id="apart"
          title="What sets them apart"
          intro="The CRM plays written from these numbers, then what they are written from: the traits, channels and categories that set the persona apart from all customers."
        >
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="space-y-2 rounded-lg border border-line bg-sunken/60 p-5">
              <PartHeading>CRM plays</PartHeading>
              <CrmPlays plays={card.crmPlays} color={card.color} />
            </div>
            <div className="space-y-2 rounded-lg border border-line bg-surface p-5">
              <PartHeading>Distinctive traits</PartHeading>
              <TraitList traits={card.traits} />
            </div>
            <div className="space-y-5 rounded-lg border border-line bg-surface p-5">
              <div className="space-y-2">
                <PartHeading>Channel mix (orders)</PartHeading>
                <ChannelMix onlinePct={card.onlineOrderSharePct} color={card.color} />
              </div>
              <div className="space-y-2">
                <PartHeading>Leans towards (index)</PartHeading>
                <IntentChips intents={card.topIntents} />
              </div>
              <div className="space-y-2">
                <PartHeading>Families they over-index on</PartHeading>
                <FamilyList families={card.topFamilies} />
              </div>
            </div>
          </div>
        </Section>

        <Section
          id="distributions"
          title="How their customers spread out"
          intro={`Each chart shows how ${persona.persona} (colour) and the group it is compared with spread over the same ranges, as a share of each group's customers, so the shapes compare whatever the group size. Compare with another persona to set their key figures side by side too.`}
        >
          {distributions.length === 0 ? (
            <MissingData what="persona_distributions" />
          ) : (
            <PersonaCompare
              base={base}
              options={compareOptions}
              defaultKey={ALL_CUSTOMERS_KEY}
              metrics={keyMetrics}
              distributions={compareDistributions}
              currency={currency}
            />
          )}
        </Section>

        <Section
          id="profile"
          title="Full profile"
          intro="Every profile metric: the persona's mean, all customers' mean, their ratio, and the gap in standard deviations of all customers (the bar leans right when the persona is higher)."
        >
          <ProfileTable
            name={persona.persona}
            color={card.color}
            rows={profileRows(persona, currency)}
            caption={`Profile of ${persona.persona} against all customers`}
          />
        </Section>
      </div>

      <PersonaPager prev={prev} next={next} />
    </>
  );
}

function keyMetricTexts(metrics: KeyMetric[], key: string, groupKey: string): { value: string; all: string } {
  const m = metrics.find((x) => x.key === key);
  return { value: m?.values[groupKey]?.text ?? '—', all: m?.values[ALL_CUSTOMERS_KEY]?.text ?? '—' };
}
