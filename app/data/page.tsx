import { listDataFiles, loadManifest, type Manifest } from '@/lib/data/load-data';
import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Data & sources',
};

const countFormat = new Intl.NumberFormat('en-IN');
const rateFormat = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 4 });

function formatCount(value: number): string {
  return countFormat.format(value);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default function HomePage() {
  const manifest = loadManifest();
  if (!manifest) return <MissingData />;

  const fileSizes = new Map(listDataFiles().map((file) => [file.name, file.bytes]));
  return (
    <div className="space-y-14 sm:space-y-16">
      <Intro manifest={manifest} />
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
  const stats = [
    { label: 'Customers', value: counts.customers },
    { label: 'Orders', value: counts.orders },
    { label: 'Order lines', value: counts.order_lines },
    { label: 'Marketing touches', value: counts.marketing_touches },
  ];
  return (
    <section aria-labelledby="page-title">
      <p className="text-xs font-medium tracking-label text-accent uppercase">Data overview</p>
      <h1 id="page-title" className="mt-3 max-w-3xl text-3xl leading-tight sm:text-5xl">
        {manifest.title}
      </h1>
      <p className="mt-5 max-w-2xl text-ink-muted sm:text-lg">
        {manifest.tables.length} tables built from {sources.files.length} public source files and{' '}
        {formatCount(config.customers)} synthetic customers over {config.months} months ({config.window_start}{' '}
        to {config.window_end}), seed {config.seed}. Schema version {manifest.schema_version}.
      </p>
      <dl className="mt-10 grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-line bg-line lg:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.label} className="bg-surface px-5 py-5">
            <dt className="text-xs tracking-label text-ink-muted uppercase">{stat.label}</dt>
            <dd className="mt-2 font-display text-2xl tabular-nums sm:text-3xl">{formatCount(stat.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function SectionHeading({ id, title, children }: { id: string; title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-5 border-b border-line pb-3">
      <h2 id={id} className="text-2xl">
        {title}
      </h2>
      {children && <p className="mt-1 max-w-3xl text-sm text-ink-muted">{children}</p>}
    </div>
  );
}

/** Wide tables scroll inside their own region on small screens instead of widening the page. */
function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-line bg-surface"
      >
        {children}
      </div>
      <p aria-hidden="true" className="mt-2 text-xs text-ink-faint lg:hidden">
        Scroll sideways to see every column.
      </p>
    </>
  );
}

const th =
  'px-4 py-3 text-left text-xs font-medium tracking-label whitespace-nowrap text-ink-muted uppercase';
const td = 'px-4 py-3 align-top';

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
  const { config } = manifest;
  const items = [
    { label: 'Seed', value: String(config.seed) },
    { label: 'Synthetic customers', value: formatCount(config.customers) },
    { label: 'Window', value: `${config.window_start} to ${config.window_end}` },
    { label: 'Months', value: String(config.months) },
    { label: 'Clusters (k)', value: String(config.k) },
    { label: 'Currency', value: `${config.currency} (1 USD = ${rateFormat.format(config.usd_to_currency)})` },
  ];
  return (
    <section aria-labelledby="config-heading">
      <SectionHeading id="config-heading" title="Build configuration">
        The same configuration and source files always produce the same tables.
      </SectionHeading>
      <dl className="grid gap-x-8 gap-y-5 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <div key={item.label} className="border-l-2 border-accent/40 pl-4">
            <dt className="text-xs tracking-label text-ink-muted uppercase">{item.label}</dt>
            <dd className="mt-1 tabular-nums">{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function SourcesSection({ manifest }: { manifest: Manifest }) {
  const { sources } = manifest;
  const isUrl = /^https?:\/\//.test(sources.repository);
  return (
    <section aria-labelledby="sources-heading" className="space-y-8">
      <div>
        <SectionHeading id="sources-heading" title="Sources">
          Public source files, checked by SHA-256 before every build.
        </SectionHeading>
        <dl className="mb-6 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-ink-muted">Repository</dt>
          <dd className="break-all">
            {isUrl ? (
              <a
                href={sources.repository}
                className="text-accent underline decoration-accent/30 underline-offset-4 hover:decoration-accent"
              >
                {sources.repository}
              </a>
            ) : (
              sources.repository
            )}
          </dd>
          <dt className="text-ink-muted">Commit</dt>
          <dd className="font-mono text-[0.8rem] break-all">{sources.commit}</dd>
          <dt className="text-ink-muted">Licence</dt>
          <dd>{sources.licence}</dd>
        </dl>
        <TableScroll label="Source file checksums">
          <table className="w-full min-w-[44rem] border-collapse text-sm">
            <caption className="sr-only">Source files with row counts and SHA-256 checksums</caption>
            <thead className="border-b border-line bg-sunken/60">
              <tr>
                <th scope="col" className={th}>
                  File
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Rows
                </th>
                <th scope="col" className={th}>
                  SHA-256
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {sources.files.map((file) => (
                <tr key={file.file}>
                  <th scope="row" className={`${td} text-left font-medium whitespace-nowrap`}>
                    {file.file}
                  </th>
                  <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                    {formatCount(file.rows)}
                  </td>
                  <td className={`${td} font-mono text-xs break-all text-ink-muted`}>{file.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>

      <div aria-labelledby="citation-heading" role="group">
        <h3 id="citation-heading" className="text-lg">
          Citation
        </h3>
        <p className="mt-3 max-w-3xl border-l-2 border-accent pl-4 leading-relaxed" data-testid="citation">
          {sources.citation}
        </p>
      </div>
    </section>
  );
}

function NotesSection({ notes }: { notes: string[] }) {
  return (
    <section aria-labelledby="notes-heading">
      <SectionHeading id="notes-heading" title="Notes" />
      <ul className="max-w-3xl list-disc space-y-2 pl-5 text-ink-muted marker:text-accent">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
