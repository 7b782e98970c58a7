import { describe, expect, it } from 'vitest';
import { csv, freshCore, importOne, nip, rows, writeText } from '../helpers/workspace.ts';

// An agency whose export uses headers no synonym covers.
const ODD = csv([
  ['ID Pegawai', 'Hari Kerja', 'Datang', 'Keluar', 'Kode', 'Tempat'],
  [nip(1), '01/09/2025', '07:20', '16:05', 'H', 'Rumah'],
  [nip(2), '01/09/2025', '07:25', '16:10', 'H', 'Kantor'],
]);
const RECIPE = { columns: { nip: 'ID Pegawai', date: 'Hari Kerja', checkIn: 'Datang', checkOut: 'Keluar', status: 5, mode: 'Tempat' } };

describe('mapping recipes', () => {
  it('without a recipe the odd layout is refused, naming the missing columns', async () => {
    const core = await freshCore();
    const r = await importOne(core, { path: writeText(core.dir, 'odd.csv', ODD), kind: 'attendance', agency: 'DINAS-Y' });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/tidak ditemukan: NIP\. .*--mapping/);
  });

  it('a recipe maps the columns, is saved for the agency and kind, and is reused', async () => {
    const core = await freshCore();
    const first = await importOne(core, { path: writeText(core.dir, 'odd.csv', ODD), kind: 'attendance', agency: 'DINAS-Y', mapping: RECIPE });
    expect([first.status, first.rowsImported, first.rowsRejected]).toEqual(['imported', 2, 0]);
    expect((await core.listRecipes({})).recipes).toEqual([
      expect.objectContaining({ agency: 'DINAS-Y', kind: 'attendance', recipe: RECIPE }),
    ]);
    const next = await importOne(core, { path: writeText(core.dir, 'odd-oct.csv', ODD.replaceAll('/09/', '/10/')), kind: 'attendance', agency: 'DINAS-Y' });
    expect([next.status, next.rowsImported]).toEqual(['imported', 2]);
    const data = await rows<{ mode: string; cin: string }>(core, `SELECT mode, CAST(check_in AS VARCHAR) AS cin FROM attendance WHERE batch_id = '${next.batch}' ORDER BY nip`);
    expect(data).toEqual([{ mode: 'WFH', cin: '07:20:00' }, { mode: 'WFO', cin: '07:25:00' }]);
    const other = await importOne(core, { path: writeText(core.dir, 'odd2.csv', ODD), kind: 'attendance', agency: 'DINAS-Z' });
    expect(other.status).toBe('failed');
  });

  it('saveRecipe false maps this file only: nothing is saved, and the next file is not read that way', async () => {
    const core = await freshCore();
    const once = await importOne(core, { path: writeText(core.dir, 'odd.csv', ODD), kind: 'attendance', agency: 'DINAS-Y', mapping: RECIPE, saveRecipe: false });
    expect([once.status, once.rowsImported]).toEqual(['imported', 2]);
    expect((await core.listRecipes({})).recipes).toEqual([]);
    const next = await importOne(core, { path: writeText(core.dir, 'odd-oct.csv', ODD.replaceAll('/09/', '/10/')), kind: 'attendance', agency: 'DINAS-Y' });
    expect(next.status).toBe('failed');
  });

  it('the preview shows the guessed mapping and the first rows before anything is stored', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'odd.csv', ODD);
    const preview = await core.previewImport({ path, kind: 'attendance', agency: 'DINAS-Y', mapping: RECIPE });
    expect(preview.headerRow).toBe(1);
    expect(preview.delimiter).toBe(',');
    expect(preview.fields.find((f) => f.field === 'status')?.column).toBe(4);
    expect(preview.rows[1]).toEqual([nip(2), '01/09/2025', '07:25', '16:10', 'H', 'Kantor']);
    expect((await core.listImports({})).batches).toHaveLength(1);
  });

  // Guards a fixed bug: a recipe's headerRow (as the preview reports it, a line number) picked the
  // wrong record when a blank line sat in the title block above the header.
  it('a recipe headerRow is the line the preview reports, blank lines above it included', async () => {
    const core = await freshCore();
    const text = `REKAP PRESENSI\nDINAS Y\n\n${ODD}`;
    const path = writeText(core.dir, 'titled.csv', text);
    const preview = await core.previewImport({ path, kind: 'attendance', agency: 'DINAS-Y', mapping: RECIPE });
    expect(preview.headerRow).toBe(4);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'DINAS-Y', mapping: { ...RECIPE, headerRow: preview.headerRow } });
    expect([r.status, r.rowsImported, r.rowsRejected]).toEqual(['imported', 2, 0]);
  });
});
