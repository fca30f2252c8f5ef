import { TableScroll, td, th } from '@/components/data/data-parts';
import { formatBytes, formatCount } from '@/lib/format/format';
import type { Manifest } from '@/lib/schema/manifest';

/**
 * Every table of the build in one place: its grain, key, rows, how it joins the spine, what it holds,
 * and the files to download with their sizes. The data model diagram above it draws the same joins.
 */
export function TablesAndFiles({
  manifest,
  joins,
  fileSizes,
}: {
  manifest: Manifest;
  /** Table name → "customers_master on customer_id" (from the data model). */
  joins: ReadonlyMap<string, string>;
  fileSizes: ReadonlyMap<string, number>;
}) {
  const headers = ['Grain', 'Key', 'Rows', 'Joins', 'Description and files'];
  return (
    <TableScroll label="Tables, grains and join keys">
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">Tables, grains and join keys, with each table’s files</caption>
        <thead className="border-b border-line bg-sunken/60">
          <tr>
            <th scope="col" className={th}>
              Table
            </th>
            {headers.map((h) => (
              <th key={h} scope="col" className={h === 'Rows' ? `${th} text-right` : th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {manifest.tables.map((table) => (
            <tr key={table.name}>
              <th scope="row" className={`${td} text-left font-mono text-[0.8rem] font-medium whitespace-nowrap`}>
                {table.name}
              </th>
              <td className={`${td} min-w-36`}>{table.grain}</td>
              <td className={`${td} min-w-32 font-mono text-[0.8rem]`}>{table.key}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatCount(table.rows)}</td>
              <td className={`${td} min-w-40 text-ink-muted`}>{joins.get(table.name) ?? ''}</td>
              <td className={`${td} min-w-56`}>
                <p className="text-ink-muted">{table.description}</p>
                <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
                  {table.files.map((file) => {
                    const bytes = fileSizes.get(file);
                    return (
                      <li key={file} className="whitespace-nowrap">
                        <a
                          href={`/data/${file}`}
                          className="font-mono text-[0.8rem] text-accent underline decoration-accent/30 underline-offset-4 hover:text-accent-strong hover:decoration-accent"
                        >
                          {file}
                        </a>
                        {bytes !== undefined && (
                          <span className="ml-1.5 text-xs text-ink-faint tabular-nums">{formatBytes(bytes)}</span>
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
  );
}
