/**
 * `npm run data:build [-- --seed N --customers N --k N …]`: builds every table into public/data.
 * Sources come from OMNI_SOURCES_DIR, else data/sources (see `npm run data:fetch`).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseBuildConfig } from './lib/build-config';
import { buildData } from './lib/build-data-lib';
import { resolveSourcesDir } from './lib/sources-dir';

export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let outDir = path.resolve('public', 'data');
  try {
    const { config, rest } = parseBuildConfig(argv, process.env);
    outDir = path.resolve(rest.get('--out') ?? outDir);
    rest.delete('--out');
    if (rest.size > 0) throw new ConfigError(`Unknown option(s): ${[...rest.keys()].join(', ')}`);
    const sourcesDir = resolveSourcesDir();
    console.log(
      `Building data: seed ${config.seed}, ${config.customers.toLocaleString('en')} customers, k = ${config.k}`,
    );
    console.log(`  sources: ${sourcesDir}\n  output:  ${outDir}`);
    const report = await buildData({ sourcesDir, outDir, config, log: (l) => console.log(`  ${l}`) });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Done in ${seconds.toFixed(2)} s, peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB.`,
    );
    for (const t of report.manifest.tables)
      console.log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(9)} rows`);
    return 0;
  } catch (error) {
    console.error(`\nData build failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`${path.relative(process.cwd(), outDir) || outDir} was left as it was.`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
