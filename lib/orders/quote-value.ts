/**
 * A value from a brand's file, quoted for a message a person reads (and that may end up in the
 * import report of public/data). Personal data is never repeated: a value that looks like an
 * e-mail address or a phone number is named, not quoted, and a long value is cut short.
 */
import { looksLikeEmail, looksLikePhone } from '../privacy/personal-data';

const MAX_QUOTED = 40;

export function quoteValue(raw: string): string {
  const s = safeText(raw);
  return s.startsWith('(') && s.endsWith(')') ? s : `"${s}"`;
}

/** Longer than any value a person reads in a message: cut before anything else looks at it. */
const MAX_LOOKED_AT = 200;

/** The value itself, cut short, unless it is empty or personal data: then what it is, in brackets. */
export function safeText(raw: string): string {
  // Cut first: the patterns below take quadratic time on a 10 MB cell.
  const s = raw
    .slice(0, MAX_LOOKED_AT)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  if (s === '') return '(empty)';
  if (looksLikeEmail(s)) return '(an e-mail address)';
  if (looksLikePhone(s)) return '(a phone number)';
  return s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s;
}

/** A file's header cells for a message: each quoted as above, at most 60 of them. */
export function listHeaders(headers: readonly string[]): string {
  if (headers.length === 0) return 'none';
  const shown = headers.slice(0, 60).map((h) => quoteValue(h.replace(/^\uFEFF+/, '')));
  return shown.join(', ') + (headers.length > 60 ? `, and ${headers.length - 60} more` : '');
}

/** Whether a value is shaped like personal data (an e-mail address or a phone number). */
export const isPersonalShape = (raw: string) => {
  const s = raw.slice(0, MAX_LOOKED_AT);
  return looksLikeEmail(s) || looksLikePhone(s);
};
