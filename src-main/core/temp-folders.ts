import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Pantau's private folders under the temp folder, each named `<prefix><pid>-XXXXXX` after the
 * process that owns it: the core's staging folder (copies of every imported file, DuckDB's spill)
 * and the browser server's upload folder (uploaded files, workbooks for download). Both hold
 * personal data. An owner removes its folder when it closes; one that is killed cannot, so every
 * start sweeps the folders whose owner is gone (sweepLeftovers).
 */
export const STAGING_PREFIX = 'pantau-staging-';
export const UPLOAD_DIR_PREFIX = 'pantau-upload-';
const PREFIXES = [STAGING_PREFIX, UPLOAD_DIR_PREFIX];

/** When this process started (ms since the epoch). */
const STARTED = Date.now() - process.uptime() * 1000;

/**
 * A folder made before owners were named (no pid in its name) is swept only once it is older than
 * this process and has not changed for an hour: it may belong to an older Pantau still running.
 */
const UNOWNED_IDLE_MS = 60 * 60 * 1000;

/** A new private folder `<parent>/<prefix><pid>-XXXXXX` for this process. */
export function makeOwnedDir(parent: string, prefix: string): Promise<string> {
  return mkdtemp(join(parent, `${prefix}${process.pid}-`));
}

/** Whether a process with this id runs (one of another user counts: it cannot be signalled, but it is there). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function leftover(rest: string, mtimeMs: number, now: number): boolean {
  const owner = /^(\d+)-/.exec(rest);
  if (!owner) return mtimeMs < STARTED && now - mtimeMs > UNOWNED_IDLE_MS;
  const pid = Number(owner[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  // This process's own id: its folders were made after it started; an older one is a dead namesake's.
  if (pid === process.pid) return mtimeMs < STARTED;
  return !processAlive(pid);
}

/**
 * Removes the Pantau folders in `parent` whose owning process is gone: left by a kill, a crash or
 * a power cut. A folder of a live process (another window, a server, a CLI run) is kept. Folders
 * it cannot remove (another user's) are passed over. Returns the folders removed.
 */
export async function sweepLeftovers(parent: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const prefix = PREFIXES.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const path = join(parent, name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isDirectory() || !leftover(name.slice(prefix.length), info.mtimeMs, now)) continue;
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Not ours to remove (another user's), or already gone.
    }
  }
  return removed;
}
