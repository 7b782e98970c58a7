// A file filed under the wrong agency must not pass silently. The import screen asks for a
// confirmation (rosterConflict); an import made without it, as the CLI makes one, said nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/samples.ts';
import { freshCore, nip } from '../helpers/workspace.ts';

const ROSTER = join(SAMPLES, 'pemkot-bogor/pegawai.csv');
const ATTENDANCE = join(SAMPLES, 'pemkot-bogor/presensi-2025-09-10.csv');
const WRONG = /Menurut daftar pegawai, (\d+) dari (\d+) NIP berkas ini terdaftar di instansi PEMKOT-BOGOR dan hanya 0 di PEMKAB-SLEMAN/;

describe('an import into an agency whose roster holds fewer of the file’s NIPs than another’s warns', () => {
  it('attendance of Bogor’s staff imported for Sleman warns, naming Bogor; imported for Bogor it does not', async () => {
    const core = await freshCore();
    await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKOT-BOGOR' }] });
    const [wrong] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKAB-SLEMAN' }] })).files;
    expect(wrong!.status).toBe('imported');
    const warning = wrong!.warnings.find((w) => WRONG.test(w));
    expect(warning).toBeDefined();
    const [, matched, of] = WRONG.exec(warning!)!;
    expect(Number(matched)).toBe(Number(of));
    const [right] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKOT-BOGOR' }] })).files;
    expect(right!.warnings.filter((w) => w.startsWith('Menurut daftar pegawai'))).toEqual([]);
  });

  it('a roster of Bogor’s staff imported again for Sleman warns too: the file is judged by the other rosters', async () => {
    const core = await freshCore();
    await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKOT-BOGOR' }] });
    const [again] = (await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKAB-SLEMAN' }] }, { lang: 'en' })).files;
    expect(again!.warnings.some((w) => /^By the rosters, \d+ of the \d+ NIPs in this file belong to agency PEMKOT-BOGOR and only 0 to PEMKAB-SLEMAN/.test(w))).toBe(true);
  });

  it('with no roster known, nothing is said', async () => {
    const core = await freshCore();
    const [f] = (await core.importFiles({ files: [{ path: ATTENDANCE, kind: 'attendance', agency: 'PEMKAB-SLEMAN' }] })).files;
    expect(f!.warnings.filter((w) => w.startsWith('Menurut daftar pegawai'))).toEqual([]);
  });

  // The file's NIPs are those of the rows it stores, from every sheet: a rejected row's NIP is not
  // one of them (the count was read from the rows stored; it is now read from the file's parts).
  it('a workbook of two sheets counts the NIPs of the rows stored from both, not those of a rejected row', async () => {
    const core = await freshCore();
    await core.importFiles({ files: [{ path: ROSTER, kind: 'roster', agency: 'PEMKOT-BOGOR' }] });
    const bogor = readFileSync(ROSTER, 'utf8').split('\n').slice(1, 5).map((line) => line.split(',')[0]!);
    const header = ['NIP', 'Nama', 'Unit Kerja', 'Tanggal', 'Kode Kehadiran'];
    const wb = new ExcelJS.Workbook();
    // Sheet 1: two of Bogor's staff. Sheet 2: one more of Bogor's and two NIPs no roster holds, and a
    // row of a fourth of Bogor's staff rejected for its date.
    for (const [name, rows] of [
      ['Minggu 1', [[bogor[0], 'A', 'Bagian Umum', '01/09/2025', 'H'], [bogor[1], 'B', 'Bagian Umum', '01/09/2025', 'H']]],
      ['Minggu 2', [[bogor[2], 'C', 'Bagian Umum', '08/09/2025', 'H'], [nip(1), 'D', 'Bagian Umum', '08/09/2025', 'H'],
        [nip(2), 'E', 'Bagian Umum', '08/09/2025', 'H'], [bogor[3], 'F', 'Bagian Umum', '31/09/2025', 'H']]],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(header);
      for (const row of rows) ws.addRow([...row]);
    }
    const path = join(core.dir, 'presensi-dua-lembar.xlsx');
    await wb.xlsx.writeFile(path);
    const [f] = (await core.importFiles({ files: [{ path, kind: 'attendance', agency: 'PEMKAB-SLEMAN' }] })).files;
    expect(f).toMatchObject({ status: 'imported', rowsImported: 5, rowsRejected: 1 });
    expect(f!.warnings.map((w) => WRONG.exec(w)?.slice(1, 3)).find(Boolean)).toEqual(['3', '5']);
  });
});
