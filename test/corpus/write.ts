/** Writes corpus cases to disk (Node only): DIR/<case>/<files> and DIR/<case>/truth.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CorpusCase } from './types';

export interface WrittenCase {
  name: string;
  dir: string;
  files: string[];
}

export function writeCorpus(dir: string, cases: readonly CorpusCase[]): WrittenCase[] {
  const written: WrittenCase[] = [];
  for (const c of cases) {
    const caseDir = path.join(dir, c.name);
    mkdirSync(caseDir, { recursive: true });
    const files: string[] = [];
    for (const f of [c.files.orders, c.files.products, c.files.customers, c.files.intents]) {
      if (!f) continue;
      writeFileSync(path.join(caseDir, f.name), f.text);
      files.push(f.name);
    }
    const truth = {
      name: c.name,
      description: c.description,
      files: {
        orders: c.files.orders.name,
        products: c.files.products?.name ?? null,
        customers: c.files.customers?.name ?? null,
        intents: c.files.intents?.name ?? null,
      },
      options: c.options,
      quirks: c.quirks,
      truth: c.truth,
    };
    writeFileSync(path.join(caseDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
    files.push('truth.json');
    written.push({ name: c.name, dir: caseDir, files });
  }
  return written;
}
