import { analyse, buildTables } from '@/lib/pipeline/run-pipeline';
import type { Tables } from '@/lib/schema';
import { stageSources } from '@/lib/sources/stage-sources';
import { generateTransactions } from '@/lib/synth/generate-transactions';
import { DEFAULT_SYNTH_CONFIG } from '@/lib/synth/synth-config';
import { readSharedSources } from './shared-sources';

/** Every table of a small synthetic build on the public sources (300 customers, k = 4), as data:build makes them. */
export function syntheticTables(customers = 300): Tables {
  const sources = stageSources(readSharedSources());
  const config = { ...DEFAULT_SYNTH_CONFIG, customers };
  const ctx = analyse(generateTransactions(sources, config), { seed: config.seed, k: 4, currency: 'INR' });
  return buildTables(ctx, sources, config.seed);
}
