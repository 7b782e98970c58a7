/**
 * The `wide` layout (rules.md §1, Layouts of real exports): one row per employee, one column per day
 * of a month, each filled day cell a code or a time range. Imported through the public core API as a
 * user would; every expected value is worked out from what the test writes.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportFileRequest, ImportFileResult } from '../../src-main/contract/import-types.ts';
import { formatReject } from '../../src-main/core/import/reasons.ts';
import { csv, freshCore, importOne, nip, rows, writeText, type TestCore } from '../helpers/workspace.ts';

const AG = 'PEMKOT-X';
const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));
const WIDTH = 2 + DAYS.length;

type Rec = { nip: string; date: string; status: string; mode: string | null; check_in: string | null; check_out: string | null };

/** A data row `NIP, Nama, 1…31` with the given day cells filled. */
function dataRow(id: string, name: string, cells: Record<number, string>): string[] {
  return [id, name, ...DAYS.map((d) => cells[Number(d)] ?? '')];
}

/** A row under the data (a total, a signature line): its cells from the left, the rest empty, as Excel writes it. */
function padded(...cells: string[]): string[] {
  return [...cells, ...Array<string>(WIDTH - cells.length).fill('')];
}

async function importCsv(core: TestCore, name: string, table: string[][], extra: Partial<ImportFileRequest> = {}): Promise<ImportFileResult> {
  return importOne(core, { path: writeText(core.dir, name, csv(table)), kind: 'attendance', agency: AG, ...extra });
}

function expectImported(r: ImportFileResult): void {
  expect(r.error).toBeNull();
  expect(r.status).toBe('imported');
  expect(r.rowsRead).toBe(r.rowsImported + r.rowsRejected + r.rowsSkipped);
}

async function records(core: TestCore, batch: string | null): Promise<Rec[]> {
  return rows<Rec>(core, `SELECT nip, strftime(date, '%Y-%m-%d') AS date, status, mode,
      left(CAST(check_in AS VARCHAR), 5) AS check_in, left(CAST(check_out AS VARCHAR), 5) AS check_out
    FROM attendance WHERE batch_id = '${batch}' ORDER BY nip, date`);
}

async function skipsOf(core: TestCore, batch: string | null): Promise<[number, string][]> {
  const got = await rows<{ row_no: number; code: string }>(core, `SELECT row_no, code FROM skips WHERE batch_id = '${batch}' ORDER BY row_no`);
  return got.map((x) => [x.row_no, x.code]);
}

async function rejectsOf(core: TestCore, batch: string | null): Promise<[number, string, string | null, string][]> {
  const got = await rows<{ row_no: number; column_name: string; value: string | null; code: string }>(core,
    `SELECT row_no, column_name, value, code FROM rejects WHERE batch_id = '${batch}' ORDER BY row_no, column_name`);
  return got.map((x) => [x.row_no, x.column_name, x.value, x.code]);
}

/**
 * A workbook with the same bytes on every run (exceljs otherwise stamps the time of writing), so a
 * failure repeats. Without it, the first workbook test failed in some runs of this whole file with
 * "Berkas XLSX tidak dapat dibaca (Cannot read properties of undefined (reading 'sheets'))", from the
 * XLSX reader, not the layout; not reproduced by reading such files with exceljs alone.
 */
function fixedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date('2025-11-01T00:00:00Z');
  return wb;
}

const rec = (n: string, date: string, status: string, mode: string | null = null, checkIn: string | null = null, checkOut: string | null = null): Rec =>
  ({ nip: n, date, status, mode, check_in: checkIn, check_out: checkOut });

describe('wide layout: one column per day (rules.md §1)', () => {
  it('reads each filled day cell as a record of the month in the title', async () => {
    const core = await freshCore();
    const table = [
      padded('REKAP ABSENSI BULAN OKTOBER 2025'),
      ['NIP', 'Nama', ...DAYS],
      dataRow(nip(1), 'Ani', { 1: 'H', 2: 'WFH', 4: '07:30-16:00', 5: 'S', 6: 'DL' }),
      dataRow(nip(2), 'Budi', { 1: 'WFO', 2: 'I', 31: 'C' }),
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    expect(r.layout).toBe('wide');
    expect(r.constants?.period).toEqual({ value: '2025-10', from: 'title' });
    // Eight filled cells: each a row of the counts; the empty cells are no rows at all.
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([8, 8, 0, 0]);
    expect(r.records).toBe(8);
    expect(await records(core, r.batch)).toEqual([
      rec(nip(1), '2025-10-01', 'HADIR', 'WFO'),
      rec(nip(1), '2025-10-02', 'HADIR', 'WFH'),
      rec(nip(1), '2025-10-04', 'HADIR', 'WFO', '07:30', '16:00'),
      rec(nip(1), '2025-10-05', 'SAKIT'),
      rec(nip(1), '2025-10-06', 'DINAS_LUAR', 'DL'),
      rec(nip(2), '2025-10-01', 'HADIR', 'WFO'),
      rec(nip(2), '2025-10-02', 'IZIN'),
      rec(nip(2), '2025-10-31', 'CUTI'),
    ]);
    // The stored row number is the sheet row (title line 1, header line 2).
    const rowNos = await rows<{ nip: string; row_no: number }>(core,
      `SELECT DISTINCT nip, row_no FROM attendance WHERE batch_id = '${r.batch}' ORDER BY nip`);
    expect(rowNos).toEqual([{ nip: nip(1), row_no: 3 }, { nip: nip(2), row_no: 4 }]);
  });

  it('refuses a sheet with a second month under a title of its own, naming the row and storing nothing (fixed bug: its rows were filed under the first month)', async () => {
    const core = await freshCore();
    const table = [
      padded('REKAP ABSENSI BULAN SEPTEMBER 2025'),
      ['NIP', 'Nama', ...DAYS],
      dataRow(nip(1), 'Ani', { 1: 'H' }),
      padded('REKAP ABSENSI BULAN OKTOBER 2025'),
      ['NIP', 'Nama', ...DAYS],
      dataRow(nip(1), 'Ani', { 2: 'WFH' }),
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expect(r.status).toBe('failed');
    expect(r.error).toBe('baris 4: "REKAP ABSENSI BULAN OKTOBER 2025" menyebut bulan 2025-10, padahal bulan data lembar ini dibaca dari '
      + 'judul di atas tabel: 2025-09. Baris di bawahnya akan tercatat pada bulan yang salah. Pisahkan tiap blok ke lembar atau berkas '
      + 'sendiri, lalu impor lagi. Tidak ada yang disimpan dari berkas ini.');
    expect(await rows(core, 'SELECT CAST(count(*) AS INTEGER) AS n FROM attendance')).toEqual([{ n: 0 }]);
    // The same title again, and a signature's place and date below the last row, are not a second month.
    const again = await importCsv(core, 'rekap-2.csv', [
      padded('REKAP ABSENSI BULAN SEPTEMBER 2025'),
      ['NIP', 'Nama', ...DAYS],
      dataRow(nip(1), 'Ani', { 1: 'H' }),
      padded('REKAP ABSENSI BULAN SEPTEMBER 2025'),
      ['NIP', 'Nama', ...DAYS],
      dataRow(nip(2), 'Budi', { 2: 'WFH' }),
      padded('Bogor, 3 Oktober 2025'),
      padded('Kepala Dinas'),
    ]);
    expectImported(again);
    expect(await records(core, again.batch)).toEqual([rec(nip(1), '2025-09-01', 'HADIR', 'WFO'), rec(nip(2), '2025-09-02', 'HADIR', 'WFH')]);
  });

  it('takes the month from the file name when nothing else gives it', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Nama', ...DAYS], dataRow(nip(1), 'Ani', { 3: 'H', 10: 'WFA' })];
    const r = await importCsv(core, 'rekap_wfo_oktober_2025.csv', table);
    expectImported(r);
    expect(r.constants?.period).toEqual({ value: '2025-10', from: 'file name' });
    expect(await records(core, r.batch)).toEqual([
      rec(nip(1), '2025-10-03', 'HADIR', 'WFO'),
      rec(nip(1), '2025-10-10', 'HADIR', 'WFA'),
    ]);
  });

  it('refuses a sheet whose month is nowhere, asking for --period; --period imports it', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Nama', ...DAYS], dataRow(nip(1), 'Ani', { 3: 'H' })];
    const failed = await importCsv(core, 'rekap.csv', table);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('--period');
    expect((await rows<{ n: number }>(core, 'SELECT count(*)::INTEGER AS n FROM attendance'))[0]!.n).toBe(0);
    expect((await rows<{ n: number }>(core, "SELECT count(*)::INTEGER AS n FROM batches WHERE kind = 'attendance'"))[0]!.n).toBe(0);

    const r = await importCsv(core, 'rekap.csv', table, { period: '2025-10' });
    expectImported(r);
    expect(r.constants?.period).toEqual({ value: '2025-10', from: 'option' });
    expect(await records(core, r.batch)).toEqual([rec(nip(1), '2025-10-03', 'HADIR', 'WFO')]);
  });

  it('skips a total row and each signature line once, not once per day cell', async () => {
    const core = await freshCore();
    const table = [
      padded('REKAP ABSENSI BULAN OKTOBER 2025'), // line 1
      ['NIP', 'Nama', ...DAYS], // 2
      dataRow(nip(1), 'Ani', { 1: 'H', 2: 'H' }), // 3
      dataRow(nip(2), 'Budi', { 1: 'H', 2: 'S' }), // 4
      ['JUMLAH', '', ...DAYS.map((d) => (Number(d) <= 2 ? (d === '1' ? '2' : '1') : '0'))], // 5: 31 cells filled
      padded('', 'Mengetahui,'), // 6
      padded('', 'Kepala Dinas Kominfo'), // 7
      padded('', 'Drs. Budi Santoso'), // 8
      padded('', `NIP. ${nip(9)}`), // 9
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    // 4 day cells, and lines 5 to 9 once each.
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([9, 4, 0, 5]);
    const skips = await skipsOf(core, r.batch);
    expect(skips.map(([row]) => row)).toEqual([5, 6, 7, 8, 9]);
    expect(skips.filter(([, code]) => code === 'TOTAL')).toEqual([[5, 'TOTAL']]);
    expect(skips.filter(([row]) => row !== 8).map(([, code]) => code)).toEqual(['TOTAL', 'SIGNATURE', 'SIGNATURE', 'SIGNATURE']);
    expect(r.skipped).toHaveLength(5);
  });

  it('rejects an unknown code and a day past the end of the month, naming the row and the day column', async () => {
    const core = await freshCore();
    const table = [
      padded('REKAP ABSENSI BULAN NOVEMBER 2025'), // 1
      ['NIP', 'Nama', ...DAYS], // 2
      dataRow(nip(1), 'Ani', { 3: 'H', 14: 'XX', 31: 'H' }), // 3
      // A NIP that is not one: its cells are rejected for the NIP, not for a day.
      dataRow('12345', 'Cici', { 3: 'H', 4: 'S' }), // 4
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([5, 1, 4, 0]);
    expect(await records(core, r.batch)).toEqual([rec(nip(1), '2025-11-03', 'HADIR', 'WFO')]);
    expect(await rejectsOf(core, r.batch)).toEqual([
      [3, '14', 'XX', 'STATUS_UNKNOWN'],
      [3, '31', '2025-11-31', 'DATE_INVALID'],
      [4, 'nip', '12345', 'NIP_LENGTH'],
      [4, 'nip', '12345', 'NIP_LENGTH'],
    ]);
    const reasons = r.rejects.map((x) => x.reason);
    expect(reasons).toContain(formatReject('id', 3, '14', 'XX', 'STATUS_UNKNOWN', null));
    expect(reasons).toContain('baris 3: 14 "XX" bukan kode kehadiran yang dikenal');
  });

  it('reads a workbook, its sheet rows numbered as in Excel, and passes over a Jumlah column after the days', async () => {
    const core = await freshCore();
    const wb = fixedWorkbook();
    const ws = wb.addWorksheet('Rekap');
    const days = Array.from({ length: 30 }, (_, i) => i + 1);
    ws.addRow(['REKAP ABSENSI BULAN NOVEMBER 2025']); // 1
    ws.addRow([]); // 2
    ws.addRow(['No', 'NIP', 'Nama', ...days.map((d) => String(d).padStart(2, '0')), 'Jumlah H', 'Keterangan']); // 3
    const cells = (filled: Record<number, string>) => days.map((d) => filled[d] ?? null);
    ws.addRow([1, nip(1), 'Ani', ...cells({ 3: 'H', 4: 'WFH', 28: '07.30 - 16.00' }), 2, 'baik']); // 4
    ws.addRow([2, nip(2), 'Budi', ...cells({ 3: 'XX' }), 0, null]); // 5
    const path = join(core.dir, 'rekap.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expectImported(r);
    expect(r.layout).toBe('wide');
    expect(r.constants?.period).toEqual({ value: '2025-11', from: 'title' });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([4, 3, 1, 0]);
    expect(await records(core, r.batch)).toEqual([
      rec(nip(1), '2025-11-03', 'HADIR', 'WFO'),
      rec(nip(1), '2025-11-04', 'HADIR', 'WFH'),
      rec(nip(1), '2025-11-28', 'HADIR', 'WFO', '07:30', '16:00'),
    ]);
    expect(await rejectsOf(core, r.batch)).toEqual([[5, '03', 'XX', 'STATUS_UNKNOWN']]);
  });

  it('names a day column whose header is a number cell, as Excel keeps it, by its number alone (fixed bug: an invisible control character came before it)', async () => {
    const core = await freshCore();
    const wb = fixedWorkbook();
    const ws = wb.addWorksheet('Rekap');
    const days = Array.from({ length: 30 }, (_, i) => i + 1);
    ws.addRow(['REKAP ABSENSI BULAN NOVEMBER 2025']);
    ws.addRow(['No', 'NIP', 'Nama', ...days]);
    ws.addRow([1, nip(1), 'Ani', ...days.map((d) => (d === 3 ? 'H' : d === 13 ? 'XX' : null))]);
    const path = join(core.dir, 'rekap.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expect([r.rowsImported, r.rowsRejected]).toEqual([1, 1]);
    expect(await rejectsOf(core, r.batch)).toEqual([[3, '13', 'XX', 'STATUS_UNKNOWN']]);
    expect(r.rejects.map((x) => x.reason)).toEqual(['baris 3: 13 "XX" bukan kode kehadiran yang dikenal']);
  });

  it('reads a workbook whose header is two rows (TANGGAL over 1…30) and passes over a Jumlah column', async () => {
    const core = await freshCore();
    const wb = fixedWorkbook();
    const ws = wb.addWorksheet('Rekap');
    const days = Array.from({ length: 30 }, (_, i) => i + 1);
    ws.addRow(['REKAP ABSENSI PEGAWAI']); // 1
    ws.addRow(['Periode: November 2025']); // 2
    ws.addRow(['No', 'NIP', 'Nama', 'TANGGAL', ...days.slice(1).map(() => null), 'Jumlah H']); // 3
    ws.addRow([null, null, null, ...days, null]); // 4
    // A: No, B: NIP, C: Nama, D…AG: days 1…30, AH: Jumlah H.
    ws.mergeCells('D3:AG3');
    for (const col of ['A', 'B', 'C', 'AH']) ws.mergeCells(`${col}3:${col}4`);
    const cells = (filled: Record<number, string>) => days.map((d) => filled[d] ?? null);
    ws.addRow([1, nip(1), 'Ani', ...cells({ 3: 'H', 4: 'WFH', 28: 'H' }), 2]); // 5
    ws.addRow([2, nip(2), 'Budi', ...cells({ 3: 'C' }), 0]); // 6
    ws.addRow(['Jumlah', null, null, ...days.map((d) => (d === 3 ? 2 : d === 4 || d === 28 ? 1 : 0)), 2]); // 7
    const path = join(core.dir, 'rekap.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await importOne(core, { path, kind: 'attendance', agency: AG });
    expectImported(r);
    expect(r.layout).toBe('wide');
    expect(r.constants?.period).toEqual({ value: '2025-11', from: 'title' });
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([5, 4, 0, 1]);
    expect(await records(core, r.batch)).toEqual([
      rec(nip(1), '2025-11-03', 'HADIR', 'WFO'),
      rec(nip(1), '2025-11-04', 'HADIR', 'WFH'),
      rec(nip(1), '2025-11-28', 'HADIR', 'WFO'),
      rec(nip(2), '2025-11-03', 'CUTI'),
    ]);
    expect(await skipsOf(core, r.batch)).toEqual([[7, 'TOTAL']]);
  });

  it('reads mode codes, status codes and time ranges', async () => {
    const core = await freshCore();
    const cells: Record<number, string> = {
      1: 'WFH', 2: 'WFA', 3: 'Kantor Lain', 4: 'DL', 5: 'Dinas Luar', 6: 'S', 7: 'I', 8: 'C', 9: 'TK', 10: 'L',
      11: '07.30 - 16.00', 12: '07:45-16:30', 13: 'H', 14: 'WFO', 15: '-',
    };
    const table = [padded('Periode: Oktober 2025'), ['NIP', 'Nama', ...DAYS], dataRow(nip(1), 'Ani', cells)];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    // The dash of day 15 is a day with nothing recorded, as an empty cell.
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([14, 14, 0, 0]);
    const n = nip(1);
    expect(await records(core, r.batch)).toEqual([
      rec(n, '2025-10-01', 'HADIR', 'WFH'),
      rec(n, '2025-10-02', 'HADIR', 'WFA'),
      rec(n, '2025-10-03', 'HADIR', 'KANTOR_LAIN'),
      rec(n, '2025-10-04', 'DINAS_LUAR', 'DL'),
      rec(n, '2025-10-05', 'DINAS_LUAR', 'DL'),
      rec(n, '2025-10-06', 'SAKIT'),
      rec(n, '2025-10-07', 'IZIN'),
      rec(n, '2025-10-08', 'CUTI'),
      rec(n, '2025-10-09', 'TANPA_KETERANGAN'),
      rec(n, '2025-10-10', 'LIBUR'),
      rec(n, '2025-10-11', 'HADIR', 'WFO', '07:30', '16:00'),
      rec(n, '2025-10-12', 'HADIR', 'WFO', '07:45', '16:30'),
      rec(n, '2025-10-13', 'HADIR', 'WFO'),
      rec(n, '2025-10-14', 'HADIR', 'WFO'),
    ]);
  });

  it('counts an employee with no day filled once, as a row with no values', async () => {
    const core = await freshCore();
    const table = [
      padded('REKAP ABSENSI BULAN OKTOBER 2025'), // 1
      ['NIP', 'Nama', ...DAYS], // 2
      dataRow(nip(1), 'Ani', { 1: 'H' }), // 3
      dataRow(nip(2), 'Budi', { 1: '-', 2: '–' }), // 4: dashes only
      dataRow(nip(3), 'Cici', {}), // 5
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([3, 1, 0, 2]);
    expect(await skipsOf(core, r.batch)).toEqual([[4, 'NO_VALUES'], [5, 'NO_VALUES']]);
  });

  it('finds the NIP of a device PIN in the roster; an unknown PIN rejects its cells naming the PIN', async () => {
    const core = await freshCore();
    const roster = await importOne(core, {
      path: writeText(core.dir, 'pegawai.csv', csv([['NIP', 'Nama', 'PIN'], [nip(1), 'Ani', '101']])), kind: 'roster', agency: AG,
    });
    expect(roster.error).toBeNull();
    const table = [
      padded('Periode: Oktober 2025'), // 1
      ['PIN', 'Nama', ...DAYS], // 2
      ['101', 'Ani', ...DAYS.map((d) => (d === '6' ? 'H' : d === '7' ? 'S' : ''))], // 3
      ['999', 'Tamu', ...DAYS.map((d) => (d === '6' ? 'H' : ''))], // 4
    ];
    const r = await importCsv(core, 'rekap.csv', table);
    expectImported(r);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([3, 2, 1, 0]);
    expect(await records(core, r.batch)).toEqual([rec(nip(1), '2025-10-06', 'HADIR', 'WFO'), rec(nip(1), '2025-10-07', 'SAKIT')]);
    expect(await rejectsOf(core, r.batch)).toEqual([[4, 'pin', '999', 'PIN_UNKNOWN']]);
  });

  it('reads a sheet as wide when the recipe says so', async () => {
    const core = await freshCore();
    const table = [['NIP', 'Nama', ...DAYS], dataRow(nip(1), 'Ani', { 3: 'S' })];
    const mapping = { layout: 'wide' as const, columns: { nip: 'NIP', name: 'Nama' }, constants: { period: '2025-10' } };
    const r = await importCsv(core, 'rekap.csv', table, { mapping });
    expectImported(r);
    expect(r.layout).toBe('wide');
    expect(r.constants?.period).toEqual({ value: '2025-10', from: 'recipe' });
    expect(await records(core, r.batch)).toEqual([rec(nip(1), '2025-10-03', 'SAKIT')]);
  });
});
