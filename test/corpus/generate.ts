/**
 * The test corpus: seeded, realistic order exports of the kinds Indian brands bring, each with the
 * truth a reader must find in it (computed from the generator's ledger, never from the files).
 * Same seed → byte-identical files.
 */
import { generatePosRegister } from './pos-register';
import { generateShopify, generateShopifyExcel, generateShopifyLite } from './shopify';
import type { CorpusCase, GeneratedCase } from './types';
import { toCase } from './util';
import { generateWooCommerce } from './woocommerce';

export const DEFAULT_CORPUS_SEED = 20_251_007;

const GENERATORS: Array<(seed: number) => GeneratedCase> = [
  generateShopify,
  generateShopifyLite,
  generateWooCommerce,
  generatePosRegister,
  generateShopifyExcel,
];

/** Every case with its ledger, for tests that check the truth against the ledger by another route. */
export function generateCorpusWithLedgers(options: { seed?: number } = {}): GeneratedCase[] {
  const seed = options.seed ?? DEFAULT_CORPUS_SEED;
  return GENERATORS.map((g) => g(seed));
}

export function generateCorpus(options: { seed?: number } = {}): CorpusCase[] {
  return generateCorpusWithLedgers(options).map(toCase);
}

export type { CorpusCase, CorpusTruth } from './types';
