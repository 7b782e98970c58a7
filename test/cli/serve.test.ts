import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, stubBuild } from '../helpers/cli.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { tempDir } from '../helpers/workspace.ts';

const BIN = join(ROOT, 'bin/pantau.js');

/** `serve` with its build folder elsewhere (PANTAU_BUILD_DIR), so a test can start from nothing built. */
function serveEnv(buildDir: string): NodeJS.ProcessEnv {
  return { ...process.env, PANTAU_BUILD_DIR: buildDir };
}

describe('pantau serve', () => {
  it('a port already taken gives one line and exit 1 (fixed bug: an unhandled EADDRINUSE stack trace)', async () => {
    const dir = tempDir();
    const built = stubBuild(dir);
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as AddressInfo).port;
    vi.stubEnv('PANTAU_BUILD_DIR', built.env.PANTAU_BUILD_DIR);
    try {
      const r = await pantauInProcess(['serve', '--db', join(dir, 'ws.duckdb'), '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`Port ${port} sudah dipakai program lain; pilih port lain dengan --port, atau --port 0 untuk port bebas.\n`);
    } finally {
      vi.unstubAllEnvs();
      taken.close();
    }
  });

  // A real process: serve's start-up line, after the build it runs itself.
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
