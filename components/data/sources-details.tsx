import { formatCount } from '@/lib/format/format';
import type { Manifest } from '@/lib/schema/manifest';
import { TableScroll, td, th } from './data-parts';

/**
 * The public sources as the manifest records them: repository, pinned commit, licence, each file's
 * rows and SHA-256, and the citation. Shared by /data and /methodology; the caller gives the heading.
 */
export function SourcesDetails({ sources }: { sources: Manifest['sources'] }) {
  // A brand build made where the public files were not downloaded uses none of them.
  if (sources.files.length === 0) {
    return (
      <p className="max-w-3xl text-sm" data-testid="no-public-sources">
        No public data was used: the public files were not on this machine when these tables were built,
        so the pages have no arrival reference beside your orders. To add it, download them with{' '}
        <code>npm run data:fetch</code> and build again.
      </p>
    );
  }
  const isUrl = /^https?:\/\//.test(sources.repository);
  return (
    <div className="space-y-8">
      <div>
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
    </div>
  );
}
