import { z } from 'zod';

/**
 * 2: config.recent_months and versions; 3: operational_efficiency gains customers, visit frequency,
 * digital prompts and channel overlap; 4: provenance (synthetic or a brand's orders), and the demand
 * table's public-only fields may be null; 5: predicted value — the value_model table, customers_master's
 * p_alive, expected_purchases and predicted_clv (p10, p90) columns, clv_proxy's predicted blocks.
 */
export const SCHEMA_VERSION = 5;

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

export const BadRowSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  reason: z.string(),
});

/** What the customers are: synthetic (generated from the public data) or a brand's own orders. */
export const ProvenanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('synthetic') }),
  z.object({
    kind: z.literal('orders'),
    files: z.object({ orders: z.string(), customers: z.string().nullable(), intents: z.string().nullable() }),
    /** Data rows of the orders file (header excluded), and those skipped as bad. */
    rows_read: z.number().int().nonnegative(),
    rows_skipped: z.number().int().nonnegative(),
    skipped_by: z.record(z.string(), z.number().int().nonnegative()),
    /** The first bad rows, orders file first. */
    first_bad_rows: z.array(BadRowSchema),
    /** Field → the column of the orders file it was read from. */
    columns: z.record(z.string(), z.string()),
    first_day: z.string(),
    last_day: z.string(),
    date_order: z.enum(['dmy', 'mdy']),
    /** True when no date in the file settled day-first vs month-first and a default was used. */
    date_order_assumed: z.boolean(),
    customers_file: z
      .object({
        rows_read: z.number().int().nonnegative(),
        rows_skipped: z.number().int().nonnegative(),
        rows_without_orders: z.number().int().nonnegative(),
        customers_without_row: z.number().int().nonnegative(),
        columns: z.record(z.string(), z.string()),
        known: z.object({ age: z.number().int(), gender: z.number().int(), locale: z.number().int() }),
      })
      .nullable(),
    warnings: z.array(z.string()),
  }),
]);

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
  provenance: ProvenanceSchema,
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type TableEntry = z.infer<typeof TableEntrySchema>;
