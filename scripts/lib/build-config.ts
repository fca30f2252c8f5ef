import { DEFAULT_SYNTH_CONFIG, validateSynthConfig, type SynthConfig } from '../../lib/synth/synth-config';
import type { Env } from './sources-dir';

export interface BuildConfig extends SynthConfig {
  k: number;
}

export const DEFAULT_K = 5;

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
  const config: Record<string, unknown> = { ...DEFAULT_SYNTH_CONFIG, k: DEFAULT_K };
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
  // Each problem starts with its setting's key ("customers must be …"): say where the value came from.
  const located = problems.map((p) => {
    const from = origin.get(p.split(' ', 1)[0]!);
    return from ? `${p} (from ${from})` : p;
  });
  if (located.length) throw new ConfigError(`Invalid configuration:\n  - ${located.join('\n  - ')}`);
  return { config: c, rest: flags };
}
