/**
 * The prerendered pages hydrate small client islands; what those import is shipped to every phone.
 * The schemas (zod, about 34 KB gzipped) once reached the period bar through a helper that lived in
 * a schema module, and bench:pages caught it only afterwards. This walks each island's imports
 * (value imports, not `import type`) and fails when one of them reaches zod.
 *
 * The explorer is walked like any island: it reads customers_master's column dictionary for labels
 * and units, whose rules are functions handed zod, so it needs no zod. "Analyse your data" is left
 * out: its worker validates a brand's files with the build's schemas, and its results view (a chunk
 * loaded after the analysis, not with the page) reaches zod through the product_affinity module,
 * whose table schemas are built beside its dictionary.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const VALIDATING_IN_THE_BROWSER = ['components/analyse/'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  }
  return null;
}

/** The chain of files from `entry` to the first one that imports `pkg`, or null. */
function pathToPackage(entry: string, pkg: string): string[] | null {
  const seen = new Set<string>();
  const stack: string[][] = [[entry]];
  while (stack.length) {
    const trail = stack.pop()!;
    const file = trail[trail.length - 1]!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?\bfrom\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec === pkg) return trail.map((f) => path.relative(ROOT, f));
      const next = resolveImport(file, spec);
      if (next) stack.push([...trail, next]);
    }
  }
  return null;
}

const islands = ['components', 'lib', 'app']
  .flatMap((dir) => filesUnder(path.join(ROOT, dir)))
  .filter((file) => /^['"]use client['"]/.test(readFileSync(file, 'utf8')))
  .map((file) => path.relative(ROOT, file))
  .filter((file) => !VALIDATING_IN_THE_BROWSER.some((dir) => file.startsWith(dir)));

describe('client islands of the prerendered pages', () => {
  it('are found (the walk would pass vacuously otherwise)', () => {
    expect(islands).toContain('components/period/period-panel.tsx');
    expect(islands.length).toBeGreaterThan(15);
  });

  it('the walk finds zod where it is imported ("Analyse your data"’s worker validates files)', () => {
    expect(pathToPackage(path.join(ROOT, 'components/analyse/analyse.worker.ts'), 'zod')).not.toBeNull();
  });

  it('walks the explorer, which once shipped zod for its column labels', () => {
    expect(islands).toContain('components/explorer/customer-explorer.tsx');
  });

  it.each(islands)('%s does not bring the schemas (zod) into the browser', (file) => {
    expect(pathToPackage(path.join(ROOT, file), 'zod')).toBeNull();
  });
});
