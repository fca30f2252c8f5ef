/**
 * The dashboard built from one case of the corpus of realistic exports (scripts/check-brand-build.ts
 * builds, exports and serves it, once per case): its money reconciles with the file's, nothing it
 * publishes holds personal data, and every page renders the brand's tables with their provenance.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatCount, formatMoney } from '@/lib/format/format';
import { formatDay } from '@/lib/format/provenance';
import { personalNeedles } from '@/lib/privacy/personal-data';
import type { Manifest } from '@/lib/schema/manifest';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { screenshotBothWidths, trackErrors } from '../e2e/support';
import { PAGES } from '../scripts/bench-pages-list';
import { describeFindings, scanFolder } from '../scripts/lib/scan-published';
import type { CorpusTruth } from '../test/corpus/types';

const CASE = process.env.OMNI_BRAND_CASE ?? '';
const DIR = process.env.OMNI_BRAND_DIR ?? '';
const EXPORT = process.env.OMNI_BRAND_EXPORT ?? '';
const WITHOUT_SOURCES = process.env.OMNI_BRAND_WITHOUT_SOURCES === '1';

test.skip(!CASE || !DIR || !EXPORT, 'run by scripts/check-brand-build.ts, which builds the brand dashboard');

const read = (...parts: string[]) => readFileSync(path.join(DIR, ...parts), 'utf8');
const json = <T>(name: string): T => JSON.parse(read('data', name)) as T;
const truth = (): CorpusTruth => JSON.parse(read('input', 'truth.json')) as CorpusTruth;
const provenanceOf = () => {
  const p = json<Manifest>('manifest.json').provenance;
  if (p.kind !== 'orders') throw new Error('not a brand build');
  return p;
};
const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

test(`${CASE}: the revenue in the tables is the file's, net of refunds, to the paisa`, () => {
  const t = truth();
  const p = provenanceOf();
  expect(p.reconciliation.tables_paise).toBe(t.netRevenuePaise);
  const revenue = json<{ rows: Array<{ revenue: number }> }>('revenue_by_cluster.json');
  expect(revenue.rows.reduce((s, r) => s + Math.round(r.revenue * 100), 0)).toBe(t.netRevenuePaise);
  expect(json<Manifest>('manifest.json').counts.customers).toBe(t.customers);
  expect(json<Manifest>('manifest.json').counts.orders).toBe(t.orders);
});

test(`${CASE}: nothing the static export publishes holds an e-mail, a phone number, a name or an address`, async () => {
  const findings = await scanFolder(EXPORT, personalNeedles(truth().personalValues));
  expect(findings, describeFindings(findings).join('\n')).toEqual([]);
});

for (const url of PAGES) {
  test(`${CASE}: ${url} shows the brand's data and its provenance`, async ({ page }) => {
    const errors = trackErrors(page);
    await page.goto(withSlash(url));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1')).toBeVisible();
    const provenance = page.getByTestId('provenance');
    if (url === '/analyse') {
      // The in-browser analysis speaks of the file chosen there, not of the build.
      await expect(provenance).toContainText('Your file:');
    } else {
      await expect(provenance).toContainText('Your data:');
      await expect(provenance).toContainText(provenanceOf().files.orders);
    }
    await expect(provenance).not.toContainText('Sandbox data');
    await expect(page.locator('main')).not.toContainText('NaN');
    await expect(page.locator('main')).not.toContainText('undefined');
    expect(errors).toEqual([]);
  });
}

test(`${CASE}: the personas are those of the brand build`, async ({ page }) => {
  const seg = json<{ personas: Array<{ persona: string }> }>('segmentation.json');
  await page.goto('/personas/');
  await expect(page.getByTestId('persona-card')).toHaveCount(seg.personas.length);
  for (const p of seg.personas) await expect(page.getByRole('heading', { name: p.persona })).toBeVisible();
});

test(`${CASE}: the explorer lists pseudonymous customers, and the private key map finds one`, async ({
  page,
}) => {
  const { counts } = json<Manifest>('manifest.json');
  // The key map (private/, never published) joins a pseudonym back to the file's e-mail or phone.
  const keyMap = Papa.parse<string[]>(read('private', 'customer-keys.csv').trim(), { newline: '\r\n' }).data;
  expect(keyMap[0]).toEqual(['customer_id', 'customer_key', 'key_kind']);
  expect(keyMap.length - 1).toBe(counts.customers);
  const [pseudonym, key] = keyMap[1]!;
  expect(pseudonym).toMatch(/^c_[a-z]{14}$/);
  // Phone keys start with an apostrophe: the formula guard of every CSV we write (spreadsheets hide it).
  expect(key).toMatch(/@|^'?\+\d{10,}$/);
  await page.goto('/customers/');
  await expect(page.getByTestId('result-count')).toHaveText(
    `Showing ${formatCount(counts.customers)} of ${formatCount(counts.customers)} customers`,
    { timeout: 20_000 },
  );
  // The count can show before the explorer's engine has started (from the first-rows file); the
  // search is answered once it has.
  await page.getByRole('searchbox').first().fill(pseudonym!);
  await expect(page.getByTestId('customer-scroll')).toHaveAttribute('data-view', `q=${pseudonym}`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('customer-table')).toContainText(pseudonym!);
  await expect(page.getByTestId('customer-table')).not.toContainText(key!);
});

test(`${CASE}: the import report gives the files, the platform, the dates and the money accounted for`, async ({
  page,
}) => {
  const p = provenanceOf();
  const t = truth();
  // The old Data & sources address still leads to the report, now part of Methodology & data.
  await page.goto('/data/');
  await expect(page).toHaveURL(/\/methodology\/?#import$/);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText(p.files.orders);
  await expect(report).toContainText(p.platform_label);
  for (const side of [p.files.products, p.files.customers, p.files.intents])
    if (side) await expect(report).toContainText(side);
  await expect(report).toContainText(formatCount(p.rows_read));
  await expect(report).toContainText(`${formatDay(p.first_day)} – ${formatDay(p.last_day)}`);
  const account = page.getByTestId('import-reconciliation');
  await expect(account).toContainText(formatMoney(t.netRevenuePaise / 100, 'INR', 2));
  await expect(account).toContainText('It reconciles with the file to the paisa.');
  await screenshotBothWidths(page, '/methodology/', `brand-${CASE}-methodology`);
});

test(`${CASE}: Channels and Operations say where their day × hour curves come from`, async ({ page }) => {
  await page.goto('/channels/');
  const facts = page.getByTestId('arrival-facts');
  if (WITHOUT_SOURCES) {
    await expect(facts).toContainText('The public arrival curves were not available');
    await expect(page.locator('main')).toContainText('In-store orders, day × hour');
    await screenshotBothWidths(page, '/channels/', `brand-${CASE}-channels`);
    await page.goto('/operations/');
    await expect(page.locator('main')).toContainText('by your own orders');
  } else {
    await expect(facts).toContainText('Your orders against these public curves');
  }
});

test(`${CASE}: Revenue & CLV gives the value model's verdict on this data, and any note on what the fit found`, async ({
  page,
}) => {
  const vm = json<{ sufficiency: { notes?: string[] }; bgnbd: { model?: string } | null }>(
    'value_model.json',
  );
  await page.goto('/revenue/');
  const notes = vm.sufficiency.notes ?? [];
  // A POS register of steady buyers shows no dropout: the page must say why everyone counts as active.
  for (const note of notes) await expect(page.getByTestId('predicted-value')).toContainText(note);
  if (vm.bgnbd?.model === 'nbd') expect(notes.join(' ')).toContain('No dropout is seen in the data');
});
