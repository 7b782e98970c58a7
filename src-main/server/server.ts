import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatcher } from '../contract/wire.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2',
};
const MAX_BODY = 1024 * 1024;

export interface ServeOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  port: number;
}

export interface Served {
  url: string;
  server: Server;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The app and its API on 127.0.0.1 only; API calls need this start's random token. */
export async function serve(options: ServeOptions): Promise<Served> {
  const token = randomBytes(24).toString('hex');
  let allowedHosts: string[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, 'text/plain', 'error'));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'host tidak diizinkan');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'gunakan POST');
      if (req.headers['x-pantau-token'] !== token) return send(res, 401, 'text/plain', 'token salah');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'permintaan terlalu besar');
      const envelope = await options.dispatcher.dispatch(url.pathname.slice(5), body);
      return send(res, 200, 'application/json', envelope);
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'gunakan GET');
    const path = normalize(join(options.rendererDir, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!path.startsWith(options.rendererDir + sep)) return send(res, 404, 'text/plain', 'tidak ada');
    const file = await readFile(path).catch(() => null);
    if (!file) return send(res, 404, 'text/plain', 'tidak ada');
    return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', file);
  }
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { url: `http://127.0.0.1:${port}/?token=${token}`, server };
}
