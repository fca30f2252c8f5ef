import { DEFAULT_SYNTH_CONFIG, validateSynthConfig, type SynthConfig } from '../../lib/synth/synth-config';
import type { Env } from './sources-dir';

export interface BuildConfig extends SynthConfig {
  k: number;
  /** Months at the end of the window held out for the predicted-value back-test (0: none). */
  holdoutMonths: number;
}

export const DEFAULT_K = 5;
export const DEFAULT_HOLDOUT_MONTHS = 6;

/** Settings: command-line flags win over environment variables, which win over the defaults. */
const SETTINGS = [
  { key: 'seed', flag: '--seed', env: 'OMNI_SEED', kind: 'int' },
  { key: 'customers', flag: '--customers', env: 'OMNI_CUSTOMERS', kind: 'int' },
  { key: 'k', flag: '--k', env: 'OMNI_K', kind: 'int' },
  { key: 'months', flag: '--months', env: 'OMNI_MONTHS', kind: 'int' },
  { key: 'windowEnd', flag: '--window-end', env: 'OMNI_WINDOW_END', kind: 'string' },
  { key: 'recentMonths', flag: '--recent-months', env: 'OMNI_RECENT_MONTHS', kind: 'int' },
  { key: 'currency', flag: '--currency', env: 'OMNI_CURRENCY', kind: 'string' },
  { key: 'usdToCurrency', flag: '--usd-rate', env: 'OMNI_USD_RATE', kind: 'number' },
  { key: 'holdoutMonths', flag: '--holdout-months', env: 'OMNI_HOLDOUT_MONTHS', kind: 'int' },
] as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseBuildConfig(
  argv: string[],
  env: Env,
): { config: BuildConfig; rest: Map<string, string> } {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new ConfigError(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${name} needs a value`);
    flags.set(name, value);
  }
  const config: Record<string, unknown> = {
    ...DEFAULT_SYNTH_CONFIG,
    k: DEFAULT_K,
    holdoutMonths: DEFAULT_HOLDOUT_MONTHS,
  };
  /** Setting key → the flag or env var its value came from. */
  const origin = new Map<string, string>();
  for (const s of SETTINGS) {
    const fromFlag = flags.get(s.flag);
    flags.delete(s.flag);
    const raw = fromFlag ?? env[s.env];
    if (raw === undefined || raw.trim() === '') continue;
    const source = fromFlag !== undefined ? s.flag : s.env;
    origin.set(s.key, source);
    if (s.kind === 'string') config[s.key] = raw.trim();
    else {
      const n = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(n) || (s.kind === 'int' && !Number.isInteger(n))) {
        throw new ConfigError(`${source}: "${raw}" is not ${s.kind === 'int' ? 'an integer' : 'a number'}`);
      }
      config[s.key] = n;
    }
  }
  const c = config as unknown as BuildConfig;
  const problems = validateSynthConfig(c);
  if (!Number.isInteger(c.k) || c.k < 2 || c.k > 10)
    problems.push(`k must be an integer from 2 to 10 (got ${c.k})`);
  if (!Number.isInteger(c.holdoutMonths) || c.holdoutMonths < 0 || c.holdoutMonths > 60)
    problems.push(`holdoutMonths must be an integer from 0 to 60 (got ${c.holdoutMonths})`);
  // Each problem starts with its setting's key ("customers must be …"): say where the value came from.
  const located = problems.map((p) => {
    const from = origin.get(p.split(' ', 1)[0]!);
    return from ? `${p} (from ${from})` : p;
  });
  if (located.length) throw new ConfigError(`Invalid configuration:\n  - ${located.join('\n  - ')}`);
  return { config: c, rest: flags };
}

/** Options of a build from a brand's own files (`--orders FILE …`). */
export interface OwnDataArgs {
  orders: string;
  customers: string | null;
  intents: string | null;
  /** A products export (Shopify: Products → Export): categories by SKU or product title. */
  products: string | null;
  /** Every order is in this channel (a file without a channel column). */
  channel: 'online' | 'in-store' | undefined;
  /** The private folder for the pseudonym secret and the key map (default private/). */
  privateDir: string | undefined;
  mapping: Record<string, string>;
  dateOrder: 'dmy' | 'mdy' | undefined;
  maxBadShare: number | undefined;
}

const OWN_FLAGS = [
  '--orders',
  '--intents',
  '--products',
  '--channel',
  '--private-dir',
  '--map',
  '--date-order',
  '--max-bad',
] as const;

/**
 * Takes the own-data flags out of argv. With `--orders`, `--customers` names the customers file
 * (not a synthetic count) and a number there is refused. `--export-orders DIR` is taken out too.
 */
export function parseOwnDataArgs(
  argv: string[],
  fieldKeys: readonly string[],
): { argv: string[]; own: OwnDataArgs | null; exportOrders: string | null } {
  const taken = new Map<string, string>();
  const rest: string[] = [];
  const hasOrders = argv.some((a) => a === '--orders' || a.startsWith('--orders='));
  const own = new Set<string>([...OWN_FLAGS, '--export-orders', ...(hasOrders ? ['--customers'] : [])]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!own.has(name)) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ConfigError(`${name} needs a value`);
    taken.set(name, value);
  }
  const exportOrders = taken.get('--export-orders') ?? null;
  if (!hasOrders) {
    const stray = OWN_FLAGS.filter((f) => taken.has(f));
    if (stray.length)
      throw new ConfigError(
        `${stray.join(', ')} only go${stray.length === 1 ? 'es' : ''} with --orders FILE`,
      );
    return { argv: rest, own: null, exportOrders };
  }
  if (exportOrders !== null)
    throw new ConfigError('--export-orders writes the synthetic orders; it does not go with --orders');
  const customers = taken.get('--customers') ?? null;
  if (customers !== null && /^\s*[\d_]+\s*$/.test(customers)) {
    throw new ConfigError(
      `--customers "${customers}": with --orders, --customers names the customers file (id, age, gender, region), not a number of synthetic customers`,
    );
  }
  const mapping: Record<string, string> = {};
  const rawMap = taken.get('--map');
  if (rawMap !== undefined) {
    for (const pair of rawMap.split(',')) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq).trim();
      const column = pair.slice(eq + 1).trim();
      if (eq < 0 || !key || !column) throw new ConfigError(`--map: "${pair}" is not field=Column`);
      if (!fieldKeys.includes(key))
        throw new ConfigError(`--map: unknown field "${key}"; fields: ${fieldKeys.join(', ')}`);
      mapping[key] = column;
    }
  }
  const dateOrder = taken.get('--date-order');
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy')
    throw new ConfigError(`--date-order: "${dateOrder}" is neither dmy (day first) nor mdy (month first)`);
  const rawBad = taken.get('--max-bad');
  let maxBadShare: number | undefined;
  if (rawBad !== undefined) {
    maxBadShare = Number(rawBad.trim().endsWith('%') ? Number(rawBad.trim().slice(0, -1)) / 100 : rawBad);
    if (rawBad.trim() === '' || !Number.isFinite(maxBadShare) || maxBadShare < 0 || maxBadShare > 1)
      throw new ConfigError(`--max-bad: "${rawBad}" is not a share from 0 to 1 (e.g. 0.05)`);
  }
  const rawChannel = taken
    .get('--channel')
    ?.trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const channel = rawChannel === 'instore' || rawChannel === 'store' ? 'in-store' : rawChannel;
  if (channel !== undefined && channel !== 'online' && channel !== 'in-store')
    throw new ConfigError(
      `--channel: "${taken.get('--channel')}" is neither online nor in-store (every order of the file is in that channel)`,
    );
  return {
    argv: rest,
    own: {
      orders: taken.get('--orders')!,
      customers,
      intents: taken.get('--intents') ?? null,
      products: taken.get('--products') ?? null,
      channel,
      privateDir: taken.get('--private-dir'),
      mapping,
      dateOrder,
      maxBadShare,
    },
    exportOrders,
  };
}
