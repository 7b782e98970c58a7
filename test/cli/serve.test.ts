import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';
import { tempDir, writeText } from '../helpers/workspace.ts';

const BIN = join(ROOT, 'bin/pantau.js');

/** `serve` with its build folder elsewhere (PANTAU_BUILD_DIR), so a test can start from nothing built. */
function serveEnv(buildDir: string): NodeJS.ProcessEnv {
  return { ...process.env, PANTAU_BUILD_DIR: buildDir };
}

describe('pantau serve', () => {
  it('a port already taken gives one line and exit 1 (fixed bug: an unhandled EADDRINUSE stack trace)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out/renderer'), { recursive: true });
    writeText(join(dir, 'out/renderer'), 'index.html', '<!doctype html>');
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--db', join(dir, 'ws.duckdb'), '--port', String(port)], {
        cwd: ROOT, encoding: 'utf8', env: serveEnv(join(dir, 'out')), timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`Port ${port} sudah dipakai program lain; pilih port lain dengan --port, atau --port 0 untuk port bebas.\n`);
    } finally {
      taken.close();
    }
  });

  it('builds the app itself when nothing is built yet, then serves it (fixed bug: "run npm run build first")', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--db', join(dir, 'ws.duckdb')], {
      cwd: ROOT, env: serveEnv(join(dir, 'out')), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let stdout = '';
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const line = /^Pantau: (http:\/\/127\.0\.0\.1:\d+\/\S*)\n/.exec(stdout);
        if (line) done(line[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve ended (${code}): ${stderr}`)));
    });
    try {
      expect(stderr.split('\n')[0]).toBe('Membangun tampilan (sekali saja)…');
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 240_000);
});
