/**
 * `npm start`: the one command that sets up and runs the dashboard on a fresh machine (after
 * `npm ci`): sources and data when missing, a production build when missing or older than the
 * data, then `next start` on PORT (default 3000).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ensureData } from './ensure-data';

function mtime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

const nextBin = path.join('node_modules', '.bin', 'next');

async function start(): Promise<number> {
  const dataCode = await ensureData();
  if (dataCode !== 0) return dataCode;
  const built = mtime(path.join('.next', 'BUILD_ID'));
  const data = mtime(path.join('public', 'data', 'manifest.json'));
  if (built === null || data === null || built < data) {
    console.log('Building the dashboard (next build)…');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const port = process.env.PORT ?? '3000';
  console.log(`Starting the dashboard on http://localhost:${port}`);
  const server = spawnSync(nextBin, ['start', '-p', port], { stdio: 'inherit' });
  return server.status ?? 0;
}

start().then((code) => process.exit(code));
