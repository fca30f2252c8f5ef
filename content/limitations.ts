/**
 * The methodology's assumptions and limitations: copy, filled in with this build's figures.
 */
import { formatCount, formatDecimal, formatPct } from '@/lib/format/format';
import { FAMILY_INTENTS, INTENTS } from '@/lib/intents/intents';
import type { Manifest } from '@/lib/schema/manifest';
import type { Segmentation } from '@/lib/schema/segmentation';
import type { KChoice, PcaScatter } from '@/lib/view/methodology';

/* ------------------------------------------------------------------------------------------------ */
/* Assumptions and limitations                                                                        */
/* ------------------------------------------------------------------------------------------------ */

export interface Limitation {
  id: string;
  title: string;
  text: string;
  /** Listed details, e.g. each source quirk. */
  items?: string[];
}

/** Notes in the manifest that are quirks of the public source files (not general caveats). */
export function sourceQuirks(notes: string[]): string[] {
  return notes.filter((n) => /^Generator price substitution|\.csv, aisle \d+/.test(n));
}

export function limitations(
  manifest: Manifest,
  seg: Segmentation,
  k: KChoice,
  pca: PcaScatter,
): Limitation[] {
  const quirks = sourceQuirks(manifest.notes);
  const own = manifest.provenance.kind === 'orders';
  const out: Limitation[] = own
    ? [
        {
          id: 'own-data',
          title: 'Your own orders',
          text: `The ${formatCount(manifest.counts.customers)} customers and ${formatCount(manifest.counts.orders)} orders are read from ${manifest.provenance.kind === 'orders' ? manifest.provenance.files.orders : 'your orders'}. An orders file carries no marketing touches, so the scores leave their marketing components out and there is no marketing table; demographics are known only where a customers file gave them.`,
        },
        {
          id: 'relative',
          title: 'Scores are relative',
          text: 'Engagement, loyalty, churn risk and the CLV proxy are percentile-based 0–100 ranks within this customer base. A persona with churn risk 70 is riskier than most customers here; it is not a 70 % probability of leaving, and scores are not comparable between builds of different customer bases.',
        },
        manifest.sources.files.length > 0
          ? {
              id: 'reference-curves',
              title: 'Public arrival curves as a reference',
              text: 'The in-store and online arrival curves on the Channels and Operations pages are the public data’s (Bhowmick & Pazour, IISE 2024), kept as a reference beside your own orders per day × hour; the demand table describes your categories and leaves the public-only fields (dwell, impulse, emotional flag) empty.',
            }
          : {
              id: 'reference-curves',
              title: 'No public reference',
              text: 'The public files were not on this machine when the data was built: Channels and Operations draw your own orders per day × hour, with no public arrival curves beside them, and take peak hours from your orders; the demand table describes your categories and leaves the public-only fields (dwell, impulse, emotional flag) empty.',
            },
      ]
    : [
        {
          id: 'synthetic',
          title: 'Synthetic customers',
          text: `The ${formatCount(manifest.counts.customers)} customers, ${formatCount(manifest.counts.orders)} orders and ${formatCount(manifest.counts.marketing_touches)} marketing touches are generated from the public data with seed ${manifest.config.seed}; they describe no real person. Relationships between traits are assumptions of the generator (e.g. affluence → price tier), so the personas show what the method finds in a plausible customer base, not facts about the brand’s customers.`,
        },
        {
          id: 'relative',
          title: 'Scores are relative',
          text: 'Engagement, loyalty, churn risk and the CLV proxy are percentile-based 0–100 ranks within this customer base. A persona with churn risk 70 is riskier than most customers here; it is not a 70 % probability of leaving, and scores are not comparable between builds of different customer bases.',
        },
        {
          id: 'grocery-proxy',
          title: 'Grocery behaviour as a proxy for lifestyle purchasing',
          text: `The public datasets describe grocery shopping (${formatCount(FAMILY_INTENTS.length)} product families, i.e. Instacart aisles, bought in store and online). This project maps the families to ${formatCount(INTENTS.length)} lifestyle intents (lib/intents/family-intents.json) and converts the sources’ US-dollar prices at a fixed ${formatDecimal(manifest.config.usd_to_currency, 4)} ${manifest.config.currency} per USD. Order frequencies, basket sizes, prices and dwell times are therefore those of grocery shopping, not of home, apparel and gifting: read the levels as illustrative, and the differences between personas as the finding.`,
        },
      ];
  out.push(
    {
      id: 'k',
      title: 'The number of personas is a choice',
      text:
        `k = ${seg.k} is set by the build configuration (--k; the default gives the five named personas). ` +
        (k.bestSilhouetteK === seg.k
          ? `It is also the k with the highest silhouette on the diagnostic sample.`
          : `The silhouette on the diagnostic sample is highest at k = ${k.bestSilhouetteK}; the elbow of the inertia is at k = ${k.elbowK}.`) +
        ` Diagnostics run on seeded samples (${formatCount(k.sample.kmeans_rows)} customers for k-means, ${formatCount(k.sample.silhouette_rows)} for the silhouette); the final k-means ran on ${formatCount(seg.kmeans.fitted_on)} customers with ${seg.kmeans.restarts} restarts.`,
    },
    {
      id: 'pca',
      title: 'The 2-D view flattens',
      text: `The PCA scatter shows ${formatCount(pca.total)} sampled customers on two components that keep ${formatPct(pca.explained[0] + pca.explained[1])} of the variance; clusters that overlap on screen can still be apart in the other ${Math.max(0, seg.features.length - 2)} dimensions.`,
    },
  );
  if (quirks.length > 0) {
    out.push({
      id: 'quirks',
      title: 'Source quirks, read deliberately',
      text: 'The published files are read as they are; these values are handled on purpose (from the manifest notes):',
      items: quirks,
    });
  }
  return out;
}
