import { z } from 'zod';

/**
 * 2: config.recent_months and versions; 3: operational_efficiency gains customers, visit frequency,
 * digital prompts and channel overlap; 4: provenance (synthetic or a brand's orders), and the demand
 * table's public-only fields may be null; 5: predicted value — the value_model table, customers_master's
 * p_alive, expected_purchases and predicted_clv (p10, p90) columns, clv_proxy's predicted blocks;
 * 6: real exports — provenance gains the platform, the reconciliation of the file's money with the
 * tables', excluded orders, customer keys and the products file; the public arrival reference may be
 * absent (arrivals_summary's public values null, operational_efficiency's peak_basis); value_model's
 * no-dropout limit; 7: product_affinity's cross-sells by value; 8: revenue_by_cluster's months by
 * channel, with new and active customers, for period comparison.
 */
export const SCHEMA_VERSION = 8;

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

const paise = z.number().int();
const count = z.number().int().nonnegative();

/** Why an order of the file is not a sale in the tables. */
export const ExclusionReasonSchema = z.enum(['cancelled', 'voided', 'refunded', 'unpaid', 'guest']);

/**
 * Every rupee of the orders file accounted for, in paise (hundredths of the currency unit) so every
 * total is exact: file = tables + excluded + refunds − returns + bad rows. The reader counts it
 * (lib/orders/orders-reader.ts); lib/orders/reconciliation.ts balances it and puts it in words.
 */
export const ReconciliationSchema = z.object({
  /** Σ of every readable line's net amount (after its discounts, returns negative): the file's merchandise. */
  file_paise: paise,
  /** The file's own order subtotals, where it writes them (Shopify's Subtotal), for comparison. */
  file_subtotal_paise: paise.nullable(),
  /** Orders that are not sales, by reason. */
  excluded: z.record(ExclusionReasonSchema, z.object({ orders: count, paise })),
  /** Partial refunds netted from counted orders. */
  refunds_paise: paise,
  /** Refunded above an order's merchandise (shipping, taxes): not part of merchandise revenue. */
  refunds_beyond_merchandise_paise: paise,
  /** Return lines (negative) of counted orders and return bills, as a positive amount. */
  returns_paise: paise,
  return_lines: count,
  /** Rows skipped as bad whose amount could be read, and how many could not. */
  bad_rows_paise: paise,
  bad_rows_without_amount: count,
  /** Net merchandise revenue the tables hold. */
  tables_paise: paise,
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
    files: z.object({
      orders: z.string(),
      customers: z.string().nullable(),
      intents: z.string().nullable(),
      products: z.string().nullable(),
    }),
    /** The platform the orders export was read as (shopify, woocommerce, generic) and what that meant. */
    platform: z.enum(['shopify', 'woocommerce', 'generic']),
    platform_label: z.string(),
    platform_notes: z.array(z.string()),
    reconciliation: ReconciliationSchema,
    /** Customers by the kind of key the file gave them, and keys written differently for one person. */
    customer_keys: z.object({ email: count, phone: count, id: count, merged: count }),
    pending_orders: z.object({ cash_on_delivery: count, other: count }),
    /** Online orders whose source is an app id, or a source we do not know: source → orders. */
    app_sources: z.record(z.string(), count),
    unknown_sources: z.record(z.string(), count),
    unknown_statuses: z.record(z.string(), count),
    category_source: z.string(),
    lines_without_product: count,
    /** Field → how its column was found (by hand, by name, by its values). */
    columns_how: z.record(z.string(), z.string()),
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
