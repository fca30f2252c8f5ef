/**
 * The one gateway between pages and the generated files in `public/data`.
 *
 * Server-only: it reads the file system at build time (server components, route handlers,
 * scripts). Never import it from a client component; pass the loaded data down as props.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { z } from 'zod';

import { TABLE_SCHEMAS, type TableName, type Tables } from '@/lib/schema';
import { ManifestSchema, type Manifest } from '@/lib/schema/manifest';

export type { Manifest };

export interface DataFile {
  name: string;
  bytes: number;
}

const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.json$/;

/**
 * Absolute path of the generated data folder, resolved at call time: public/data, or OMNI_DATA_DIR
 * for a build from another folder (the brand-build check renders a brand's tables this way without
 * touching public/data).
 */
export function dataDir(): string {
  const override = process.env.OMNI_DATA_DIR;
  return override ? path.resolve(override) : path.join(process.cwd(), 'public', 'data');
}

function formatIssues(issues: z.ZodError['issues']): string {
  const shown = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `  at ${where}: ${issue.message}`;
  });
  const more = issues.length > shown.length ? [`  …and ${issues.length - shown.length} more`] : [];
  return [...shown, ...more].join('\n');
}

/** Deep-freezes a parsed table, so a page that mutates shared, cached data fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Parsed files, per absolute path; reused while the file's size and modification time stay the
 * same. `next build` renders every page in one process, and several pages read the same tables
 * (customers_master is 10,000+ rows): each is parsed and validated once, not once per page.
 */
const cache = new Map<string, { size: number; mtimeMs: number; value: unknown }>();

/**
 * Reads `public/data/<fileName>` and validates it against `schema`.
 * Returns null when the file does not exist; throws a readable error naming the file and the
 * first failing paths when the JSON is malformed or does not match the schema.
 */
export function loadDataFile<S extends z.ZodType>(fileName: string, schema: S): z.output<S> | null {
  if (!SAFE_FILE_NAME.test(fileName)) {
    throw new Error(`Refusing to load data file with unexpected name: ${JSON.stringify(fileName)}`);
  }
  const displayPath = `public/data/${fileName}`;
  const absolutePath = path.join(dataDir(), fileName);
  if (!existsSync(absolutePath)) return null;
  const { size, mtimeMs } = statSync(absolutePath);
  const cached = cache.get(absolutePath);
  if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.value as z.output<S>;

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolutePath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${displayPath} is not valid JSON: ${reason}. Rebuild it with \`npm run data:build\`.`);
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${displayPath} does not match its schema. Rebuild it with \`npm run data:build\`.\n` +
        formatIssues(parsed.error.issues),
    );
  }
  cache.set(absolutePath, { size, mtimeMs, value: deepFreeze(parsed.data) });
  return parsed.data;
}

/** The build manifest, or null when `npm run data:build` has not been run yet. */
export function loadManifest(): Manifest | null {
  return loadDataFile('manifest.json', ManifestSchema);
}

/** Every generated file in `public/data` (dotfiles such as `.gitkeep` excluded), sorted by name. */
export function listDataFiles(): DataFile[] {
  const dir = dataDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, bytes: statSync(path.join(dir, entry.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * One analytical table from `public/data`, validated against its schema; null when the data has
 * not been built. Pages call this at build time and pass plain props to client components.
 */
export function loadTable<N extends TableName>(name: N): Tables[N] | null {
  return loadDataFile(`${name}.json`, TABLE_SCHEMAS[name]) as Tables[N] | null;
}
