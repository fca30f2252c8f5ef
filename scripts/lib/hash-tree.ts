import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * sha256 of every file under `dir`, keyed by relative path (sorted), hidden files included. With
 * `everyEntry`, folders ('dir') and other entries ('other') are listed too, so that a check that
 * nothing was left beside the output sees a stray empty folder.
 */
export async function hashTree(dir: string, { everyEntry = false } = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .map((entry) => ({ entry, rel: path.relative(dir, path.join(entry.parentPath, entry.name)) }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const { entry, rel } of entries) {
    if (entry.isFile()) out[rel] = sha256(await readFile(path.join(dir, rel)));
    else if (everyEntry) out[rel] = entry.isDirectory() ? 'dir' : 'other';
  }
  return out;
}
