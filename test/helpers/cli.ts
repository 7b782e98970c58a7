import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/pantau.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `pantau` command in a child process, as a user would. */
export function pantau(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function pantauAsync(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A stand-in for the built app in `dir`/out (one empty page), for `pantau serve` through
 * PANTAU_BUILD_DIR, or serve()'s rendererDir: the tests whose subject is not the app's pages run
 * without the build. Returns the environment that points `pantau serve` at it.
 */
export function stubBuild(dir: string): { rendererDir: string; env: NodeJS.ProcessEnv } {
  const out = join(dir, 'out');
  mkdirSync(join(out, 'renderer'), { recursive: true });
  writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html>');
  return { rendererDir: join(out, 'renderer'), env: { ...process.env, PANTAU_BUILD_DIR: out } };
}
