import type { Archetype } from './persona-naming';

/** The numbers a persona's description and CRM plays are written from. */
export interface PersonaFacts {
  persona: string;
  archetype: Archetype['key'] | null;
  customers: number;
  customerSharePct: number;
  revenueSharePct: number;
  /** Net revenue per order (all the persona's orders), and the same across every order. */
  avgOrderValue: string;
  overallAvgOrderValue: string;
  /** avgOrderValue ÷ overallAvgOrderValue: the ratio is always against the figure printed beside it. */
  aovRatio: number;
  frequencyRatio: number;
  churnRisk: number;
  overallChurnRisk: number;
  discountSharePct: number;
  overallDiscountSharePct: number;
  onlineSharePct: number;
  /** Intents this persona over-indexes on, strongest first. */
  topIntents: string[];
  /** Contact channel with the most conversions per touch, and its discount dependency. */
  bestChannel: { channel: string; conversionRatePct: number; discountDependencyPct: number } | null;
}

const x = (ratio: number) => `${ratio.toFixed(1)}×`;
const n = (v: number) => v.toLocaleString('en-IN');

function intentsText(f: PersonaFacts): string {
  return f.topIntents.length ? f.topIntents.slice(0, 2).join(' and ') : 'their favourite categories';
}

function channelText(f: PersonaFacts): string {
  if (!f.bestChannel) return 'the channel they answer most';
  return `${f.bestChannel.channel} (${f.bestChannel.conversionRatePct.toFixed(2)}% of touches convert, ${f.bestChannel.discountDependencyPct.toFixed(0)}% of them with a discount)`;
}

export function describePersona(f: PersonaFacts): string {
  const base =
    `${n(f.customers)} customers (${f.customerSharePct.toFixed(1)}% of the base) bringing ${f.revenueSharePct.toFixed(1)}% of revenue. ` +
    `They order ${x(f.frequencyRatio)} as often as the average customer, spend ${f.avgOrderValue} per order against ${f.overallAvgOrderValue} across all orders (${x(f.aovRatio)}), ` +
    `buy ${f.onlineSharePct.toFixed(0)}% of their orders online and lean towards ${intentsText(f)}. ` +
    `Churn risk ${f.churnRisk.toFixed(0)}/100 against ${f.overallChurnRisk.toFixed(0)} overall; ` +
    `discounts are ${f.discountSharePct.toFixed(1)}% of their gross spend against ${f.overallDiscountSharePct.toFixed(1)}% overall.`;
  const lead: Record<NonNullable<PersonaFacts['archetype']>, string> = {
    'engaged-regulars': 'The core of the brand: frequent, broad and responsive. ',
    transitional: 'Customers between habits: moderate spend and no settled rhythm yet. ',
    'premium-at-risk': 'Valuable customers whose activity is falling away. ',
    'occasional-premiums': 'Infrequent visitors who buy big when they come. ',
    'price-sensitive': 'Shoppers who buy when there is a deal. ',
  };
  return (f.archetype ? lead[f.archetype] : '') + base;
}

export function crmPlays(f: PersonaFacts): string[] {
  const intents = intentsText(f);
  const channel = channelText(f);
  switch (f.archetype) {
    case 'engaged-regulars':
      return [
        `Early access to new ${intents} collections for members, instead of discounts: they already order ${x(f.frequencyRatio)} as often as average.`,
        `Run new-arrival stories through ${channel}.`,
        'Ask for referrals and reviews after the third order in a quarter; reward with experiences (styling sessions, events), not price.',
      ];
    case 'transitional':
      return [
        `A second-purchase journey within 30 days of an order, built around ${intents}.`,
        `Onboard to the loyalty programme through ${channel}; show the next reward tier.`,
        'Test a curated bundle at their usual order value to build a habit before any discount.',
      ];
    case 'premium-at-risk':
      return [
        `Win-back within two weeks of a missed rhythm: churn risk is ${f.churnRisk.toFixed(0)}/100 against ${f.overallChurnRisk.toFixed(0)} overall, and they hold ${f.revenueSharePct.toFixed(1)}% of revenue.`,
        `A personal note from a store stylist with a preview of ${intents}; use ${channel}.`,
        'Service recovery: ask what changed (survey with a call-back), and offer a private appointment rather than a markdown.',
      ];
    case 'occasional-premiums':
      return [
        `Occasion calendar: remind ahead of festivals, weddings and gifting moments with ${intents} edits.`,
        `Gift services (wrapping, personal notes, delivery slots) promoted through ${channel}.`,
        `Keep them at full price: they spend ${f.avgOrderValue} per order, ${x(f.aovRatio)} the ${f.overallAvgOrderValue} across all orders; a concierge or wish-list beats a coupon.`,
      ];
    case 'price-sensitive':
      return [
        `Move from blanket discounts to targeted offers: discounts are ${f.discountSharePct.toFixed(1)}% of their spend against ${f.overallDiscountSharePct.toFixed(1)}% overall.`,
        `Value bundles and end-of-season previews in ${intents}, sent through ${channel}.`,
        'Reward frequency with loyalty points rather than price cuts, and cap offers per quarter.',
      ];
    default:
      return [
        `Lead with ${intents}, the categories this group over-indexes on.`,
        `Reach them through ${channel}.`,
        f.churnRisk > f.overallChurnRisk
          ? `Watch retention: churn risk ${f.churnRisk.toFixed(0)}/100 against ${f.overallChurnRisk.toFixed(0)} overall.`
          : 'Reward their steadiness with early access rather than discounts.',
      ];
  }
}
