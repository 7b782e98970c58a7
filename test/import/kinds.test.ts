import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportKind } from '../../src-main/contract/import-types.ts';
import type { Core } from '../../src-main/core/index.ts';
import { pantauInProcess } from '../helpers/cli-in-process.ts';
import { csv, freshCore, importOne, nip, rows, writeText, writeXlsx } from '../helpers/workspace.ts';

type Row = Record<string, unknown>;

/** Imports one CSV text and checks the result is a consistent, imported batch. */
async function importCsv(core: Core & { dir: string }, kind: ImportKind, text: string, agency: string | null = 'KEMENDAGRI'): Promise<ImportFileResult> {
  const path = writeText(core.dir, `${kind}.csv`, text);
  const result = await importOne(core, { path, kind, ...(agency ? { agency } : {}) });
  expect(result.error).toBeNull();
  expect(result.status).toBe('imported');
  expect(result.rowsRead).toBe(result.rowsImported + result.rowsRejected);
  return result;
}

const counts = (r: ImportFileResult) => [r.rowsRead, r.rowsImported, r.rowsRejected];

async function batchRow(core: Core, batch: string | null): Promise<Row> {
  const [b] = await rows(core, `SELECT kind, agency, rows_read, rows_imported, rows_rejected, warnings FROM batches WHERE batch_id = '${batch}'`);
  return b!;
}

async function rejectCount(core: Core, batch: string | null): Promise<number> {
  return (await rows<{ n: number }>(core, `SELECT count(*) AS n FROM rejects WHERE batch_id = '${batch}'`))[0]!.n;
}

const ATT_HEADER = ['NIP', 'Nama Pegawai', 'Unit Kerja', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];
const ATT_SELECT = `SELECT nip, strftime(date, '%Y-%m-%d') AS date, agency, name, unit_name, status, mode,
  CAST(check_in AS VARCHAR) AS check_in, CAST(check_out AS VARCHAR) AS check_out FROM attendance ORDER BY date`;

describe('attendance from CSV', () => {
  it('maps every status code of the spec to its canonical status', async () => {
    const core = await freshCore();
    const codes = ['H', 'TL2', 'PSW1', 'S', 'CT', 'DL', 'TB', 'TK', 'Alpa', 'L'];
    const data = codes.map((code, i) => [nip(1), 'Budi Santoso', 'Biro Umum', `${String(i + 6).padStart(2, '0')}/10/2025`,
      ['H', 'TL2', 'PSW1'].includes(code) ? '07:31' : '', ['H', 'TL2', 'PSW1'].includes(code) ? '16.05' : '', code, '']);
    const r = await importCsv(core, 'attendance', csv([ATT_HEADER, ...data]));
    expect(counts(r)).toEqual([10, 10, 0]);
    expect(r.rejects).toEqual([]);
    const got = await rows(core, ATT_SELECT);
    expect(got.map((g) => g.status)).toEqual(['HADIR', 'TERLAMBAT', 'PULANG_CEPAT', 'SAKIT', 'CUTI', 'DINAS_LUAR',
      'TUGAS_BELAJAR', 'TANPA_KETERANGAN', 'TANPA_KETERANGAN', 'LIBUR']);
    // Empty mode: WFO on present days, nothing on the others.
    expect(got.map((g) => g.mode)).toEqual(['WFO', 'WFO', 'WFO', null, null, null, null, null, null, null]);
    expect(got[0]).toEqual({ nip: nip(1), date: '2025-10-06', agency: 'KEMENDAGRI', name: 'Budi Santoso',
      unit_name: 'Biro Umum', status: 'HADIR', mode: 'WFO', check_in: '07:31:00', check_out: '16:05:00' });
    expect(await rejectCount(core, r.batch)).toBe(0);
    expect(await batchRow(core, r.batch)).toMatchObject({ kind: 'attendance', agency: 'KEMENDAGRI', rows_read: 10, rows_imported: 10, rows_rejected: 0 });
  });

  it('maps the work modes Rumah, Lokasi Lain, Kantor Lain, Dinas Luar, Kantor and empty', async () => {
    const core = await freshCore();
    const modes = ['Rumah', 'Lokasi Lain', 'Kantor Lain', 'Dinas Luar', 'Kantor', ''];
    const data = modes.map((m, i) => [nip(2), 'Siti Aminah', 'Biro Hukum', `2025-10-0${i + 1}`, '07:30', '16:00', 'H', m]);
    const r = await importCsv(core, 'attendance', csv([ATT_HEADER, ...data]));
    expect(counts(r)).toEqual([6, 6, 0]);
    const got = await rows(core, ATT_SELECT);
    expect(got.map((g) => [g.date, g.mode])).toEqual([['2025-10-01', 'WFH'], ['2025-10-02', 'WFA'],
      ['2025-10-03', 'KANTOR_LAIN'], ['2025-10-04', 'DL'], ['2025-10-05', 'WFO'], ['2025-10-06', 'WFO']]);
    expect(got.every((g) => g.status === 'HADIR' && g.check_in === '07:30:00' && g.check_out === '16:00:00')).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('reads an empty status with a check-in or check-out time as HADIR, in WFO', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', csv([ATT_HEADER,
      [nip(3), 'Andi', 'Biro Umum', '21/04/2025', '07:45', '16:30', '', ''],
      [nip(3), 'Andi', 'Biro Umum', '22/04/2025', '', '16:30', '', 'WFH'],
      [nip(3), 'Andi', 'Biro Umum', '23/04/2025', '07:02:09', '', '', '']]));
    expect(counts(r)).toEqual([3, 3, 0]);
    const got = await rows(core, ATT_SELECT);
    expect(got.map((g) => [g.date, g.status, g.mode, g.check_in, g.check_out])).toEqual([
      ['2025-04-21', 'HADIR', 'WFO', '07:45:00', '16:30:00'],
      ['2025-04-22', 'HADIR', 'WFH', null, '16:30:00'],
      ['2025-04-23', 'HADIR', 'WFO', '07:02:00', null]]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('imports present days as WFO and warns when the file has no mode column', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'attendance', csv([['NIP', 'Nama', 'Tgl', 'Scan Masuk', 'Scan Pulang', 'Status Kehadiran'],
      [nip(4), 'Dewi', 'Senin, 21 April 2025', '07:10', '15:45', 'Hadir'],
      [nip(4), 'Dewi', '22 Apr 2025', '', '', 'Sakit'],
      [nip(4), 'Dewi', '23-04-2025', '07.58', '16.00', 'Terlambat']], ';'));
    expect(counts(r)).toEqual([3, 3, 0]);
    expect(r.warnings).toEqual(['Berkas tidak memiliki kolom mode kerja; setiap hari hadir dicatat sebagai WFO.']);
    const got = await rows(core, ATT_SELECT);
    expect(got.map((g) => [g.date, g.status, g.mode])).toEqual([
      ['2025-04-21', 'HADIR', 'WFO'], ['2025-04-22', 'SAKIT', null], ['2025-04-23', 'TERLAMBAT', 'WFO']]);
    const b = await batchRow(core, r.batch);
    expect(JSON.parse(String(b.warnings))).toEqual(r.warnings);
  });
});

describe('other kinds from CSV', () => {
  it('roster: yes/no columns, discipline values and Layanan Langsung ke Masyarakat', async () => {
    const core = await freshCore();
    const header = ['NIP', 'Nama Lengkap', 'Unit Kerja', 'Jabatan', 'Tugas Luar Kantor (Ya/Tidak)', 'Keadaan Khusus',
      'Status Hukuman Disiplin', 'Layanan Langsung ke Masyarakat'];
    const r = await importCsv(core, 'roster', csv([header,
      [nip(1), 'Budi Santoso', 'Dinas Dukcapil', 'Analis Kebijakan', 'Ya', 'Tidak', 'Tidak Ada', 'Ya'],
      [nip(2), 'Siti Aminah', 'Biro Umum', 'Pranata Komputer', 'Tidak', 'Ya', 'Sedang Menjalani', 'Tidak'],
      [nip(3), 'Andi Wijaya', 'Biro Umum', 'Arsiparis', '', 'Y', 'Dalam Proses', ''],
      [nip(4), 'Dewi Lestari', 'Biro Hukum', 'Perancang', 'T', '', '-', '']], ';'));
    expect(counts(r)).toEqual([4, 4, 0]);
    const got = await rows(core, `SELECT nip, name, agency, unit_name, position, field_duty, special_condition,
      discipline, service_type FROM employees ORDER BY nip`);
    expect(got).toEqual([
      { nip: nip(1), name: 'Budi Santoso', agency: 'KEMENDAGRI', unit_name: 'Dinas Dukcapil', position: 'Analis Kebijakan',
        field_duty: true, special_condition: false, discipline: 'NONE', service_type: 'FRONTLINE' },
      { nip: nip(2), name: 'Siti Aminah', agency: 'KEMENDAGRI', unit_name: 'Biro Umum', position: 'Pranata Komputer',
        field_duty: false, special_condition: true, discipline: 'ACTIVE', service_type: null },
      { nip: nip(3), name: 'Andi Wijaya', agency: 'KEMENDAGRI', unit_name: 'Biro Umum', position: 'Arsiparis',
        field_duty: false, special_condition: true, discipline: 'IN_PROCESS', service_type: null },
      { nip: nip(4), name: 'Dewi Lestari', agency: 'KEMENDAGRI', unit_name: 'Biro Hukum', position: 'Perancang',
        field_duty: false, special_condition: false, discipline: 'NONE', service_type: null },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('units: Jenis Layanan and Tanggal Mulai FWA', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'units', csv([['Kode Unit', 'Nama Unit', 'Unit Atasan', 'Jenis Layanan', 'Tanggal Mulai FWA'],
      ['01.02', 'Dinas Dukcapil', 'Sekretariat Daerah', 'Layanan Langsung', '01/07/2025'],
      ['01.03', 'Biro Umum', 'Sekretariat Daerah', 'Dukungan Operasional', ''],
      ['01.04', 'Biro Hukum', 'Sekretariat Daerah', 'Administrasi', '15 Agustus 2025']]), 'PEMKOT-BOGOR');
    expect(counts(r)).toEqual([3, 3, 0]);
    const got = await rows(core, `SELECT agency, unit_name, unit_code, parent_unit, service_type,
      strftime(fwa_start, '%Y-%m-%d') AS fwa_start FROM units ORDER BY unit_code`);
    expect(got).toEqual([
      { agency: 'PEMKOT-BOGOR', unit_name: 'Dinas Dukcapil', unit_code: '01.02', parent_unit: 'Sekretariat Daerah', service_type: 'FRONTLINE', fwa_start: '2025-07-01' },
      { agency: 'PEMKOT-BOGOR', unit_name: 'Biro Umum', unit_code: '01.03', parent_unit: 'Sekretariat Daerah', service_type: 'SUPPORT', fwa_start: null },
      { agency: 'PEMKOT-BOGOR', unit_name: 'Biro Hukum', unit_code: '01.04', parent_unit: 'Sekretariat Daerah', service_type: 'ADMIN', fwa_start: '2025-08-15' },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('performance: Tahun + Periode to period bounds, decimal comma, predikat', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'performance', csv([['NIP', 'Nama', 'Tahun', 'Periode', 'Capaian Target (%)', 'Predikat Kinerja'],
      [nip(1), 'Budi', '2025', 'Februari', '95,5', 'Baik'],
      [nip(1), 'Budi', '2025', 'Triwulan II', '101,25', 'Sangat Baik'],
      [nip(1), 'Budi', '2025', 'Semester I', '1.250,5', 'Sangat Baik'],
      [nip(1), 'Budi', '2025', 'Tahunan', '88', 'Butuh Perbaikan'],
      [nip(2), 'Siti', '2024', 'Februari', '', 'Baik']], ';'));
    expect(counts(r)).toEqual([5, 5, 0]);
    const got = await rows(core, `SELECT nip, strftime(period_start, '%Y-%m-%d') AS s, strftime(period_end, '%Y-%m-%d') AS e,
      year, period_label, achievement_pct, rating, agency FROM performance ORDER BY nip, period_start, period_end`);
    expect(got).toEqual([
      { nip: nip(1), s: '2025-01-01', e: '2025-06-30', year: 2025, period_label: 'Semester I', achievement_pct: 1250.5, rating: 'Sangat Baik', agency: 'KEMENDAGRI' },
      { nip: nip(1), s: '2025-01-01', e: '2025-12-31', year: 2025, period_label: 'Tahunan', achievement_pct: 88, rating: 'Butuh Perbaikan', agency: 'KEMENDAGRI' },
      { nip: nip(1), s: '2025-02-01', e: '2025-02-28', year: 2025, period_label: 'Februari', achievement_pct: 95.5, rating: 'Baik', agency: 'KEMENDAGRI' },
      { nip: nip(1), s: '2025-04-01', e: '2025-06-30', year: 2025, period_label: 'Triwulan II', achievement_pct: 101.25, rating: 'Sangat Baik', agency: 'KEMENDAGRI' },
      { nip: nip(2), s: '2024-02-01', e: '2024-02-29', year: 2024, period_label: 'Februari', achievement_pct: null, rating: 'Baik', agency: 'KEMENDAGRI' },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('approvals: date range, Bentuk, Keadaan Khusus and status words', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'approvals', csv([['NIP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Keadaan Khusus', 'Status', 'Disetujui Oleh'],
      [nip(1), '06/10/2025', '10/10/2025', 'Rumah', 'Tidak', 'Disetujui', 'Kepala Biro Umum'],
      [nip(2), '07/10/2025', '', 'Lokasi Lain', 'Ya', 'Diajukan', ''],
      [nip(3), '08/10/2025', '08/10/2025', 'Kantor Lain', '', 'Ditolak', 'Sekretaris'],
      [nip(4), '2025-10-09', '2025-10-31', 'Kerja Hibrida', 'Ya', 'Dicabut', 'Sekretaris']]));
    expect(counts(r)).toEqual([4, 4, 0]);
    const got = await rows(core, `SELECT nip, strftime(date_from, '%Y-%m-%d') AS f, strftime(date_to, '%Y-%m-%d') AS t,
      kind, special_condition, status, approver, agency FROM approvals ORDER BY nip`);
    expect(got).toEqual([
      { nip: nip(1), f: '2025-10-06', t: '2025-10-10', kind: 'RUMAH', special_condition: false, status: 'APPROVED', approver: 'Kepala Biro Umum', agency: 'KEMENDAGRI' },
      { nip: nip(2), f: '2025-10-07', t: '2025-10-07', kind: 'LOKASI_LAIN', special_condition: true, status: 'SUBMITTED', approver: null, agency: 'KEMENDAGRI' },
      { nip: nip(3), f: '2025-10-08', t: '2025-10-08', kind: 'KANTOR_LAIN', special_condition: false, status: 'REJECTED', approver: 'Sekretaris', agency: 'KEMENDAGRI' },
      { nip: nip(4), f: '2025-10-09', t: '2025-10-31', kind: 'KERJA_HIBRIDA', special_condition: true, status: 'REVOKED', approver: 'Sekretaris', agency: 'KEMENDAGRI' },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('reports: Uraian Kegiatan, Keluaran/Output and Status Verifikasi Atasan', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'reports', csv([['NIP', 'Tanggal', 'Uraian Kegiatan', 'Keluaran/Output', 'Status Verifikasi Atasan'],
      [nip(1), '06/10/2025', 'Menyusun telaahan staf', '1 dokumen telaahan', 'Sudah Diverifikasi'],
      [nip(1), '07/10/2025', 'Rapat koordinasi SPBE', 'Notula rapat', 'Belum Diverifikasi'],
      [nip(2), '07/10/2025', 'Verifikasi berkas', '25 berkas', '']], ';'));
    expect(counts(r)).toEqual([3, 3, 0]);
    const got = await rows(core, `SELECT nip, strftime(date, '%Y-%m-%d') AS date, activity, output, verified, agency
      FROM daily_reports ORDER BY nip, date`);
    expect(got).toEqual([
      { nip: nip(1), date: '2025-10-06', activity: 'Menyusun telaahan staf', output: '1 dokumen telaahan', verified: true, agency: 'KEMENDAGRI' },
      { nip: nip(1), date: '2025-10-07', activity: 'Rapat koordinasi SPBE', output: 'Notula rapat', verified: false, agency: 'KEMENDAGRI' },
      { nip: nip(2), date: '2025-10-07', activity: 'Verifikasi berkas', output: '25 berkas', verified: false, agency: 'KEMENDAGRI' },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('survey: the Instansi column overrides --agency per row; yes/no and 1–5 answers', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'survey', csv([['ID Responden', 'Instansi', 'Unit Kerja', 'Pernah Menjalankan FWA',
      'Kepuasan terhadap FWA (1-5)', 'Target Kinerja Tercapai'],
      ['R-001', 'Kemenkeu', 'DJP', 'Ya', '5', 'Ya'],
      ['R-002', '', 'Biro Umum', 'Ya', '3', 'Tidak'],
      ['R-003', 'BKN', 'Deputi SINKA', 'Tidak', '', '']], ';'), 'KEMENDAGRI');
    expect(counts(r)).toEqual([3, 3, 0]);
    const got = await rows(core, `SELECT agency, respondent_id, unit_name, participated, satisfaction, met_target, answers
      FROM survey ORDER BY respondent_id`);
    expect(got).toEqual([
      { agency: 'Kemenkeu', respondent_id: 'R-001', unit_name: 'DJP', participated: true, satisfaction: 5, met_target: true, answers: null },
      { agency: 'KEMENDAGRI', respondent_id: 'R-002', unit_name: 'Biro Umum', participated: true, satisfaction: 3, met_target: false, answers: null },
      { agency: 'BKN', respondent_id: 'R-003', unit_name: 'Deputi SINKA', participated: false, satisfaction: null, met_target: false, answers: null },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
    expect(await batchRow(core, r.batch)).toMatchObject({ kind: 'survey', agency: 'KEMENDAGRI', rows_read: 3, rows_imported: 3 });
  });

  it('survey without --agency and without an Instansi column fails as a whole and stores nothing (CSV, XLSX, CLI)', async () => {
    const core = await freshCore();
    const header = ['ID Responden', 'Unit Kerja', 'Pernah Menjalankan FWA', 'Kepuasan terhadap FWA (1-5)'];
    const data = [['R-001', 'Biro Umum', 'Ya', '4'], ['R-002', 'Biro Hukum', 'Tidak', '']];
    const path = writeText(core.dir, 'survei.csv', csv([header, ...data]));
    const xlsx = await writeXlsx(core.dir, 'survei.xlsx', [header, ...data]);
    for (const file of [path, xlsx]) {
      const r = await importOne(core, { path: file, kind: 'survey' });
      expect(r).toMatchObject({ status: 'failed', batch: null, rowsRead: 0, rowsImported: 0, rowsRejected: 0, rejects: [] });
      expect(r.error).toMatch(/tidak memiliki kolom Instansi.*--agency/);
    }
    const [state] = await rows(core, `SELECT (SELECT list(batch_id) FROM batches) AS ids, (SELECT count(*) FROM survey) AS survey,
      (SELECT count(*) FROM rejects) AS rejects`);
    expect(state).toEqual({ ids: ['b-000001'], survey: 0, rejects: 0 });
    const cli = await pantauInProcess(['import', '--db', join(core.dir, 'cli.duckdb'), '--kind', 'survey', '--json', path]);
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).files[0]).toMatchObject({ status: 'failed', rowsImported: 0, error: expect.stringContaining('kolom Instansi') });
  });

  it('survey: unmapped columns are kept as a JSON object in answers', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'survey', csv([['No Responden', 'Kepuasan', 'Pernah Menjalankan FWA', 'Jenis Kelamin', 'Saran'],
      ['17', '4', 'Ya', 'Perempuan', 'Lanjutkan'],
      ['18', '2', 'Ya', 'Laki-laki', '']]), 'KEMENKEU');
    expect(counts(r)).toEqual([2, 2, 0]);
    const got = await rows(core, 'SELECT agency, respondent_id, satisfaction, answers FROM survey ORDER BY respondent_id');
    expect(got.map((g) => ({ ...g, answers: JSON.parse(String(g.answers)) }))).toEqual([
      { agency: 'KEMENKEU', respondent_id: '17', satisfaction: 4, answers: { 'Jenis Kelamin': 'Perempuan', Saran: 'Lanjutkan' } },
      { agency: 'KEMENKEU', respondent_id: '18', satisfaction: 2, answers: { 'Jenis Kelamin': 'Laki-laki', Saran: null } },
    ]);
    expect(await rejectCount(core, r.batch)).toBe(0);
  });

  it('calendar: a user file for 2027 adds HOLIDAY and NATIONAL_FWA_DAY days', async () => {
    const core = await freshCore();
    const r = await importCsv(core, 'calendar', csv([['Tanggal', 'Jenis Hari', 'Keterangan'],
      ['01/01/2027', 'Libur Nasional', 'Tahun Baru 2027 Masehi'],
      ['08/02/2027', 'Cuti Bersama', 'Tahun Baru Imlek'],
      ['05/03/2027', 'Hari FWA Nasional', 'FWA sebelum Idul Fitri']]), null);
    expect(counts(r)).toEqual([3, 3, 0]);
    const got = await rows(core, `SELECT strftime(date, '%Y-%m-%d') AS date, day_type, description, batch_id
      FROM calendar WHERE year(date) = 2027 ORDER BY date`);
    expect(got).toEqual([
      { date: '2027-01-01', day_type: 'HOLIDAY', description: 'Tahun Baru 2027 Masehi', batch_id: r.batch },
      { date: '2027-02-08', day_type: 'HOLIDAY', description: 'Tahun Baru Imlek', batch_id: r.batch },
      { date: '2027-03-05', day_type: 'NATIONAL_FWA_DAY', description: 'FWA sebelum Idul Fitri', batch_id: r.batch },
    ]);
    expect((await rows(core, 'SELECT count(*) AS n FROM calendar'))[0]!.n).toBe(69);
    expect(await batchRow(core, r.batch)).toMatchObject({ kind: 'calendar', agency: null, rows_read: 3, rows_imported: 3, rows_rejected: 0 });
  });

  it('a fresh workspace holds the shipped national calendar as batch b-000001', async () => {
    const core = await freshCore();
    const batches = await rows(core, 'SELECT batch_id, kind, agency, rows_read, rows_imported, rows_rejected, status FROM batches');
    expect(batches).toEqual([{ batch_id: 'b-000001', kind: 'calendar', agency: null, rows_read: 66, rows_imported: 66,
      rows_rejected: 0, status: 'active' }]);
    expect(await rejectCount(core, 'b-000001')).toBe(0);
    const total = await rows(core, `SELECT count(*) AS n, count(DISTINCT batch_id) AS b, min(year(date)) AS y0, max(year(date)) AS y1 FROM calendar`);
    expect(total).toEqual([{ n: 66, b: 1, y0: 2025, y1: 2026 }]);
    const days = await rows(core, `SELECT strftime(date, '%Y-%m-%d') AS date, day_type FROM calendar
      WHERE date IN (DATE '2025-09-05', DATE '2025-12-29') ORDER BY date`);
    expect(days).toEqual([{ date: '2025-09-05', day_type: 'HOLIDAY' }, { date: '2025-12-29', day_type: 'NATIONAL_FWA_DAY' }]);
  });
});
