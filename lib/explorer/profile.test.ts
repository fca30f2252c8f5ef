import { describe, expect, it } from 'vitest';
import { customer } from './fixtures.test-util';
import { averages, channelOrders, channelSplit } from './profile';

describe('profile averages', () => {
  const people = [
    customer({ customer_id: 'A', cluster_id: 0, total_spend: 100, dwell_minutes: null, response_rate: 0.2 }),
    customer({ customer_id: 'B', cluster_id: 0, total_spend: 300, dwell_minutes: 10, response_rate: null }),
    customer({ customer_id: 'C', cluster_id: 1, total_spend: 800, dwell_minutes: null, response_rate: null }),
  ];

  it('given customers in two clusters, then everyone and each cluster get their means', () => {
    const book = averages(people);
    expect(book.everyone.total_spend).toBeCloseTo(400);
    expect(book.byCluster.get(0)!.total_spend).toBeCloseTo(200);
    expect(book.byCluster.get(1)!.total_spend).toBeCloseTo(800);
    expect([...book.byCluster.keys()]).toEqual([0, 1]);
  });

  it('given missing values, then they are left out of the mean, and a mean over nothing is null', () => {
    const book = averages(people);
    expect(book.everyone.dwell_minutes).toBeCloseTo(10);
    expect(book.byCluster.get(0)!.response_rate).toBeCloseTo(0.2);
    expect(book.byCluster.get(1)!.dwell_minutes).toBeNull();
  });

  it('given an online share, then the channel split adds to 100% and orders to the order count', () => {
    const c = customer({ customer_id: 'D', order_count: 7, online_ratio: 0.571 });
    expect(channelSplit(c).online + channelSplit(c).inStore).toBeCloseTo(100);
    expect(channelOrders(c)).toEqual({ online: 4, inStore: 3 });
  });
});
