import { tinyLog } from '@/test/helpers/tiny-log';
import { describe, expect, it } from 'vitest';
import { CONTACT_CHANNELS } from '../transactions/transaction-log';
import { channelUse, peakCells } from './operational-efficiency';

const EMAIL = CONTACT_CHANNELS.indexOf('email');
const APP = CONTACT_CHANNELS.indexOf('app');
const EVENT = CONTACT_CHANNELS.indexOf('event');

describe('channelUse', () => {
  it('given four customers in two clusters, counts channel users, overlap and digitally prompted orders', () => {
    // Customer 0 (cluster 0): in store twice (one after an e-mail), once online → both channels.
    // Customer 1 (cluster 0): online only, once after an app push.
    // Customer 2 (cluster 1): in store only, once after a store event (not digital).
    // Customer 3 (cluster 1): no orders at all.
    const log = tinyLog(4, [
      { customer: 0, day: 1, gross: 100, lines: [[0, 1, 100]], contact: EMAIL },
      { customer: 0, day: 5, gross: 100, lines: [[0, 1, 100]] },
      { customer: 0, day: 9, online: true, gross: 100, lines: [[1, 2, 100]] },
      { customer: 1, day: 2, online: true, gross: 50, lines: [[2, 1, 50]], contact: APP },
      { customer: 2, day: 3, gross: 80, lines: [[1, 1, 80]], contact: EVENT },
    ]);
    const use = channelUse(log, [0, 0, 1, 1], 2);

    expect(use.customers).toEqual([
      [1, 2],
      [1, 0],
      [2, 2],
    ]);
    expect(use.digitalOrders).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
    ]);
    expect(use.overlap).toEqual([
      { customers: 2, instoreOnly: 0, onlineOnly: 1, both: 1 },
      { customers: 1, instoreOnly: 1, onlineOnly: 0, both: 0 },
      { customers: 3, instoreOnly: 1, onlineOnly: 1, both: 1 },
    ]);
  });
});

describe('peakCells', () => {
  it('given 20 values, keeps the busiest two (10 %), ties to the earlier cell, in cell order', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i === 15 ? 9 : i === 3 || i === 7 ? 5 : 1));
    expect(peakCells(values)).toEqual([3, 15]);
  });
});
