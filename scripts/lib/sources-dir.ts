/**
 * Where the five public source CSVs live on this machine, and whether they are the pinned bytes.
 * Every reader goes through the sha256 check so the pipeline never builds on a partial or altered file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_FILES, type SourceFile, type SourceKey } from '../../lib/sources/source-files';

export const SOURCES_DIR_ENV = 'OMNI_SOURCES_DIR';
export const DEFAULT_SOURCES_DIR = path.join('data', 'sources');
export const FETCH_HINT =
  'Run `npm run data:fetch` to download them, or set OMNI_SOURCES_DIR to a folder that holds the pinned files.';

/** Narrower than NodeJS.ProcessEnv (which Next augments with a required NODE_ENV), so tests can pass `{}`. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ChecksumMismatch {
  file: SourceFile;
  expected: string;
  actual: string;
}

export interface SourcesCheck {
  missing: SourceFile[];
  mismatched: ChecksumMismatch[];
}

/** A source file is missing or is not the pinned version. */
export class SourcesError extends Error {
  readonly dir: string;
  readonly missing: SourceFile[];
  readonly mismatched: ChecksumMismatch[];

  constructor(dir: string, check: SourcesCheck) {
    super(formatSourcesProblems(dir, check));
    this.name = 'SourcesError';
    this.dir = dir;
    this.missing = check.missing;
    this.mismatched = check.mismatched;
  }
}

export function resolveSourcesDir(env: Env = process.env, cwd: string = process.cwd()): string {
  // An empty value counts as unset: `OMNI_SOURCES_DIR= npm run …` should not mean "the cwd".
  const fromEnv = env[SOURCES_DIR_ENV]?.trim();
  return path.resolve(cwd, fromEnv ? fromEnv : DEFAULT_SOURCES_DIR);
}

export function sourcePath(dir: string, file: SourceFile): string {
  return path.join(dir, file.fileName);
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of a file, streamed (the aisle list is ~1.8 MB); null when the file does not exist. */
export async function sha256File(filePath: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  return hash.digest('hex');
}

export async function checkSources(dir: string): Promise<SourcesCheck> {
  const missing: SourceFile[] = [];
  const mismatched: ChecksumMismatch[] = [];
  for (const file of SOURCE_FILES) {
    const actual = await sha256File(sourcePath(dir, file));
    if (actual === null) missing.push(file);
    else if (actual !== file.sha256) mismatched.push({ file, expected: file.sha256, actual });
  }
  return { missing, mismatched };
}

/**
 * The five files as text, keyed by source. Each file is read once and hashed from the same bytes
 * that are decoded, so what is checked is exactly what is parsed. The text is left as published
 * (BOM, CRLF): the parsers deal with that.
 */
export async function readSourceTexts(dir: string): Promise<Record<SourceKey, string>> {
  const check: SourcesCheck = { missing: [], mismatched: [] };
  const texts: Partial<Record<SourceKey, string>> = {};
  for (const file of SOURCE_FILES) {
    let bytes: Buffer;
    try {
      bytes = await readFile(sourcePath(dir, file));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      check.missing.push(file);
      continue;
    }
    const actual = sha256Hex(bytes);
    if (actual !== file.sha256) check.mismatched.push({ file, expected: file.sha256, actual });
    else texts[file.key] = bytes.toString('utf8');
  }
  if (check.missing.length > 0 || check.mismatched.length > 0) throw new SourcesError(dir, check);
  return texts as Record<SourceKey, string>;
}

export function formatSourcesProblems(dir: string, { missing, mismatched }: SourcesCheck): string {
  const lines = [`Source data in ${dir} is incomplete or not the pinned version:`];
  for (const file of missing) {
    lines.push(`  - missing: ${sourcePath(dir, file)} (expected sha256 ${file.sha256})`);
  }
  for (const { file, expected, actual } of mismatched) {
    lines.push(`  - checksum mismatch: ${sourcePath(dir, file)}`);
    lines.push(`      expected sha256 ${expected}`);
    lines.push(`      actual sha256   ${actual}`);
  }
  lines.push(FETCH_HINT);
  return lines.join('\n');
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
