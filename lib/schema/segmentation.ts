import { z } from 'zod';

export const TraitSchema = z.object({
  metric: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  overall: z.number().nullable(),
  /** value ÷ overall. */
  ratio: z.number().nullable(),
  /** (value − overall) ÷ overall SD. */
  z: z.number(),
});

export const PersonaSchema = z.object({
  cluster_id: z.number().int().nonnegative(),
  persona: z.string(),
  archetype: z.string().nullable(),
  /** Fit of the centroid to the archetype (sum of signed z-scores; higher fits better). */
  archetype_fit: z.number().nullable(),
  customers: z.number().int().nonnegative(),
  description: z.string(),
  crm_plays: z.array(z.string()).min(1),
  /** The traits that most distinguish this persona from everyone, strongest first. */
  traits: z.array(TraitSchema),
  /** Every profile metric, for comparisons. */
  profile: z.array(TraitSchema),
  top_intents: z.array(z.string()),
});

export const SegmentationSchema = z.object({
  table: z.literal('segmentation'),
  k: z.number().int().min(2),
  seed: z.number().int(),
  features: z.array(
    z.object({ key: z.string(), label: z.string(), transform: z.string(), mean: z.number(), sd: z.number() }),
  ),
  diagnostics: z.array(z.object({ k: z.number().int(), inertia: z.number(), silhouette: z.number() })),
  diagnostics_sample: z.object({ kmeans_rows: z.number().int(), silhouette_rows: z.number().int() }),
  kmeans: z.object({
    inertia: z.number(),
    iterations: z.number().int(),
    restarts: z.number().int(),
    fitted_on: z.number().int(),
    library: z.string(),
  }),
  /** Centroids in z-scores (feature order) and in the features' own units. */
  centroids: z.array(
    z.object({
      cluster_id: z.number().int(),
      persona: z.string(),
      z: z.array(z.number()),
      original: z.array(z.number()),
    }),
  ),
  personas: z.array(PersonaSchema),
  pca: z.object({
    explained_variance: z.array(z.number()),
    loadings: z.array(z.array(z.number())),
    /** [x, y, cluster_id, customer_id]. */
    points: z.array(z.tuple([z.number(), z.number(), z.number().int(), z.string()])),
  }),
});

export type Trait = z.infer<typeof TraitSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Segmentation = z.infer<typeof SegmentationSchema>;
