/**
 * Helpers for tests that break the public source files on purpose. Nothing here is derived from
 * the files at rest: mutated copies are made at test time, in memory or under os.tmpdir().
 */
import { appendFile, copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_FILES, type SourceKey } from '@/lib/sources/source-files';
import { hashTree, sha256 } from '@/scripts/lib/hash-tree';
import { SHARED_SOURCES_DIR } from './shared-sources';

export { readSharedSources, SHARED_SOURCES_DIR } from './shared-sources';
export { hashTree, sha256 };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fileNameOf(key: SourceKey): string {
  return SOURCE_FILES.find((f) => f.key === key)!.fileName;
}

/** Lines with their terminators kept, so CRLF files stay CRLF after an edit. */
function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function findOnlyLine(lines: string[], startsWith: string): number {
  const hits = lines.flatMap((l, i) => (l.startsWith(startsWith) ? [i] : []));
  if (hits.length !== 1) {
    throw new Error(
      `expected exactly one line starting with ${JSON.stringify(startsWith)}, found ${hits.length}`,
    );
  }
  return hits[0]!;
}

/**
 * Replace `from` by `to` on the one line that starts with `startsWith` (e.g. `"83,"` for aisle 83,
 * `"Monday,5,"` for an arrivals hour). `from` must occur exactly once on that line.
 */
export function editLine(text: string, startsWith: string, from: string, to: string): string {
  const lines = splitLines(text);
  const i = findOnlyLine(lines, startsWith);
  const line = lines[i]!;
  const count = line.split(from).length - 1;
  if (count !== 1) {
    throw new Error(`expected ${JSON.stringify(from)} once on line ${i + 1}, found it ${count} times`);
  }
  lines[i] = line.replace(from, to);
  return lines.join('');
}

/** Replace `from` by `to` in the header (line 1); `from` must occur there exactly once. */
export function editHeader(text: string, from: string, to: string): string {
  const lines = splitLines(text);
  const count = lines[0]!.split(from).length - 1;
  if (count !== 1) throw new Error(`expected ${JSON.stringify(from)} once in the header, found ${count}`);
  lines[0] = lines[0]!.replace(from, to);
  return lines.join('');
}

/** Remove the one line that starts with `startsWith`. */
export function deleteLine(text: string, startsWith: string): string {
  const lines = splitLines(text);
  lines.splice(findOnlyLine(lines, startsWith), 1);
  return lines.join('');
}

/** Insert an empty line (same terminator as the file uses) after the line starting with `startsWith`. */
export function insertBlankLineAfter(text: string, startsWith: string): string {
  const lines = splitLines(text);
  const i = findOnlyLine(lines, startsWith);
  lines.splice(i + 1, 0, lines[i]!.endsWith('\r\n') ? '\r\n' : '\n');
  return lines.join('');
}

/** Bytes that are no CSV at all (control characters, invalid UTF-8), decoded as the reader decodes files. */
export function garbageText(length = 600): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 151 + 7) % 256;
  return bytes.toString('utf8');
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `${prefix}-`));
}

/** Copy the five published files into `dir` (a temporary folder), unchanged. */
export async function copySourcesTo(dir: string, from: string = SHARED_SOURCES_DIR): Promise<void> {
  for (const f of SOURCE_FILES) await copyFile(path.join(from, f.fileName), path.join(dir, f.fileName));
}

/** Append one byte to a copied source file: its sha256 no longer matches the pinned one. */
export async function appendByte(file: string): Promise<void> {
  await appendFile(file, Buffer.from([0x20]));
}
