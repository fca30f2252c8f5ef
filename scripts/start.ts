/**
 * `npm start`: the one command that sets up and runs the dashboard on a fresh machine (after
 * `npm ci`): sources and data when missing, a production build when missing or older than the
 * data, then `next start` on PORT (default 3000).
 */
import { spawnSync } from 'node:child_process';
import { ensureData } from './ensure-data';
import { buildNeeded, NEXT_BIN as nextBin } from './lib/next-server';

async function start(): Promise<number> {
  const dataCode = await ensureData();
  if (dataCode !== 0) return dataCode;
  if (buildNeeded() !== null) {
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
