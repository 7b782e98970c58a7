import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ImportFileRequest, ImportFileResult } from '../../src-main/contract/import-types.ts';
import type { CallOptions, ProgressEvent } from '../../src-main/contract/progress.ts';
import type { Core } from '../../src-main/core/index.ts';
import { csv, freshCore, importOne, nip, rows, writeText, writeXlsx, type Cell } from '../helpers/workspace.ts';

const HEADER = ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const GOOD = (n: string, date: string): string[] => [n, 'Budi', date, '07:30', '16:00', 'H', 'WFO'];
const ATT_SELECT = `SELECT nip, strftime(date, '%Y-%m-%d') AS date, status, mode, CAST(check_in AS VARCHAR) AS check_in,
  CAST(check_out AS VARCHAR) AS check_out, row_no FROM attendance ORDER BY row_no`;

type Counted = Core & { dir: string };

/** Nothing from the refused file: only the national calendar batch, no attendance, no rejects. */
async function expectNothingStored(core: Core): Promise<void> {
  const [state] = await rows(core, `SELECT (SELECT count(*) FROM batches) AS batches,
    (SELECT list(batch_id) FROM batches) AS ids, (SELECT count(*) FROM attendance) AS attendance,
    (SELECT count(*) FROM attendance_replaced) AS replaced, (SELECT count(*) FROM rejects) AS rejects`);
  expect(state).toEqual({ batches: 1, ids: ['b-000001'], attendance: 0, replaced: 0, rejects: 0 });
}

function expectFailed(r: ImportFileResult, ...parts: string[]): void {
  expect(r).toMatchObject({ status: 'failed', batch: null, rowsRead: 0, rowsImported: 0, rowsRejected: 0, rejects: [] });
  for (const part of parts) expect(r.error).toContain(part);
  expect(r.error).not.toMatch(/[Kk]esalahan internal|Error:|undefined/);
}

async function importBytes(core: Counted, name: string, body: Buffer | string): Promise<ImportFileResult> {
  const path = join(core.dir, name);
  writeFileSync(path, body);
  return importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
}

/** An attendance CSV with rows under HEADER; checks the row counts add up. */
async function importRows(core: Counted, data: string[][], header = HEADER): Promise<ImportFileResult> {
  const r = await importBytes(core, 'presensi.csv', csv([header, ...data]));
  expect(r.error).toBeNull();
  expect(r.status).toBe('imported');
  expect(r.rowsRead).toBe(r.rowsImported + r.rowsRejected + r.rowsSkipped);
  return r;
}

/** Deterministic pseudo-random bytes, every fifth one NUL. */
function binaryBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 5 === 4 ? 0 : (x >>> 16) & 0xff;
  }
  out[0] = 0x89;
  return out;
}

describe('files that cannot be read are refused and store nothing', () => {
  it('an empty file (0 bytes)', async () => {
    const core = await freshCore();
    expectFailed(await importBytes(core, 'kosong.csv', ''), 'Berkas kosong (0 byte)');
    await expectNothingStored(core);
  });

  it('binary data named .csv', async () => {
    const core = await freshCore();
    expectFailed(await importBytes(core, 'presensi.csv', binaryBytes(4096)), 'data biner', 'bukan teks CSV maupun XLSX');
    await expectNothingStored(core);
  });

  it('a legacy .xls workbook', async () => {
    const core = await freshCore();
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    expectFailed(await importBytes(core, 'presensi.xls', xls), 'Excel lama (.xls)', 'simpan sebagai .xlsx atau CSV');
    await expectNothingStored(core);
  });

  it('a gzip-compressed CSV', async () => {
    const core = await freshCore();
    const gz = gzipSync(csv([HEADER, GOOD(nip(1), '06/10/2025')]));
    expectFailed(await importBytes(core, 'presensi.csv.gz', gz), 'terkompresi (gzip)', 'Ekstrak dulu');
    await expectNothingStored(core);
  });

  it('no recognisable header row', async () => {
    const core = await freshCore();
    const r = await importBytes(core, 'acak.csv', csv([['Kolom A', 'Kolom B', 'Kolom C'], ['1', '2', '3']]));
    expectFailed(r, 'Baris judul kolom tidak ditemukan', 'untuk Presensi', 'kolom wajib: NIP, Tanggal',
      'Baris pertama berisi: "Kolom A", "Kolom B", "Kolom C"');
    await expectNothingStored(core);
  });

  it('a file with no date column, whose title and name give no date either, asks for --date', async () => {
    const core = await freshCore();
    const r = await importBytes(core, 'tanpa-tanggal.csv', csv([['NIP', 'Nama', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran'],
      [nip(1), 'Budi', '07:30', '16:00', 'H']]));
    expectFailed(r, 'Tanggal data tidak ditemukan', 'tidak ada kolom tanggal', '--date YYYY-MM-DD');
    await expectNothingStored(core);
  });

  it('fields separated by ":" (no header found under any known delimiter)', async () => {
    const core = await freshCore();
    const r = await importBytes(core, 'titik-dua.csv', csv([HEADER, GOOD(nip(1), '06/10/2025')], ':'));
    expectFailed(r, 'Baris judul kolom tidak ditemukan', 'kolom wajib: NIP, Tanggal',
      'Baris pertama berisi: "NIP:Nama:Tanggal:Jam Masuk:Jam Pulang:Kode Kehadiran:Mode Kerja"');
    await expectNothingStored(core);
  });

  async function truncatedXlsx(core: Counted): Promise<ImportFileResult> {
    const data: Cell[][] = Array.from({ length: 2000 }, (_, i) =>
      [nip(1 + (i % 500)), `Pegawai ${i}`, new Date(Date.UTC(2025, 9, 1 + Math.floor(i / 500))), '07:30', '16:00', 'H', 'WFO']);
    const full = await writeXlsx(core.dir, 'penuh.xlsx', [HEADER, ...data], ['REKAP PRESENSI']);
    const bytes = readFileSync(full);
    return importBytes(core, 'terpotong.xlsx', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  }

  it('a truncated XLSX fails as a whole and stores nothing', async () => {
    const core = await freshCore();
    const r = await truncatedXlsx(core);
    expect(r).toMatchObject({ status: 'failed', batch: null, rowsRead: 0, rowsImported: 0, rowsRejected: 0, rejects: [] });
    expect(r.error).toEqual(expect.any(String));
    expect(r.error!.length).toBeGreaterThan(10);
    await expectNothingStored(core);
  });

  it('a truncated XLSX is explained in Bahasa Indonesia as a damaged or incomplete file', async () => {
    const core = await freshCore();
    const r = await truncatedXlsx(core);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/rusak|tidak lengkap|terpotong/i);
    expect(r.error).not.toMatch(/[Kk]esalahan internal|FILE_ENDED|Error:/);
    await expectNothingStored(core);
  });
});

describe('cancellation stores nothing', () => {
  const bigCsv = () => csv([HEADER, ...Array.from({ length: 2000 }, (_, i) =>
    GOOD(nip(1 + (i % 100)), `${String(1 + Math.floor(i / 100)).padStart(2, '0')}/10/2025`))]);

  async function cancelled(core: Counted, opts: (c: AbortController) => CallOptions): Promise<ImportFileResult> {
    const path = writeText(core.dir, 'besar.csv', bigCsv());
    const controller = new AbortController();
    const req: ImportFileRequest = { path, kind: 'attendance', agency: 'KEMENDAGRI' };
    const result = await core.importFiles({ files: [req] }, opts(controller));
    return result.files[0]!;
  }

  it('with an already-aborted signal', async () => {
    const core = await freshCore();
    const r = await cancelled(core, (c) => (c.abort(), { signal: c.signal }));
    expectFailed(r, 'Impor dibatalkan');
    await expectNothingStored(core);
  });

  it.each(['read', 'check', 'store'] as const)('aborted while in the %s phase', async (phase) => {
    const core = await freshCore();
    const r = await cancelled(core, (c) => ({
      signal: c.signal,
      onProgress: (e: ProgressEvent) => { if (e.phase === phase) c.abort(); },
    }));
    expectFailed(r, 'Impor dibatalkan');
    await expectNothingStored(core);
  });
});

describe('bad rows are rejected with a reason, good rows imported', () => {
  it('impossible dates 31/02/2025 and 29/02/2025 (29/02/2024 is fine)', async () => {
    const core = await freshCore();
    const r = await importRows(core, [GOOD(nip(1), '31/02/2025'), GOOD(nip(1), '29/02/2025'), GOOD(nip(1), '29/02/2024')]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 1, 2]);
    expect(r.rejects).toEqual([
      { row: 2, column: 'Tanggal', value: '31/02/2025', reason: 'baris 2: Tanggal "31/02/2025" bukan tanggal yang valid' },
      { row: 3, column: 'Tanggal', value: '29/02/2025', reason: 'baris 3: Tanggal "29/02/2025" bukan tanggal yang valid' },
    ]);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.date, a.row_no])).toEqual([['2024-02-29', 4]]);
  });

  it('impossible times 25:61 and 7:5', async () => {
    const core = await freshCore();
    const r = await importRows(core, [
      [nip(1), 'Budi', '06/10/2025', '25:61', '16:00', 'H', 'WFO'],
      [nip(1), 'Budi', '07/10/2025', '07:30', '7:5', 'H', 'WFO'],
      [nip(1), 'Budi', '08/10/2025', '7:05', '16:00', 'H', 'WFO']]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 1, 2]);
    expect(r.rejects).toEqual([
      { row: 2, column: 'Jam Masuk', value: '25:61', reason: 'baris 2: Jam Masuk "25:61" bukan jam yang valid (contoh: 07:30)' },
      { row: 3, column: 'Jam Pulang', value: '7:5', reason: 'baris 3: Jam Pulang "7:5" bukan jam yang valid (contoh: 07:30)' },
    ]);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.date, a.check_in, a.check_out])).toEqual([['2025-10-08', '07:05:00', '16:00:00']]);
  });

  it('invalid NIPs: short, letters, sex digit 3, month 13, scientific notation', async () => {
    const core = await freshCore();
    const bad = ['19860926201505100', '19860926201505100A', nip(1, '19860926', '201505', '3'),
      nip(1, '19860926', '201513'), nip(1, '19861326'), '1.98609E+17'];
    const r = await importRows(core, [...bad.map((n) => GOOD(n, '06/10/2025')), GOOD(`${nip(9).slice(0, 8)} ${nip(9).slice(8)}`, '06/10/2025')]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([7, 1, 6]);
    const why = ['tidak 18 digit', 'berisi karakter selain angka', 'tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2',
      'tidak valid: digit 9–14 bukan TMT CPNS maupun kode PPPK yang valid', 'tidak valid: digit 1–8 bukan tanggal lahir yang mungkin',
      'tersimpan sebagai angka oleh Excel sehingga digitnya hilang dan tidak dapat dipulihkan; simpan kolom NIP sebagai teks'];
    expect(r.rejects).toEqual(bad.map((n, i) => ({ row: i + 2, column: 'NIP', value: n, reason: `baris ${i + 2}: NIP "${n}" ${why[i]}` })));
    expect((await rows(core, 'SELECT code FROM rejects ORDER BY row_no')).map((x) => x.code)).toEqual(
      ['NIP_LENGTH', 'NIP_NOT_DIGITS', 'NIP_SEX', 'NIP_APPOINTMENT', 'NIP_BIRTHDATE', 'NIP_NUMBER']);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.nip, a.row_no])).toEqual([[nip(9), 8]]);
  });

  it('PPPK numbers (rules.md §1): digits 9–12 a year ≥ 2019, digit 13 = 2, digit 14 = 1–9', async () => {
    const core = await freshCore();
    // Birth date, PPPK year, 2, contracts, sex, sequence: 19900101 2019 2 1 1 001.
    const ok = ['199001012019211001', '199001012024232002', '199001012031211001'];
    const bad = ['199001012018211001', '199001012024201001'];
    const r = await importRows(core, [...ok, ...bad].map((n) => GOOD(n, '06/10/2025')));
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([5, 3, 2]);
    expect(r.rejects.map((x) => [x.row, x.value])).toEqual([[5, bad[0]], [6, bad[1]]]);
    expect(r.rejects.every((x) => x.reason.endsWith('bukan TMT CPNS maupun kode PPPK yang valid'))).toBe(true);
  });

  it('unknown status code and unknown mode', async () => {
    const core = await freshCore();
    const r = await importRows(core, [
      [nip(1), 'Budi', '06/10/2025', '07:30', '16:00', 'HX', 'WFO'],
      [nip(1), 'Budi', '07/10/2025', '07:30', '16:00', 'H', 'Kafe'],
      [nip(1), 'Budi', '08/10/2025', '', '', '', ''],
      GOOD(nip(1), '09/10/2025')]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual([4, 1, 2, 1]);
    expect(r.rejects).toEqual([
      { row: 2, column: 'Kode Kehadiran', value: 'HX', reason: 'baris 2: Kode Kehadiran "HX" bukan kode kehadiran yang dikenal' },
      { row: 3, column: 'Mode Kerja', value: 'Kafe', reason: 'baris 3: Mode Kerja "Kafe" bukan mode kerja yang dikenal (WFO/WFH/WFA/Kantor Lain/DL)' },
    ]);
    // A working day with no status and no time is the export's way of writing "no record" (rules.md §1).
    expect(r.skipped).toEqual([{ row: 4, reason: 'baris 4 dilewati: tanpa status dan tanpa jam masuk/pulang: tidak ada catatan hari itu' }]);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.date, a.status, a.mode])).toEqual([['2025-10-09', 'HADIR', 'WFO']]);
  });

  it('duplicate key in one file: the last row wins, the earlier one names it', async () => {
    const core = await freshCore();
    const r = await importRows(core, [
      [nip(1), 'Budi', '06/10/2025', '07:30', '16:00', 'H', 'WFO'],
      GOOD(nip(2), '06/10/2025'),
      [nip(1), 'Budi', '2025-10-06', '08:10', '16:30', 'TL1', 'WFH']]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([3, 2, 1]);
    expect(r.rejects).toEqual([{ row: 2, column: 'NIP', value: nip(1),
      reason: `baris 2: NIP "${nip(1)}" punya kunci yang sama dengan baris 4 di berkas ini; baris 4 yang dipakai` }]);
    expect(await rows(core, 'SELECT row_no, column_name, code, detail FROM rejects')).toEqual(
      [{ row_no: 2, column_name: 'nip', code: 'DUPLICATE', detail: '4' }]);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.nip, a.status, a.mode, a.check_in, a.row_no])).toEqual([
      [nip(2), 'HADIR', 'WFO', '07:30:00', 3], [nip(1), 'TERLAMBAT', 'WFH', '08:10:00', 4]]);
  });

  it('rows with more fields than the header', async () => {
    const core = await freshCore();
    const r = await importRows(core, [GOOD(nip(1), '06/10/2025'), [...GOOD(nip(1), '07/10/2025'), 'lebih'],
      [...GOOD(nip(1), '08/10/2025'), 'lebih', 'lagi'], GOOD(nip(1), '09/10/2025')]);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([4, 2, 2]);
    const tail = 'berisi lebih banyak kolom daripada judul kolom (periksa pemisah atau tanda kutip)';
    // Each row is one reject whatever the number of extra fields, its value those fields (fixed bug:
    // DuckDB's reader listed one reject per extra field, counting row 4 twice).
    expect(r.rejects).toEqual([
      { row: 3, column: '', value: 'lebih', reason: `baris 3: "lebih" ${tail}` },
      { row: 4, column: '', value: 'lebih,lagi', reason: `baris 4: "lebih,lagi" ${tail}` },
    ]);
    expect(await rows(core, `SELECT row_no, code FROM rejects ORDER BY row_no`)).toEqual(
      [{ row_no: 3, code: 'CSV_TOO_MANY_FIELDS' }, { row_no: 4, code: 'CSV_TOO_MANY_FIELDS' }]);
    expect((await rows(core, ATT_SELECT)).map((a) => [a.date, a.row_no])).toEqual([['2025-10-06', 2], ['2025-10-09', 5]]);
  });
});
