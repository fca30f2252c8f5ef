/**
 * The production build and `next start`, as `npm start` and the page benchmarks use them: whether the
 * build is there and newer than the data, a server on a port of our own, the Chromium to measure with.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const NEXT_BIN = path.join('node_modules', '.bin', 'next');

function mtime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * The Next config the build in `dir` was made with, as `next build` records it; null when unreadable.
 * Next writes a static export's build into .next as well (only the exported site goes to distDir), so
 * after `npm test` or `npm run export` the .next that `next start` would serve is an export's.
 */
function recordedConfig(dir: string): { output?: string } | null {
  try {
    const recorded = JSON.parse(readFileSync(path.join(dir, 'required-server-files.json'), 'utf8'));
    return recorded?.config ?? null;
  } catch {
    return null;
  }
}

/** Why `next build` must run before the app is served from `root`, or null when the build is current. */
export function buildNeeded(root = '.'): string | null {
  const dir = path.join(root, '.next');
  const built = mtime(path.join(dir, 'BUILD_ID'));
  if (built === null) return 'there is no production build';
  const data = mtime(path.join(root, 'public', 'data', 'manifest.json'));
  if (data === null) return 'public/data has not been built';
  if (built < data) return 'the production build is older than public/data';
  const config = recordedConfig(dir);
  if (config === null) return 'the production build is incomplete';
  // An export's build has trailing-slash redirects and may hold another brand's tables (OMNI_DATA_DIR).
  if (config.output === 'export')
    return 'the last build was a static export, which `next start` cannot serve';
  return null;
}

export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export interface RunningServer {
  base: string;
  stop: () => void;
}

/**
 * `next start` of the production build on 127.0.0.1:port, answering `/`. Refuses a port that is
 * taken, so that a benchmark never measures somebody else's server.
 */
export async function startNextServer(port: number, timeoutMs = 60_000): Promise<RunningServer> {
  if (!(await portIsFree(port))) throw new Error(`Port ${port} is already in use: choose another one.`);
  const server = spawn(NEXT_BIN, ['start', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`next start exited early (code ${code})`))),
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([waitForServer(base + '/', timeoutMs), exited]);
  } catch (error) {
    server.kill();
    throw error;
  }
  exited.catch(() => {}); // a later exit (our own kill) is expected
  const stop = () => server.kill();
  process.once('exit', stop); // also when a signal ends the benchmark (chrome-launcher exits on Ctrl-C)
  return { base, stop };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
