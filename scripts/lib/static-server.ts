import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServerOptions {
  /** The port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** A file to answer a path with instead of the one under the root (null: the usual one). */
  fileFor?: (url: string) => string | null;
  /**
   * Told of each request answered with a file (after any fileFor); what it returns, if anything,
   * is told the size of each chunk of the file as it is sent (benchmarks count bytes this way).
   */
  onFile?: (
    url: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => ((bytes: number) => void) | undefined;
}

/**
 * The simplest static server, on loopback: a path maps to a file, or to index.html in a folder.
 * Stands in for any static host the exported dashboard would be put on, so it answers HEAD and
 * byte ranges (`Range: bytes=a-b`) as they all do: the explorer reads Parquet that way.
 */
export function serveStatic(root: string, options: StaticServerOptions = {}): Promise<http.Server> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const chosen = options.fileFor?.(url) ?? null;
    let file = chosen ?? path.join(base, url);
    if (chosen === null && !file.startsWith(base)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const size = statSync(file).size;
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
    };
    const sent = options.onFile?.(url, req, res);
    const send = (range?: { start: number; end: number }) => {
      if (req.method === 'HEAD') return void res.end();
      const stream = createReadStream(file, range ?? {});
      if (sent) stream.on('data', (chunk) => sent(chunk.length));
      stream.pipe(res);
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
      if (start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
      return send({ start, end });
    }
    res.writeHead(200, { ...headers, 'content-length': size });
    send();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(server));
  });
}
