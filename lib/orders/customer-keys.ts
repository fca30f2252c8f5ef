/**
 * Customer keys as brands export them: an e-mail address, a mobile number or the brand's own id.
 *
 * 1. Normalised, so one person is one customer however the key was typed: e-mails lower-cased and
 *    without spaces; phone numbers reduced to their digits, a leading 0 or 00 and the +91 country
 *    code understood, and written +91XXXXXXXXXX (other country codes kept as +<digits>).
 * 2. Pseudonymised before any table is built: a keyed hash (HMAC-SHA-256) of the normalised key with
 *    a secret that stays out of public/data and git, so the tables carry `c_…` ids that cannot be
 *    turned back into an e-mail or a phone number (Indian mobiles are few enough to enumerate, which
 *    is why a plain hash would not do) while the brand, who holds the secret and a local key map,
 *    can join them back to its CRM.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toCsvText } from '../csv/csv';

export type CustomerKeyKind = 'email' | 'phone' | 'id';

export interface CustomerKey {
  key: string;
  kind: CustomerKeyKind;
}

/** The default country for numbers written without a country code (the brands we serve are Indian). */
export const DEFAULT_COUNTRY_CODE = '91';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the separators people type in phone numbers, optionally after a + or (0). */
const PHONE_SHAPE = /^\+?[\d\s().\-/]+$/;

/**
 * The normalised form of a customer key as written, or null when it is empty. A value is read as a
 * phone number when it is made of digits and phone separators and has 10 to 13 digits once a
 * leading 0 or 00 is dropped; anything else that is not an e-mail is the brand's own id, trimmed.
 */
export function normaliseCustomerKey(raw: string): CustomerKey | null {
  const s = raw.trim();
  if (s === '') return null;
  if (s.includes('@')) {
    const email = s.replace(/\s+/g, '').toLowerCase();
    if (EMAIL.test(email)) return { key: email, kind: 'email' };
  }
  if (PHONE_SHAPE.test(s)) {
    const phone = normalisePhone(s);
    if (phone) return { key: phone, kind: 'phone' };
  }
  return { key: s.replace(/\s+/g, ' '), kind: 'id' };
}

/** "+91 98765 43210", "098765-43210", "91-9876543210", "9876543210" → "+919876543210"; null if not a phone number. */
export function normalisePhone(raw: string): string | null {
  const international = /^\s*(\+|00)/.test(raw);
  let digits = raw.replace(/\D/g, '');
  if (international) {
    digits = digits.replace(/^00/, '');
    // "+91 098765 43210": a trunk 0 written after the country code is not dialled.
    if (digits.startsWith(`${DEFAULT_COUNTRY_CODE}0`) && digits.length === 13)
      digits = DEFAULT_COUNTRY_CODE + digits.slice(3);
    return digits.length >= 10 && digits.length <= 15 ? `+${digits}` : null;
  }
  digits = digits.replace(/^0+/, '');
  if (digits.length === 10) return `+${DEFAULT_COUNTRY_CODE}${digits}`;
  if (digits.length === 12 && digits.startsWith(DEFAULT_COUNTRY_CODE)) return `+${digits}`;
  return null;
}

/** Letters only, so a pseudonym can never look like a phone number to a scan or a spreadsheet. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
/** 14 letters of base 26 hold 64 bits: collisions stay around one in a million at 5M customers. */
const PSEUDONYM_LETTERS = 14;

/** A keyed hash of customer keys. The secret is 16 bytes or more (see pseudonym-secret handling in the build). */
export function createPseudonymiser(secret: Uint8Array): (key: string) => string {
  if (secret.length < 16) throw new Error('The pseudonym secret must be at least 16 bytes.');
  const keyed = hmac.create(sha256, secret);
  const encoder = new TextEncoder();
  return (key) => {
    const digest = keyed.clone().update(encoder.encode(key)).digest();
    // The first 8 bytes as a 64-bit number (two 32-bit halves), written in base 26 by long division.
    let hi = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
    let lo = ((digest[4]! << 24) | (digest[5]! << 16) | (digest[6]! << 8) | digest[7]!) >>> 0;
    let out = '';
    for (let i = 0; i < PSEUDONYM_LETTERS; i++) {
      const carry = hi % 26;
      hi = Math.floor(hi / 26);
      const rest = carry * 0x1_0000_0000 + lo;
      out = ALPHABET[rest % 26]! + out;
      lo = Math.floor(rest / 26);
    }
    return `c_${out}`;
  };
}

/** The pseudonymous ids of a log's customers, and the keys they stand for (for the brand's private key map). */
export interface CustomerKeyMap {
  /** Pseudonymous id of each customer, in log order (what the tables carry). */
  ids: string[];
  /** The normalised key each id stands for: personal data, kept out of every table. */
  keys: string[];
}

/** Replaces every customer key by its pseudonym: the log the tables are built from holds no e-mail or phone. */
export function pseudonymiseCustomers(keys: readonly string[], secret: Uint8Array): CustomerKeyMap {
  const pseudonymOf = createPseudonymiser(secret);
  const ids = keys.map(pseudonymOf);
  if (new Set(ids).size !== ids.length) {
    // 64-bit pseudonyms: about one chance in a million at five million customers.
    throw new Error('Two customer keys gave the same pseudonym; run again with a new pseudonym secret.');
  }
  return { ids, keys: [...keys] };
}

/**
 * The key map as CSV (the command line's private/customer-keys.csv, the browser's download): the
 * pseudonymous id, the key as normalised, and its kind. Phone keys come out as '+91…: the formula
 * guard's apostrophe, which spreadsheets hide and which keeps them from turning into 9.19876E+11.
 */
export function keyMapCsv(map: CustomerKeyMap): string {
  return toCsvText(
    ['customer_id', 'customer_key', 'key_kind'],
    map.ids.map((id, i) => {
      const key = map.keys[i]!;
      return [id, key, normaliseCustomerKey(key)?.kind ?? 'id'];
    }),
  );
}
