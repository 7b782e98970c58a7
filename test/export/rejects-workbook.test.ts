import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch, ImportFileResult, RejectedRow } from '../../src-main/contract/import-types.ts';
import { exportRejects } from '../../src-main/core/export/rejects-workbook.ts';
import { freshCore, importOne, nip, TODAY, workspaceTemplate, writeText, writeXlsx, type TestCore, type WorkspaceTemplate } from '../helpers/workspace.ts';
import { formulaCells, readWithExcelJs, readWithOpenpyxl, sheet, values, type Plain } from './xlsx.ts';

// The workbook of rejected rows an analyst sends back to the agency (docs/import.md).

const FILE = 'presensi-kacau.csv';
const FORMULA = '=1+1';
/** A note typed into a time column: its reason, value included, runs past 200 characters. */
const NOTE = 'tidak absen karena mesin sidik jari rusak sejak pagi hari; sudah dilaporkan ke Bagian Umum pukul 08.15 dan masih menunggu perbaikan dari pihak penyedia';
const HEADER_ID = ['Berkas', 'Baris', 'Kolom', 'Nilai', 'Alasan'];

/** Bad dates, bad NIPs, a formula-like date, a long note, an unknown mode, an unclosed quote, a total and a signature line. */
function messyCsv(): string {
  const row = (id: string, name: string, date: string, checkIn = '07:30', mode = 'WFO') => `${id},${name},Bagian Umum,${date},${checkIn},16:00,H,${mode}`;
  return [
    'NIP,Nama,Unit Kerja,Tanggal,Jam Masuk,Jam Pulang,Kode Kehadiran,Mode Kerja',
    row(nip(1), 'Ani', '2025-09-08'),
    row(nip(2), 'Budi', '2025-02-31'),
    row('19860926201505100', 'Citra', '2025-09-08'),
    row('1986092620150510AB', 'Dedi', '2025-09-08'),
    row(nip(5), 'Eka', FORMULA),
    row(nip(6), 'Fajar', '2025-09-08', `"${NOTE}"`),
    row(nip(7), '"Gita', '2025-09-09'),
    row(nip(8), 'Hadi', '2025-09-09', '07:30', 'NGANTOR'),
    row(nip(9), 'Indah', '31/13/2025'),
    'JUMLAH,,,,,,,',
    'Mengetahui,,,,,,,',
    '',
  ].join('\n');
}

let template: WorkspaceTemplate;
let messy: ImportFileResult;
beforeAll(async () => {
  template = await workspaceTemplate(async (core) => {
    messy = await importOne(core, { path: writeText(core.dir, FILE, messyCsv()), kind: 'attendance', agency: 'PEMKOT-X' });
    // The file must be as messy as the tests say, or they would prove nothing.
    expect([messy.status, messy.rowsRejected, messy.rowsSkipped]).toEqual(['imported', 8, 2]);
    expect(messy.rejects.filter((r) => r.reason.length > 200).map((r) => r.value)).toEqual([NOTE]);
    const sheetFile = await writeXlsx(core.dir, 'presensi-oktober.xlsx', [
      ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'],
      [nip(1), 'Ani', '2025-10-01', '07:30', '16:00', 'H', 'WFO'],
      [nip(2), 'Budi', '2025-10-32', '07:30', '16:00', 'H', 'WFO'],
    ]);
    expect((await importOne(core, { path: sheetFile, kind: 'attendance', agency: 'PEMKOT-X' })).rowsRejected).toBe(1);
    const other = writeText(core.dir, 'lain.csv', `NIP,Nama,Tanggal,Jam Masuk,Jam Pulang\n${nip(3)},Citra,2025-09-31,07:30,16:00\n`);
    expect((await importOne(core, { path: other, kind: 'attendance', agency: 'PEMKOT-Y' })).rowsRejected).toBe(1);
  });
});

async function batchOf(core: TestCore, file: string): Promise<ImportBatch> {
  return (await core.listImports({})).batches.find((b) => b.file === file)!;
}

/** A sheet's rows split at its table header (the row whose first cell is `first`). */
function split(rows: Plain[][], first: string): { title: Plain[][]; header: Plain[]; data: Plain[][]; headerRow: number } {
  const i = rows.findIndex((r) => r[0] === first);
  expect(i).toBeGreaterThanOrEqual(0);
  return { title: rows.slice(0, i), header: rows[i]!, data: rows.slice(i + 1), headerRow: i + 1 };
}

const asRow = (file: string, r: RejectedRow): Plain[] => [file, r.row, r.column || null, r.value, r.reason];

describe('the rejected rows workbook', () => {
  it('lists every rejected row once with its full reason, the counts of the batch, and "=1+1" as text (exceljs and openpyxl)', async () => {
    const core = await template.open();
    const batch = await batchOf(core, FILE);
    const { rejects } = await core.batchRejects({ batch: batch.batch });
    const out = join(core.dir, 'ditolak.xlsx');
    expect(await core.exportRejects({ batches: [batch.batch], out })).toEqual({ out, rows: batch.rowsRejected, skipped: batch.rowsSkipped });
    const expected = rejects.map((r) => asRow(FILE, r));
    expect(new Set(rejects.map((r) => r.row)).size).toBe(batch.rowsRejected);

    const wb = await readWithExcelJs(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Baris ditolak', 'Baris dilewati']);
    const ws = sheet(wb, 'Baris ditolak');
    const { title, header, data, headerRow } = split(values(ws), 'Berkas');
    expect(header).toEqual(HEADER_ID);
    expect(data).toEqual(expected);
    // Each title line across the table (exceljs reads a merged cell's text in each of its cells).
    expect(title.map((r) => r[0]).filter(Boolean)).toEqual([
      'Baris ditolak',
      'Instansi: PEMKOT-X',
      `${FILE} (batch ${batch.batch}, diimpor 2026-11-22 08:00 UTC): 11 baris dibaca, 1 diimpor, 8 ditolak, 2 dilewati`,
      'Baris berikut tidak diimpor ke Pantau. Perbaiki nilainya di berkas asli, lalu kirim ulang berkasnya.',
    ]);
    expect([batch.rowsRead, batch.rowsImported]).toEqual([11, 1]);
    const formula = ws.getCell(headerRow + 1 + data.findIndex((r) => r[3] === FORMULA), 4);
    expect([formula.value, formula.type]).toEqual([FORMULA, ExcelJS.ValueType.String]);
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(60);
    expect(values(sheet(wb, 'Baris dilewati'))).toEqual([['Berkas', 'Baris', 'Alasan'], ...messy.skipped.map((s) => [FILE, s.row, s.reason])]);

    const py = readWithOpenpyxl(out);
    const [rejected, skipped] = py.sheets;
    expect([rejected!.freeze, rejected!.filter, rejected!.printTitles]).toEqual([`A${headerRow + 1}`, `A${headerRow}:E${headerRow + expected.length}`, `$${headerRow}:$${headerRow}`]);
    expect([skipped!.freeze, skipped!.filter, skipped!.printTitles]).toEqual(['A2', `A1:C${1 + messy.skipped.length}`, '$1:$1']);
    const cells = rejected!.rows.slice(headerRow);
    expect(cells.map((r) => r.map((c) => c[0]))).toEqual(expected);
    // Each reason whole, once; the 200-odd characters of the long one included.
    for (const r of rejects) expect(cells.filter((c) => c[4]![0] === r.reason)).toHaveLength(1);
    expect(cells.find((c) => c[3]![0] === NOTE)![4]![0]).toHaveLength(rejects.find((r) => r.value === NOTE)!.reason.length);
    expect(cells.find((c) => c[3]![0] === FORMULA)![3]![1]).toBe('s');
    expect(py.sheets.flatMap((s) => s.rows.flat()).filter((c) => c[1] === 'f')).toEqual([]);
    expect(formulaCells(py)).toEqual([]);
    expect(py.xml['xl/worksheets/sheet1.xml']).toContain('Halaman &amp;P dari &amp;N');
  });

  it('is complete in English with `--lang en`: sheet names, headers, title block, reasons and footer', async () => {
    const dir = dirname(template.file());
    const core = await freshCore(dir, { lang: 'en' });
    const batch = await batchOf(core, FILE);
    const { rejects } = await core.batchRejects({ batch: batch.batch });
    expect(rejects[0]!.reason).toMatch(/^row 3: Tanggal "2025-02-31" is not a valid date$/);
    const out = join(dir, 'rejected.xlsx');
    await core.exportRejects({ batches: [batch.batch], out });
    const wb = await readWithExcelJs(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rejected rows', 'Skipped rows']);
    const { title, header, data } = split(values(sheet(wb, 'Rejected rows')), 'File');
    expect(header).toEqual(['File', 'Row', 'Column', 'Value', 'Reason']);
    expect(data).toEqual(rejects.map((r) => asRow(FILE, r)));
    expect(title.map((r) => r[0]).filter(Boolean)).toEqual([
      'Rejected rows',
      'Agency: PEMKOT-X',
      `${FILE} (batch ${batch.batch}, imported 2026-11-22 08:00 UTC): 11 rows read, 1 imported, 8 rejected, 2 skipped`,
      'The rows below were not imported into Pantau. Correct their values in the original file, then send the file again.',
    ]);
    const skipped = values(sheet(wb, 'Skipped rows'));
    expect(skipped[0]).toEqual(['File', 'Row', 'Reason']);
    expect(skipped.slice(1).map((r) => r[2])).toEqual(['row 11 skipped: a total or summary row, not data', 'row 12 skipped: part of the signature block']);
    expect(readWithOpenpyxl(out).xml['xl/worksheets/sheet1.xml']).toContain('Page &amp;P of &amp;N');
  });

  it('names the sheet of a workbook\'s batch in its own column, and lists the batches in the order asked', async () => {
    const core = await template.open();
    const csvBatch = await batchOf(core, FILE);
    const xlsxBatch = await batchOf(core, 'presensi-oktober.xlsx');
    const out = join(core.dir, 'dua.xlsx');
    const result = await core.exportRejects({ batches: [xlsxBatch.batch, csvBatch.batch], out });
    expect(result).toEqual({ out, rows: 9, skipped: 2 });
    const { title, header, data } = split(values(sheet(await readWithExcelJs(out), 'Baris ditolak')), 'Berkas');
    expect(header).toEqual(['Berkas', 'Lembar', 'Baris', 'Kolom', 'Nilai', 'Alasan']);
    expect(data[0]).toEqual(['presensi-oktober.xlsx', 'Data', 3, 'Tanggal', '2025-10-32', 'lembar Data, baris 3: Tanggal "2025-10-32" bukan tanggal yang valid']);
    expect(data.slice(1).map((r) => r[1])).toEqual(Array(8).fill(null));
    expect(title.map((r) => r[0]).filter((t) => String(t).includes('(batch '))).toEqual([
      `presensi-oktober.xlsx, lembar Data (batch ${xlsxBatch.batch}, diimpor 2026-11-22 08:00 UTC): 2 baris dibaca, 1 diimpor, 1 ditolak, 0 dilewati`,
      `${FILE} (batch ${csvBatch.batch}, diimpor 2026-11-22 08:00 UTC): 11 baris dibaca, 1 diimpor, 8 ditolak, 2 dilewati`,
    ]);
  });

  it('continues on "Baris ditolak (2)" with the title block again past the rows a sheet may hold', async () => {
    const core = await template.open();
    const batch = await batchOf(core, FILE);
    const out = join(core.dir, 'potong.xlsx');
    await exportRejects(core.db, { batches: [batch.batch], out }, { now: TODAY, lang: 'id', maxRowsPerSheet: 3 });
    const wb = await readWithExcelJs(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Baris ditolak', 'Baris ditolak (2)', 'Baris ditolak (3)', 'Baris dilewati']);
    const parts = wb.worksheets.slice(0, 3).map((w) => split(values(w), 'Berkas'));
    expect(parts.map((p) => p.data.length)).toEqual([3, 3, 2]);
    expect(parts.every((p) => p.title[0]![0] === 'Baris ditolak')).toBe(true);
    const { rejects } = await core.batchRejects({ batch: batch.batch });
    expect(parts.flatMap((p) => p.data)).toEqual(rejects.map((r) => asRow(FILE, r)));
  });

  it('refuses batches of two agencies (one agency must not receive another\'s rows) and an unknown batch, leaving no file', async () => {
    const core = await template.open();
    const x = await batchOf(core, FILE);
    const y = await batchOf(core, 'lain.csv');
    const out = join(core.dir, 'campur.xlsx');
    await expect(core.exportRejects({ batches: [x.batch, y.batch], out })).rejects.toMatchObject({
      code: 'BAD_REQUEST', details: { agencies: ['PEMKOT-X', 'PEMKOT-Y'] },
    });
    await expect(core.exportRejects({ batches: [x.batch, 'b-999999'], out })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(out)).toBe(false);
  });
});
