/**
 * The brand's private folder (git-ignored, never under public/): the secret customer keys are
 * pseudonymised with, and the key map that joins the pseudonymous ids of the tables back to the
 * e-mails, phone numbers and ids of the brand's own files. Nothing in it is ever published.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { keyMapCsv, type CustomerKeyMap } from '../../lib/orders/customer-keys';
import { newSecret, secretFromHex, secretToHex } from '../../lib/orders/pseudonym-secret';
import { ConfigError } from './build-config';
import type { Env } from './sources-dir';

export const SECRET_ENV = 'OMNI_ID_SECRET';
export const DEFAULT_PRIVATE_DIR = 'private';
export const SECRET_FILE = 'id-secret';
export const KEY_MAP_FILE = 'customer-keys.csv';

/**
 * The pseudonym secret: OMNI_ID_SECRET (hex, 32 characters or more) if set, else the private
 * folder's id-secret file, made with 32 random bytes on the first build that needs it. The same
 * secret gives the same ids on every build, so exports can be compared and joined over time.
 */
export async function loadSecret(
  privateDir: string,
  env: Env = process.env,
): Promise<{ secret: Uint8Array; from: string }> {
  const fromEnv = env[SECRET_ENV]?.trim();
  if (fromEnv) {
    const secret = secretFromHex(fromEnv);
    if (!secret)
      throw new ConfigError(
        `${SECRET_ENV} must be a hex string of at least 32 characters (16 bytes), e.g. made with: openssl rand -hex 32`,
      );
    return { secret, from: SECRET_ENV };
  }
  const file = path.join(privateDir, SECRET_FILE);
  try {
    const secret = secretFromHex(await readFile(file, 'utf8'));
    if (!secret)
      throw new ConfigError(
        `${file} does not hold a pseudonym secret (hex, at least 32 characters). Restore it from your backup, or delete it to start new pseudonymous ids.`,
      );
    return { secret, from: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = newSecret();
  await mkdir(privateDir, { recursive: true });
  await writeFile(file, `${secretToHex(secret)}\n`, { mode: 0o600 });
  return { secret, from: `${file} (new)` };
}

/** Writes the key map (pseudonymous id → the key as the brand's files have it), readable by its owner only. */
export async function writeKeyMap(privateDir: string, map: CustomerKeyMap): Promise<string> {
  await mkdir(privateDir, { recursive: true });
  const file = path.join(privateDir, KEY_MAP_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  const text = keyMapCsv(map);
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  return file;
}
