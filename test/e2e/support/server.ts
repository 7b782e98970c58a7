import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  dir: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

/** Starts the real `pantau serve` on a fresh workspace and waits for its one line on stdout. */
export async function startServer(db?: string): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/pantau.js'), 'serve', '--db', db ?? join(dir, 'ws.duckdb')], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`pantau serve did not start: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Pantau: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`pantau serve exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', dir, child,
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.once('exit', (code) => {
        rmSync(dir, { recursive: true, force: true });
        done(code);
      });
      child.kill('SIGTERM');
    }),
  };
}
