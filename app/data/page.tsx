import { loadManifest } from '@/lib/data/load-data';
import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';

export const metadata: Metadata = { title: 'Methodology & data' };

/**
 * "Data & sources" became part of "Methodology & data". Old links and bookmarks land on the same
 * content there: the import report for a build from a brand's own files, else the tables and files.
 * A meta refresh rather than Next's redirect(), whose prerendered page needs JavaScript to move on:
 * this works from any static host, and the link serves anyone whose browser ignores the refresh.
 */
export default function DataPage() {
  const own = loadManifest()?.provenance.kind === 'orders';
  // The static export serves folders (trailingSlash), so its address ends in a slash.
  const page = process.env.OMNI_STATIC_EXPORT === '1' ? '/methodology/' : '/methodology';
  const target = `${page}#${own ? 'import' : 'data-model'}`;
  return (
    <div className="max-w-2xl">
      <meta httpEquiv="refresh" content={`0;url=${target}`} />
      <h1 className="text-3xl">Data &amp; sources is now part of Methodology &amp; data</h1>
      <p className="mt-4 text-ink-muted">
        {own ? 'The import report, the tables and the files' : 'The tables and the files'} are on{' '}
        <AppLink href={target} className="text-accent underline underline-offset-4">
          Methodology &amp; data
        </AppLink>
        .
      </p>
    </div>
  );
}
