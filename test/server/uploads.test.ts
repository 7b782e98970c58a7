import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/contract/wire.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { serve, type Served } from '../../src-main/server/server.ts';
import { stubBuild } from '../helpers/cli.ts';
import { freshCore, suiteDir } from '../helpers/workspace.ts';

// Uploads and downloads of the browser server (issue 18, item 4; docs/robustness.md "Leftovers"):
// uploads are capped in number and bytes held at once, removed once imported, and a fetched
// workbook is removed after a while. Each test here failed on the code before this change: every
// upload was accepted and every file stayed until the server stopped (forever if it was killed).

interface Raw { status: number; body: string }

function raw(port: number, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Raw> {
  return new Promise((done) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    // A server that refuses and stops reading may reset an upload still being sent: the answer counts.
    req.on('error', (err) => {
      if (!answered) done({ status: 0, body: String(err) });
    });
    req.end(body);
  });
}

const UNITS = 'Nama Unit\nBiro Umum\n';

describe('browser server: uploads capped and removed after use, downloads removed after they were fetched', () => {
  let served: Served;
  let port: number;
  let token: string;
  let uploads: string;
  let downloads: string;
  let core: Core;

  beforeAll(async () => {
    const dir = suiteDir();
    uploads = join(dir, 'up');
    downloads = join(uploads, 'downloads');
    mkdirSync(downloads, { recursive: true });
    const template = await freshCore();
    template.close();
    core = await createCore({ dbPath: template.dbPath, tmpDir: dir, uploadDir: uploads, downloadDir: downloads, log: () => undefined });
    served = await serve({
      dispatcher: createDispatcher(core), rendererDir: stubBuild(dir).rendererDir, port: 0, uploadDir: uploads, downloadDir: downloads,
      maxUploadBytes: 1000, maxUploads: 3, maxUploadTotalBytes: 2000, downloadKeepMs: 300,
    });
    const url = new URL(served.url);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  }, 120_000);

  afterAll(async () => {
    if (served) await new Promise((done) => served.server.close(done));
    core?.close();
  });

  const headers = (extra: Record<string, string> = {}) => ({ Host: `127.0.0.1:${port}`, 'x-pantau-token': token, ...extra });
  const held = () => readdirSync(uploads).filter((f) => f !== 'downloads');
  async function upload(body: string | Buffer, lang?: string): Promise<Raw> {
    return raw(port, '/upload', headers({ 'x-pantau-filename': 'unit.csv', ...(lang ? { 'x-pantau-lang': lang } : {}) }), body);
  }
  async function call(method: string, req: unknown): Promise<{ ok: boolean; value?: unknown }> {
    const r = await raw(port, `/api/${method}`, headers({ 'Content-Type': 'application/json' }), JSON.stringify(req));
    return JSON.parse(r.body) as { ok: boolean };
  }
  const handleOf = (r: Raw) => (JSON.parse(r.body) as { path: string }).path;

  it('an upload stays through previews and a refused import, and is removed once imported', async () => {
    const path = handleOf(await upload(UNITS));
    const id = path.slice('upload:'.length);
    expect((await call('previewImport', { path, kind: 'units', agency: 'DINAS-Y' })).ok).toBe(true);
    expect((await call('detectImport', { path })).ok).toBe(true);
    // A request the API refuses (no kind) imports nothing: the page keeps the file for another try.
    expect((await call('importFiles', { files: [{ path, agency: 'DINAS-Y' }] })).ok).toBe(false);
    expect(held()).toContain(id);
    const imported = await call('importFiles', { files: [{ path, fileName: 'unit.csv', kind: 'units', agency: 'DINAS-Y' }] });
    expect(imported).toMatchObject({ ok: true, value: { files: [{ status: 'imported' }] } });
    // Failed before: the copy stayed in the upload folder until the server stopped.
    expect(held()).not.toContain(id);
    expect(held()).toEqual([]);
  });

  it('refuses a file past the count and past the bytes held at once with 429 and says why, in both languages unless one is asked', async () => {
    const taken = [await upload(UNITS), await upload(UNITS), await upload(UNITS)];
    expect(taken.map((r) => r.status)).toEqual([200, 200, 200]);
    const fourth = await upload(UNITS);
    // Failed before: a fourth (and a twentieth) upload was accepted.
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatch(/Terlalu banyak berkas unggahan.*paling banyak 3/);
    expect(fourth.body).toMatch(/Too many uploaded files.*at most 3/);
    expect((await upload(UNITS, 'en')).body).not.toMatch(/Terlalu/);
    expect(held()).toHaveLength(3);
    // Importing one frees its place.
    const files = taken.map((r) => ({ path: handleOf(r), fileName: 'unit.csv', kind: 'units', agency: 'DINAS-Y' }));
    expect((await call('importFiles', { files })).ok).toBe(true);
    expect(held()).toEqual([]);

    // Bytes: two files of 900 bytes are held; a third would pass 2,000.
    const big = Buffer.from(`Nama Unit\n${'Biro Umum\n'.repeat(89)}`);
    expect(big.length).toBe(900);
    const both = [await upload(big), await upload(big)];
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const third = await upload(big);
    expect(third.status).toBe(429);
    expect(third.body).toMatch(/melebihi/);
    expect(held()).toHaveLength(2);
    await call('importFiles', { files: both.map((r) => ({ path: handleOf(r), fileName: 'unit.csv', kind: 'units', agency: 'DINAS-Y' })) });
    expect(held()).toEqual([]);
    expect((await upload(big)).status).toBe(200);
  });

  it('a fetched workbook is removed a while later (kept for "Download again" meanwhile), unless it was written anew', async () => {
    writeFileSync(join(downloads, 'Pantau-a.xlsx'), 'PK-a');
    const first = await raw(port, '/download/Pantau-a.xlsx', headers());
    expect([first.status, first.body]).toEqual([200, 'PK-a']);
    expect((await raw(port, '/download/Pantau-a.xlsx', headers())).status).toBe(200);
    await sleep(700);
    // Failed before: the workbook stayed until the server stopped.
    expect(existsSync(join(downloads, 'Pantau-a.xlsx'))).toBe(false);
    expect((await raw(port, '/download/Pantau-a.xlsx', headers())).status).toBe(404);

    // A later export under the same name, written after the fetch, is kept for its own fetch.
    writeFileSync(join(downloads, 'Pantau-b.xlsx'), 'PK-b');
    expect((await raw(port, '/download/Pantau-b.xlsx', headers())).status).toBe(200);
    writeFileSync(join(downloads, 'Pantau-b.xlsx'), 'PK-b2');
    await sleep(700);
    expect(existsSync(join(downloads, 'Pantau-b.xlsx'))).toBe(true);
  });
});
