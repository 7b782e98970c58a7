import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { pantau, pantauAsync, stubBuild } from '../helpers/cli.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { csv, nip, tempDir, writeText } from '../helpers/workspace.ts';
import { figure } from '../support/figures.ts';

// `pantau serve` serves a stand-in for the built app: the subject is the lock, not the pages.
describe('one writer: the CLI against a workspace the browser-mode server holds', () => {
  it('lock: second writer refused with a message 1/1, 0 corruptions', async () => {
    const dir = tempDir();
    const db = join(dir, 'ws.duckdb');
    const file = writeText(dir, 'presensi.csv', csv([['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '01/09/2025', 'H'], [nip(2), '01/09/2025', 'TK']]));
    expect((await pantauInProcess(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', file])).status).toBe(0);

    // Two real processes: the server holding the workspace, and the CLI refused.

    const server = pantauAsync(['serve', '--db', db, '--port', '0'], stubBuild(dir).env);
    try {
      await new Promise<void>((ready, fail) => {
        let out = '';
        server.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('Pantau: http://127.0.0.1:')) ready();
        });
        server.on('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
      });
      const second = pantau(['import', '--db', db, '--agency', 'A', '--kind', 'attendance', '--json', file]);
      expect(second.status).toBe(1);
      const doc = JSON.parse(second.stdout) as { code: string; error: string };
      expect(doc.code).toBe('WORKSPACE_LOCKED');
      expect(doc.error).toMatch(/sedang dibuka oleh proses lain \(PID \d+\)/);
      expect(second.stderr).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((done) => server.on('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
    }
    // Nothing of the refused import, nothing broken: the workspace opens with its two batches.
    const core = await createCore({ dbPath: db, tmpDir: dir, log: () => undefined });
    try {
      const batches = (await core.listImports({})).batches.map((b) => [b.batch, b.rowsImported]);
      expect(batches).toEqual([['b-000001', 66], ['b-000002', 2]]);
      expect((await core.db.one<{ n: number }>('SELECT count(*) AS n FROM attendance'))!.n).toBe(2);
    } finally {
      core.close();
    }
    figure('lock', 'lock: second writer (CLI while the server holds the workspace) refused with a message 1/1, 0 corruptions');
  }, 120_000);
});
