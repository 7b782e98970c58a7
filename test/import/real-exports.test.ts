/**
 * The words and values real agency exports use (rules.md §1, "More words seen in real exports",
 * "Placeholders", the leading apostrophe, implausible dates), imported through the public core
 * API as a user would. The value vocabularies themselves are tested macro by macro in
 * normalise.test.ts; here, what only a whole import shows: which column a header maps to, and
 * how a row's fields combine into a record.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import { formatReject } from '../../src-main/core/import/reasons.ts';
import { csv, freshCore, importOne, nip, rows, writeText, type TestCore } from '../helpers/workspace.ts';

const AG = 'PEMKOT-X';

async function importCsv(core: TestCore, kind: ImportKind, table: string[][], name = `${kind}.csv`): Promise<ImportFileResult> {
  const result = await importOne(core, { path: writeText(core.dir, name, csv(table)), kind, agency: AG });
  expect(result.error).toBeNull();
  expect(result.rowsRead).toBe(result.rowsImported + result.rowsRejected + result.rowsSkipped);
  return result;
}

/** The batch's mapping: canonical field -> the file's header. */
async function mappingOf(core: TestCore, batch: string | null): Promise<Record<string, string>> {
  const { batches } = await core.listImports({});
  return batches.find((b) => b.batch === batch)?.mapping ?? {};
}

/** A cell value the header's field can take; only the mapping is looked at. */
function sample(header: string): string {
  const h = header.toLowerCase();
  if (h.includes('nip')) return nip(1);
  if (h === 'tanggal') return '01/10/2025';
  if (h === 'tahun') return '2025';
  if (h === 'periode') return 'Januari';
  return 'x';
}

describe('header synonyms of BKN systems and real exports (rules.md §1)', () => {
  // [kind, the file's headers, field, the header it must map to]
  const table: ReadonlyArray<readonly [ImportKind, string[], string, string]> = [
    // SIASN
    ['roster', ['NIP Baru', 'Nama', 'Unor Nama'], 'nip', 'NIP Baru'],
    ['roster', ['NIP Baru', 'Nama', 'Unor Nama'], 'name', 'Nama'],
    ['roster', ['NIP', 'UNOR_NAMA'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'Nama Unor'], 'unitName', 'Nama Unor'],
    ['roster', ['NIP', 'Unor'], 'unitName', 'Unor'],
    ['roster', ['NIP', 'SKPD'], 'unitName', 'SKPD'],
    ['roster', ['NIP', 'OPD'], 'unitName', 'OPD'],
    ['roster', ['NIP', 'SKPD', 'UNOR_NAMA'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'UNOR_NAMA', 'SKPD'], 'unitName', 'UNOR_NAMA'],
    ['roster', ['NIP', 'OPD', 'Unor Nama'], 'unitName', 'Unor Nama'],
    ['roster', ['NIP', 'OPD', 'Unit Organisasi'], 'unitName', 'Unit Organisasi'],
    ['roster', ['NIP', 'Unit Kerja', 'Unor'], 'unitName', 'Unit Kerja'],
    ['roster', ['NIP', 'JABATAN_NAMA'], 'position', 'JABATAN_NAMA'],
    ['roster', ['NIP', 'Nama Jabatan'], 'position', 'Nama Jabatan'],
    ['attendance', ['NIP', 'Tanggal', 'SKPD', 'Unor Nama'], 'unitName', 'Unor Nama'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Unor'], 'unitName', 'Unor'],
    // e-Kinerja
    ['performance', ['NIP', 'Tahun', 'Periode', 'Hasil Akhir'], 'rating', 'Hasil Akhir'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'hasil_akhir'], 'rating', 'hasil_akhir'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Penilaian Kinerja'], 'rating', 'Penilaian Kinerja'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Hasil Akhir', 'Predikat Kinerja'], 'rating', 'Predikat Kinerja'],
    // An exception column is a status column, the last choice after the usual ones.
    ['attendance', ['NIP', 'Tanggal', 'Pengecualian'], 'status', 'Pengecualian'],
    ['attendance', ['NIP', 'Tanggal', 'Pengecualian', 'Status Kehadiran'], 'status', 'Status Kehadiran'],
    // Excel's text marker in a header cell.
    ['attendance', ["'NIP", "'Tanggal", "'Jam Masuk"], 'checkIn', "'Jam Masuk"],
  ];

  it('maps each header to its field', async () => {
    const core = await freshCore();
    const wrong: unknown[] = [];
    for (const [i, [kind, headers, field, want]] of table.entries()) {
      const r = await importCsv(core, kind, [headers, headers.map(sample)], `synonyms-${i}.csv`);
      const mapping = await mappingOf(core, r.batch);
      if (mapping[field] !== want) wrong.push({ kind, headers, field, want, got: mapping[field] ?? null });
    }
    expect(wrong).toEqual([]);
  });
});

interface RejectRow extends Record<string, unknown> {
  row_no: number;
  column_name: string;
  value: string | null;
  code: string;
}

async function rejectsOf(core: TestCore, batch: string | null): Promise<RejectRow[]> {
  return rows<RejectRow>(core, `SELECT row_no, column_name, value, code FROM rejects WHERE batch_id = '${batch}' ORDER BY row_no`);
}

describe('implausible dates (rules.md §1: before 2000, or more than a year after today)', () => {
  // Tests run on 2026-11-22 (TODAY): 2027-11-22 is the last plausible day.
  // [kind, headers, the row, the field named in the reject (null: imported)]
  const table: ReadonlyArray<readonly [ImportKind, string[], string[], string | null]> = [
    ['attendance', ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '31/12/1999', 'H'], 'date'],
    ['attendance', ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '01/01/2000', 'H'], null],
    ['attendance', ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '22/11/2027', 'H'], null],
    ['attendance', ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '23/11/2027', 'H'], 'date'],
    ['attendance', ['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '1/1/99', 'H'], 'date'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Predikat'], [nip(1), '1999', 'Januari', 'Baik'], 'year'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Predikat'], [nip(1), '', 'Januari 1999', 'Baik'], 'period'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Predikat'], [nip(1), '2025', '01/01/1999 s.d. 31/12/1999', 'Baik'], 'period'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Predikat'], [nip(1), '2028', 'Tahunan', 'Baik'], 'year'],
    ['performance', ['NIP', 'Tahun', 'Periode', 'Predikat'], [nip(1), '2027', 'Tahunan', 'Baik'], null],
    ['approvals', ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Status'], [nip(1), '01/01/1999', '02/01/2025', 'Disetujui'], 'dateFrom'],
    ['approvals', ['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Status'], [nip(1), '01/01/2025', '01/01/2099', 'Disetujui'], 'dateTo'],
    ['approvals', ['NIP', 'Tanggal', 'Status'], [nip(1), '01/01/1999', 'Disetujui'], 'date'],
    ['reports', ['NIP', 'Tanggal', 'Uraian Kegiatan'], [nip(1), '01/01/1970', 'Rapat'], 'date'],
    ['calendar', ['Tanggal', 'Jenis Hari'], ['25/12/1999', 'Libur Nasional'], 'date'],
    ['roster', ['NIP', 'Keadaan Khusus', 'Keadaan Khusus Mulai', 'Keadaan Khusus Selesai'], [nip(1), 'Ya', '01/01/1999', ''], 'specialFrom'],
    ['roster', ['NIP', 'Keadaan Khusus', 'Keadaan Khusus Mulai', 'Keadaan Khusus Selesai'], [nip(1), 'Ya', '', '31/12/2099'], 'specialTo'],
    ['units', ['Nama Unit', 'Tanggal Mulai FWA'], ['Biro Umum', '45000'], null],
    ['units', ['Nama Unit', 'Tanggal Mulai FWA'], ['Biro Umum', '1/1/1990'], 'fwaStart'],
  ];

  it('rejects each with DATE_IMPLAUSIBLE, naming the column', async () => {
    const core = await freshCore();
    const wrong: unknown[] = [];
    for (const [i, [kind, headers, row, field]] of table.entries()) {
      const r = await importCsv(core, kind, [headers, row], `dates-${i}.csv`);
      const got = (await rejectsOf(core, r.batch)).map((x) => `${x.column_name}|${x.code}`);
      const want = field === null ? [] : [`${field}|DATE_IMPLAUSIBLE`];
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ kind, row, want, got });
    }
    expect(wrong).toEqual([]);
  });

  it('says why in the reject, in Bahasa Indonesia and in English', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', [['NIP', 'Tgl', 'Kode Kehadiran'], [nip(1), '31/12/1999', 'H']]);
    expect(r.rejects).toEqual([{ row: 2, column: 'Tgl', value: '31/12/1999',
      reason: 'baris 2: Tgl "31/12/1999" di luar rentang yang masuk akal (sebelum 2000 atau lebih dari setahun ke depan); mungkin kolom yang salah dipetakan' }]);
    expect(formatReject('en', 2, 'Tgl', '31/12/1999', 'DATE_IMPLAUSIBLE', null)).toBe(
      'row 2: Tgl "31/12/1999" is outside the plausible range (before 2000 or more than a year ahead); perhaps the wrong column was mapped');
  });
});

const ATT = ['NIP', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran'];
const ATT_SELECT = `SELECT strftime(date, '%Y-%m-%d') AS date, status, mode, CAST(check_in AS VARCHAR) AS check_in,
  CAST(check_out AS VARCHAR) AS check_out FROM attendance WHERE agency = '${AG}' ORDER BY date`;

describe('time cells of real exports (rules.md, "Placeholders")', () => {
  it('reads 00:00, 00:00:00, -, --:-- and — as no scan, and keeps times to the minute', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', [ATT,
      [nip(1), '01/10/2025', '07:31:59', '00:00', ''],
      [nip(1), '02/10/2025', '00:00:00', '16:05:30', ''],
      [nip(1), '03/10/2025', '-', '--:--', 'S'],
      [nip(1), '06/10/2025', '—', '—', 'I'],
      [nip(1), '07/10/2025', '--:--', '-', ''],
      [nip(1), '08/10/2025', '07.30.59', '16.00.01', 'H'],
    ]);
    expect(await rows(core, ATT_SELECT)).toEqual([
      { date: '2025-10-01', status: 'HADIR', mode: 'WFO', check_in: '07:31:00', check_out: null },
      { date: '2025-10-02', status: 'HADIR', mode: 'WFO', check_in: null, check_out: '16:05:00' },
      { date: '2025-10-03', status: 'SAKIT', mode: null, check_in: null, check_out: null },
      { date: '2025-10-06', status: 'IZIN', mode: null, check_in: null, check_out: null },
      { date: '2025-10-08', status: 'HADIR', mode: 'WFO', check_in: '07:30:00', check_out: '16:00:00' },
    ]);
    // No status and only placeholders: no time either, so a working day without a record (never a bad time).
    expect(await rejectsOf(core, r.batch)).toEqual([]);
    expect(r.skipped.map((x) => x.row)).toEqual([6]);
  });

  it('still rejects a time it cannot read', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', [ATT, [nip(1), '01/10/2025', '25:61', '16:00', 'H'], [nip(1), '02/10/2025', '- -', '16:00', 'H']]);
    expect((await rejectsOf(core, r.batch)).map((x) => [x.row_no, x.column_name, x.value, x.code])).toEqual([
      [2, 'checkIn', '25:61', 'TIME_INVALID'], [3, 'checkIn', '- -', 'TIME_INVALID']]);
  });
});

describe("Excel's text marker (rules.md §1: a leading ' is dropped from every cell, NIPs included)", () => {
  it('imports a row whose every cell starts with it', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', [[...ATT, 'Mode Kerja', 'Unit Kerja'],
      [`'${nip(1)}`, "'01/10/2025", "'07:31", "'16:00", "'H", "'WFH", "'Biro Umum"],
      [`'${nip(1)}`, "'02/10/2025", "'", "'", "'S", "'", "'"]]);
    expect(r.rejects).toEqual([]);
    expect(await rows(core, `SELECT nip, unit_name FROM attendance WHERE agency = '${AG}' ORDER BY date`)).toEqual([
      { nip: nip(1), unit_name: 'Biro Umum' }, { nip: nip(1), unit_name: null }]);
    expect(await rows(core, ATT_SELECT)).toEqual([
      { date: '2025-10-01', status: 'HADIR', mode: 'WFH', check_in: '07:31:00', check_out: '16:00:00' },
      { date: '2025-10-02', status: 'SAKIT', mode: null, check_in: null, check_out: null }]);
  });
});
