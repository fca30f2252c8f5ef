/**
 * Fuzz of the own-data build: seeded random damage (damages.ts) to valid exports of the test corpus
 * (cut to their first orders, inputs.ts), each case run through the real command-line build
 * (`buildData` with the options `parseOwnDataArgs` gives) in a worker thread with a timeout, into
 * an output folder that already holds a "previous build". Every case must end in tables (readable,
 * finite, formula-guarded, nothing personal) or in a clear message (a user-facing error naming the
 * file, and a line when rows are at fault; nothing internal, nothing personal), the output folder
 * untouched and nothing left beside it. Never an uncaught error, never a hang.
 *
 * Cases: each corpus case undamaged; every damage alone on every orders file, and on the CRM
 * customers, intents and Shopify products files; and `COMBINED_SEEDS` cases of 1–3 damages chosen
 * by the seed (plan.ts). A failing case names its id, seed and damages; `npx tsx test/fuzz/repro.ts
 * ID DIR` writes its files and prints the command that builds them.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalNeedles } from '../../lib/privacy/personal-data';
import { BuildPool, type BuildOutcome } from './build-pool';
import { hashTree, outputProblems, printedProblems, refusalProblems, shown } from './checks';
import { damageNamed, DAMAGES } from './damages';
import { fuzzInputs } from './inputs';
import { damagedFiles, planCases, type CasePlan } from './plan';
import { COMBINED_SEEDS, K, MAX_ORDERS, SECRET_HEX } from './settings';

/**
 * A build with no answer in this time hangs. A ~10 MB line takes seconds to read and write (and
 * more while the other build thread competes for the two cores): it gets longer.
 */
const CASE_TIMEOUT_MS = 10_000;
const HUGE_CASE_TIMEOUT_MS = 15_000;
const REPO_ROOT = path.resolve(__dirname, '../..');
const inputs = fuzzInputs(MAX_ORDERS);
const firstLine = (text: string) => text.split(/\r\n|\n|\r/, 1)[0];

interface CaseResult {
  /** How the build ended, or 'harness' when the fuzz itself failed on the case. */
  outcome: BuildOutcome['kind'] | 'harness';
  ms: number;
  problems: string[];
  /** Every damaged file came out as it went in (the damage found nothing to damage). */
  unchanged: boolean;
  customersCsv: string | null;
}

const plans = planCases(inputs, COMBINED_SEEDS);
const results = new Map<number, CaseResult>();
const needlesOf = new Map(inputs.map((i) => [i.name, personalNeedles(i.personalValues)]));
let work = '';
let pool: BuildPool;
let wallSeconds = 0;

/** A "previous build" in the output folder, which a failed build must leave byte for byte. */
async function writeSentinel(outDir: string): Promise<void> {
  await mkdir(path.join(outDir, 'old-stuff'), { recursive: true });
  await writeFile(path.join(outDir, 'manifest.json'), '{"sentinel":"the previous build"}\n');
  await writeFile(path.join(outDir, 'customers_master.csv'), 'customer_id\r\nc_previousbuildxx\r\n');
  await writeFile(path.join(outDir, 'old-stuff', 'kept.txt'), 'kept\n');
}

async function runCase(plan: CasePlan): Promise<CaseResult> {
  const root = await mkdtemp(path.join(work, `case${plan.id}-`));
  const problems: string[] = [];
  try {
    const files = damagedFiles(plan, inputs);
    const inDir = path.join(root, 'in');
    const outDir = path.join(root, 'out');
    const privateDir = path.join(root, 'private');
    await mkdir(inDir);
    await writeSentinel(outDir);
    const before = await hashTree(outDir);
    const argv: string[] = [];
    for (const f of files) {
      const file = path.join(inDir, f.name);
      await writeFile(file, f.text, 'utf8');
      argv.push(`--${f.role}`, file);
    }
    argv.push('--private-dir', privateDir, '--k', String(K), '--holdout-months', '0');
    const timeout = plan.steps.some((s) => s.damage === 'huge-line') ? HUGE_CASE_TIMEOUT_MS : CASE_TIMEOUT_MS;
    const outcome = await pool.run(
      { argv, sourcesDir: path.join(root, 'no-sources'), outDir, projectRoot: REPO_ROOT },
      timeout,
    );
    const damaged = files.filter((f) => f.damages.length);
    const unchanged = damaged.every((f) => f.text === f.original);
    const keepsMeaning = damaged.every((f) => f.damages.every((d) => d.keepsMeaning)) || unchanged;
    const needles = needlesOf.get(plan.input)!;
    const rootAfter = (await readdir(root)).sort();
    let customersCsv: string | null = null;
    if (outcome.kind === 'built') {
      problems.push(...printedProblems([...outcome.printed, ...outcome.log], needles));
      problems.push(...(await outputProblems(outDir, needles)));
      if (JSON.stringify(rootAfter) !== JSON.stringify(['in', 'out', 'private']))
        problems.push(`beside the output folder: ${rootAfter.join(', ')} (expected in, out, private)`);
      customersCsv = await readFile(path.join(outDir, 'customers_master.csv'), 'utf8').catch(() => null);
    } else {
      if (outcome.kind === 'threw') {
        const needLine =
          damaged.length > 0 &&
          damaged.every(
            (f) => f.damages.every((d) => d.rowLevel) && firstLine(f.text) === firstLine(f.original),
          );
        problems.push(
          ...refusalProblems(outcome, {
            fileNames: [...new Set([...damaged.map((f) => f.name), files[0]!.name])],
            needLine,
            needles,
          }),
        );
      } else if (outcome.kind === 'hang') {
        problems.push(`no answer in ${timeout / 1000} s: the build hangs`);
      } else {
        problems.push(`uncaught error outside the build's promise: ${outcome.message}\n${outcome.stack}`);
      }
      const after = await hashTree(outDir);
      if (JSON.stringify(after) !== JSON.stringify(before))
        problems.push(
          `the output folder changed: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
        );
      if (JSON.stringify(rootAfter) !== JSON.stringify(['in', 'out']))
        problems.push(`beside the output folder after a failure: ${rootAfter.join(', ')} (expected in, out)`);
    }
    if (keepsMeaning && outcome.kind !== 'built') {
      const why = outcome.kind === 'threw' ? `: ${shown(outcome.message.slice(0, 500), needles)}` : '';
      problems.push(
        plan.kind === 'undamaged'
          ? `the undamaged cut was not built${why}`
          : `the file means what it meant undamaged, yet it was not built${why}`,
      );
    }
    return { outcome: outcome.kind, ms: outcome.ms, problems, unchanged, customersCsv };
  } catch (error) {
    problems.push(`the fuzz harness failed on this case: ${(error as Error).stack}`);
    return { outcome: 'harness', ms: 0, problems, unchanged: false, customersCsv: null };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Runs `items` through `fn`, `width` at a time. */
async function runAll<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

describe('orders fuzz: damaged exports through the command-line build', () => {
  beforeAll(async () => {
    const started = performance.now();
    work = await mkdtemp(path.join(tmpdir(), 'omni-orders-fuzz-'));
    const width = Math.max(1, Math.min(2, availableParallelism()));
    pool = new BuildPool(width, { ...process.env, OMNI_ID_SECRET: SECRET_HEX });
    const run = async (plan: CasePlan) => {
      results.set(plan.id, await runCase(plan));
    };
    // Undamaged first: the tables a damage that keeps the meaning must give again.
    await runAll(
      plans.filter((p) => p.kind === 'undamaged'),
      width,
      run,
    );
    await runAll(
      plans.filter((p) => p.kind !== 'undamaged'),
      width,
      run,
    );
    wallSeconds = (performance.now() - started) / 1000;
  }, 300_000);

  afterAll(async () => {
    await pool?.close();
    if (work) await rm(work, { recursive: true, force: true });
    const all = [...results.values()];
    const built = all.filter((r) => r.outcome === 'built' && !r.problems.length).length;
    const refused = all.filter((r) => r.outcome === 'threw' && !r.problems.length).length;
    const count = (k: CasePlan['kind']) => plans.filter((p) => p.kind === k).length;
    const slowest = [...results.entries()].sort((a, b) => b[1].ms - a[1].ms)[0];
    // How often a damage's formula reached customers_master.csv (guarded): the check was not idle.
    const guarded = all.filter(
      (r) => r.customersCsv && /'(=HYPERLINK|\+SUM|@cmd|-2\+3|=1\+1)/.test(r.customersCsv),
    ).length;
    console.log(
      `orders fuzz: ${all.length} cases (${count('undamaged')} undamaged, ${count('single')} single damage, ${count('combined')} combined; ` +
        `${all.filter((r) => r.unchanged).length} left their files unchanged), ${built} built, ${refused} refused clearly, ` +
        `${all.length - built - refused} failed; ${guarded} built with a damage's formula (guarded) in customers_master.csv; ${wallSeconds.toFixed(1)} s` +
        (slowest ? `, slowest build ${(slowest[1].ms / 1000).toFixed(1)} s (#${slowest[0]})` : ''),
    );
  });

  it('runs at least 150 cases, every damage alone on every orders file at least once', () => {
    expect(results.size).toBe(plans.length);
    expect(plans.length).toBeGreaterThanOrEqual(150);
    for (const d of DAMAGES)
      for (const input of inputs)
        expect(
          plans.some((p) => p.input === input.name && p.steps.length === 1 && p.steps[0]!.damage === d.name),
          `${d.name} alone on ${input.name}`,
        ).toBe(true);
  });

  it.each(plans)('$label', (plan) => {
    const r = results.get(plan.id);
    expect(r, `${plan.label}: not run`).toBeDefined();
    const damages = plan.steps
      .map((s) => `${s.role}: ${s.damage} (${damageNamed(s.damage).what})`)
      .join('; ');
    const repro = `npx tsx test/fuzz/repro.ts ${plan.id} /tmp/fuzz-case-${plan.id}`;
    expect(r!.problems, `case ${plan.label} — damages: ${damages || 'none'} — reproduce: ${repro}`).toEqual(
      [],
    );
    const steps = plan.steps.map((s) => damageNamed(s.damage));
    if (
      plan.kind !== 'undamaged' &&
      r!.outcome === 'built' &&
      (r!.unchanged || steps.every((d) => d.keepsMeaning))
    ) {
      // Same file in meaning: the same customers, scores and personas as the undamaged cut.
      const baseline = plans.find((p) => p.kind === 'undamaged' && p.input === plan.input)!;
      expect(r!.customersCsv, `${plan.label}: customers_master.csv differs from the undamaged build's`).toBe(
        results.get(baseline.id)!.customersCsv,
      );
    }
  });
});
