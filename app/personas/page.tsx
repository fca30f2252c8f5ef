import { MissingData } from '@/components/layout/missing-data';
import { PageHeader } from '@/components/layout/page-header';
import { PersonaCard } from '@/components/personas/persona-card';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import { buildPersonaCards, personasTakeaway } from '@/lib/view/personas';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Personas',
  description: 'Customer personas: who they are, what sets them apart, and the CRM plays for each.',
};

export default function PersonasPage() {
  const manifest = loadManifest();
  const segmentation = loadTable('segmentation');
  if (!manifest || !segmentation) return <MissingData what="the segmentation" />;

  const currency = manifest.config.currency;
  const cards = buildPersonaCards(
    {
      segmentation,
      revenue: loadTable('revenue_by_cluster'),
      behaviour: loadTable('behaviour_overview'),
      affinity: loadTable('product_affinity'),
      value: loadTable('value_model'),
    },
    currency,
  );

  return (
    <>
      <PageHeader
        eyebrow="Personas"
        title="Who our customers are, and how to talk to each of them"
        lede={<p data-testid="personas-takeaway">{personasTakeaway(cards)}</p>}
      >
        <p className="mt-3 max-w-3xl text-sm text-ink-muted">
          Personas come from k-means on five behaviours (loyalty, order value, discount share, engagement,
          churn risk). Each card compares the persona with all customers: ▲ / ▼ mark a higher or lower value;
          the <strong className="font-medium text-ink">index</strong> beside an intent or product family is
          the persona&rsquo;s share of spend on it divided by everyone&rsquo;s (1.00× = same as everyone).
          Scores are 0–100, relative to this customer base.
        </p>
      </PageHeader>

      <ul className="grid gap-6 lg:grid-cols-2" aria-label="Personas">
        {cards.map((card, i) => (
          <li key={card.clusterId}>
            <PersonaCard card={card} position={i + 1} total={cards.length} currency={currency} />
          </li>
        ))}
      </ul>
    </>
  );
}
