import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages whose code shapes the numbers in public/data (and the app that shows them). */
export const PIPELINE_PACKAGES = ['ml-kmeans', 'ml-pca', 'zod', 'papaparse', 'next', 'react'] as const;

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PackageVersions {
  /** The project's own version (package.json). */
  app: string;
  /** Installed version of each pipeline package, in PIPELINE_PACKAGES order. */
  packages: Record<string, string>;
}

function readJson(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Versions for the manifest, read from the lock file (so the same lock gives the same manifest on
 * every machine), else from the installed package, else the range package.json asks for. Nothing
 * from the running Node or the clock, so the build stays byte-identical.
 */
export function readPackageVersions(
  root: string = PROJECT_ROOT,
  names: readonly string[] = PIPELINE_PACKAGES,
): PackageVersions {
  const pkg = readJson(path.join(root, 'package.json')) ?? {};
  const lock = readJson(path.join(root, 'package-lock.json'));
  const locked = (lock?.packages ?? {}) as Record<string, { version?: string }>;
  const ranges = {
    ...((pkg.devDependencies ?? {}) as Record<string, string>),
    ...((pkg.dependencies ?? {}) as Record<string, string>),
  };
  const packages: Record<string, string> = {};
  for (const name of names) {
    const version =
      locked[`node_modules/${name}`]?.version ??
      (readJson(path.join(root, 'node_modules', name, 'package.json'))?.version as string | undefined) ??
      ranges[name];
    if (version) packages[name] = version;
  }
  return { app: typeof pkg.version === 'string' ? pkg.version : '0.0.0', packages };
}
