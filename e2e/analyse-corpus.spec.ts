/**
 * "Analyse your data" on every case of the corpus of realistic exports (test/corpus), loaded as a
 * brand analyst would: the orders file and its side files, no column chosen by hand. The money the
 * page accounts for is the file's, to the paisa; the downloads carry pseudonyms and no personal
 * data; the key map joins them back; and no request carries a file.
 */
import { expect, test, type Request } from '@playwright/test';
import Papa from 'papaparse';
import { generateCorpus } from '../test/corpus/generate';
import { formatCount, formatMoney } from './expected-format';
import { downloadText, expectHarmless, trackErrors } from './support';

test.describe.configure({ timeout: 180_000 });

const cases = generateCorpus();

/** Lower-cased words joined by single spaces, so "Asha  Rao," and "asha rao" compare equal. */
const words = (text: string) => ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

/**
 * The personal data a published table must not hold, checked here on its own terms rather than with
 * the app's scanner: nothing shaped like an e-mail (no "@" at all: a pseudonymised table has no use
 * for one) or a phone (no run of ten digits: no id, count or amount is that long), and none of the
 * files' e-mails, phones (also by their last ten digits) or multi-word values such as full names.
 */
function personalIn(text: string, values: readonly string[]): string[] {
  const found: string[] = [];
  if (text.includes('@')) found.push('an @');
  const digitRun = /\d{10,}/.exec(text);
  if (digitRun) found.push(`ten or more digits: ${digitRun[0]}`);
  const all = words(text);
  // Digits with the separators people type in phone numbers taken out (98765-43210 → 9876543210).
  const joined = text.replace(/(?<=\d)[\s().-]+(?=\d)/g, '');
  for (const v of values) {
    const digits = v.replace(/\D/g, '');
    if (digits.length >= 10 && /^[\d\s()+.-]+$/.test(v.trim())) {
      if (joined.includes(digits.slice(-10))) found.push(`phone ${v}`);
    } else if (v.includes('@') || words(v).trim().split(' ').length >= 2) {
      if (all.includes(words(v))) found.push(`value ${v}`);
    }
  }
  return found;
}

const upload = (file: { name: string; text: string }) => ({
  name: file.name,
  mimeType: 'text/csv',
  buffer: Buffer.from(file.text, 'utf8'),
});

for (const c of cases) {
  test(`${c.name}: read without a hand mapping, its money accounted for to the paisa, its downloads pseudonymous`, async ({
    page,
  }) => {
    const errors = trackErrors(page);
    await page.goto('/analyse');
    await expect(page.locator('[data-testid="analyse-app"][data-ready]')).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));

    await page.getByLabel('Drop the orders CSV here, or choose a file').setInputFiles(upload(c.files.orders));
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await expect(page.getByTestId('mapping-missing')).toHaveCount(0);
    if (/shopify/.test(c.name)) await expect(page.getByTestId('platform-note')).toContainText('Shopify');
    if (c.name === 'woocommerce')
      await expect(page.getByTestId('platform-note')).toContainText('WooCommerce');
    if (c.files.products)
      await page.getByLabel('Products file (optional)').setInputFiles(upload(c.files.products));
    if (c.files.customers)
      await page.getByLabel('Customers file (optional)').setInputFiles(upload(c.files.customers));
    if (c.files.intents)
      await page.getByLabel('Category → intent file (optional)').setInputFiles(upload(c.files.intents));
    await page.getByTestId('analyse-button').click();
    await expect(page.locator('[data-testid="analyse-results"][data-k="5"]')).toBeVisible({
      timeout: 150_000,
    });
    await expect(page.getByTestId('analyse-error')).toHaveCount(0);

    const t = c.truth;
    await expect(page.getByTestId('read-summary')).toContainText(
      `${formatCount(t.customers)} customers, ${formatCount(t.orders)} orders`,
    );
    const account = page.getByTestId('reconciliation');
    await expect(account).toContainText(formatMoney(t.netRevenuePaise / 100, 'INR', 2));
    await expect(account).toContainText('It reconciles with the file to the paisa.');
    await expect(page.getByTestId('kpi-customers')).toContainText(formatCount(t.customers));
    // A side file's warnings are said once, with its summary, not again among the orders file's.
    for (const side of [c.files.customers, c.files.intents]) {
      if (side) await expect(page.getByTestId('read-warnings').getByText(side.name)).toHaveCount(0);
    }

    // The tables' customer ids are pseudonyms; nothing personal from the files is in them.
    const master = await downloadText(page, 'download-customers_master-csv');
    const rows = Papa.parse<string[]>(master.text.trim(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(1 + t.customers);
    expect(rows.slice(1).every((r) => /^c_[a-z]{14}$/.test(r[0]!))).toBe(true);
    expect(personalIn(master.text, t.personalValues)).toEqual([]);
    // The key map, made on this device, joins each pseudonym back to the e-mail or phone of the file.
    const keys = await downloadText(page, 'download-customer-keys');
    expect(keys.name).toBe('customer-keys.csv');
    const map = Papa.parse<string[]>(keys.text.trim(), { newline: '\r\n' }).data;
    expect(map[0]).toEqual(['customer_id', 'customer_key', 'key_kind']);
    expect(new Set(map.slice(1).map((r) => r[0]))).toEqual(new Set(rows.slice(1).map((r) => r[0])));
    // Phone keys start with an apostrophe: the formula guard of every CSV we write (spreadsheets hide it).
    expect(map.slice(1).every((r) => /@|^'?\+\d{10,}$/.test(r[1]!))).toBe(true);

    for (const r of requests) expectHarmless(r);
    expect(errors).toEqual([]);
  });
}
