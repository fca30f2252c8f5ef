/**
 * The secret customer keys are pseudonymised with (customer-keys.ts), as bytes and as the hex a
 * brand keeps in OMNI_ID_SECRET or its private folder. Apart from the hashing, so a page can make
 * or check a secret without loading the hash function.
 */

/** A secret written as hex (as kept in OMNI_ID_SECRET or the local secret file), or null if it is not one. */
export function secretFromHex(hex: string): Uint8Array | null {
  const s = hex.trim();
  if (!/^(?:[0-9a-fA-F]{2}){16,}$/.test(s)) return null;
  return Uint8Array.from(s.match(/../g)!, (b) => parseInt(b, 16));
}

export function secretToHex(secret: Uint8Array): string {
  return Array.from(secret, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32 random bytes from the platform's cryptographic generator (Node and browsers alike). */
export function newSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
