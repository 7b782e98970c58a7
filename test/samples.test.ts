import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../src-main/contract/import-types.ts';
import { expected, importSamples } from './helpers/samples.ts';
import { createCore, type Core } from '../src-main/core/index.ts';
import { TODAY } from './helpers/workspace.ts';

describe('the samples import with every row accounted for', () => {
  // One workspace shared by this suite, so it is opened and closed here.
  const dir = mkdtempSync(join(tmpdir(), 'pantau-samples-'));
  let core: Core;
  const results = new Map<string, ImportFileResult>();

  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    core = await createCore({ dbPath: join(dir, 'ws.duckdb'), tmpDir: dir, now: () => TODAY });
    for (const [file, result] of await importSamples(core)) results.set(file, result);
  }, 120_000);

  it('every file of the manifest imports, with the row counts, layout and records the generator wrote', () => {
    for (const e of expected.files) {
      const r = results.get(e.file)!;
      expect({ file: e.file, status: r.status, error: r.error, layout: r.layout, read: r.rowsRead, rejected: r.rowsRejected,
        skipped: r.rowsSkipped, records: r.records }).toEqual({
        file: e.file, status: 'imported', error: null, layout: e.layout, read: e.dataRows, rejected: e.badRows + e.duplicateRows,
        skipped: e.skippedRows, records: e.records,
      });
      expect(r.rowsImported + r.rowsRejected + r.rowsSkipped).toBe(r.rowsRead);
      // A date or month written only in the title block (a daily sheet, a TPP workbook, a wide recap).
      if (e.constants) expect(r.constants, e.file).toEqual(expect.objectContaining(e.constants));
    }
  });

  it('the attendance stored is the generator\'s model: one record per employee-day, wherever the file put it', async () => {
    // Each model day is in exactly one file, so the records written add up to the rows in the table.
    const written = expected.files.filter((f) => f.kind === 'attendance').reduce((n, f) => n + f.records, 0);
    const stored = await core.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT agency, nip, date FROM attendance)');
    expect(stored!.n).toBe(written);
  });

  it('each planted bad row is rejected at its spreadsheet row, column and value', async () => {
    for (const bad of expected.badRows) {
      const batch = results.get(bad.file)!.batch;
      const found = await core.db.all<{ column_name: string; value: string }>(
        `SELECT column_name, value FROM rejects WHERE batch_id = '${batch}' AND row_no = ${bad.row}`,
      );
      expect(found, `${bad.file} row ${bad.row}`).toEqual([{ column_name: bad.column, value: bad.value }]);
    }
  });

  it('the planted duplicate keeps the later row', () => {
    for (const dup of expected.duplicates) {
      const reject = results.get(dup.file)!.rejects.find((r) => r.row === dup.rows[0]);
      expect(reject?.reason).toContain(`baris ${dup.rows[1]} yang dipakai`);
    }
  });

  it('Windows-1252 names arrive intact and survey rows carry their own agency', async () => {
    const names = await core.db.all<{ name: string }>("SELECT name FROM employees WHERE name LIKE '%’%' OR name LIKE '%é%' ORDER BY name");
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((n) => !n.name.includes('\uFFFD'))).toBe(true);
    const agencies = await core.db.all<{ agency: string }>('SELECT DISTINCT agency FROM survey ORDER BY 1');
    expect(agencies.map((a) => a.agency)).toEqual(['KEMENDAGRI', 'PEMKOT-BOGOR', 'PEMPROV-JATENG']);
  });
});
