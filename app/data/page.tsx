import { SectionHeading, TableScroll, td, th } from '@/components/data/data-parts';
import { ImportReport } from '@/components/data/import-report';
import { BuildConfigList, ManifestCounts, ManifestNotes } from '@/components/data/manifest-parts';
import { SourcesDetails } from '@/components/data/sources-details';
import { listDataFiles, loadManifest, type Manifest } from '@/lib/data/load-data';
import { formatBytes, formatCount } from '@/lib/format/format';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Data & sources',
};

export default function DataPage() {
  const manifest = loadManifest();
  if (!manifest) return <MissingData />;

  const fileSizes = new Map(listDataFiles().map((file) => [file.name, file.bytes]));
  return (
    <div className="space-y-14 sm:space-y-16">
      <Intro manifest={manifest} />
      {manifest.provenance.kind === 'orders' && (
        <ImportReport provenance={manifest.provenance} currency={manifest.config.currency} />
      )}
      <TablesSection manifest={manifest} fileSizes={fileSizes} />
      <ConfigSection manifest={manifest} />
      <SourcesSection manifest={manifest} />
      {manifest.notes.length > 0 && <NotesSection notes={manifest.notes} />}
    </div>
  );
}

function MissingData() {
  return (
    <div className="max-w-2xl">
      <p className="text-xs font-medium tracking-label text-accent uppercase">Data overview</p>
      <h1 className="mt-3 text-3xl sm:text-4xl">No data has been built yet</h1>
      <p className="mt-4 text-ink-muted">
        The dashboard reads generated tables from <code>public/data</code>, and{' '}
        <code>public/data/manifest.json</code> was not found when this page was built. Generate the data, then
        rebuild or restart the app:
      </p>
      <pre className="mt-6 overflow-x-auto rounded-md border border-line bg-sunken px-4 py-3 text-sm">
        <code>npm run data:build</code>
      </pre>
    </div>
  );
}

function Intro({ manifest }: { manifest: Manifest }) {
  const { config, counts, sources } = manifest;
  return (
    <section aria-labelledby="page-title">
      <p className="text-xs font-medium tracking-label text-accent uppercase">Data overview</p>
      <h1 id="page-title" className="mt-3 max-w-3xl text-3xl leading-tight sm:text-5xl">
        {manifest.title}
      </h1>
      <p className="mt-5 max-w-2xl text-ink-muted sm:text-lg">
        {manifest.provenance.kind === 'orders'
          ? `${manifest.tables.length} tables built from your orders (${manifest.provenance.files.orders}): ${formatCount(config.customers)} customers over ${config.months} months (${config.window_start} to ${config.window_end}), ${sources.files.length ? 'with the public arrival curves as a reference' : 'without the public reference data'}. Schema version ${manifest.schema_version}.`
          : `${manifest.tables.length} tables built from ${sources.files.length} public source files and ${formatCount(config.customers)} synthetic customers over ${config.months} months (${config.window_start} to ${config.window_end}), seed ${config.seed}. Schema version ${manifest.schema_version}.`}
      </p>
      <p className="mt-3 max-w-2xl text-sm text-ink-muted">
        How the tables join, what every metric means and how the personas were chosen:{' '}
        <Link
          href="/methodology"
          className="text-accent underline decoration-accent/30 underline-offset-4 hover:decoration-accent"
        >
          Methodology
        </Link>
        .
      </p>
      <div className="mt-10">
        <ManifestCounts counts={counts} />
      </div>
    </section>
  );
}

function TablesSection({ manifest, fileSizes }: { manifest: Manifest; fileSizes: Map<string, number> }) {
  return (
    <section aria-labelledby="tables-heading">
      <SectionHeading id="tables-heading" title="Tables">
        Each table is a JSON file in <code>public/data</code>, validated against its schema before it is
        written.
      </SectionHeading>
      <TableScroll label="Generated tables">
        <table className="w-full min-w-[56rem] border-collapse text-sm">
          <caption className="sr-only">Generated tables with their grain, key, row count and files</caption>
          <thead className="border-b border-line bg-sunken/60">
            <tr>
              <th scope="col" className={th}>
                Table
              </th>
              <th scope="col" className={th}>
                Grain
              </th>
              <th scope="col" className={th}>
                Key
              </th>
              <th scope="col" className={`${th} text-right`}>
                Rows
              </th>
              <th scope="col" className={th}>
                Description
              </th>
              <th scope="col" className={th}>
                Files
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {manifest.tables.map((table) => (
              <tr key={table.name}>
                <th
                  scope="row"
                  className={`${td} text-left font-mono text-[0.8rem] font-medium whitespace-nowrap`}
                >
                  {table.name}
                </th>
                <td className={`${td} min-w-36`}>{table.grain}</td>
                <td className={`${td} min-w-32 font-mono text-[0.8rem]`}>{table.key}</td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                  {formatCount(table.rows)}
                </td>
                <td className={`${td} min-w-56 text-ink-muted`}>{table.description}</td>
                <td className={td}>
                  <ul className="space-y-1">
                    {table.files.map((file) => {
                      const bytes = fileSizes.get(file);
                      return (
                        <li key={file} className="flex flex-col items-start gap-0.5 whitespace-nowrap">
                          <a
                            href={`/data/${file}`}
                            className="font-mono text-[0.8rem] text-accent underline decoration-accent/30 underline-offset-4 hover:text-accent-strong hover:decoration-accent"
                          >
                            {file}
                          </a>
                          {bytes !== undefined && (
                            <span className="text-xs text-ink-faint tabular-nums">{formatBytes(bytes)}</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function ConfigSection({ manifest }: { manifest: Manifest }) {
  return (
    <section aria-labelledby="config-heading">
      <SectionHeading id="config-heading" title="Build configuration">
        The same configuration and source files always produce the same tables.
      </SectionHeading>
      <BuildConfigList config={manifest.config} own={manifest.provenance.kind === 'orders'} />
    </section>
  );
}

function SourcesSection({ manifest }: { manifest: Manifest }) {
  return (
    <section aria-labelledby="sources-heading">
      <SectionHeading id="sources-heading" title="Sources">
        Public source files, checked by SHA-256 before every build.
      </SectionHeading>
      <SourcesDetails sources={manifest.sources} />
    </section>
  );
}

function NotesSection({ notes }: { notes: string[] }) {
  return (
    <section aria-labelledby="notes-heading">
      <SectionHeading id="notes-heading" title="Notes" />
      <ManifestNotes notes={notes} />
    </section>
  );
}
