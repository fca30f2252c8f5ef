/**
 * One command checks everything: typecheck, lint, format, unit tests, data, e2e.
 *
 *   npm test                      # everything (the last step builds the dashboard from orders files)
 *   npm test -- --skip-e2e        # everything except building data and the browser tests
 *   npm test -- --only-unit       # only vitest
 *
 * Every step runs even after a failure, so the summary always has every count. The last line
 * printed is exactly `N passed, N failed`; the exit code is non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_DIR = path.join(ROOT, '.test-reports');
const UNIT_REPORT = path.join(REPORT_DIR, 'unit.json');
const E2E_REPORT = path.join(REPORT_DIR, 'e2e.json');
const ENSURE_DATA = path.join('scripts', 'ensure-data.ts');

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
  note: string;
}

const args = new Set(process.argv.slice(2));
const onlyUnit = args.has('--only-unit');
const skipE2e = args.has('--skip-e2e') || onlyUnit;
const results: StepResult[] = [];

function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

/** Runs a command with inherited stdio; returns its exit code (1 when it could not start). */
function run(command: string, commandArgs: string[]): number {
  console.log(`\n\u25b6 ${[path.basename(command), ...commandArgs].join(' ')}\n`);
  const child = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (child.error) {
    console.error(`Could not start ${command}: ${child.error.message}`);
    return 1;
  }
  if (child.signal) {
    console.error(`${command} was killed by ${child.signal}`);
    return 1;
  }
  return child.status ?? 1;
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** A check that counts as one test: passes when the command exits 0. */
function check(name: string, command: string, commandArgs: string[]): void {
  const { value: code, seconds } = timed(() => run(command, commandArgs));
  results.push({
    name,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds,
    note: code === 0 ? '' : `exit ${code}`,
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function numberAt(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null) return 0;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'number' && Number.isFinite(field) ? field : 0;
}

/**
 * A suite whose counts come from a JSON report. A non-zero exit with no failures in the report
 * (a crash, a missing report, a web server that never started) still counts as one failure.
 */
function suite(
  name: string,
  reportFile: string,
  command: string,
  commandArgs: string[],
  count: (report: unknown) => { passed: number; failed: number; note: string },
): void {
  rmSync(reportFile, { force: true });
  const { value: code, seconds } = timed(() => run(command, commandArgs));
  const report = readJson(reportFile);
  if (report === undefined) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      seconds,
      note: `no report at ${path.relative(ROOT, reportFile)}`,
    });
    return;
  }
  const { passed, failed, note } = count(report);
  const crashed = code !== 0 && failed === 0;
  results.push({
    name,
    passed,
    failed: crashed ? 1 : failed,
    seconds,
    note: crashed ? `exit ${code} with no failing test reported` : note,
  });
}

function countVitest(report: unknown) {
  const pending = numberAt(report, 'numPendingTests') + numberAt(report, 'numTodoTests');
  return {
    passed: numberAt(report, 'numPassedTests'),
    failed: numberAt(report, 'numFailedTests'),
    note: pending > 0 ? `${pending} skipped/todo` : '',
  };
}

function countPlaywright(report: unknown) {
  const stats =
    typeof report === 'object' && report !== null ? (report as { stats?: unknown }).stats : undefined;
  const flaky = numberAt(stats, 'flaky');
  const skipped = numberAt(stats, 'skipped');
  const notes = [
    flaky > 0 ? `${flaky} flaky (passed on retry)` : '',
    skipped > 0 ? `${skipped} skipped` : '',
  ];
  return {
    passed: numberAt(stats, 'expected') + flaky,
    failed: numberAt(stats, 'unexpected'),
    note: notes.filter(Boolean).join(', '),
  };
}

function printSummary(): { passed: number; failed: number } {
  const header = ['check', 'passed', 'failed', 'time', 'note'];
  const rows = results.map((r) => [
    r.name,
    String(r.passed),
    String(r.failed),
    `${r.seconds.toFixed(1)}s`,
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();

  console.log('\nSummary');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));

  return {
    passed: results.reduce((sum, r) => sum + r.passed, 0),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
  };
}

mkdirSync(REPORT_DIR, { recursive: true });

if (!onlyUnit) {
  check('typecheck', bin('tsc'), ['--noEmit']);
  check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
  check('format', bin('prettier'), ['--check', '.']);
}

suite(
  'unit',
  UNIT_REPORT,
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.relative(ROOT, UNIT_REPORT)}`],
  countVitest,
);

if (!skipE2e) {
  check('data', bin('tsx'), [ENSURE_DATA]);
  suite('e2e', E2E_REPORT, bin('playwright'), ['test'], countPlaywright);
  check('static export', bin('tsx'), [path.join('scripts', 'check-static-export.ts')]);
  // The dashboard built from orders files (a brand's own data), exported and opened page by page.
  suite(
    'brand e2e',
    path.join(REPORT_DIR, 'e2e-brand.json'),
    bin('tsx'),
    [path.join('scripts', 'check-brand-build.ts')],
    countPlaywright,
  );
}

const { passed, failed } = printSummary();
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
