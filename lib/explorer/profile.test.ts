import { describe, expect, it } from 'vitest';
import { customer } from './fixtures.test-util';
import { channelOrders, channelSplit } from './profile';

describe('profile channel split', () => {
  it('given an online share, then the channel split adds to 100% and orders to the order count', () => {
    const c = customer({ customer_id: 'D', order_count: 7, online_ratio: 0.571 });
    expect(channelSplit(c).online + channelSplit(c).inStore).toBeCloseTo(100);
    expect(channelOrders(c)).toEqual({ online: 4, inStore: 3 });
  });
});
