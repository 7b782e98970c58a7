import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.ts';

const BIN = resolve(ROOT, 'bin/pantau.js');
const PRELOAD = pathToFileURL(resolve(import.meta.dirname, 'enospc-preload.mjs')).href;
/** Fills a tmpfs up to the room left; never listed as the test's own files. */
export const FILLER = '.filler';

/**
 * A folder with little room left: a tmpfs of `size` bytes where this machine lets the test mount
 * one (root on Linux, as CI runs), filled up to the room `leave` asks for. Where none can be
 * mounted (or PANTAU_NO_TMPFS=1), an ordinary folder where the full disk is injected into the CLI:
 * Node's writes there fail with ENOSPC past the room (enospc-preload.mjs). DuckDB's own writes
 * cannot be injected: those tests need the tmpfs (see tmpfsAvailable).
 */
export interface FullDisk {
  how: 'tmpfs' | 'injected';
  dir: string;
  /** Leaves `bytes` free (the rest filled). */
  leave(bytes: number): void;
  /** Frees the disk again (removes the filler; the tmpfs keeps its size). */
  free(): void;
  /** The CLI as a child process on this disk (injected: Node's writes into `dir` fail past the room). */
  cli(args: string[], opts?: { env?: NodeJS.ProcessEnv }): ChildProcess;
  /** The test's files in the folder (the filler is not one). */
  files(): string[];
  release(): void;
}

function mountTmpfs(dir: string, bytes: number): boolean {
  if (process.env.PANTAU_NO_TMPFS === '1' || process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

/** Whether this machine lets the tests mount a small tmpfs (tried once). */
export function tmpfsAvailable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-tmpfs-'));
  const ok = mountTmpfs(dir, 4096);
  if (ok) spawnSync('umount', [dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

export function fullDisk(size: number): FullDisk {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-full-'));
  const tmpfs = mountTmpfs(dir, size);
  let room = size;
  const filler = join(dir, FILLER);
  const disk: FullDisk = {
    how: tmpfs ? 'tmpfs' : 'injected',
    dir,
    leave(bytes) {
      room = bytes;
      if (!tmpfs) return;
      rmSync(filler, { force: true });
      const s = statfsSync(dir);
      const free = s.bavail * s.bsize;
      if (free > bytes) writeFileSync(filler, Buffer.alloc(free - bytes));
    },
    free() {
      room = size;
      rmSync(filler, { force: true });
    },
    cli(args, opts = {}) {
      const env = { ...process.env, ...opts.env };
      if (tmpfs) return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      return spawn(process.execPath, ['--import', PRELOAD, BIN, ...args], {
        cwd: ROOT, env: { ...env, PANTAU_ENOSPC_DIR: dir, PANTAU_ENOSPC_BYTES: String(room) }, stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
    files: () => readdirSync(dir).filter((f) => f !== FILLER),
    release() {
      if (tmpfs) spawnSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return disk;
}

export interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed after the timeout without ending by itself. */
  hung: boolean;
  ms: number;
}

/** Waits for a child to end, killing it (SIGKILL) after timeoutMs: a hang is a result, not a stuck test. */
export function ended(child: ChildProcess, timeoutMs: number): Promise<Ended> {
  const start = Date.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => {
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr, hung, ms: Date.now() - start });
    });
  });
}

/** Resolves once `ready()` holds (polled every 10 ms), or with false when the child ended first. */
export function whenReady(child: ChildProcess, ready: () => boolean): Promise<boolean> {
  return new Promise((done) => {
    const timer = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(timer);
        done(false);
      } else if (ready()) {
        clearInterval(timer);
        done(true);
      }
    }, 10);
  });
}
