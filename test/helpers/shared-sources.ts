import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_FILES, type SourceKey } from '@/lib/sources/source-files';

/** The shared copy of the public datasets (never committed here): OMNI_SOURCES_DIR or ../shared. */
export const SHARED_SOURCES_DIR =
  process.env.OMNI_SOURCES_DIR ?? path.resolve(__dirname, '../../../shared/datasets/omnichannel-retail');

export function readSharedSources(): Record<SourceKey, string> {
  return Object.fromEntries(
    SOURCE_FILES.map((f) => [f.key, readFileSync(path.join(SHARED_SOURCES_DIR, f.fileName), 'utf8')]),
  ) as Record<SourceKey, string>;
}
