import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/contract/wire.ts';
import { serve, type Served } from '../../src-main/server/server.ts';
import { createCore } from '../../src-main/core/index.ts';
import { stubBuild } from '../helpers/cli.ts';
import { samplesWorkspace, suiteDir, TODAY } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';
import { SIZES } from '../support/sizes.ts';

interface Raw { status: number; body: string }

/** A request with exactly these headers (fetch would add or refuse some, Host among them). */
function raw(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Raw> {
  return new Promise((done) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', () => done({ status: res.statusCode ?? 0, body }));
    });
    // A server that answers 413 and stops reading resets the upload still being sent: the answer counts.
    req.on('error', (err) => {
      if (!answered) done({ status: 0, body: String(err) });
    });
    req.end(init.body);
  });
}

function lastLine(body: string): { ok: boolean } {
  return JSON.parse(body.trim().split('\n').at(-1)!) as { ok: boolean };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe('browser-mode server: bad requests refused with 4xx, the server keeps serving', () => {
  // One server on a copy of the samples' workspace, checked once; neither test changes it.
  let served: Served;
  let port: number;
  let token: string;
  let close: () => void = () => undefined;
  let downloads: string;

  beforeAll(async () => {
    const dir = suiteDir();
    const uploads = join(dir, 'up');
    mkdirSync(uploads);
    downloads = join(dir, 'down');
    mkdirSync(downloads);
    // As `pantau serve` opens it: the core names files by the server's handles only.
    const core = await createCore({ dbPath: await samplesWorkspace(dir), tmpDir: dir, now: () => TODAY, log: () => undefined, uploadDir: uploads, downloadDir: downloads });
    close = () => core.close();
    await core.runChecks({});
    served = await serve({ dispatcher: createDispatcher(core), rendererDir: stubBuild(dir).rendererDir, port: 0, uploadDir: uploads, downloadDir: downloads, maxUploadBytes: 4096 });
    const url = new URL(served.url);
    port = Number(url.port);
    token = url.searchParams.get('token')!;
  }, 120_000);

  afterAll(async () => {
    if (served) await new Promise((done) => served.server.close(done));
    close();
  });

  it('every bad request refused, every good one answered', async () => {
    const host = { Host: `127.0.0.1:${port}` };
    const api = { ...host, 'x-pantau-token': token, 'Content-Type': 'application/json' };
    const bad: [string, string, Parameters<typeof raw>[2]][] = [
      ['no token', '/api/complianceGrid', { method: 'POST', headers: { ...host, 'Content-Type': 'application/json' }, body: '{}' }],
      ['wrong token', '/api/complianceGrid', { method: 'POST', headers: { ...api, 'x-pantau-token': 'f'.repeat(48) }, body: '{}' }],
      ['foreign Host', '/api/complianceGrid', { method: 'POST', headers: { ...api, Host: 'evil.example' }, body: '{}' }],
      ['rebound Host', '/', { headers: { Host: `attacker.example:${port}` } }],
      ['foreign Origin', '/api/complianceGrid', { method: 'POST', headers: { ...api, Origin: 'http://evil.example' }, body: '{}' }],
      ['null Origin', '/api/complianceGrid', { method: 'POST', headers: { ...api, Origin: 'null' }, body: '{}' }],
      ['oversized body', '/api/complianceGrid', { method: 'POST', headers: api, body: `{"x":"${'a'.repeat(2_000_000)}"}` }],
      ['oversized upload', '/upload', { method: 'POST', headers: { ...api, 'x-pantau-filename': 'a.csv' }, body: Buffer.alloc(10_000, 65) }],
      ['GET on the API', '/api/complianceGrid', { headers: api }],
      ['DELETE', '/api/complianceGrid', { method: 'DELETE', headers: api }],
      ['PUT on a page', '/', { method: 'PUT', headers: host, body: 'x' }],
      ['malformed JSON', '/api/complianceGrid', { method: 'POST', headers: api, body: '{"agency": ' }],
      ['JSON that is not an object', '/api/complianceGrid', { method: 'POST', headers: api, body: '[1,2]' }],
      ['unknown method', '/api/dropEverything', { method: 'POST', headers: api, body: '{}' }],
      ['prototype key as method', '/api/__proto__', { method: 'POST', headers: api, body: '{}' }],
      ['wrong field type', '/api/complianceGrid', { method: 'POST', headers: api, body: '{"agency": 5}' }],
      ['path traversal', '/%2e%2e/%2e%2e/package.json', { headers: host }],
    ];
    let refused = 0;
    let answered = 0;
    const notRefused: string[] = [];
    const notAnswered: string[] = [];
    for (const [name, path, init] of bad) {
      const r = await raw(port, path, init);
      // The API answers a request it cannot take with an error envelope and a 4xx status.
      if (r.status >= 400 && r.status < 500) refused++;
      else notRefused.push(`${name}: ${r.status} ${r.body.slice(0, 120)}`);
      const next = await raw(port, '/api/complianceGrid', { method: 'POST', headers: api, body: '{}' });
      if (next.status === 200 && lastLine(next.body).ok) answered++;
      else notAnswered.push(`after ${name}: ${next.status} ${next.body.slice(0, 120)}`);
    }
    expect(notRefused).toEqual([]);
    expect(notAnswered).toEqual([]);
    figure('http', `http: ${refused}/${bad.length} bad requests refused with 4xx, ${answered}/${bad.length} good requests after them answered`);
  });

  it('every attempt to name a server file is refused, tells nothing of it and writes nothing (issue 18)', async () => {
    const api = { Host: `127.0.0.1:${port}`, 'x-pantau-token': token, 'Content-Type': 'application/json' };
    const secret = join(suiteDir(), 'rahasia.csv');
    writeFileSync(secret, 'nip_baru,nama\n199001012020011001,RAHASIA-PEGAWAI\n');
    const target = join(suiteDir(), 'ditimpa.xlsx');
    const attempts: [string, unknown][] = [
      ['importFiles', { files: [{ path: secret, kind: 'roster', agency: 'X' }] }],
      ['importFiles', { files: [{ path: '/etc/passwd', kind: 'units', agency: 'X' }] }],
      ['previewImport', { path: secret, kind: 'roster', agency: 'X' }],
      ['detectImport', { path: secret }],
      ['previewImport', { path: 'upload:../../../../etc/passwd', kind: 'units' }],
      ['detectImport', { path: 'upload:AAAAAAAAAAAAAAAAAAAA/../../rahasia.csv' }],
      ['exportWorkbook', { out: target }],
      ['exportWorkbook', { out: 'download:../ditimpa.xlsx' }],
      ['exportRejects', { batches: ['b-000001'], out: target }],
      ['exportRejects', { batches: ['b-000001'], out: 'download:/tmp/ditimpa.xlsx' }],
    ];
    let refused = 0;
    const told: string[] = [];
    for (const [method, req] of attempts) {
      const r = await raw(port, `/api/${method}`, { method: 'POST', headers: api, body: JSON.stringify(req) });
      if (r.status >= 400 && r.status < 500 && !lastLine(r.body).ok) refused++;
      if (/RAHASIA|root:/.test(r.body)) told.push(method);
    }
    const written = existsSync(target) ? 1 : 0;
    expect(told).toEqual([]);
    expect(written).toBe(0);
    expect(refused).toBe(attempts.length);
    figure('escape', `escapes, HTTP: ${refused}/${attempts.length} attempts to name a server file refused, ${told.length + written} escaped`);
  });

  it(`under load (${SIZES.loadRequests} requests, ${SIZES.loadConcurrency} at a time; npm run robustness: 2,000 and 20) 0 errors`, async () => {
    // On the compliance grid, loopback only.
    const total = SIZES.loadRequests;
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const worker = async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/complianceGrid`, { method: 'POST', headers: { 'x-pantau-token': token, 'Content-Type': 'application/json' }, body: '{}' });
          const body = await res.text();
          if (res.status !== 200 || !lastLine(body).ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: SIZES.loadConcurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    figure('load', `http load: ${latencies.length} requests at concurrency ${SIZES.loadConcurrency} on complianceGrid, ${errors} errors, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ${(latencies.length / seconds).toFixed(0)} req/s`);
    expect(errors).toBe(0);
  }, 600_000);
});
