import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../../src-main/core/index.ts';
import { writeBigAttendance } from '../helpers/big-csv.ts';
import { ROOT } from '../helpers/cli.ts';

const BIN = resolve(ROOT, 'bin/pantau.js');

export interface CrashFigures {
  kills: number;
  /** Kills made once the import had begun writing to the workspace (the first round's). */
  writingKills: number;
  cleanReopens: number;
  partialBatches: number;
  duplicates: number;
  /** Imports that finished before their kill time (the round was then tried again). */
  finishedFirst: number;
  retryImportedOnce: boolean;
  log: string[];
}

/** A small seeded generator, so a failing run can be replayed with the seed it printed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function importArgs(db: string, file: string): string[] {
  return [BIN, 'import', '--db', db, '--agency', 'A', '--kind', 'attendance', '--json', file];
}

/** The workspace's bytes on disk (database and write-ahead log). */
function workspaceBytes(db: string): number {
  return [db, `${db}.wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/**
 * Runs the CLI import and SIGKILLs it `at` ms after the start, or, with 'writing', as soon as the
 * workspace's files grow (the import has begun writing: the moment a kill must leave no trace of it).
 * Resolves whether it was killed still running.
 */
function importAndKill(db: string, file: string, at: number | 'writing'): Promise<boolean> {
  return new Promise((done) => {
    const start = workspaceBytes(db);
    const child = spawn(process.execPath, importArgs(db, file), { cwd: ROOT, stdio: 'ignore' });
    let killed = false;
    const kill = () => {
      killed = child.exitCode === null && child.kill('SIGKILL');
    };
    const timer = at === 'writing'
      ? setInterval(() => {
        if (workspaceBytes(db) > start) {
          clearInterval(timer);
          kill();
        }
      }, 10)
      : setTimeout(kill, at);
    child.on('exit', () => {
      clearInterval(timer);
      done(killed);
    });
  });
}

interface State {
  batches: { batch: string; rows: number; stored: number }[];
  total: number;
  keys: number;
}

/** Reopens the workspace as the app would; every batch's stored rows against its record. */
async function inspect(db: string): Promise<State> {
  const core = await createCore({ dbPath: db, log: () => undefined });
  try {
    const batches = await core.db.all<{ batch: string; rows: number; stored: number }>(
      `SELECT b.batch_id AS batch, b.rows_imported AS rows, (SELECT count(*) FROM attendance a WHERE a.batch_id = b.batch_id)
         + (SELECT count(*) FROM attendance_replaced r WHERE r.batch_id = b.batch_id) AS stored
       FROM batches b WHERE b.kind = 'attendance' ORDER BY b.seq`);
    const [c] = await core.db.all<{ total: number; keys: number }>(
      'SELECT count(*) AS total, (SELECT count(*) FROM (SELECT DISTINCT nip, date FROM attendance)) AS keys FROM attendance');
    return { batches, total: c!.total, keys: c!.keys };
  } finally {
    core.close();
  }
}

/**
 * `kills` SIGKILLs of imports of a `rows`-row file into one workspace: the first once the import
 * is writing to the workspace (so one kill surely lands mid-write), the others at seeded random
 * moments (reading, checking and storing are all hit). After each:
 * the workspace reopens, every committed batch is whole, the killed import left no batch and no
 * rows. At the end a retry imports the file exactly once.
 */
export async function crashRounds(dir: string, kills: number, rows: number, seed: number): Promise<CrashFigures> {
  const random = rng(seed);
  const db = join(dir, 'ws.duckdb');
  const big = join(dir, 'besar.csv');
  await writeBigAttendance(big, rows);
  const small = join(dir, 'kecil.csv');
  writeFileSync(small, 'NIP,Tanggal,Kode Kehadiran\n198609262015051001,01/09/2025,H\n198609262015051002,01/09/2025,TK\n');
  // A batch committed before any kill (in this process: only the kills need a process of their own).
  const setup = await createCore({ dbPath: db, log: () => undefined });
  try {
    await setup.importFiles({ files: [{ path: small, kind: 'attendance', agency: 'A' }] });
  } finally {
    setup.close();
  }
  // Calibration: how long a whole import takes here, so kills land anywhere in it.
  const scratch = join(dir, 'kalibrasi.duckdb');
  const t0 = Date.now();
  spawnSync(process.execPath, importArgs(scratch, big), { cwd: ROOT });
  const full = Date.now() - t0;
  // Start-up alone (the CLI opening the workspace): kills before it would hit no import at all.
  const t1 = Date.now();
  spawnSync(process.execPath, [BIN, 'imports', '--db', scratch, '--json'], { cwd: ROOT });
  const startup = Math.min(Date.now() - t1, full * 0.8);
  const figures: CrashFigures = {
    kills: 0, writingKills: 0, cleanReopens: 0, partialBatches: 0, duplicates: 0, finishedFirst: 0, retryImportedOnce: false, log: [],
  };
  let before = await inspect(db);
  while (figures.kills < kills && figures.finishedFirst < kills * 3) {
    // From after start-up to just before the end: reading, checking and storing are all hit.
    const at = figures.writingKills === 0 ? 'writing' : Math.round(startup + (full - startup) * (0.02 + 0.96 * random()));
    const when = at === 'writing' ? 'once writing' : `at ${at} ms of ${full}`;
    const killed = await importAndKill(db, big, at);
    let after: State;
    try {
      after = await inspect(db);
      figures.cleanReopens += killed ? 1 : 0;
    } catch (err) {
      figures.log.push(`reopen failed after a kill ${when}: ${String(err)}`);
      break;
    }
    figures.partialBatches += after.batches.filter((b) => b.rows !== b.stored).length;
    figures.duplicates += after.total - after.keys;
    if (!killed) {
      figures.finishedFirst++;
      figures.log.push(`import finished before its kill ${when}`);
      before = after;
      continue;
    }
    figures.kills++;
    if (at === 'writing') figures.writingKills++;
    const fresh = after.batches.length - before.batches.length;
    // A kill between COMMIT and exit leaves a whole batch: committed, not partial.
    if (fresh > 0 && after.batches.at(-1)!.rows !== rows) figures.partialBatches++;
    figures.log.push(`kill ${figures.kills} ${when}: ${fresh ? 'batch committed whole before the kill' : 'no batch, no rows'}`);
    before = after;
  }
  const retry = spawnSync(process.execPath, importArgs(db, big), { cwd: ROOT, encoding: 'utf8' });
  const final = await inspect(db);
  const last = final.batches.at(-1);
  figures.retryImportedOnce = retry.status === 0 && final.batches.length === before.batches.length + 1
    && last?.rows === rows && final.total === rows + 2 && final.keys === final.total;
  return figures;
}

export function crashSummary(f: CrashFigures): string {
  return `crash: ${f.kills} kills (${f.writingKills} once the import was writing), ${f.cleanReopens} clean reopens, ${f.partialBatches} partial batches, ${f.duplicates} duplicates, retry imported once: ${f.retryImportedOnce ? 'yes' : 'no'}`;
}
