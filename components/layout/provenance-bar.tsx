import { AppLink } from '@/components/ui/app-link';
import { formatCount } from '@/lib/format/format';
import { ownDataSummary } from '@/lib/format/provenance';
import type { Manifest } from '@/lib/schema/manifest';

/** What every number on the page is made of, shown on every page. */
export function ProvenanceBar({ manifest }: { manifest: Manifest | null }) {
  const own = ownDataSummary(manifest);
  return (
    <div className="border-b border-line bg-sunken/50 text-xs text-ink-muted" data-testid="provenance">
      <p className="mx-auto w-full max-w-6xl px-5 py-2 sm:px-8">
        {own ? (
          <>
            <strong className="font-medium text-ink">Your data:</strong> {own}. Scores are relative (0–100)
            within this customer base, not absolute.{' '}
          </>
        ) : (
          <>
            <strong className="font-medium text-ink">Sandbox data:</strong> public omnichannel grocery data
            (Bhowmick &amp; Pazour, IISE 2024) +{' '}
            {manifest
              ? `${formatCount(manifest.config.customers)} synthetic customers (seed ${manifest.config.seed})`
              : 'synthetic customers'}
            . Scores are relative (0–100) within this customer base, not absolute.{' '}
          </>
        )}
        <AppLink
          href={own ? '/methodology#import' : '/methodology'}
          className="underline decoration-line-strong underline-offset-2 hover:text-ink print:hidden"
        >
          {own ? 'Import report' : 'Sources and method'}
        </AppLink>
      </p>
    </div>
  );
}
