import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCore, importOne, nip, rows } from '../helpers/workspace.ts';

// Which sheets of a workbook are read, and how a row that does not fit is reported.

const HEADER = ['NIP', 'Nama Pegawai', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const row = (n: number, date: string) => [nip(n), `Pegawai ${n}`, 'Biro Umum', date, '07:30', '16:00', 'H', 'WFO'];

interface SheetSpec { name: string; rows: (string | null)[][]; state?: 'hidden' | 'veryHidden'; at?: number[] }

async function workbook(dir: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    s.rows.forEach((r, i) => {
      const target = ws.getRow(s.at?.[i] ?? i + 1);
      target.values = r;
      target.commit();
    });
  }
  const path = join(dir, 'presensi.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('an XLSX workbook', () => {
  it('imports every visible sheet with the header, each as its own batch, and counts each sheet', async () => {
    const core = await freshCore();
    const path = await workbook(core.dir, [
      { name: 'Oktober', rows: [HEADER, row(1, '06/10/2025'), row(2, '06/10/2025')] },
      { name: 'Catatan', rows: [['Dicetak oleh admin']] },
      { name: 'November', rows: [['REKAP NOVEMBER'], HEADER, row(1, '03/11/2025'), row(1, '31/11/2025')] },
    ]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.status, r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual(['imported', 4, 3, 1, 0]);
    expect(r.sheets?.map((s) => [s.sheet, s.rowsRead, s.rowsImported, s.rowsRejected])).toEqual([['Oktober', 2, 2, 0], ['November', 2, 1, 1]]);
    expect(r.batch).toBe(r.sheets![0]!.batch);
    expect(r.rejects.map((x) => [x.sheet, x.row, x.reason])).toEqual([
      ['November', 4, 'lembar November, baris 4: Tanggal "31/11/2025" bukan tanggal yang valid'],
    ]);
    expect(await rows(core, `SELECT b.sheet, a.row_no, strftime(a.date, '%Y-%m-%d') AS date FROM attendance a JOIN batches b USING (batch_id) ORDER BY date, a.nip`))
      .toEqual([
        { sheet: 'Oktober', row_no: 2, date: '2025-10-06' }, { sheet: 'Oktober', row_no: 3, date: '2025-10-06' },
        { sheet: 'November', row_no: 3, date: '2025-11-03' },
      ]);
    const { batches } = await core.listImports({});
    expect(batches.filter((b) => b.kind === 'attendance').map((b) => [b.file, b.sheet])).toEqual([['presensi.xlsx', 'Oktober'], ['presensi.xlsx', 'November']]);
  });

  it('passes over hidden and very hidden sheets, naming them, even when one comes first (fixed bug: a very hidden first sheet was imported)', async () => {
    const core = await freshCore();
    const path = await workbook(core.dir, [
      { name: 'Lama', state: 'veryHidden', rows: [HEADER, row(9, '01/09/2025')] },
      { name: 'Data', rows: [HEADER, row(1, '06/10/2025')] },
      { name: 'Arsip', state: 'hidden', rows: [HEADER, row(8, '02/09/2025')] },
    ]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.rowsRead, r.rowsImported]).toEqual([1, 1]);
    expect(r.warnings).toContain('Lembar tersembunyi tidak diimpor: "Lama", "Arsip". Tampilkan lembarnya di Excel bila datanya perlu diimpor.');
    expect(await rows(core, 'SELECT nip FROM attendance')).toEqual([{ nip: nip(1) }]);
  });

  it('reads the names and visibility of sheets that the workbook names from the package root, as openpyxl writes it (fixed bug: such a hidden sheet was imported, every sheet named Sheet1, Sheet2)', async () => {
    const core = await freshCore();
    const path = await workbook(core.dir, [
      { name: 'Data', rows: [HEADER, row(1, '06/10/2025')] },
      { name: 'Arsip', state: 'hidden', rows: [HEADER, row(8, '02/09/2025')] },
    ]);
    const zip = await JSZip.loadAsync(await readFile(path));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    expect(rels).toContain('Target="worksheets/sheet2.xml"');
    zip.file('xl/_rels/workbook.xml.rels', rels.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/'));
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.rowsRead, r.rowsImported]).toEqual([1, 1]);
    expect(r.warnings).toContain('Lembar tersembunyi tidak diimpor: "Arsip". Tampilkan lembarnya di Excel bila datanya perlu diimpor.');
    expect(await rows(core, 'SELECT b.sheet, a.nip FROM attendance a JOIN batches b USING (batch_id)')).toEqual([{ sheet: 'Data', nip: nip(1) }]);
  });

  it('rejects a row with cells right of the header, as a CSV row with extra fields is (fixed bug: they were dropped)', async () => {
    const core = await freshCore();
    const path = await workbook(core.dir, [{ name: 'Data', rows: [HEADER, row(1, '06/10/2025'), [...row(2, '06/10/2025'), null, 'catatan']] }]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 1, 1]);
    expect(r.rejects).toEqual([{ row: 3, column: '', value: 'catatan',
      reason: 'baris 3: "catatan" berisi lebih banyak kolom daripada judul kolom (periksa pemisah atau tanda kutip)' }]);
  });

  it('rejects a row with a cell longer than Excel allows, without its content in the message', async () => {
    const core = await freshCore();
    const secret = `RAHASIA ${'x'.repeat(40_000)}`;
    const path = await workbook(core.dir, [{ name: 'Data', rows: [HEADER, row(1, '06/10/2025'), [nip(2), secret, 'Biro Umum', '06/10/2025', '07:30', '16:00', 'H', 'WFO']] }]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 1, 1]);
    expect(r.rejects[0]!.reason).toBe('baris 3: Nama Pegawai terlalu panjang (40008 karakter; satu sel Excel paling banyak 32.767)');
    expect(JSON.stringify(r)).not.toContain('RAHASIA');
  });

  it('rejects a row numbered past the last row of an Excel sheet, without its content (fixed bug: it failed the workbook with the row in the message)', async () => {
    const core = await freshCore();
    const path = await workbook(core.dir, [{ name: 'Data', at: [1, 2, 2_000_000], rows: [HEADER, row(1, '06/10/2025'), [nip(2), 'RAHASIA', 'Biro Umum', '06/10/2025', '07:30', '16:00', 'H', 'WFO']] }]);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect([r.status, r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual(['imported', 2, 1, 1]);
    expect(r.rejects[0]!.reason).toContain('berada di luar batas lembar Excel (nomor baris 2000000; paling banyak 1.048.576)');
    expect(JSON.stringify(r)).not.toContain('RAHASIA');
  });
});
