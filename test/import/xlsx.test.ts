import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../src-main/contract/import-types.ts';
import type { Core } from '../../src-main/core/index.ts';
import { freshCore, importOne, nip, rows, writeXlsx, type Cell } from '../helpers/workspace.ts';

const HEADER = ['NIP', 'Nama Pegawai', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const TITLE = ['REKAPITULASI PRESENSI PEGAWAI', 'SEKRETARIAT JENDERAL - BIRO UMUM', 'Periode: Oktober 2025'];
const ATT_SELECT = `SELECT nip, strftime(date, '%Y-%m-%d') AS date, status, mode, CAST(check_in AS VARCHAR) AS check_in,
  CAST(check_out AS VARCHAR) AS check_out, row_no FROM attendance ORDER BY date, nip`;

/** A calendar date cell (midnight UTC) and a time-only cell (Excel's day 0, 1899-12-30). */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const clock = (h: number, min: number, s = 0) => new Date(Date.UTC(1899, 11, 30, h, min, s));

async function importXlsx(core: Core, path: string): Promise<ImportFileResult> {
  const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
  expect(r.error).toBeNull();
  expect(r.status).toBe('imported');
  expect(r.rowsRead).toBe(r.rowsImported + r.rowsRejected);
  return r;
}

async function batchInfo(core: Core, batch: string | null) {
  const [b] = await rows(core, `SELECT format, header_row, rows_read, rows_imported, rows_rejected, encoding, delimiter
    FROM batches WHERE batch_id = '${batch}'`);
  return b!;
}

async function storedRejects(core: Core, batch: string | null) {
  return rows(core, `SELECT row_no, column_name, value, code FROM rejects WHERE batch_id = '${batch}' ORDER BY row_no`);
}

/** A workbook with several sheets and raw ExcelJS cell values (formulas, numbers, dates). */
async function writeWorkbook(dir: string, name: string, sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) {
      const added = ws.addRow(row);
      row.forEach((v, i) => {
        const probe = v && typeof v === 'object' && 'result' in v ? v.result : v;
        if (probe instanceof Date) added.getCell(i + 1).numFmt = probe.getUTCFullYear() < 1900 ? 'hh:mm' : 'dd/mm/yyyy';
      });
    }
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('XLSX attendance', () => {
  it('skips a title block and a blank row, records the header row and numbers rows as the sheet does', async () => {
    const core = await freshCore();
    const data: Cell[][] = [
      [null],
      HEADER,
      [nip(1), 'Budi Santoso', 'Biro Umum', day(2025, 10, 6), clock(7, 31), clock(16, 5), 'H', 'WFO'],
      [nip(1), 'Budi Santoso', 'Biro Umum', day(2025, 10, 7), clock(7, 45, 30), clock(16, 0), 'TL1', 'Rumah'],
      [nip(1), 'Budi Santoso', 'Biro Umum', '31/09/2025', clock(7, 30), clock(16, 0), 'H', 'WFO'],
    ];
    const path = await writeXlsx(core.dir, 'presensi.xlsx', data, TITLE);
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 2, 1]);
    expect(await batchInfo(core, r.batch)).toEqual({ format: 'xlsx', header_row: 5, rows_read: 3, rows_imported: 2,
      rows_rejected: 1, encoding: null, delimiter: null });
    expect(r.rejects).toEqual([{ row: 8, column: 'Tanggal', value: '31/09/2025',
      reason: 'baris 8: Tanggal "31/09/2025" bukan tanggal yang valid' }]);
    expect(await storedRejects(core, r.batch)).toEqual([{ row_no: 8, column_name: 'date', value: '31/09/2025', code: 'DATE_INVALID' }]);
    expect(await rows(core, ATT_SELECT)).toEqual([
      { nip: nip(1), date: '2025-10-06', status: 'HADIR', mode: 'WFO', check_in: '07:31:00', check_out: '16:05:00', row_no: 6 },
      { nip: nip(1), date: '2025-10-07', status: 'TERLAMBAT', mode: 'WFH', check_in: '07:45:00', check_out: '16:00:00', row_no: 7 },
    ]);
  });

  it('reads real date and time cells and text dates and times in the same column', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'campur.xlsx', [HEADER,
      [nip(2), 'Siti', 'Biro Hukum', day(2025, 4, 21), clock(7, 2), clock(15, 59, 59), 'H', 'WFO'],
      [nip(2), 'Siti', 'Biro Hukum', 'Selasa, 22 April 2025', '07.15', '16:30:05', 'H', 'WFH'],
      [nip(2), 'Siti', 'Biro Hukum', '23-04-2025', '07:20', '16:00', '', 'Lokasi Lain'],
      [nip(2), 'Siti', 'Biro Hukum', '24 Apr 2025', null, null, 'CT', null],
    ], TITLE);
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([4, 4, 0]);
    expect(r.rejects).toEqual([]);
    expect(await batchInfo(core, r.batch)).toMatchObject({ header_row: 4 });
    expect((await rows(core, ATT_SELECT)).map(({ nip: _n, ...v }) => v)).toEqual([
      { date: '2025-04-21', status: 'HADIR', mode: 'WFO', check_in: '07:02:00', check_out: '15:59:00', row_no: 5 },
      { date: '2025-04-22', status: 'HADIR', mode: 'WFH', check_in: '07:15:00', check_out: '16:30:00', row_no: 6 },
      { date: '2025-04-23', status: 'HADIR', mode: 'WFA', check_in: '07:20:00', check_out: '16:00:00', row_no: 7 },
      { date: '2025-04-24', status: 'CUTI', mode: null, check_in: null, check_out: null, row_no: 8 },
    ]);
  });

  it('rejects a NIP stored as a numeric cell with the "tersimpan sebagai angka" reason', async () => {
    const core = await freshCore();
    const numericNip = Number(nip(8));
    const path = await writeXlsx(core.dir, 'nip-angka.xlsx', [HEADER,
      [nip(7), 'Rina', 'Biro Umum', day(2025, 10, 6), clock(7, 30), clock(16, 0), 'H', 'WFO'],
      [numericNip, 'Joko', 'Biro Umum', day(2025, 10, 6), clock(7, 30), clock(16, 0), 'H', 'WFO'],
    ], TITLE.slice(0, 2));
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 1, 1]);
    const shown = String(numericNip); // what Excel kept: 198609262015051000
    expect(r.rejects).toEqual([{ row: 5, column: 'NIP', value: shown,
      reason: `baris 5: NIP "${shown}" tersimpan sebagai angka oleh Excel sehingga digitnya hilang dan tidak dapat dipulihkan; simpan kolom NIP sebagai teks` }]);
    expect(await storedRejects(core, r.batch)).toEqual([{ row_no: 5, column_name: 'nip', value: shown, code: 'NIP_NUMBER' }]);
    expect(await rows(core, 'SELECT nip, row_no FROM attendance')).toEqual([{ nip: nip(7), row_no: 4 }]);
  });

  it('keeps a NIP stored as text byte-identical', async () => {
    const core = await freshCore();
    const textNip = nip(7, '19900101', '201902', '2');
    const path = await writeXlsx(core.dir, 'nip-teks.xlsx', [HEADER,
      [textNip, 'Rina', 'Biro Umum', day(2025, 10, 6), clock(7, 30), clock(16, 0), 'H', 'WFO'],
    ], TITLE.slice(0, 2));
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([1, 1, 0]);
    const stored = await rows<{ nip: string }>(core, 'SELECT nip, octet_length(encode(nip)) AS bytes, row_no FROM attendance');
    expect(stored).toEqual([{ nip: '199001012019022007', bytes: 18, row_no: 4 }]);
    expect(Buffer.from(stored[0]!.nip)).toEqual(Buffer.from(textNip));
    expect(await storedRejects(core, r.batch)).toEqual([]);
  });

  it('uses the second sheet when the first has no header row', async () => {
    const core = await freshCore();
    const path = await writeWorkbook(core.dir, 'dua-sheet.xlsx', [
      { name: 'Petunjuk', rows: [['Petunjuk pengisian'], ['Isi satu baris per pegawai per hari.'], ['Kode: H, TL, PSW, S, CT']] },
      { name: 'Presensi', rows: [['Rekap Presensi'], [], HEADER,
        [nip(3), 'Andi', 'Biro Umum', day(2025, 10, 8), clock(7, 0), clock(16, 0), 'H', 'WFO'],
        [nip(4), 'Dewi', 'Biro Umum', day(2025, 10, 8), null, null, 'S', null]] },
    ]);
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 2, 0]);
    expect(await batchInfo(core, r.batch)).toMatchObject({ header_row: 3, rows_read: 2 });
    expect((await rows(core, ATT_SELECT)).map((g) => [g.nip, g.date, g.status, g.mode, g.row_no])).toEqual([
      [nip(3), '2025-10-08', 'HADIR', 'WFO', 4], [nip(4), '2025-10-08', 'SAKIT', null, 5]]);
    expect(await storedRejects(core, r.batch)).toEqual([]);
  });

  it('skips empty rows between data rows without counting them', async () => {
    const core = await freshCore();
    const path = await writeXlsx(core.dir, 'kosong.xlsx', [HEADER,
      [nip(5), 'Eko', 'Biro Umum', day(2025, 10, 6), clock(7, 30), clock(16, 0), 'H', 'WFO'],
      [null, null, null, null, null, null, null, null],
      ['', ' ', '', '', '', '', '', ''],
      [nip(5), 'Eko', 'Biro Umum', day(2025, 10, 7), clock(7, 30), clock(16, 0), 'H', 'WFH'],
      [nip(5), 'Eko', 'Biro Umum', day(2025, 10, 8), clock(7, 30), clock(16, 0), 'XYZ', 'WFH'],
    ], TITLE);
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 2, 1]);
    expect(r.rejects).toEqual([{ row: 9, column: 'Kode Kehadiran', value: 'XYZ',
      reason: 'baris 9: Kode Kehadiran "XYZ" bukan kode kehadiran yang dikenal' }]);
    expect((await rows(core, ATT_SELECT)).map((g) => [g.date, g.mode, g.row_no])).toEqual([
      ['2025-10-06', 'WFO', 5], ['2025-10-07', 'WFH', 8]]);
    expect(await batchInfo(core, r.batch)).toMatchObject({ header_row: 4, rows_read: 3, rows_imported: 2, rows_rejected: 1 });
  });

  it('uses the cached result of formula cells', async () => {
    const core = await freshCore();
    const path = await writeWorkbook(core.dir, 'rumus.xlsx', [{ name: 'Data', rows: [HEADER,
      [nip(6), 'Fajar', 'Biro Umum', { formula: 'DATE(2025,10,6)', result: day(2025, 10, 6) },
        { formula: 'TIME(7,31,0)', result: clock(7, 31) }, '16:00', { formula: 'IF(E2<>"","H","TK")', result: 'H' },
        { formula: 'UPPER("wfh")', result: 'WFH' }],
      [nip(6), 'Fajar', 'Biro Umum', { formula: 'A1+1', result: 45937 }, '07:30', '16:00', 'H',
        { formula: 'LOWER("KANTOR LAIN")', result: 'kantor lain' }],
    ] }]);
    const r = await importXlsx(core, path);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 2, 0]);
    expect((await rows(core, ATT_SELECT)).map(({ nip: _n, ...v }) => v)).toEqual([
      { date: '2025-10-06', status: 'HADIR', mode: 'WFH', check_in: '07:31:00', check_out: '16:00:00', row_no: 2 },
      { date: '2025-10-07', status: 'HADIR', mode: 'KANTOR_LAIN', check_in: '07:30:00', check_out: '16:00:00', row_no: 3 },
    ]);
    expect(await storedRejects(core, r.batch)).toEqual([]);
  });
});

describe('XLSX previews', () => {
  it('finds each kind on its own sheet, the header as low as row 30, and shows 20 data rows without blank ones', async () => {
    const core = await freshCore();
    const title: ExcelJS.CellValue[][] = Array.from({ length: 29 }, (_, i) => (i % 4 ? [`Catatan ${i + 1}`] : []));
    const data: ExcelJS.CellValue[][] = Array.from({ length: 30 }, (_, i) =>
      i % 3 ? [nip(1 + i), `Pegawai ${i}`, 'Biro Umum', '06/10/2025', '07:30', '16:00', 'H', 'WFO'] : []);
    const path = await writeWorkbook(core.dir, 'dua-jenis.xlsx', [
      { name: 'Unit', rows: [['Kode Unit', 'Nama Unit', 'Unit Atasan'], ['U1', 'Biro Umum', 'SETJEN']] },
      { name: 'Presensi', rows: [...title, HEADER, ...data] },
    ]);
    const attendance = await core.previewImport({ path, kind: 'attendance' });
    expect(attendance.headerRow).toBe(30);
    expect(attendance.rows).toHaveLength(20);
    expect(attendance.rows[0]).toEqual([nip(2), 'Pegawai 1', 'Biro Umum', '06/10/2025', '07:30', '16:00', 'H', 'WFO']);
    expect(attendance.rows.every((r) => r.some((c) => c !== ''))).toBe(true);
    const units = await core.previewImport({ path, kind: 'units' });
    expect([units.headerRow, units.headers, units.rows]).toEqual([1, ['Kode Unit', 'Nama Unit', 'Unit Atasan'], [['U1', 'Biro Umum', 'SETJEN']]]);
    expect((await core.detectImport({ path })).candidates.map((c) => c.kind)).toEqual(expect.arrayContaining(['attendance', 'units']));
  });
});
