/**
 * The build writes its Parquet files with DuckDB's native engine (@duckdb/node-api). npm installs the
 * engine as a prebuilt file for the machine it runs on, one optional dependency of
 * @duckdb/node-bindings per platform. Where there is none, loading DuckDB fails with a message of
 * its own ("Error loading duckdb native binding: unsupported arch…"); this says instead which machine
 * lacks the engine and what to do. Checked by ./duckdb-engine-required.ts.
 */

/** The machines DuckDB publishes a prebuilt engine for (@duckdb/node-bindings' optional dependencies). */
export const DUCKDB_PREBUILT_MACHINES = [
  'linux-x64',
  'linux-arm64',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64',
  'win32-arm64',
] as const;

/** What to tell the person building when `load` (loading DuckDB's engine) fails; null when it loads. */
export function duckdbEngineProblem(load: () => unknown, platform: string, arch: string): string | null {
  try {
    load();
    return null;
  } catch {
    const machine = `${platform}-${arch}`;
    if ((DUCKDB_PREBUILT_MACHINES as readonly string[]).includes(machine))
      return `DuckDB's engine for this machine (${machine}) is not installed. npm leaves it out when optional dependencies are skipped (--omit=optional) or when an install was interrupted. Run \`npm ci --include=optional\` in the project folder, then try again.`;
    return `The build writes Parquet files with DuckDB, and DuckDB publishes no engine for this machine (${machine}): npm installs one only on Linux, macOS and Windows, on x64 or arm64. Build the data on one of those (a Linux container will do), then copy public/data to this machine, or run the whole dashboard there.`;
  }
}
