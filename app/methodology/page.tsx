import { ChartFrame } from '@/components/charts/chart-frame';
import { ImportReport } from '@/components/data/import-report';
import { BuildConfigList, ManifestCounts, ManifestNotes } from '@/components/data/manifest-parts';
import { SourcesDetails } from '@/components/data/sources-details';
import { TablesAndFiles } from '@/components/data/tables-and-files';
import { MissingData } from '@/components/layout/missing-data';
import { PageHeader, Section } from '@/components/layout/page-header';
import { CentroidHeat } from '@/components/methodology/centroid-heat';
import { DataModelDiagram } from '@/components/methodology/data-model-diagram';
import { KLineChart } from '@/components/methodology/k-line-chart';
import { LimitationsList } from '@/components/methodology/limitations-list';
import { MetricDefinitions } from '@/components/methodology/metric-definitions';
import { PcaScatterChart } from '@/components/methodology/pca-scatter';
import { ValueModelSection } from '@/components/methodology/value-section';
import { DataTable } from '@/components/ui/data-table';
import { KpiCard } from '@/components/ui/kpi-card';
import { limitations } from '@/content/limitations';
import { metricGroups } from '@/content/metrics';
import { loadCdnowBenchmark } from '@/lib/data/load-benchmark';
import { listDataFiles, loadManifest, loadTable } from '@/lib/data/load-data';
import { formatCount } from '@/lib/format/format';
import { TABLE_INFO } from '@/lib/schema';
import {
  centroidView,
  dataModel,
  kChoice,
  methodKpis,
  pcaScatter,
  versionRows,
} from '@/lib/view/methodology';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Methodology & data',
  description:
    'The import report, the data model with every table and file, the sources, every metric’s definition, how the number of personas was chosen, the PCA view, centroids, the predicted-value models with their back-test and benchmark, limitations and the build manifest.',
};

const link = 'text-accent underline decoration-accent/30 underline-offset-4 hover:decoration-accent';

export default function MethodologyPage() {
  const manifest = loadManifest();
  const seg = loadTable('segmentation');
  if (!manifest || !seg) return <MissingData what="the manifest and the segmentation table" />;
  const currency = manifest.config.currency;

  const model = dataModel(TABLE_INFO, manifest);
  const k = kChoice(seg);
  const pca = pcaScatter(seg);
  const centroids = centroidView(seg, currency);
  const kpis = methodKpis(manifest, seg, k, pca);
  const valueModel = loadTable('value_model');
  const cdnow = loadCdnowBenchmark();
  const fileSizes = new Map(listDataFiles().map((file) => [file.name, file.bytes]));
  const provenance = manifest.provenance;

  return (
    <>
      <PageHeader
        eyebrow="Methodology & data"
        title="How the numbers are made"
        lede={
          <p>
            {formatCount(manifest.counts.customers)}{' '}
            {provenance.kind === 'orders'
              ? `customers from your orders (${provenance.files.orders})`
              : 'synthetic customers generated from public omnichannel grocery data'}
            , described by features and four relative scores, and grouped into {seg.k} personas by k-means.
            Every table and file of the build is listed under{' '}
            <a href="#data-model" className={link}>
              Data model
            </a>
            , with its size and a download.
          </p>
        }
      >
        <dl className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
          {kpis.map((x) => (
            <KpiCard key={x.id} label={x.label} value={x.value} hint={x.hint} testId={x.id} />
          ))}
        </dl>
      </PageHeader>

      {provenance.kind === 'orders' && (
        <Section
          id="import"
          title="Import report"
          intro="What was read from your files, which rows were skipped and why, and what was assumed."
        >
          <ImportReport provenance={provenance} currency={currency} />
        </Section>
      )}

      <Section
        id="data-model"
        title="Data model"
        intro={
          <>
            Customer-grained and star-schema inspired: every table is a file in <code>public/data</code>,
            validated against its zod schema before it is written.
          </>
        }
      >
        <figure className="rounded-lg border border-line bg-surface p-4 sm:p-5">
          <figcaption className="mb-4">
            <h3 className="text-lg leading-snug">Tables and how they join</h3>
            <p className="mt-1 text-sm">{model.takeaway}</p>
          </figcaption>
          <DataModelDiagram model={model} />
        </figure>
        <div className="mt-5">
          <TablesAndFiles manifest={manifest} joins={model.joins} fileSizes={fileSizes} />
        </div>
      </Section>

      <Section
        id="sources"
        title="Sources"
        intro="Five public files, pinned to one commit and checked by SHA-256 before every build."
      >
        <SourcesDetails sources={manifest.sources} />
      </Section>

      <Section
        id="metrics"
        title="Metrics"
        intro="What every number on the dashboard means, as the pipeline computes it. Money is net of discounts, in the build’s currency."
      >
        <MetricDefinitions groups={metricGroups(manifest.config.recent_months, currency)} />
      </Section>

      <Section
        id="choice-of-k"
        title="Choosing the number of personas"
        intro={`k-means (${seg.kmeans.library}) on ${seg.features.length} z-scored features, run for k = ${k.rows[0]?.k ?? ''} … ${k.rows[k.rows.length - 1]?.k ?? ''} on a seeded sample of ${formatCount(k.sample.kmeans_rows)} customers; silhouettes on ${formatCount(k.sample.silhouette_rows)} of them. The build uses k = ${seg.k}.`}
      >
        <p className="mb-5 text-sm" data-testid="chosen-k">
          Chosen k: <strong className="font-display text-xl tabular-nums">{seg.k}</strong>{' '}
          <span className="text-ink-muted">
            (build configuration k = {manifest.config.k}; elbow at k = {k.elbowK}, highest silhouette at k ={' '}
            {k.bestSilhouetteK})
          </span>
        </p>
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartFrame
            id="elbow-chart"
            title="Elbow: inertia by k"
            takeaway={k.elbowTakeaway}
            subtitle="Within-cluster sum of squared distances to the centroid, in z-score units², on the diagnostic sample. Lower is tighter; look for the bend."
            table={k.elbowTable}
            currency={currency}
            downloadName="k-elbow-inertia"
          >
            <KLineChart rows={k.rows} metric="inertia" yLabel="Inertia, z units²" testId="elbow-svg" />
          </ChartFrame>
          <ChartFrame
            id="silhouette-chart"
            title="Silhouette by k"
            takeaway={k.silhouetteTakeaway}
            subtitle="Mean silhouette, −1 to 1: how much closer each customer is to its own cluster than to the next one. Higher is better separated."
            table={k.silhouetteTable}
            currency={currency}
            downloadName="k-silhouette"
          >
            <KLineChart rows={k.rows} metric="silhouette" yLabel="Mean silhouette" testId="silhouette-svg" />
          </ChartFrame>
        </div>
        <DataTable
          className="mt-5"
          table={k.table}
          caption="k diagnostics (segmentation.json)"
          currency={currency}
        />
      </Section>

      <Section
        id="pca"
        title="The personas in two dimensions"
        intro={`A principal component analysis (ml-pca) of the same z-scored features, fitted on a seeded sample; ${formatCount(pca.total)} sampled customers are plotted.`}
      >
        <ChartFrame
          id="pca-chart"
          title="PCA scatter by persona"
          takeaway={pca.takeaway}
          subtitle="Each dot is one sampled customer; both axes in z-score units. Dashed lines: the average customer (0, 0). The table gives each persona’s sample size, mean and range."
          table={pca.table}
          currency={currency}
          downloadName="pca-by-persona"
        >
          <PcaScatterChart scatter={pca} />
        </ChartFrame>
        <DataTable
          className="mt-5"
          table={pca.loadingsTable}
          caption="PCA loadings: weight of each feature in the first two components"
          currency={currency}
        />
      </Section>

      <Section
        id="centroids"
        title="Cluster centroids"
        intro="Where each persona’s centre lies on the clustered features: in standard deviations from the average customer, and in the features’ own units."
      >
        <ChartFrame
          id="centroid-chart"
          title="Centroids in z-scores"
          takeaway={centroids.takeaway}
          subtitle="Standard deviations from the average customer (0). Purple above average, orange below; average order value is z-scored on its log."
          table={centroids.zTable}
          currency={currency}
          downloadName="centroids-z"
        >
          <CentroidHeat view={centroids} />
        </ChartFrame>
        <div className="mt-5 grid gap-5">
          <DataTable
            table={centroids.unitsTable}
            caption="Centroids in the features’ own units"
            currency={currency}
          />
          <DataTable
            table={centroids.featureTable}
            caption="Clustered features: transform, mean and SD before z-scoring"
            currency={currency}
          />
        </div>
      </Section>

      <Section
        id="predicted-value"
        title="Predicted customer value (BG/NBD + Gamma-Gamma)"
        intro="How P(alive), expected purchases and predicted CLV are made, how well the purchase model forecast a held-out period of this data, and a check of the same code against published results."
      >
        <ValueModelSection vm={valueModel} cdnow={cdnow} />
      </Section>

      <Section
        id="limitations"
        title="Assumptions and limitations"
        intro="What the numbers can and cannot carry."
      >
        <LimitationsList items={limitations(manifest, seg, k, pca)} />
      </Section>

      <Section
        id="manifest"
        title="Build manifest"
        intro={
          <>
            Everything needed to rebuild these exact files, from{' '}
            <a href="/data/manifest.json" className={link}>
              manifest.json
            </a>
            : same sources and configuration give byte-identical output.
          </>
        }
      >
        <div className="space-y-8">
          <p className="text-sm">
            <strong data-testid="build-title">{manifest.title}</strong> · schema version{' '}
            <strong className="tabular-nums" data-testid="manifest-schema-version">
              {manifest.schema_version}
            </strong>{' '}
            · seed{' '}
            <strong className="tabular-nums" data-testid="manifest-seed">
              {manifest.config.seed}
            </strong>
          </p>
          <ManifestCounts counts={manifest.counts} />
          <div>
            <h3 className="mb-4 text-lg">Configuration</h3>
            <BuildConfigList config={manifest.config} own={manifest.provenance.kind === 'orders'} />
          </div>
          <DataTable
            className="max-w-xl"
            table={{
              columns: [
                { key: 'name', label: 'Package', format: 'text' },
                { key: 'version', label: 'Version', format: 'text' },
              ],
              rows: versionRows(manifest).map((v) => ({ ...v })),
            }}
            caption="Versions recorded in the manifest"
            currency={currency}
          />
          {manifest.notes.length > 0 && (
            <div>
              <h3 className="mb-4 text-lg">Notes</h3>
              <ManifestNotes notes={manifest.notes} />
            </div>
          )}
        </div>
      </Section>
    </>
  );
}
