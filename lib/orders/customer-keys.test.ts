import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPseudonymiser,
  keyMapCsv,
  normaliseCustomerKey,
  normalisePhone,
  pseudonymiseCustomers,
} from './customer-keys';
import { newSecret, secretFromHex, secretToHex } from './pseudonym-secret';

describe('normaliseCustomerKey: one person is one customer however the key was typed', () => {
  it.each([
    ['+91 98765 43210', '+919876543210'],
    ['098765-43210', '+919876543210'],
    ['9876543210', '+919876543210'],
    ['91-98765-43210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['(0) 98765 43210', '+919876543210'],
    ['0091 98765 43210', '+919876543210'],
    ['+91 098765 43210', '+919876543210'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('the phone number %j is %j', (raw, key) => {
    expect(normaliseCustomerKey(raw)).toEqual({ key, kind: 'phone' });
  });

  it.each([
    [' Asha.Rao@Example.COM ', 'asha.rao@example.com'],
    ['asha.rao @example.com', 'asha.rao@example.com'],
  ])('the e-mail %j is %j', (raw, key) => {
    expect(normaliseCustomerKey(raw)).toEqual({ key, kind: 'email' });
  });

  it('keeps a brand’s own ids as written (trimmed), and short numbers are ids, not phones', () => {
    expect(normaliseCustomerKey(' C00042 ')).toEqual({ key: 'C00042', kind: 'id' });
    expect(normaliseCustomerKey('100234')).toEqual({ key: '100234', kind: 'id' });
    expect(normaliseCustomerKey('LOY  0042')).toEqual({ key: 'LOY 0042', kind: 'id' });
    expect(normaliseCustomerKey('   ')).toBeNull();
    expect(normalisePhone('12345')).toBeNull();
  });
});

describe('pseudonyms', () => {
  const secret = secretFromHex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff')!;

  it('are the keyed hash of the key: HMAC-SHA-256 (checked with Node’s own crypto), first 64 bits in 14 letters', () => {
    const pseudonymOf = createPseudonymiser(secret);
    for (const key of ['+919876543210', 'asha.rao@example.com', 'C00042']) {
      const digest = createHmac('sha256', Buffer.from(secret)).update(key, 'utf8').digest();
      let n = digest.readBigUInt64BE(0);
      let letters = '';
      for (let i = 0; i < 14; i++) {
        letters = String.fromCharCode(97 + Number(n % 26n)) + letters;
        n /= 26n;
      }
      expect(pseudonymOf(key)).toBe(`c_${letters}`);
    }
  });

  it('are stable for one secret, differ with another, and never look like a phone number or an e-mail', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `+9198765${String(i).padStart(5, '0')}`);
    const a = pseudonymiseCustomers(keys, secret);
    expect(pseudonymiseCustomers(keys, secret).ids).toEqual(a.ids);
    expect(a.keys).toEqual(keys);
    expect(new Set(a.ids).size).toBe(keys.length);
    const other = pseudonymiseCustomers(keys, newSecret());
    expect(other.ids.filter((id, i) => id === a.ids[i])).toEqual([]);
    for (const id of a.ids) expect(id).toMatch(/^c_[a-z]{14}$/);
  });

  it('refuse a secret shorter than 16 bytes, and read secrets written in hex', () => {
    expect(() => createPseudonymiser(new Uint8Array(8))).toThrow(/at least 16 bytes/);
    expect(secretFromHex('abc')).toBeNull();
    expect(secretFromHex('zz'.repeat(16))).toBeNull();
    const fresh = newSecret();
    expect(secretFromHex(secretToHex(fresh))).toEqual(fresh);
  });
});

describe('the key map', () => {
  it('gives each pseudonym its key and the kind of key, phones guarded so no spreadsheet reads them as numbers', () => {
    const text = keyMapCsv({ ids: ['c_a', 'c_b', 'c_c'], keys: ['asha@x.in', '+919876543210', 'LOY 42'] });
    expect(text).toBe(
      "customer_id,customer_key,key_kind\r\nc_a,asha@x.in,email\r\nc_b,'+919876543210,phone\r\nc_c,LOY 42,id\r\n",
    );
  });
});
