import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createDispatcher } from '../../src-main/contract/wire.ts';
import { serve, type Served } from '../../src-main/server/server.ts';
import { httpTransport } from '../../src-renderer/src/api/transport.ts';
import { describeContract } from '../contract-suite.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { TODAY } from '../helpers/workspace.ts';
import { ROOT } from './support/server.ts';

const RENDERER = join(ROOT, 'out/renderer');
const servers: Served[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((done) => s.server.close(done));
});

/** The renderer's own HTTP transport against the real server, in this process. */
describeContract('HTTP', async (dispatcher) => {
  const served = await serve({ dispatcher, rendererDir: RENDERER, port: 0 });
  servers.push(served);
  const url = new URL(served.url);
  return httpTransport(url.searchParams.get('token')!, url.origin);
});

interface Raw {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A request with exactly the headers given (fetch would add or refuse some, Host among them). */
function raw(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Raw> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

describe('pantau serve refuses what it must and keeps serving', () => {
  let served: Served;
  let port: number;
  let token: string;
  let uploads: string;
  let downloads: string;
  let dir: string;
  let core: Core;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pantau-serve-'));
    uploads = join(dir, 'uploads');
    downloads = join(dir, 'downloads');
    mkdirSync(uploads);
    mkdirSync(downloads);
    core = await createCore({ dbPath: join(dir, 'ws.duckdb'), tmpDir: dir, uploadDir: uploads, downloadDir: downloads, now: () => TODAY, log: () => undefined });
    served = await serve({ dispatcher: createDispatcher(core), rendererDir: RENDERER, port: 0, uploadDir: uploads, downloadDir: downloads, maxUploadBytes: 1024 });
    const url = new URL(served.url);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  });
  afterAll(async () => {
    await new Promise((done) => served.server.close(done));
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const host = () => ({ Host: `127.0.0.1:${port}` });
  const api = (extra: Record<string, string> = {}) => ({ ...host(), 'x-pantau-token': token, 'Content-Type': 'application/json', ...extra });

  it('listens on 127.0.0.1 only', () => {
    const address = served.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const page = await raw(port, '/', { headers: host() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toContain('<div id="root">');
  });

  it('refuses a foreign Host, a foreign Origin, a missing token, GET on the API and path traversal', async () => {
    expect((await raw(port, '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await raw(port, '/api/listImports', { method: 'POST', headers: api({ Origin: 'http://evil.example' }), body: '{}' })).status).toBe(403);
    expect((await raw(port, '/api/listImports', { method: 'POST', headers: { ...host(), 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await raw(port, '/api/listImports', { method: 'POST', headers: { ...api(), 'x-pantau-token': 'x'.repeat(48) }, body: '{}' })).status).toBe(401);
    expect((await raw(port, '/api/listImports', { headers: api() })).status).toBe(405);
    expect((await raw(port, '/../../package.json', { headers: host() })).status).toBe(404);
    expect((await raw(port, '/%2e%2e/%2e%2e/package.json', { headers: host() })).status).toBe(404);
  });

  it('refuses an oversized body with 413, then answers the next call', async () => {
    const big = await raw(port, '/api/listImports', { method: 'POST', headers: api(), body: `{"x":"${'a'.repeat(1_100_000)}"}` });
    expect(big.status).toBe(413);
    const next = await raw(port, '/api/listImports', { method: 'POST', headers: api(), body: '{}' });
    expect(JSON.parse(next.body)).toMatchObject({ ok: true });
  });

  it('takes an upload into the upload folder and names it by a handle the core resolves', async () => {
    const up = await raw(port, '/upload', { method: 'POST', headers: { ...api(), 'x-pantau-filename': encodeURIComponent('unit kerja.csv') }, body: 'Nama Unit\nBiro Umum\n' });
    expect(up.status).toBe(200);
    const handle = JSON.parse(up.body) as { path: string; fileName: string; size: number };
    expect(handle).toMatchObject({ fileName: 'unit kerja.csv', size: 20 });
    expect(handle.path).toMatch(/^upload:[A-Za-z0-9_-]{16,64}$/);
    expect(readdirSync(uploads)).toHaveLength(1);
    const client = createClient(httpTransport(token, `http://127.0.0.1:${port}`));
    const preview = await client.previewImport({ path: handle.path, kind: 'units', agency: 'DINAS-Y' });
    expect(preview.headers).toEqual(['Nama Unit']);
    await expect(client.previewImport({ path: 'upload:../../etc/passwd', kind: 'units' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  // Guards a fixed hole (issue 18): a plain path passed straight through, so the page could read
  // /etc/passwd (its first line came back in the "header not found" message) or overwrite any .xlsx.
  it('names files by handle only: a server path is refused for reading and for writing, and nothing of the file is told', async () => {
    const client = createClient(httpTransport(token, `http://127.0.0.1:${port}`));
    const secret = join(dir, 'rahasia.csv');
    writeFileSync(secret, 'KATA SANDI,sangat-rahasia\n');
    for (const call of [
      () => client.importFiles({ files: [{ path: secret, kind: 'attendance', agency: 'DINAS-Y' }] }).then((r) => { throw new Error(r.files[0]!.error ?? 'imported'); }),
      () => client.previewImport({ path: secret, kind: 'units' }),
      () => client.detectImport({ path: secret }),
    ]) {
      const err = await call().then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/unggahan \(upload:…\)|Berkas hanya dapat disebut sebagai unggahan/);
      expect(err?.message).not.toContain('sangat-rahasia');
    }
    const target = join(dir, 'ditimpa.xlsx');
    await expect(client.exportWorkbook({ out: target })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(client.exportRejects({ batches: ['b-000001'], out: target })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(existsSync(target)).toBe(false);
  });

  it('hands a workbook written for the browser back by its plain name only', async () => {
    writeFileSync(join(downloads, 'Pantau-uji.xlsx'), 'PK-test');
    const ok = await raw(port, '/download/Pantau-uji.xlsx', { method: 'POST', headers: api() });
    expect([ok.status, ok.body, ok.headers['content-disposition']]).toEqual([200, 'PK-test', 'attachment; filename="Pantau-uji.xlsx"']);
    expect((await raw(port, '/download/Pantau-uji.xlsx', { method: 'POST', headers: host() })).status).toBe(401);
    expect((await raw(port, '/download/..%2F..%2Fws.duckdb', { method: 'POST', headers: api() })).status).toBe(404);
    expect((await raw(port, '/download/ws.duckdb', { method: 'POST', headers: api() })).status).toBe(404);
    const client = createClient(httpTransport(token, `http://127.0.0.1:${port}`));
    await expect(client.exportWorkbook({ out: 'download:../escape.xlsx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('writes the rejected rows of an uploaded file under a download name and hands them over by that name', async () => {
    const csv = 'NIP,Nama,Tanggal,Jam Masuk,Jam Pulang\n198609262015051001,Ani,2025-09-31,07:30,16:00\n';
    const up = JSON.parse((await raw(port, '/upload', { method: 'POST', headers: { ...api(), 'x-pantau-filename': 'presensi.csv' }, body: csv })).body) as { path: string };
    const client = createClient(httpTransport(token, `http://127.0.0.1:${port}`));
    const { files } = await client.importFiles({ files: [{ path: up.path, fileName: 'presensi.csv', kind: 'attendance', agency: 'DINAS-Z' }] });
    const result = await client.exportRejects({ batches: [files[0]!.batch!], out: 'download:Baris-ditolak-presensi.xlsx' });
    expect(result).toEqual({ out: 'download:Baris-ditolak-presensi.xlsx', rows: 1, skipped: 0 });
    const file = await raw(port, '/download/Baris-ditolak-presensi.xlsx', { method: 'POST', headers: api() });
    expect([file.status, file.body.slice(0, 2), file.headers['content-disposition']]).toEqual([200, 'PK', 'attachment; filename="Baris-ditolak-presensi.xlsx"']);
    await expect(client.exportRejects({ batches: [files[0]!.batch!], out: 'download:../escape.xlsx' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers in the language x-pantau-lang names, streamed or not, and ignores any other value', async () => {
    const csv = 'NIP,Nama,Tanggal,Jam Masuk,Jam Pulang\n198609262015051001,Ani,2025-09-31,07:30,16:00\n';
    const up = JSON.parse((await raw(port, '/upload', { method: 'POST', headers: { ...api(), 'x-pantau-filename': 'presensi.csv' }, body: csv })).body) as { path: string };
    const body = JSON.stringify({ path: up.path, fileName: 'presensi.csv', kind: 'attendance', agency: 'DINAS-L' });
    const reason = async (headers: Record<string, string>) => {
      const res = await raw(port, '/api/previewImport', { method: 'POST', headers: api(headers), body });
      const envelope = JSON.parse(res.body.trim().split('\n').pop()!) as { value: { rowIssues: { reason: string }[] } };
      return envelope.value.rowIssues[0]!.reason;
    };
    expect(await reason({ 'x-pantau-lang': 'en' })).toMatch(/is not a valid date/);
    expect(await reason({ 'x-pantau-lang': 'en', 'x-pantau-stream': '1' })).toMatch(/is not a valid date/);
    // This core was created in Indonesian: a value that is not id or en leaves it at that.
    for (const bad of ['fr', 'EN', 'en,id', '']) expect(await reason({ 'x-pantau-lang': bad })).toMatch(/bukan tanggal yang valid/);
  });

  it('refuses an upload over the size cap and keeps no part of it', async () => {
    const before = readdirSync(uploads).length;
    const up = await raw(port, '/upload', { method: 'POST', headers: api(), body: Buffer.alloc(4096, 65) });
    expect(up.status).toBe(413);
    expect(readdirSync(uploads)).toHaveLength(before);
  });

  it('a cancelled streaming call is answered CANCELLED on the server and the client', async () => {
    const client = createClient(httpTransport(token, `http://127.0.0.1:${port}`));
    const controller = new AbortController();
    controller.abort();
    await expect(client.listImports({}, { signal: controller.signal, onProgress: () => undefined })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
