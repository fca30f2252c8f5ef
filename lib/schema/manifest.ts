import { z } from 'zod';

/** 2: config.recent_months and versions; 3: operational_efficiency gains customers, visit frequency, digital prompts and channel overlap. */
export const SCHEMA_VERSION = 3;

export const TableEntrySchema = z.object({
  /** Table name, e.g. `customers_master`; the file is `<name>.json`. */
  name: z.string(),
  grain: z.string(),
  key: z.string(),
  rows: z.number().int().nonnegative(),
  files: z.array(z.string()),
  description: z.string(),
});

export const SourceEntrySchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
});

export const ManifestSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  title: z.string(),
  config: z.object({
    seed: z.number().int(),
    customers: z.number().int().positive(),
    months: z.number().int().positive(),
    window_start: z.string(),
    window_end: z.string(),
    /** Months at the end of the window that count as "recent" for trend features. */
    recent_months: z.number().int().positive(),
    k: z.number().int().min(2),
    currency: z.string(),
    usd_to_currency: z.number().positive(),
  }),
  sources: z.object({
    repository: z.string(),
    commit: z.string(),
    citation: z.string(),
    licence: z.string(),
    files: z.array(SourceEntrySchema),
  }),
  /** The project's version and the installed versions of the packages that shape the numbers. */
  versions: z.object({
    app: z.string(),
    packages: z.record(z.string(), z.string()),
  }),
  counts: z.object({
    customers: z.number().int().nonnegative(),
    orders: z.number().int().nonnegative(),
    order_lines: z.number().int().nonnegative(),
    marketing_touches: z.number().int().nonnegative(),
  }),
  tables: z.array(TableEntrySchema),
  notes: z.array(z.string()),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type TableEntry = z.infer<typeof TableEntrySchema>;
