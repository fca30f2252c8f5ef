/**
 * Writes one fuzz case's damaged files to a folder and prints the command that builds them, so a
 * failing case can be run by hand: `npx tsx test/fuzz/repro.ts 115 /tmp/case115` (the number is the
 * case's #id in the fuzz's test names; ids follow from the seeds, so they are stable).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fuzzInputs } from './inputs';
import { damagedFiles, planCases } from './plan';
import { COMBINED_SEEDS, K, MAX_ORDERS, SECRET_HEX } from './settings';

const [idArg, dirArg] = process.argv.slice(2);
const inputs = fuzzInputs(MAX_ORDERS);
const plan = planCases(inputs, COMBINED_SEEDS).find((p) => p.id === Number(idArg));
if (!plan || !dirArg) {
  console.error('usage: npx tsx test/fuzz/repro.ts CASE_ID DIR');
  process.exit(2);
}
const dir = path.resolve(dirArg);
mkdirSync(dir, { recursive: true });
const args: string[] = [];
for (const f of damagedFiles(plan, inputs)) {
  writeFileSync(path.join(dir, f.name), f.text, 'utf8');
  args.push(`--${f.role}`, JSON.stringify(path.join(dir, f.name)));
}
console.log(plan.label);
console.log(
  `OMNI_ID_SECRET=${SECRET_HEX} npm run data:build -- ${args.join(' ')} --private-dir ${path.join(dir, 'private')} --k ${K} --holdout-months 0 --out ${path.join(dir, 'out')}`,
);
