import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { figure } from '../support/figures.ts';
import { createCore } from '../../src-main/core/index.ts';
import { writeBigAttendance } from '../helpers/big-csv.ts';
import { ROOT, stubBuild } from '../helpers/cli.ts';
import { freshCore, samplesWorkspace, tempDir } from '../helpers/workspace.ts';

// Leftovers of killed processes (issue 18, item 4; docs/robustness.md "Leftovers"): every process
// that stages files (the CLI, the desktop app, `pantau serve`) owns a private folder in the temp
// folder, and a SIGKILL leaves it with copies of personal data (a robustness run left 22 folders,
// 1.35 GB). The next start sweeps those of dead processes and keeps those of live ones.
//
// Fails on the code before this change: nothing swept the leftovers, so every killed process's
// folder was still there after the start.

const BIN = join(ROOT, 'bin/pantau.js');
const PANTAU = /^pantau-(staging|upload)-/;

/** The Pantau folders in the temp folder. */
function folders(tmp: string): string[] {
  return readdirSync(tmp).filter((n) => PANTAU.test(n)).sort();
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** SIGKILLs `child` once `ready()` holds; fails if it ended first. */
async function killWhen(child: ChildProcess, what: string, ready: () => boolean): Promise<void> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 90_000;
  while (child.exitCode === null && Date.now() < deadline) {
    if (ready()) {
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
      return;
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`${what} ended before its kill (${child.exitCode}): ${stderr}`);
}

/** `pantau serve` until its start-up line: its URL. */
async function served(child: ChildProcess): Promise<URL> {
  let out = '';
  return new Promise<URL>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = /^Pantau: (http:\/\/127\.0\.0\.1:\d+\/\S*)\n/.exec(out);
      if (line) done(new URL(line[1]!));
    });
    child.once('exit', (code) => fail(new Error(`serve ended (${code})`)));
  });
}

/** Files in a folder and its subfolders. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('leftovers of killed processes are swept at the next start', () => {
  it('kills during an import, a check, an export and a browser session; a start sweeps their folders and keeps a live server\'s', async () => {
    const dir = tempDir();
    // The children's temp folder: theirs alone, so that nothing of another test's is touched.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const build = stubBuild(dir);
    const env = { ...process.env, ...build.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const known = new Set<string>();
    const fresh = () => folders(tmp).filter((n) => !known.has(n));
    const take = (what: string) => {
      const made = fresh();
      expect(made.length, `${what} left its folder`).toBeGreaterThan(0);
      for (const n of made) known.add(n);
      return made;
    };

    // A live server, running throughout: its folders must survive every sweep.
    const liveDb = join(dir, 'live.duckdb');
    const live = run(['serve', '--db', liveDb, '--port', '0'], env);
    try {
      await served(live);
      const kept = take('the live server');

      // 1. An import, killed while it stages the file (a spool copy is in its staging folder).
      const big = join(dir, 'besar.csv');
      await writeBigAttendance(big, 60_000);
      await killWhen(run(['import', '--db', join(dir, 'a.duckdb'), '--agency', 'A', '--kind', 'attendance', big], env), 'the import',
        () => fresh().some((n) => n.startsWith('pantau-staging-') && readdirSync(join(tmp, n)).some((f) => f.startsWith('pantau-'))));
      const killedImport = take('the killed import');

      // 2. A check, killed once it writes its run to the workspace.
      mkdirSync(join(dir, 'check'));
      const checkDb = await samplesWorkspace(join(dir, 'check'));
      const wal = `${checkDb}.wal`;
      const walBefore = existsSync(wal) ? statSync(wal).size : 0;
      await killWhen(run(['check', '--db', checkDb], env), 'the check', () => existsSync(wal) && statSync(wal).size > walBefore);
      const killedCheck = take('the killed check');

      // 3. An export, killed while it writes the workbook.
      mkdirSync(join(dir, 'export'));
      const exportDb = await samplesWorkspace(join(dir, 'export'));
      const out = join(dir, 'laporan.xlsx');
      const exporting = run(['export', '--db', exportDb, '--out', out], env);
      await killWhen(exporting, 'the export', () => readdirSync(dir).some((f) => f.startsWith('laporan.xlsx.') && f.endsWith('.tmp')));
      const killedExport = take('the killed export');

      // 4. A browser session, killed with an uploaded file still held.
      const session = run(['serve', '--db', join(dir, 'b.duckdb'), '--port', '0'], env);
      const url = await served(session);
      const up = await fetch(new URL('/upload', url), {
        method: 'POST', headers: { 'x-pantau-token': url.searchParams.get('token')!, 'x-pantau-filename': 'pegawai.csv' },
        body: 'NIP,Nama\n198609262015051001,Ani Rahasia\n',
      });
      expect(up.status).toBe(200);
      await killWhen(session, 'the server', () => true);
      const killedSession = take('the killed server');
      expect(killedSession.some((n) => n.startsWith('pantau-upload-') && filesIn(join(tmp, n)).length === 1)).toBe(true);

      // Folders from before owners were named: one idle for two hours goes, a recent one may be a
      // running older Pantau's and stays.
      const idle = join(tmp, 'pantau-staging-Ab12Cd');
      mkdirSync(idle);
      const hoursAgo = new Date(Date.now() - 2 * 3600_000);
      utimesSync(idle, hoursAgo, hoursAgo);
      mkdirSync(join(tmp, 'pantau-upload-Ef34Gh'));

      // Each kill left its folder (take() saw it); a later command's start may have swept it already.
      const left = [...killedImport, ...killedCheck, ...killedExport, ...killedSession];

      // The start: a core on the same temp folder (the desktop app and every CLI command start one).
      const core = await createCore({ dbPath: (await freshCore()).dbPath.replace(/ws\.duckdb$/, 'start.duckdb'), tmpDir: tmp, log: () => undefined });
      const own = fresh().filter((n) => n !== 'pantau-upload-Ef34Gh' && n !== 'pantau-staging-Ab12Cd');
      core.close();
      // Failed before: every folder above was still there.
      expect(left.filter((n) => existsSync(join(tmp, n)))).toEqual([]);
      expect(existsSync(idle)).toBe(false);
      expect(own).toHaveLength(1);
      expect(folders(tmp)).toEqual([...kept, 'pantau-upload-Ef34Gh'].sort());
      const behind = left.filter((n) => existsSync(join(tmp, n))).length;
      const liveKept = kept.filter((n) => existsSync(join(tmp, n))).length;
      figure('leftovers', `leftovers: 4 kills (import, check, export, browser session) left ${left.length} folders, ${behind} left behind after a start, live server's ${liveKept}/${kept.length} kept`);
    } finally {
      live.kill('SIGTERM');
      await new Promise((done) => (live.exitCode === null ? live.once('exit', done) : done(null)));
    }
    // The live server, stopped cleanly, removed its own.
    expect(folders(tmp)).toEqual(['pantau-upload-Ef34Gh']);
  }, 300_000);
});
