import { ProvenanceBar } from '@/components/layout/provenance-bar';
import { ProvenanceForPage } from '@/components/layout/provenance-for-page';
import { SiteNav } from '@/components/layout/site-nav';
import { AppLink } from '@/components/ui/app-link';
import { loadManifest } from '@/lib/data/load-data';
import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'Omnichannel Insights',
    template: '%s · Omnichannel Insights',
  },
  description:
    'Customer insight for a premium omnichannel lifestyle brand: segments, value, affinity and channel performance.',
};

export const viewport: Viewport = {
  themeColor: '#f7f3ec',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const manifest = loadManifest();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-10 focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-line bg-paper/90">
          <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-5 py-4 sm:px-8">
            <AppLink href="/" className="group flex items-baseline gap-3 no-underline">
              <span aria-hidden="true" className="size-2 translate-y-[-0.1em] rounded-full bg-accent" />
              <span className="font-display text-xl tracking-tight text-ink">Omnichannel Insights</span>
            </AppLink>
            <SiteNav />
          </div>
        </header>
        <ProvenanceForPage>
          <ProvenanceBar manifest={manifest} />
        </ProvenanceForPage>

        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-5 py-10 sm:px-8 sm:py-14">
          {children}
        </main>

        <footer className="border-t border-line">
          <div className="mx-auto w-full max-w-6xl px-5 py-6 text-sm text-ink-muted sm:px-8">
            <p>
              {manifest?.provenance.kind !== 'orders'
                ? 'Public grocery data (Bhowmick & Pazour, IISE 2024) + synthetic customers. Scores are relative (0–100), not absolute.'
                : manifest.sources.files.length > 0
                  ? 'Your own orders, analysed at build time; public arrival curves (Bhowmick & Pazour, IISE 2024) as a reference. Scores are relative (0–100), not absolute.'
                  : 'Your own orders, analysed at build time, without the public reference data. Scores are relative (0–100), not absolute.'}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
