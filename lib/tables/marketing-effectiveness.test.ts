import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { buildMarketingEffectiveness } from './marketing-effectiveness';
import { tinyContext } from './test-context.test-util';

// Contact channels in the log's order, and its two periods.
const EMAIL = 0;
const APP = 2;
const EARLIER = 0;
const RECENT = 1;

// Customer 0 (cluster 0): an e-mailed order of 200 with a 20 discount (net 180) and an order of 100 on its own.
// Customer 1 (cluster 0): an order of 50 after an app push.
// Customer 2 (cluster 1): never contacted, never ordered.
const log = tinyLog(3, [
  { customer: 0, day: 10, gross: 200, discount: 20, contact: EMAIL, lines: [[0, 1, 180]] },
  { customer: 0, day: 20, gross: 100, lines: [[1, 1, 100]] },
  { customer: 1, day: 30, online: true, gross: 50, contact: APP, lines: [[2, 1, 50]] },
]);

/** Set one (customer, channel, period) slot: [touches, responses, conversions, redemptions]. */
function slot(customer: number, channel: number, period: number, counts: [number, number, number, number]) {
  const i = customer * 8 + channel * 2 + period; // 4 channels × 2 periods per customer
  const m = log.marketing!;
  [m.touches[i], m.responses[i], m.conversions[i], m.redemptions[i]] = counts;
}
slot(0, EMAIL, EARLIER, [10, 4, 2, 1]);
slot(0, EMAIL, RECENT, [10, 2, 1, 1]);
slot(1, EMAIL, EARLIER, [5, 1, 0, 0]);
slot(1, APP, RECENT, [4, 2, 1, 0]);

const ctx = tinyContext({ log, clusterOf: [0, 0, 1], k: 2, personas: ['Reached', 'Quiet'] });

describe('buildMarketingEffectiveness', () => {
  const table = buildMarketingEffectiveness(ctx)!;
  const row = (cluster: number | null, channel: string) =>
    table.rows.find((r) => r.cluster_id === cluster && r.contact_channel === channel)!;

  it('orders rows by cluster, each with its four channels then "all", then everyone', () => {
    expect(table.contact_channels).toEqual(['email', 'sms', 'app', 'event']);
    expect(table.rows.map((r) => `${r.cluster_id}:${r.contact_channel}`)).toEqual([
      '0:email',
      '0:sms',
      '0:app',
      '0:event',
      '0:all',
      '1:email',
      '1:sms',
      '1:app',
      '1:event',
      '1:all',
      'null:email',
      'null:sms',
      'null:app',
      'null:event',
      'null:all',
    ]);
    expect(row(null, 'all').persona).toBe('All customers');
  });

  it('given e-mail to two customers, gives reach, rates, revenue per touch, discount dependency and trend', () => {
    expect(row(0, 'email')).toEqual({
      cluster_id: 0,
      persona: 'Reached',
      contact_channel: 'email',
      customers_reached: 2,
      reach_pct: 100,
      touches: 25, // 10 + 10 + 5
      responses: 7, // 4 + 2 + 1
      response_rate_pct: 28, // 7 / 25
      conversions: 3,
      conversion_rate_pct: 12, // 3 / 25
      conversions_per_100_responses: 42.86, // 300 / 7
      attributed_revenue: 180, // the e-mailed order, net of its discount
      revenue_per_touch: 7.2, // 180 / 25
      redemptions: 2,
      discount_dependency_pct: 66.67, // 2 of 3 conversions
      discount_cost: 20,
      // Recent 2/10 = 0.2 against earlier (4 + 1)/(10 + 5) = 1/3: 0.2 × 3 = 0.6.
      response_trend: 0.6,
    });
  });

  it('pools every channel under "all", counting a customer reached once', () => {
    const all = row(0, 'all');
    expect(all.customers_reached).toBe(2);
    expect(all.touches).toBe(29); // 25 e-mails + 4 pushes
    expect(all.responses).toBe(9);
    expect(all.response_rate_pct).toBe(31.034); // 9 / 29
    expect(all.conversion_rate_pct).toBe(13.793); // 4 / 29
    expect(all.attributed_revenue).toBe(230); // 180 + 50
    expect(all.revenue_per_touch).toBe(7.93); // 230 / 29
    expect(all.discount_dependency_pct).toBe(50); // 2 of 4
    // Recent (2 + 2)/(10 + 4) = 2/7 against earlier 5/15 = 1/3: (2/7)·3 = 6/7 = 0.857.
    expect(all.response_trend).toBe(0.857);
  });

  it('has no trend for a channel without earlier touches, and zeros for one never used', () => {
    const app = row(0, 'app');
    expect(app.customers_reached).toBe(1);
    expect(app.reach_pct).toBe(50);
    expect(app.response_trend).toBeNull(); // only recent touches
    expect(row(0, 'sms')).toMatchObject({
      customers_reached: 0,
      reach_pct: 0,
      touches: 0,
      response_rate_pct: 0,
      conversions_per_100_responses: 0,
      revenue_per_touch: 0,
      discount_dependency_pct: 0,
      response_trend: null,
    });
  });

  it('given a cluster nobody contacted, reaches 0 % of it; everyone’s reach counts its customers too', () => {
    expect(row(1, 'all')).toMatchObject({
      customers_reached: 0,
      reach_pct: 0,
      touches: 0,
      attributed_revenue: 0,
    });
    expect(row(null, 'email').reach_pct).toBe(66.67); // 2 of 3 customers
    expect(row(null, 'all').touches).toBe(29);
  });

  it('gives no table when the log carries no marketing data', () => {
    const bare = tinyLog(1, []);
    bare.marketing = null;
    expect(buildMarketingEffectiveness(tinyContext({ log: bare, clusterOf: [0], k: 1 }))).toBeNull();
  });
});
