/**
 * What a scan for published personal data looks for: e-mail addresses and phone numbers by their
 * shape, and the exact personal values of the input files in every form they could be written
 * (as written, lower-cased, digits only, the last ten digits of a phone).
 */

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/**
 * A phone number with its country code: JSON and CSV numbers never start with a +. Not after a
 * letter or digit (the exponent of 1e+21 in a script), and at most 15 digits, as phone numbers are.
 */
const INTERNATIONAL_PHONE = /(?<![\w.+])\+\d{1,3}[\s-]?\d(?:[\s-]?\d){7,11}(?!\d)/;
/** An Indian mobile on its own (10 digits from 6 to 9, optionally after 0 or 91), not inside a longer number. */
export const INDIAN_MOBILE = /(?<![\d.])(?:0|91)?[6-9]\d{4}[\s-]?\d{5}(?![\d.])/;

/** Somewhere in the text, something shaped like an e-mail address. */
export const looksLikeEmail = (text: string) => EMAIL.test(text);
/** Somewhere in the text, ten or more digits written the way phone numbers are. */
export const looksLikePhone = (text: string) => PHONE_LIKE.test(text);
/** Ten or more digits, with the separators people type in phone numbers (any country). */
const PHONE_LIKE = /(?:\+|\b)\d(?:[\s().-]?\d){9,}/;

/** Patterns that must match nowhere in what we publish. */
export function personalPatterns(): RegExp[] {
  return [EMAIL, INTERNATIONAL_PHONE];
}

/** Every string of a JSON document, keys included (numbers are money and counts, not phone numbers). */
export function jsonStrings(doc: unknown, out: string[] = []): string[] {
  if (typeof doc === 'string') out.push(doc);
  else if (Array.isArray(doc)) for (const v of doc) jsonStrings(v, out);
  else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
  return out;
}

/** Words of a text, lower-cased: letters and digits (Unicode), everything else a separator. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Longest run of words a needle is matched on (a longer address matches on its first words). */
const MAX_WORDS = 8;

/**
 * The personal values of input files as needles, matched word by word (so "Asha  Rao," matches
 * "asha rao" and a name is found however it is punctuated), fast enough for a whole static export:
 * the text's runs of 1 to 8 words are looked up in a set. A single word is left out unless it is an
 * e-mail's or a phone number's: an area of an address ("Satellite", "Andheri") or a first name is
 * also an ordinary word of the pages; a full name, an address line, an e-mail or a phone is not.
 */
export interface NeedleMatcher {
  size: number;
  /** How many needles the text holds (0: none). */
  count(text: string): number;
}

export function personalNeedles(values: readonly string[]): NeedleMatcher {
  const needles = new Set<string>();
  for (const raw of values) {
    const w = words(raw);
    const digits = raw.replace(/\D/g, '');
    const isPhone = digits.length >= 10 && /^[\d\s()+.-]+$/.test(raw.trim());
    if (isPhone) {
      needles.add(digits);
      needles.add(digits.slice(-10));
    } else if (raw.includes('@') || w.length >= 2) needles.add(w.slice(0, MAX_WORDS).join(' '));
  }
  return {
    size: needles.size,
    count(text) {
      if (needles.size === 0) return 0;
      const w = words(text);
      let found = 0;
      for (let i = 0; i < w.length; i++) {
        let run = '';
        for (let n = 0; n < MAX_WORDS && i + n < w.length; n++) {
          run = n === 0 ? w[i]! : `${run} ${w[i + n]}`;
          if (needles.has(run)) found++;
        }
      }
      return found;
    },
  };
}

/** What of the personal data a text holds: needles found and the e-mail and phone patterns. */
export function findPersonal(text: string, needles?: NeedleMatcher | readonly string[]): string[] {
  const found: string[] = [];
  const matcher = needles && 'count' in needles ? needles : personalNeedles(needles ?? []);
  const n = matcher.count(text);
  if (n > 0) found.push(`${n} personal value(s) of the input files`);
  for (const p of personalPatterns())
    if (p.test(text))
      found.push(`something shaped like ${p === EMAIL ? 'an e-mail address' : 'a phone number'}`);
  return found;
}
