import { describe, expect, it } from 'vitest';
import { isPlaceholderKey } from './orders-reader';

describe('isPlaceholderKey', () => {
  it('reads a till’s stand-ins for “no customer” as placeholders, however they are written', () => {
    for (const key of [
      'Cash Customer',
      'CASH',
      'Cash sale',
      'Walk-in',
      'walk in',
      'WALKIN',
      'Walk-in Customer',
      'walk in customer',
      'Guest',
      'NA',
      'N/A',
      '-',
      '0000000000',
      '9999999999',
      '+91 99999 99999',
    ])
      expect(isPlaceholderKey(key), key).toBe(true);
  });

  it('keeps real customers, including names and ids that contain those words', () => {
    for (const key of [
      'Walker Inc',
      'walk-in-closet@example.in',
      'C0000001',
      '9876543210',
      'Guesthouse 12',
      '',
    ])
      expect(isPlaceholderKey(key), key).toBe(false);
  });
});
