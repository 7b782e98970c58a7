import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { pantau, pantauAsync } from '../helpers/cli.ts';
import { writeBigAttendance } from '../helpers/big-csv.ts';
import { csv, nip, tempDir, writeText } from '../helpers/workspace.ts';

async function inspect(dbPath: string) {
  const core = await createCore({ dbPath, log: () => undefined });
  try {
    const batches = (await core.listImports({ includeUndone: true })).batches.map((b) => [b.batch, b.rowsImported]);
    const [counts] = await core.db.all<{ att: number; rej: number }>(
      'SELECT (SELECT count(*) FROM attendance) AS att, (SELECT count(*) FROM rejects) AS rej',
    );
    return { batches, counts };
  } finally {
    core.close();
  }
}

describe('crash safety', () => {
  it('SIGKILL in the middle of a large import leaves a clean workspace, and a retry imports once', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const small = writeText(dir, 'kecil.csv', csv([
      ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '01/09/2025', 'H'], [nip(2), '01/09/2025', 'TK'],
    ]));
    expect(pantau(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', small]).status).toBe(0);
    const big = join(dir, 'besar.csv');
    await writeBigAttendance(big, 1_000_000);

    const child = pantauAsync(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', big]);
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    // Killed once the import has begun writing to the workspace (its files grow), not after a fixed
    // time: on a quiet machine a fixed delay let the import finish first (a flaky test).
    const size = () => [db, `${db}.wal`].reduce((s, f) => s + (existsSync(f) ? statSync(f).size : 0), 0);
    const start = size();
    while (child.exitCode === null && size() < start + 1_000_000) await new Promise((done) => setTimeout(done, 20));
    expect(child.exitCode).toBeNull(); // still importing when killed
    child.kill('SIGKILL');
    await exited;

    const after = await inspect(db);
    expect(after.batches).toEqual([['b-000001', 66], ['b-000002', 2]]);
    expect(after.counts).toEqual({ att: 2, rej: 0 });

    const retry = pantau(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', '--json', big]);
    expect(retry.status).toBe(0);
    expect(JSON.parse(retry.stdout).files[0]).toMatchObject({ rowsRead: 1_000_000, rowsImported: 1_000_000, rowsRejected: 0 });
    const final = await inspect(db);
    expect(final.counts?.att).toBe(1_000_002);
    expect(final.batches.map((b) => b[0])).toEqual(['b-000001', 'b-000002', expect.stringMatching(/^b-00000\d$/)]);
  }, 240_000);
});
