/**
 * A file of headers no synonym knows, under a title block, mapped by hand once and saved as the
 * agency's recipe, is known by its kind next month: detection tries the saved recipes too. The
 * agency still comes from the file itself (its NIPs in the roster), not from the recipe.
 */
import { describe, expect, it } from 'vitest';
import { csv, freshCore, importOne, nip, writeText } from '../helpers/workspace.ts';

const recap = (month: string) => csv([
  ['REKAP KEHADIRAN PEGAWAI'],
  [`DINAS Y — ${month}/2025`],
  ['ID Pegawai', 'Hari Kerja', 'Datang', 'Keluar', 'Kode'],
  [nip(1), `03/${month}/2025`, '07:20', '16:05', 'H'],
  [nip(2), `03/${month}/2025`, '07:25', '16:10', 'H'],
]);
const RECIPE = { headerRow: 3, columns: { nip: 'ID Pegawai', date: 'Hari Kerja', checkIn: 'Datang', checkOut: 'Keluar', status: 'Kode' } };

describe('detection with saved recipes', () => {
  it('finds no kind for the odd file before a recipe, and the recipe\'s kind (agency from the roster) after', async () => {
    const core = await freshCore();
    const roster = await importOne(core, { path: writeText(core.dir, 'pegawai.csv', csv([['NIP', 'Nama'], [nip(1), 'A'], [nip(2), 'B']])), kind: 'roster', agency: 'DINAS-Y' });
    expect(roster.status).toBe('imported');
    const before = await core.detectImport({ path: writeText(core.dir, 'rekap-10.csv', recap('10')) });
    expect(before.kind).toBeNull();
    const first = await importOne(core, { path: writeText(core.dir, 'rekap-10.csv', recap('10')), kind: 'attendance', agency: 'DINAS-Y', mapping: RECIPE });
    expect(first.rowsImported).toBe(2);
    const next = await core.detectImport({ path: writeText(core.dir, 'rekap-11.csv', recap('11')) });
    expect([next.kind, next.agency, next.agencyFrom]).toEqual(['attendance', 'DINAS-Y', 'roster']);
    expect(next.rosterMatches).toEqual([{ agency: 'DINAS-Y', matched: 2, of: 2 }]);
  });

  it('with the kind and mapping the user chose, suggests the agency from the columns as mapped', async () => {
    const core = await freshCore();
    await importOne(core, { path: writeText(core.dir, 'pegawai.csv', csv([['NIP', 'Nama'], [nip(1), 'A'], [nip(2), 'B']])), kind: 'roster', agency: 'DINAS-Y' });
    const path = writeText(core.dir, 'rekap-10.csv', recap('10'));
    expect((await core.detectImport({ path })).agency).toBeNull();
    const mapped = await core.detectImport({ path, kind: 'attendance', mapping: RECIPE });
    expect([mapped.kind, mapped.agency, mapped.agencyFrom]).toEqual(['attendance', 'DINAS-Y', 'roster']);
    expect(mapped.rosterMatches).toEqual([{ agency: 'DINAS-Y', matched: 2, of: 2 }]);
  });
});
