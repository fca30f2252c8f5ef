import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestSchema } from '@/lib/schema/manifest';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatCount, formatPct } from './expected-format';
import {
  expectNoSeriousA11yViolations,
  readTable,
  screenshotBothWidths,
  showChartTables,
  trackErrors,
} from './support';

const manifest = ManifestSchema.parse(
  JSON.parse(readFileSync(path.join(process.cwd(), 'public', 'data', 'manifest.json'), 'utf8')),
);
const seg = readTable('segmentation');
/** Join keys per table, as README's "Data model" lists them (value_model is keyed like the other persona tables). */
const README_KEYS: Record<string, string> = {
  customers_master: 'customer_id',
  revenue_by_cluster: 'cluster_id',
  clv_proxy: 'customer_id, cluster_id',
  product_affinity: 'cluster_id, category',
  marketing_effectiveness: 'cluster_id, contact_channel',
  operational_efficiency: 'cluster_id, channel',
  arrivals_summary: 'day_index, hour',
  demand_summary: 'family_id',
  behaviour_overview: 'cluster_id',
  segmentation: 'cluster_id',
  value_model: 'cluster_id',
  persona_distributions: 'metric, cluster_id',
  customer_sample: 'cluster_id',
};
const valueModel = readTable('value_model');
const cdnow = JSON.parse(readFileSync(path.join(process.cwd(), 'benchmarks', 'cdnow.json'), 'utf8')) as {
  bgnbd: { r: number; alpha: number };
};
/** A number as the page prints it, with a true minus sign. */
const signed = (v: number, decimals: number) => `${v < 0 ? '−' : ''}${formatCount(Math.abs(v), decimals)}`;

async function open(page: Page, url = '/methodology') {
  await page.goto(url, { timeout: 90_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
}

/** The cells (after the row header) of the body row whose row header is `name`, as text. */
async function rowCells(table: Locator, name: string): Promise<string[]> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
}

test.describe('methodology page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('renders every section and chart with a takeaway, and no console errors', async ({ page }) => {
    const errors = trackErrors(page);
    await open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the numbers are made');
    for (const title of [
      'Data model',
      'Sources',
      'Metrics',
      'Choosing the number of personas',
      'The personas in two dimensions',
      'Cluster centroids',
      'Predicted customer value (BG/NBD + Gamma-Gamma)',
      'Assumptions and limitations',
      'Build manifest',
    ]) {
      await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
    }
    for (const title of [
      'Elbow: inertia by k',
      'Silhouette by k',
      'PCA scatter by persona',
      'Centroids in z-scores',
    ]) {
      await expect(page.getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
    }
    // Four charts (six with the value back-test), each with its table equivalent and download.
    const charts = valueModel.back_test ? 6 : 4;
    await expect(page.getByRole('button', { name: 'View as table' })).toHaveCount(charts);
    await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(charts);
    // Every metric the brief names is defined.
    for (const column of ['engagement_index', 'loyalty_score', 'churn_risk', 'clv_proxy', 'index', 'lift']) {
      await expect(page.locator(`[data-metric="${column}"]`)).toHaveCount(1);
    }
    await expect(page.locator('[data-metric="clv_proxy"]')).toContainText('99th-percentile');
    // The cross-sell ranking's two figures are defined where every metric is: attach rate by its
    // denominator, and the worth of the rise read off the affinity table's own rise in points.
    const affinity = readTable('product_affinity');
    await expect(page.locator('[data-metric="attach_pct"]')).toContainText('Of the orders holding family A');
    await expect(page.locator('[data-metric="value_of_rise"]')).toContainText(
      `${affinity.attach_rise_pct} percentage points more of the orders holding A`,
    );
    // Each source quirk of the manifest is listed among the limitations.
    const quirks = page.locator('[data-limitation="quirks"]');
    for (const note of manifest.notes.filter((n) =>
      /^Generator price substitution|\.csv, aisle \d+/.test(n),
    )) {
      await expect(quirks).toContainText(note);
    }
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test('shows the chosen k, and the k diagnostics table equals the JSON', async ({ page }) => {
    await open(page);
    expect(seg.k).toBe(manifest.config.k);
    await expect(page.getByTestId('chosen-k').locator('strong')).toHaveText(String(seg.k));
    await expect(page.getByTestId('kpi-k').locator('dd').first()).toHaveText(String(manifest.config.k));
    // The charts mark the chosen k (one drawing at every width).
    for (const id of ['elbow-svg', 'silhouette-svg']) {
      const svg = page.getByTestId(id);
      await expect(svg.locator('svg').first()).toBeVisible();
      await expect(svg.locator(`[data-chosen-k="${seg.k}"]`)).toContainText(`chosen k = ${seg.k}`);
      await expect(svg.locator('circle')).toHaveCount(seg.diagnostics.length);
    }

    const table = page.getByRole('table', { name: 'k diagnostics (segmentation.json)' });
    await expect(table.locator('tbody tr')).toHaveCount(seg.diagnostics.length);
    const sorted = [...seg.diagnostics].sort((a, b) => a.k - b.k);
    for (const [i, d] of sorted.entries()) {
      const prev = sorted[i - 1];
      expect(await rowCells(table, String(d.k))).toEqual([
        formatCount(d.inertia, 2),
        formatCount(d.silhouette, 4),
        prev ? formatPct((100 * (prev.inertia - d.inertia)) / prev.inertia, 1) : '—',
        d.k === seg.k ? 'chosen' : '',
      ]);
    }
    // The silhouette takeaway names the best k from the JSON.
    const best = sorted.reduce((b, d) => (d.silhouette > b.silhouette ? d : b));
    await expect(page.locator('#silhouette-chart p').first()).toContainText(`k = ${best.k}`);
  });

  test('predicted value: verdict, back-test KPIs and charts from value_model.json, CDNOW benchmark', async ({
    page,
  }) => {
    await open(page);
    const section = page.locator('#predicted-value');
    await expect(section.getByTestId('value-verdict')).toHaveAttribute(
      'data-verdict',
      !valueModel.bgnbd ? 'fallback' : !valueModel.gamma_gamma ? 'frequency-only' : 'full',
    );
    const pearson = valueModel.frequency_spend_correlation.pearson;
    if (pearson !== null)
      await expect(section.getByTestId('value-correlation')).toContainText(signed(pearson, 3));
    if (valueModel.bgnbd) {
      const params = section.getByRole('table', {
        name: 'BG/NBD and Gamma-Gamma parameters (value_model.json)',
      });
      expect((await rowCells(params, 'r'))[0]).toBe(formatCount(valueModel.bgnbd.r, 4));
    }

    const bt = valueModel.back_test;
    if (!bt) {
      await expect(section.getByTestId('value-back-test-missing')).toContainText(
        valueModel.back_test_reason ?? '',
      );
    } else {
      await expect(section.getByTestId('kpi-value-auc').locator('dd').first()).toHaveText(
        bt.auc === null ? '—' : formatCount(bt.auc, 3),
      );
      await expect(section.getByTestId('kpi-value-spearman').locator('dd').first()).toHaveText(
        bt.spearman === null ? '—' : signed(bt.spearman, 3),
      );
      await expect(section.getByTestId('kpi-value-predicted').locator('dd').first()).toHaveText(
        formatCount(bt.predicted_total, 0),
      );
      await expect(section.getByTestId('kpi-value-actual').locator('dd').first()).toHaveText(
        formatCount(bt.actual_total, 0),
      );

      // Tracking: both lines and the split, one table row per week.
      const tracking = page.getByTestId('value-tracking-svg');
      await expect(tracking).toBeVisible();
      await expect(tracking.locator('path[data-series="actual"]')).toHaveCount(1);
      await expect(tracking.locator('path[data-series="predicted"]')).toHaveCount(1);
      await expect(tracking.locator('[data-split-week]')).toHaveCount(1);
      await showChartTables(page);
      const trackingTable = page.getByRole('table', {
        name: 'Cumulative repeat purchases: actual vs predicted: data',
      });
      await expect(trackingTable.locator('tbody tr')).toHaveCount(bt.tracking.length);
      const lastWeek = bt.tracking[bt.tracking.length - 1]!;
      expect(await rowCells(trackingTable, formatCount(lastWeek.week))).toEqual([
        'holdout',
        formatCount(lastWeek.actual),
        formatCount(lastWeek.predicted, 1),
      ]);

      // Frequency buckets: a pair of bars per bucket, table equal to the JSON.
      const freq = page.getByTestId('value-frequency-svg');
      await expect(freq).toBeVisible();
      await expect(freq.locator('rect[data-series="actual"]')).toHaveCount(bt.by_frequency.length);
      await expect(freq.locator('rect[data-series="predicted"]')).toHaveCount(bt.by_frequency.length);
      const freqTable = page.getByRole('table', { name: 'Holdout purchases by calibration frequency: data' });
      await expect(freqTable.locator('tbody tr')).toHaveCount(bt.by_frequency.length);
      for (const b of bt.by_frequency) {
        const cells = await rowCells(freqTable, b.x);
        expect(cells.slice(0, 3)).toEqual([
          formatCount(b.customers),
          formatCount(b.actual, 2),
          formatCount(b.predicted, 2),
        ]);
      }
      // The table view toggles in place of the chart.
      const frame = page.locator('#value-frequency-chart');
      await frame.getByRole('button', { name: 'View as table' }).click();
      await expect(freqTable).toBeVisible();
      await expect(freq).toBeHidden();
    }

    // CDNOW: published r = 0.243 beside ours, with the citations.
    const bench = section.getByRole('table', { name: 'CDNOW: our estimates against the published ones' });
    const r = await rowCells(bench, 'r');
    expect(r[0]).toBe('0.243');
    expect(r[1]).toBe(formatCount(cdnow.bgnbd.r, 3));
    expect(r[3]).toBe('BG/NBD');
    expect((await rowCells(bench, 'α')).slice(0, 2)).toEqual(['4.414', formatCount(cdnow.bgnbd.alpha, 3)]);
    await expect(bench.locator('tbody tr')).toHaveCount(8);
    const refs = section.getByTestId('value-references');
    await expect(refs).toContainText('Marketing Science, 24(2), 275–284');
    await expect(refs).toContainText('Journal of Marketing Research, 42(4), 415–430');
    await expect(refs).toContainText('The Gamma-Gamma Model of Monetary Value');
  });

  test('the manifest section shows seed, counts, schema version and versions equal to manifest.json', async ({
    page,
  }) => {
    await open(page);
    const section = page.locator('#manifest');
    await expect(section.getByTestId('manifest-schema-version')).toHaveText(String(manifest.schema_version));
    await expect(section.getByTestId('manifest-seed')).toHaveText(String(manifest.config.seed));
    await expect(section.getByTestId('config-seed')).toHaveText(String(manifest.config.seed));
    await expect(section.getByTestId('config-k')).toHaveText(String(manifest.config.k));
    await expect(section.getByTestId('config-recent-months')).toHaveText(
      String(manifest.config.recent_months),
    );
    const counts = {
      customers: manifest.counts.customers,
      orders: manifest.counts.orders,
      'order-lines': manifest.counts.order_lines,
      'marketing-touches': manifest.counts.marketing_touches,
    };
    for (const [id, value] of Object.entries(counts)) {
      await expect(section.getByTestId(`count-${id}`)).toHaveText(formatCount(value));
    }
    const versions = section.getByRole('table', { name: 'Versions recorded in the manifest' });
    for (const [name, version] of Object.entries(manifest.versions.packages)) {
      expect(await rowCells(versions, name)).toEqual([version]);
    }
    expect(await rowCells(versions, 'omnichannel-insights (this project)')).toEqual([manifest.versions.app]);
  });

  test('the data model lists every table of the registry with its grain and key, and draws each', async ({
    page,
  }) => {
    await open(page);
    const table = page.getByRole('table', { name: 'Tables, grains and join keys' });
    // The tables, grains and keys as the build recorded them in manifest.json (the data, not the
    // app's registry); the keys also as README's "Data model" documents them.
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.key]))).toEqual(README_KEYS);
    await expect(table.locator('tbody tr')).toHaveCount(manifest.tables.length);
    for (const t of manifest.tables) {
      const cells = await rowCells(table, t.name);
      expect(cells[0]).toBe(t.grain);
      expect(cells[1]).toBe(t.key);
      expect(cells[2]).toBe(formatCount(t.rows));
    }
    const diagram = page.getByTestId('data-model-diagram').locator('svg[data-diagram-variant="wide"]');
    await expect(diagram).toBeVisible();
    for (const { name } of manifest.tables) {
      await expect(diagram.locator(`[data-table="${name}"]`)).toHaveCount(1);
    }
    // customer_id and cluster_id lines end at customers_master.
    await expect(diagram.locator('[data-join="customer_id"]')).not.toHaveCount(0);
    await expect(diagram.locator('[data-join="cluster_id"]')).not.toHaveCount(0);
  });

  test('the PCA scatter has one point per sample row, per persona, with a legend', async ({ page }) => {
    await open(page);
    const expected = new Map<number, number>();
    for (const [, , cl] of seg.pca.points) expected.set(cl, (expected.get(cl) ?? 0) + 1);
    // One drawing for every width (no phone duplicate).
    const paths = page.getByTestId('pca-scatter').locator('path[data-persona]');
    await expect(paths).toHaveCount(expected.size);
    let total = 0;
    for (const p of await paths.all()) {
      const cluster = Number(await p.getAttribute('data-persona'));
      const d = (await p.getAttribute('d')) ?? '';
      const dots = (d.match(/M/g) ?? []).length;
      expect(dots, `persona ${cluster}`).toBe(expected.get(cluster));
      expect(Number(await p.getAttribute('data-points'))).toBe(dots);
      total += dots;
    }
    expect(total).toBe(seg.pca.points.length);
    const legend = page.locator('#pca-chart').getByRole('list', { name: 'Personas' });
    for (const p of seg.personas) await expect(legend).toContainText(p.persona);
  });

  test('cites the sources with checksums, and the provenance bar leads here', async ({ page }) => {
    await open(page, '/');
    await page.getByTestId('provenance').getByRole('link', { name: 'Sources and method' }).click();
    await expect(page).toHaveURL(/\/methodology$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the numbers are made');
    const sources = page.getByRole('table', { name: /^Source files/ });
    for (const source of manifest.sources.files) await expect(sources).toContainText(source.sha256);
    await expect(page.getByTestId('citation')).toHaveText(manifest.sources.citation);
  });

  test('no serious or critical accessibility violations', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page);
  });

  test('screenshots at 1440 and 390 px without sideways scroll', async ({ page }) => {
    test.setTimeout(180_000);
    await screenshotBothWidths(page, '/methodology', 'methodology');
  });
});
