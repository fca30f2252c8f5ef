/**
 * The fuzz's cases, from seeds alone: each corpus case undamaged; every damage alone on every
 * orders file and on the side files of SIDE_TARGETS; and combined cases of 1–3 damages chosen by
 * their seed. `damagedFiles` gives a case's files exactly as the fuzz feeds them to the build.
 */
import { createRng } from '../../lib/random/rng';
import { damageNamed, DAMAGES, pick, randInt, type Damage } from './damages';
import type { FileRole, FuzzFile, FuzzInput } from './inputs';

/** The side files every damage is also tried on alone: corpus case → role. */
export const SIDE_TARGETS: Array<[string, FileRole]> = [
  ['pos-register', 'customers'],
  ['shopify', 'products'],
];
/** The damages also tried alone on the intents file (two columns, sixteen lines). */
export const INTENTS_DAMAGES = [
  'drop-column',
  'duplicate-column',
  'shuffle-header-names',
  'delete-header',
  'stray-quote',
  'nul-in-cells',
  'formula-cells',
  'blank-lines',
  'semicolon-lines',
  'windows-1252-bytes',
  'double-bom',
  'truncate-last-line',
];

export interface DamageStep {
  damage: string;
  role: FileRole;
}

export interface CasePlan {
  id: number;
  seed: number;
  /** The corpus case whose (cut) files are damaged. */
  input: string;
  kind: 'undamaged' | 'single' | 'combined';
  steps: DamageStep[];
  label: string;
}

function labelOf(p: Omit<CasePlan, 'label'>): string {
  const what = p.steps.length ? p.steps.map((s) => `${s.role}←${s.damage}`).join(' + ') : 'undamaged';
  return `#${p.id} seed ${p.seed} ${p.input}: ${what}`;
}

/** A combined case from its seed alone: the input, then 1–3 distinct damages, each on a file of it. */
export function planCombined(inputs: readonly FuzzInput[], id: number, seed: number): CasePlan {
  const rng = createRng(seed, 0);
  const input = pick(rng, inputs);
  const count = 1 + randInt(rng, 3);
  const names = new Set<string>();
  while (names.size < count) names.add(pick(rng, DAMAGES).name);
  const sides = input.files.map((f) => f.role).filter((r) => r !== 'orders');
  const steps = [...names].map((damage) => ({
    damage,
    role: sides.length && rng.next() < 0.3 ? pick(rng, sides) : ('orders' as FileRole),
  }));
  const plan = { id, seed, input: input.name, kind: 'combined' as const, steps };
  return { ...plan, label: labelOf(plan) };
}

export function planCases(inputs: readonly FuzzInput[], combinedSeeds: readonly number[]): CasePlan[] {
  const plans: CasePlan[] = [];
  const add = (p: Omit<CasePlan, 'id' | 'label'>) => {
    const plan = { ...p, id: plans.length + 1 };
    plans.push({ ...plan, label: labelOf(plan) });
  };
  for (const input of inputs) add({ seed: 0, input: input.name, kind: 'undamaged', steps: [] });
  let seed = 10_000;
  for (const d of DAMAGES) {
    for (const input of inputs)
      add({ seed: seed++, input: input.name, kind: 'single', steps: [{ damage: d.name, role: 'orders' }] });
    for (const [input, role] of SIDE_TARGETS)
      add({ seed: seed++, input, kind: 'single', steps: [{ damage: d.name, role }] });
    if (INTENTS_DAMAGES.includes(d.name))
      add({
        seed: seed++,
        input: 'pos-register',
        kind: 'single',
        steps: [{ damage: d.name, role: 'intents' }],
      });
  }
  for (const s of combinedSeeds) plans.push(planCombined(inputs, plans.length + 1, s));
  return plans;
}

export interface DamagedFile extends FuzzFile {
  /** The text before damage. */
  original: string;
  damages: Damage[];
}

/** The case's files, damaged: each file's damages applied in phase order, each with its own stream. */
export function damagedFiles(plan: CasePlan, inputs: readonly FuzzInput[]): DamagedFile[] {
  const input = inputs.find((i) => i.name === plan.input)!;
  return input.files.map((file) => {
    const steps = plan.steps
      .map((s, index) => ({ ...s, index, d: damageNamed(s.damage) }))
      .filter((s) => s.role === file.role)
      .sort((a, b) => a.d.phase - b.d.phase || a.index - b.index);
    let text = file.text;
    for (const s of steps) text = s.d.apply(text, createRng(plan.seed, 1 + s.index));
    return { ...file, original: file.text, text, damages: steps.map((s) => s.d) };
  });
}
