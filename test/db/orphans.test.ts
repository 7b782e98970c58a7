import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index.ts';
import { checkWhole } from '../helpers/checks.ts';
import { csv, nip, tempDir, TODAY, writeText } from '../helpers/workspace.ts';

// Rows a killed import or check left in the file without recording their batch or run (DuckDB
// writes a large insert's rows before the commit) are removed when the workspace next opens after
// a crash. Fixed bug: a killed import's rows came back under the batch number the next import was
// given again, doubling a million attendance rows (npm run robustness, crash).

const HEADER = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];

describe('a workspace reopened after a crash', () => {
  it('loses the rows of batches and runs it never recorded, and keeps every recorded one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'ws.duckdb');
    const open = () => createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
    let core = await open();
    const path = writeText(dir, 'presensi.csv', csv([HEADER, [nip(1), 'Ani', 'Biro', '01/09/2025', '07:30', '16:00', 'H', 'WFO']]));
    const { files } = await core.importFiles({ files: [{ path, kind: 'attendance', agency: 'A' }] });
    const run = await checkWhole(core, {});
    // What a transaction cut short by a kill can leave: rows under a batch and a run never recorded.
    await core.db.run(`INSERT INTO attendance SELECT nip, date + 1, agency, name, unit_name, status, mode, check_in, check_out, 'b-999999', row_no FROM attendance`);
    await core.db.run(`INSERT INTO rejects (batch_id, row_no, column_name, value, code) VALUES ('b-999999', 2, 'nip', 'x', 'REQUIRED')`);
    await core.db.run(`INSERT INTO findings (run_id, rule, nip, period, detail, basis, status) VALUES ('r-999999', 'LOK-01', '${nip(1)}', '2025-W36', 'x', 'x', 'new')`);
    // A copy of the file as it stood, with the write-ahead log a killed process leaves.
    const crashed = join(dir, 'crashed.duckdb');
    await core.db.run('CHECKPOINT');
    copyFileSync(dbPath, crashed);
    writeFileSync(`${crashed}.wal`, '');
    core.close();
    core = await createCore({ dbPath: crashed, tmpDir: dir, now: () => TODAY, log: () => undefined });
    try {
      const count = async (sql: string) => (await core.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sql}`))!.n;
      expect(await count(`attendance WHERE batch_id = 'b-999999'`)).toBe(0);
      expect(await count(`attendance WHERE batch_id = '${files[0]!.batch}'`)).toBe(1);
      expect(await count(`rejects WHERE batch_id = 'b-999999'`)).toBe(0);
      expect(await count(`findings WHERE run_id = 'r-999999'`)).toBe(0);
      expect(await count(`findings WHERE run_id = '${run.run}'`)).toBe(run.findings.length);
    } finally {
      core.close();
    }
  });

  it('knows when it was closed cleanly, and then sweeps nothing', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'ws.duckdb');
    let core = await createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
    expect(core.db.recovered).toBe(false);
    core.close();
    core = await createCore({ dbPath, tmpDir: dir, now: () => TODAY, log: () => undefined });
    expect(core.db.recovered).toBe(false);
    core.close();
  });
});
