import { CustomerExplorer } from '@/components/explorer/customer-explorer';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader } from '@/components/layout/page-header';
import { loadManifest, loadTable } from '@/lib/data/load-data';
import type { ValueModelInfo } from '@/lib/explorer/value';
import { formatCount } from '@/lib/format/format';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Customer explorer',
  description:
    'Every customer with their features, scores and persona: filter, sort, search, open a profile and export a CRM audience as CSV.',
};

/**
 * The server-rendered shell holds only the manifest's counts; the client component reads the customer
 * rows from /data/customers_master.parquet after the page loads, a view at a time (see the component).
 */
export default function CustomersPage() {
  const manifest = loadManifest();
  if (!manifest) return <MissingData what="the customer table (customers_master)" />;
  // Only the horizon and the verdict go to the client: a few bytes, not the model.
  const model = loadTable('value_model');
  const valueModel: ValueModelInfo | null = model
    ? {
        horizonMonths: model.horizon_months,
        frequency: model.sufficiency.frequency,
        monetary: model.sufficiency.monetary,
        reason: model.sufficiency.reasons[0] ?? null,
      }
    : null;
  return (
    <>
      <PageHeader
        eyebrow="Customer explorer"
        title="Find the customers behind the personas"
        lede={
          <p>
            All {formatCount(manifest.counts.customers)} customers, with their orders, scores, persona and
            demographics{valueModel?.frequency ? ', and what the value model predicts for them' : ''}. Filter
            and sort to build an audience, open a customer&apos;s profile, and export the list as CSV for the
            CRM. The view is kept in the address, so a link shares it.
          </p>
        }
      />
      <CustomerExplorer valueModel={valueModel} currency={manifest.config.currency} />
    </>
  );
}
