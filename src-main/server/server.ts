import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { CallOptions, ProgressEvent } from '../contract/progress.ts';
import type { Dispatcher } from '../contract/wire.ts';
import { DOWNLOAD_NAME } from '../core/handles.ts';
import { UploadQuotaFull, UploadStore, UploadTooLarge } from './upload.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};
const MAX_BODY = 1024 * 1024;
/** The same policy as the Electron window: our own files only, nothing from the network. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ServeOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  port: number;
  /** Where uploaded files go; without it uploads are refused. */
  uploadDir?: string;
  /** Largest accepted upload in bytes (default 2 GiB). */
  maxUploadBytes?: number;
  /** Uploads held at once, not yet imported (default 24); one more is refused with 429. */
  maxUploads?: number;
  /** Bytes of uploads held at once (default 4 GiB); an upload that would pass it is refused with 429. */
  maxUploadTotalBytes?: number;
  /** Where workbooks for the browser are written (core's downloadDir); without it downloads are refused. */
  downloadDir?: string;
  /** How long a workbook stays after the page fetched it, for "Download again" (default 10 minutes). */
  downloadKeepMs?: number;
}

export interface Served {
  url: string;
  server: Server;
}

const HEADERS = {
  'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY', 'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const csp = type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {};
  res.writeHead(status, { 'Content-Type': type, ...HEADERS, ...csp });
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

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** The upload handles an importFiles request names: the files it used up. */
function uploadsNamed(body: string): string[] {
  const req = JSON.parse(body) as { files?: { path?: unknown }[] };
  return (req.files ?? []).map((f) => f.path).filter((p): p is string => typeof p === 'string' && p.startsWith('upload:'));
}

function quotaMessage(err: UploadQuotaFull, lang: CallOptions['lang']): string {
  const gib = (n: number) => `${(n / 1024 ** 3).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 })} GiB`;
  const id = err.by === 'files'
    ? `Terlalu banyak berkas unggahan yang menunggu impor (paling banyak ${err.limit}). Impor berkas yang sudah ditambahkan lebih dahulu, atau mulai ulang Pantau.`
    : `Berkas unggahan yang menunggu impor akan melebihi ${gib(err.limit)}. Impor berkas yang sudah ditambahkan lebih dahulu, atau mulai ulang Pantau.`;
  const en = err.by === 'files'
    ? `Too many uploaded files are waiting to be imported (at most ${err.limit}). Import the files already added first, or restart Pantau.`
    : `The uploaded files waiting to be imported would pass ${gib(err.limit)}. Import the files already added first, or restart Pantau.`;
  return lang === 'en' ? en : lang === 'id' ? id : `${id}\n${en}`;
}

/** A request the API cannot take (malformed JSON, unknown method, invalid field) is a 400, envelope and all. */
function refusedRequest(envelope: string): boolean {
  if (!envelope.startsWith('{"ok":false')) return false;
  const parsed = JSON.parse(envelope) as { error?: { code?: string } };
  return parsed.error?.code === 'BAD_REQUEST';
}

/** The screen's language (`x-pantau-lang`); any other value is ignored, so the core answers in its own. */
function langOf(req: IncomingMessage): CallOptions['lang'] {
  const value = req.headers['x-pantau-lang'];
  return value === 'id' || value === 'en' ? value : undefined;
}

/**
 * One API call. With `x-pantau-stream: 1` the answer is NDJSON: progress lines
 * `{"progress":{...}}`, then the envelope; closing the request cancels the work.
 * With `x-pantau-lang` the texts the core builds are in that language.
 * `settled` runs before the answer is sent, told whether the call succeeded without being cancelled.
 */
async function callApi(dispatcher: Dispatcher, method: string, body: string, req: IncomingMessage, res: ServerResponse,
  settled: (succeeded: boolean) => Promise<void>): Promise<void> {
  const lang = langOf(req);
  if (req.headers['x-pantau-stream'] !== '1') {
    const envelope = await dispatcher.dispatch(method, body, { lang });
    await settled(envelope.startsWith('{"ok":true'));
    return send(res, refusedRequest(envelope) ? 400 : 200, 'application/json', envelope);
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', ...HEADERS });
  const onProgress = (event: ProgressEvent) => res.write(`${JSON.stringify({ progress: event })}\n`);
  const envelope = await dispatcher.dispatch(method, body, { onProgress, signal: controller.signal, lang });
  await settled(envelope.startsWith('{"ok":true') && !controller.signal.aborted);
  res.end(`${envelope}\n`);
}

/** The app and its API on 127.0.0.1 only; API calls need this start's random token. */
export async function serve(options: ServeOptions): Promise<Served> {
  const token = randomBytes(24).toString('hex');
  let allowedHosts: string[] = [];
  const uploads = options.uploadDir
    ? new UploadStore(options.uploadDir, {
      maxBytes: options.maxUploadBytes ?? 2 * 1024 ** 3, maxFiles: options.maxUploads ?? 24, maxTotalBytes: options.maxUploadTotalBytes ?? 4 * 1024 ** 3,
    })
    : null;
  /** Downloads fetched, by name: removed a while later (downloadKeepMs). */
  const fetched = new Map<string, NodeJS.Timeout>();
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
      else res.end();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page elsewhere reaching 127.0.0.1 (or rebinding a name to it) carries a foreign Host or Origin.
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain', 'host tidak diizinkan');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, 'text/plain', 'origin tidak diizinkan');
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/') || url.pathname === '/upload' || url.pathname.startsWith('/download/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'gunakan POST');
      if (!sameToken(req.headers['x-pantau-token'], token)) return send(res, 401, 'text/plain', 'token salah');
      if (url.pathname === '/upload') return upload(req, res);
      if (url.pathname.startsWith('/download/')) return download(decodeURIComponent(url.pathname.slice(10)), res);
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'text/plain', 'permintaan terlalu besar');
      const method = url.pathname.slice(5);
      // An imported upload is used up: the page drops its card, and the copy of the file goes.
      // A cancelled or refused import keeps it, for the page to try again; a preview always does.
      return callApi(options.dispatcher, method, body, req, res, async (succeeded) => {
        // The import stands whatever the removal meets (a file another program holds open on Windows).
        if (method === 'importFiles' && succeeded && uploads) await uploads.release(uploadsNamed(body)).catch(() => undefined);
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'gunakan GET');
    const path = normalize(join(options.rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!path.startsWith(options.rendererDir + sep)) return send(res, 404, 'text/plain', 'tidak ada');
    const file = await readFile(path).catch(() => null);
    if (!file) return send(res, 404, 'text/plain', 'tidak ada');
    return send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', file);
  }
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!uploads) return send(res, 404, 'text/plain', 'unggahan tidak tersedia');
    try {
      const result = await uploads.receive(req);
      return send(res, 200, 'application/json', JSON.stringify(result));
    } catch (err) {
      // The rest of the body is not read: the connection closes after the answer.
      if (err instanceof UploadTooLarge) {
        res.setHeader('Connection', 'close');
        return send(res, 413, 'text/plain', 'berkas terlalu besar');
      }
      if (err instanceof UploadQuotaFull) {
        res.setHeader('Connection', 'close');
        return send(res, 429, 'text/plain; charset=utf-8', quotaMessage(err, langOf(req)));
      }
      throw err;
    }
  }
  /** A workbook the core wrote for this browser, by its plain name only. */
  async function download(name: string, res: ServerResponse): Promise<void> {
    if (!options.downloadDir || !DOWNLOAD_NAME.test(name)) return send(res, 404, 'text/plain', 'tidak ada');
    const path = join(options.downloadDir, name);
    const file = await stat(path).catch(() => null);
    if (file === null) return send(res, 404, 'text/plain', 'tidak ada');
    res.writeHead(200, {
      ...HEADERS, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Length': file.size,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
    try {
      await pipeline(createReadStream(path), res);
    } finally {
      forgetLater(name, path, file.mtimeMs);
    }
  }
  /**
   * A fetched workbook stays for "Download again", then goes: unless the core wrote it anew
   * meanwhile (a later export under the same name), which the page will fetch in its turn.
   */
  function forgetLater(name: string, path: string, mtimeMs: number): void {
    clearTimeout(fetched.get(name));
    const timer = setTimeout(() => {
      fetched.delete(name);
      void stat(path).then((s) => (s.mtimeMs === mtimeMs ? rm(path, { force: true }) : undefined), () => undefined);
    }, options.downloadKeepMs ?? 10 * 60_000);
    timer.unref();
    fetched.set(name, timer);
  }
  server.on('close', () => {
    for (const timer of fetched.values()) clearTimeout(timer);
    fetched.clear();
  });
  // A taken port is an 'error' event: the caller hears it instead of the process crashing.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { url: `http://127.0.0.1:${port}/?token=${token}`, server };
}
