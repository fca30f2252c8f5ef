import { describe, expect, it } from 'vitest';
import { duckdbEngineProblem } from './duckdb-native';

const fails = () => {
  throw new Error("Error loading duckdb native binding: unsupported arch 'ppc64' for platform 'linux'");
};

describe('loading DuckDB’s engine before a build', () => {
  it('given the engine loads, then there is nothing to say', () => {
    expect(duckdbEngineProblem(() => ({}), 'linux', 'x64')).toBeNull();
  });

  it('given a machine DuckDB publishes no engine for, then it names the machine and says where to build, not DuckDB’s own words', () => {
    const message = duckdbEngineProblem(fails, 'linux', 'ppc64')!;
    expect(message).toContain('(linux-ppc64)');
    expect(message).toContain('Linux, macOS and Windows, on x64 or arm64');
    expect(message).toContain('copy public/data');
    expect(message).not.toMatch(/native binding|unsupported arch/);
  });

  it('given a machine with a published engine that is missing, then it says how to install it', () => {
    for (const [platform, arch] of [
      ['linux', 'arm64'],
      ['darwin', 'arm64'],
      ['win32', 'x64'],
    ]) {
      const message = duckdbEngineProblem(fails, platform!, arch!)!;
      expect(message).toContain(`(${platform}-${arch})`);
      expect(message).toContain('npm ci --include=optional');
    }
  });
});
