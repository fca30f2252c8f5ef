import { expect, test } from '@playwright/test';
import { PAGES as ROUTES } from '../scripts/bench-pages-list';
import { readTable } from './support';

/**
 * Issue 14: "every × ratio is computed against the baseline printed beside it". This walks every
 * built page, finds each sentence that states a ratio with its value and its baseline, and checks
 * the ratio against the two numbers as printed — with only the printed digits, so the figures a
 * reader sees must agree with each other, whatever the app computed them from.
 */
const personas = readTable('segmentation').personas.map((p) => p.cluster_id);
// Every page (the shared list has one persona page; here every persona's).
const PAGES = [
  ...ROUTES.filter((url) => !url.startsWith('/personas/')),
  ...personas.map((id) => `/personas/${id}`),
];

/** A printed number: "₹1,13,309", "54.3", "0.21". */
const N = String.raw`₹?[\d,]+(?:\.\d+)?`;

/**
 * The sentence shapes that state a ratio with both of its terms. Each names the groups `value`,
 * `base` and `ratio`; `ratio` should be value ÷ base.
 */
const SHAPES: Array<{ name: string; pattern: RegExp }> = [
  {
    name: 'revenue share from customer share (revenue index)',
    pattern: new RegExp(
      String.raw`(?<value>${N})% of revenue from (?<base>${N})% of customers[^()]*?\(revenue index (?<ratio>${N})×\)`,
      'g',
    ),
  },
  {
    name: 'customer share but only revenue share (revenue index)',
    pattern: new RegExp(
      String.raw`(?<base>${N})% of customers but only (?<value>${N})% of revenue[^()]*?\(revenue index (?<ratio>${N})×\)`,
      'g',
    ),
  },
  {
    name: 'customer share and revenue share (index)',
    pattern: new RegExp(
      String.raw`(?<base>${N})% of customers and (?<value>${N})% of revenue \((?:revenue )?index (?<ratio>${N})×\)`,
      'g',
    ),
  },
  {
    name: 'a score against the overall',
    pattern: new RegExp(
      String.raw`(?<value>${N}) of 100,? (?:— |\()(?<ratio>${N})× the overall (?<base>${N})`,
      'g',
    ),
  },
  {
    name: 'index of spend share',
    pattern: new RegExp(
      String.raw`\((?<ratio>${N})×\): (?<value>${N})% of their spend against (?<base>${N})%`,
      'g',
    ),
  },
  {
    name: 'store visits against the fewest',
    pattern: new RegExp(
      String.raw`(?<value>${N}) store visits and ${N} online orders per customer a month, (?<ratio>${N})× the (?<base>${N}) store visits`,
      'g',
    ),
  },
  {
    name: 'share of online demand against in-store',
    pattern: new RegExp(
      String.raw`(?<ratio>${N})× as big a part of online demand \((?<value>${N})%\) as of in-store \((?<base>${N})%\)`,
      'g',
    ),
  },
  {
    name: 'share of in-store demand against online',
    pattern: new RegExp(
      String.raw`(?<ratio>${N})× the other way \((?<value>${N})% of in-store demand against (?<base>${N})% of online\)`,
      'g',
    ),
  },
  {
    name: 'a persona trait against everyone',
    pattern: new RegExp(
      String.raw`(?<ratio>${N})× (?:as much per order|as often|the average) \((?<value>${N})(?: a month)? vs (?<base>${N})\)`,
      'g',
    ),
  },
  {
    name: 'a distribution against another group',
    pattern: new RegExp(
      String.raw`: (?<value>${N})(?:%| [a-z]+)? for [^;()]+? vs (?<base>${N})(?:%| [a-z]+)? for [^;()]+? \((?<ratio>${N})×\)`,
      'g',
    ),
  },
  {
    name: 'money against an average',
    pattern: new RegExp(
      String.raw`(?<value>${N}) per (?:touch|minute in store), (?<ratio>${N})× (?:the persona’s average of|the average of) (?<base>${N})`,
      'g',
    ),
  },
];

/** The number and the half-width of its last printed digit ("54.3" → 54.3 ± 0.05). */
function printed(text: string): { value: number; half: number } {
  const digits = text.replace(/[₹,]/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  return { value: Number(digits), half: 0.5 * 10 ** -decimals };
}

/**
 * Is the printed ratio what the printed value and baseline give? Each printed number stands for
 * anything that rounds to it, so the check allows exactly that and no more. Null when the baseline
 * could be zero (nothing to check).
 */
function agrees(valueText: string, baseText: string, ratioText: string): boolean | null {
  const v = printed(valueText);
  const b = printed(baseText);
  const r = printed(ratioText);
  if (b.value - b.half <= 0) return null;
  const lo = Math.max(0, v.value - v.half) / (b.value + b.half);
  const hi = (v.value + v.half) / (b.value - b.half);
  return r.value + r.half >= lo && r.value - r.half <= hi;
}

test.describe('figures that agree with each other', () => {
  test.describe.configure({ timeout: 240_000 });

  test('every ratio stated with its value and baseline equals value ÷ baseline, on every page', async ({
    page,
  }) => {
    const found = new Map<string, number>();
    const wrong: string[] = [];
    for (const url of PAGES) {
      await page.goto(url, { timeout: 90_000 });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
      // All the page's words, also those in folded sections and chart tables a reader can open.
      const text = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      for (const { name, pattern } of SHAPES) {
        for (const m of text.matchAll(pattern)) {
          const { value, base, ratio } = m.groups!;
          const ok = agrees(value!, base!, ratio!);
          if (ok === null) continue;
          found.set(name, (found.get(name) ?? 0) + 1);
          if (!ok) wrong.push(`${url}: “${m[0]}” — ${value} ÷ ${base} is not ${ratio}×`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The check only means something if the sentences are still there to check: each shape must
    // have been found (a reworded sentence must bring its pattern up to date).
    const missing = SHAPES.map((s) => s.name).filter((name) => !found.has(name));
    expect(missing, `shapes found: ${JSON.stringify(Object.fromEntries(found))}`).toEqual([]);
  });

  test('the check itself: a printed ratio that does not follow from its terms is caught', () => {
    expect(agrees('34,155', '14,169', '2.4')).toBe(true);
    expect(agrees('34,155', '14,169', '2.1')).toBe(false);
    expect(agrees('54.3', '35.9', '1.51')).toBe(true);
    expect(agrees('0.21', '0.06', '3.3')).toBe(true);
    expect(agrees('0.21', '0.06', '2.5')).toBe(false);
    expect(agrees('4', '0', '9.9')).toBeNull();
  });
});
