/**
 * The committed CDNOW benchmark (benchmarks/cdnow.json, written by `npm run value:cdnow`), read at
 * build time. Server-only, like load-data: it reads the file system. Returns null when the file is
 * missing or does not have the expected shape, so the page can say so instead of failing the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

const bucket = z.object({ x: z.string(), customers: z.number(), actual: z.number(), predicted: z.number() });

export const CdnowBenchmarkSchema = z.object({
  bgnbd: z.object({
    r: z.number(),
    alpha: z.number(),
    a: z.number(),
    b: z.number(),
    logLikelihood: z.number(),
  }),
  gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number() }),
  backTest: z
    .object({
      holdoutWeeks: z.number(),
      customers: z.number(),
      actualTotal: z.number(),
      predictedTotal: z.number(),
      byFrequency: z.array(bucket).optional(),
      auc: z.number().nullable(),
      spearman: z.number().nullable(),
    })
    .optional(),
});

export type CdnowBenchmark = z.infer<typeof CdnowBenchmarkSchema>;

/** Where the benchmark lives in the repository. */
export const CDNOW_BENCHMARK_PATH = 'benchmarks/cdnow.json';

/** benchmarks/cdnow.json, validated; null when it is missing or malformed. */
export function loadCdnowBenchmark(): CdnowBenchmark | null {
  return readCdnowBenchmark(path.join(process.cwd(), CDNOW_BENCHMARK_PATH));
}

/**
 * A benchmark file at `file`, validated; null when it is missing or malformed. Read at build time
 * only (the page is prerendered), so the bundler is told not to trace it into the server output.
 */
export function readCdnowBenchmark(file: string): CdnowBenchmark | null {
  if (!existsSync(/* turbopackIgnore: true */ file)) return null;
  try {
    const text = readFileSync(/* turbopackIgnore: true */ file, 'utf8');
    const parsed = CdnowBenchmarkSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
