import { AffinityTakeaways, PersonaSignatures } from '@/components/affinity/affinity-summary';
import { CrossSellLists } from '@/components/affinity/cross-sell-lists';
import { LiftHeatmap } from '@/components/affinity/lift-heatmap';
import { PersonaAffinityHeatmap } from '@/components/affinity/persona-affinity-heatmap';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount, formatPct } from '@/lib/format/format';
import {
  affinityTakeaways,
  buildAffinityGrid,
  combinedShare,
  crossSellLists,
  crossSellValueTable,
  crossSellValueTakeaway,
  familyLiftGrid,
  intentLiftGrid,
  personaSignatures,
  TOP_FAMILIES,
  topFamilyIds,
} from '@/lib/view/affinity';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Category affinity',
  description:
    'What each persona buys more or less of than all customers, what sells together, and cross-sell pairs.',
};

export default function AffinityPage() {
  const manifest = loadManifest();
  const pa = loadTable('product_affinity');
  if (!manifest || !pa) return <MissingData what="the product affinity table" />;
  const currency = manifest.config.currency;

  // Everything the client components get is aggregated here: persona × category grids
  // (5 × 8 and 5 × 134 per metric), two lift matrices and 5 × 10 pairs. Nothing customer-level.
  const intent = buildAffinityGrid(pa, 'intent');
  const family = buildAffinityGrid(pa, 'family');
  const topIds = topFamilyIds(pa, TOP_FAMILIES);
  const topShare = combinedShare(family, topIds);
  const heatmap = { intent, family, topFamilyIds: topIds, currency };
  const lift = { intent: intentLiftGrid(pa), family: familyLiftGrid(pa, TOP_FAMILIES), currency };
  const crossSell = { lists: crossSellLists(pa), currency, minPairOrders: pa.min_pair_orders };

  return (
    <>
      <PageHeader
        eyebrow="Category affinity · for merchandising"
        title="What each persona buys, and what sells together"
        lede={
          <p>
            Where each persona spends more or less than all customers across {pa.intents.length} lifestyle
            intents and {pa.families.length} product families, which categories land in the same basket, and
            the strongest cross-sell pairs per persona, to curate collections, bundles and CRM
            recommendations.
          </p>
        }
      >
        <dl className="mt-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
          <KpiCard
            label="Orders analysed"
            value={formatCount(pa.orders)}
            hint="Every order in the window"
            testId="kpi-orders"
          />
          <KpiCard
            label={`Top ${topIds.length} families`}
            value={formatPct(topShare, 1)}
            hint="Of all spend: the default family view"
            testId="kpi-top-share"
          />
          <KpiCard
            label="Categories"
            value={`${pa.intents.length} · ${pa.families.length}`}
            hint="Lifestyle intents · product families"
          />
          <KpiCard
            label="Family pairs measured"
            value={formatCount(pa.family_lift.length)}
            hint={`Bought together in ≥ ${formatCount(pa.min_pair_orders)} orders`}
          />
        </dl>
      </PageHeader>

      <Section
        id="takeaways"
        title="What stands out"
        intro="Computed from the data below; index and lift are ratios to all customers and to chance."
      >
        <AffinityTakeaways items={affinityTakeaways(pa)} />
        <h3 className="mt-8 text-lg">Each persona’s lean</h3>
        <p className="mt-1 mb-4 max-w-3xl text-sm text-ink-muted">
          The lifestyle intent each persona over- and under-indexes on most, and its standout product family
          (among families with at least 0.5% of all spend). Muted figures are within 5% of all customers.
        </p>
        <PersonaSignatures signatures={personaSignatures(intent, family)} />
      </Section>

      <Section
        id="persona-affinity-section"
        title="Persona × category"
        intro="Opens on the index against all customers: 1× buys like everyone, above 1× over-indexes, below under-indexes. Switch to spend share or penetration for size; drill from lifestyle intents to product families, grouped by intent. Hover or focus a cell for every figure."
      >
        <PersonaAffinityHeatmap {...heatmap} />
      </Section>

      <Section
        id="lift-section"
        title="What sells together"
        intro="Co-purchase lift across all customers: how much more often two categories share an order than if they were bought independently. Use it for adjacencies in store, bundles and “complete the set” online."
      >
        <LiftHeatmap {...lift} />
      </Section>

      <Section
        id="cross-sell-value-section"
        title="Cross-sell opportunities by value"
        intro={`Every family pair bought together in at least ${formatCount(pa.min_pair_orders)} orders (the minimum support) and more often than chance (lift above 1), both ways, ranked by what ${pa.attach_rise_pct} more points of attach rate would be worth: that share more of the orders holding A also holding B, at B’s average spend in an order with B, over the data’s period. Attach rate: the share of A’s orders that hold B. A rise is likelier where the lift is already high.`}
      >
        <p className="mb-3 text-sm text-ink" data-testid="cross-sell-value-takeaway">
          {crossSellValueTakeaway(pa, currency)}
        </p>
        <DataTable
          table={crossSellValueTable(pa)}
          caption={`The ${pa.cross_sell.length} most valuable cross-sells, with at least ${formatCount(pa.min_pair_orders)} orders holding both`}
          currency={currency}
          wrapText
        />
      </Section>

      <Section
        id="cross-sell-section"
        title="Cross-sell pairs by persona"
        intro="The family pairs each persona buys together far more often than chance, measured inside that persona’s own orders."
      >
        <CrossSellLists {...crossSell} />
      </Section>
    </>
  );
}
