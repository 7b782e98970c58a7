/**
 * The rows layout of real exports (rules.md §1, "Layouts of real exports"), imported through the
 * public core API as a user would: values written only above the header, scheduled and actual
 * times, rows that hold no record, device PINs, NIKs, and recipes' values and constants. Every
 * expected value is worked out from the rows written here.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileRequest, ImportFileResult } from '../../src-main/contract/import-types.ts';
import { csv, freshCore, importOne, nip, rows, writeText, type TestCore } from '../helpers/workspace.ts';

const AG = 'PEMKOT-X';
const ATT = `SELECT nip, CAST(date AS VARCHAR) AS date, status, mode, left(CAST(check_in AS VARCHAR), 5) AS cin, left(CAST(check_out AS VARCHAR), 5) AS cout
FROM attendance ORDER BY nip, date`;

async function importText(core: TestCore, name: string, text: string, extra: Partial<ImportFileRequest> = {}): Promise<ImportFileResult> {
  const r = await importOne(core, { path: writeText(core.dir, name, text), kind: 'attendance', agency: AG, ...extra });
  if (r.status === 'imported') expect(r.rowsRead).toBe(r.rowsImported + r.rowsRejected + r.rowsSkipped);
  return r;
}

/** A pemda e-presensi daily sheet: title block with the date and a download stamp, schedule beside scans. */
const DAILY = csv([
  ['LAPORAN PRESENSI HARIAN PEGAWAI'],
  ['Tanggal : 14 Oct 2025'],
  ['Tanggal unduh : 20/10/2025 08:00'],
  [],
  ['No', 'NIP', 'Nama', 'Jadwal Masuk', 'Jadwal Pulang', 'Scan Masuk', 'Scan Pulang', 'Keterangan'],
  ['1', nip(1), 'Ani', '07:30', '16:00', '07:25', '16:05', ''],
  ['2', nip(2), 'Budi', '07:30', '16:00', '00:00', '00:00', 'Sakit'],
  ['3', nip(3), 'Citra', '07:30', '16:00', '', '', ''],
  ['No', 'NIP', 'Nama', 'Jadwal Masuk', 'Jadwal Pulang', 'Scan Masuk', 'Scan Pulang', 'Keterangan'],
  ['4', nip(4), 'Dedi', '07:30', '16:00', '07:40', '', ''],
  ['', '', 'JUMLAH', '', '', '', '', ''],
  ['', '', '', '', '', '2', '1', ''],
  ['', '', 'Mengetahui,', '', '', '', '', ''],
  ['', '', 'Kepala Dinas', '', '', '', '', ''],
  ['', '', 'Drs. Ahmad Fauzi', '', '', '', '', ''],
  ['', '', 'NIP. 196501011990031001', '', '', '', '', ''],
]);

describe('a daily sheet whose date is only in its title (rules.md §1)', () => {
  it('takes the labelled date, never the download stamp, and says where it came from', async () => {
    const core = await freshCore();
    const r = await importText(core, 'harian.csv', DAILY);
    expect(r.status).toBe('imported');
    expect(r.layout).toBe('rows');
    expect(r.constants).toEqual({ date: { value: '2025-10-14', from: 'title' } });
    expect(await rows(core, ATT)).toEqual([
      { nip: nip(1), date: '2025-10-14', status: 'HADIR', mode: 'WFO', cin: '07:25', cout: '16:05' },
      { nip: nip(2), date: '2025-10-14', status: 'SAKIT', mode: null, cin: null, cout: null },
      { nip: nip(4), date: '2025-10-14', status: 'HADIR', mode: 'WFO', cin: '07:40', cout: null },
    ]);
  });

  it('maps the scans, names the schedule columns as passed over, and reports each field\'s header', async () => {
    const core = await freshCore();
    const r = await importText(core, 'harian.csv', DAILY);
    expect(r.mapping).toEqual({ nip: 'NIP', name: 'Nama', checkIn: 'Scan Masuk', checkOut: 'Scan Pulang', status: 'Keterangan' });
    expect(r.ignored).toEqual([
      { column: 'Jadwal Masuk', reason: 'jadwal, bukan jam pindaian; yang dipakai "Scan Masuk"' },
      { column: 'Jadwal Pulang', reason: 'jadwal, bukan jam pindaian; yang dipakai "Scan Pulang"' },
    ]);
  });

  it('skips the day without a record, the repeated header, the totals and the signature block, each with its reason', async () => {
    const core = await freshCore();
    const r = await importText(core, 'harian.csv', DAILY);
    // Lines: 5 header; 6–8 data; 9 repeated header; 10 data; 11 JUMLAH; 12 numbers only; 13–16 signature.
    expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped, r.records]).toEqual([11, 3, 0, 8, 3]);
    expect(r.skipped.map((s) => [s.row, s.reason.replace(/^baris \d+ dilewati: /, '')])).toEqual([
      [8, 'tanpa status dan tanpa jam masuk/pulang: tidak ada catatan hari itu'],
      [9, 'judul kolom yang diulang'],
      [11, 'baris jumlah atau ringkasan, bukan data'],
      [12, 'tanpa pengenal dan hanya berisi angka (baris jumlah)'],
      [13, 'bagian blok tanda tangan'], [14, 'bagian blok tanda tangan'], [15, 'bagian blok tanda tangan'], [16, 'bagian blok tanda tangan'],
    ]);
  });

  it('refuses a sheet with a second day under a title of its own, naming the row and storing nothing (fixed bug: its rows were filed under the first day)', async () => {
    const core = await freshCore();
    const text = `${DAILY}\n${csv([
      [],
      // Padded to the header's width, as Excel saves a row of a sheet as CSV.
      ['Tanggal : 15 Oct 2025', '', '', '', '', '', '', ''],
      ['No', 'NIP', 'Nama', 'Jadwal Masuk', 'Jadwal Pulang', 'Scan Masuk', 'Scan Pulang', 'Keterangan'],
      ['1', nip(1), 'Ani', '07:30', '16:00', '07:20', '16:00', ''],
    ])}`;
    const r = await importText(core, 'harian.csv', text);
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^baris 19: "Tanggal : 15 Oct 2025" menyebut tanggal 2025-10-15, padahal tanggal data lembar ini dibaca dari judul di atas tabel: 2025-10-14\. .*Tidak ada yang disimpan dari berkas ini\.$/);
    expect(await rows(core, 'SELECT CAST(count(*) AS INTEGER) AS n FROM attendance')).toEqual([{ n: 0 }]);
    // The date given with the import is the user's word for the whole sheet.
    const given = await importText(core, 'harian.csv', text, { date: '2025-10-15' });
    expect(given.status).toBe('imported');
  });

  it('a date given with the import (--date) wins over the title', async () => {
    const core = await freshCore();
    const r = await importText(core, 'harian.csv', DAILY, { date: '2025-10-15' });
    expect(r.constants).toEqual({ date: { value: '2025-10-15', from: 'option' } });
    expect((await rows<{ date: string }>(core, ATT)).map((x) => x.date)).toEqual(['2025-10-15', '2025-10-15', '2025-10-15']);
  });

  it('without a date in the title, takes the file name\'s; without any, refuses and asks for --date, storing nothing', async () => {
    const core = await freshCore();
    const untitled = DAILY.split('\n').slice(4).join('\n');
    const named = await importText(core, 'presensi-2025-10-16.csv', untitled);
    expect(named.constants).toEqual({ date: { value: '2025-10-16', from: 'file name' } });
    const none = await importText(core, 'presensi.csv', untitled);
    expect(none.status).toBe('failed');
    expect(none.error).toMatch(/^Tanggal data tidak ditemukan: .*--date YYYY-MM-DD/);
    expect(await rows(core, `SELECT CAST(count(*) AS INTEGER) AS n FROM batches WHERE file_name = 'presensi.csv'`)).toEqual([{ n: 0 }]);
  });
});

describe('rows that hold no record are checked before any value', () => {
  it('a day off (weekend, calendar holiday) with no status and no time is skipped whatever the absent flag says; a working day with it is TANPA_KETERANGAN', async () => {
    const core = await freshCore();
    const r = await importText(core, 'absen.csv', csv([
      ['NIP', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Absent'],
      [nip(1), '10/10/2025', '07:30', '16:00', 'False'], // Friday, present
      [nip(1), '11/10/2025', '', '', 'True'], // Saturday
      [nip(1), '25/12/2025', '', '', 'True'], // Christmas, a national holiday in the shipped calendar
      [nip(1), '13/10/2025', '', '', 'True'], // Monday: unexcused
      [nip(1), '14/10/2025', '', '', 'False'], // Tuesday: no record that day
    ]));
    expect([r.rowsRead, r.rowsImported, r.rowsSkipped]).toEqual([5, 2, 3]);
    expect(r.skipped.map((s) => s.row)).toEqual([3, 4, 6]);
    expect(r.skipped[0]!.reason).toBe('baris 3 dilewati: hari libur (bukan hari kerja) tanpa status dan tanpa jam');
    expect((await rows<{ date: string; status: string }>(core, ATT)).map((x) => [x.date, x.status])).toEqual([
      ['2025-10-10', 'HADIR'], ['2025-10-13', 'TANPA_KETERANGAN'],
    ]);
    // A mode says where a present day was worked: the unexcused day has none (fixed bug: it was stored WFO).
    expect(await rows(core, `SELECT strftime(date, '%Y-%m-%d') AS date, mode FROM attendance ORDER BY date`)).toEqual([
      { date: '2025-10-10', mode: 'WFO' }, { date: '2025-10-13', mode: null },
    ]);
  });

  it('a data row whose name begins like a total or a signature is never skipped: only rows without a readable key are looked at', async () => {
    const core = await freshCore();
    const r = await importText(core, 'nama.csv', csv([
      ['NIP', 'Nama', 'Tanggal', 'Kode Kehadiran'],
      [nip(1), 'Total Sutrisno', '13/10/2025', 'H'],
      [nip(2), 'Kepala Bagian Umum', '13/10/2025', 'H'],
    ]));
    expect([r.rowsImported, r.rowsSkipped]).toEqual([2, 0]);
  });
});

describe('device PINs and NIKs (rules.md §1, Device PINs)', () => {
  it('a PIN file is resolved through the roster\'s PIN column; an unknown PIN rejects its row with that reason', async () => {
    const core = await freshCore();
    const roster = await importOne(core, { path: writeText(core.dir, 'pegawai.csv', csv([
      ['NIP', 'Nama', 'PIN'], [nip(1), 'Ani', '0107'], [nip(2), 'Budi', '0108'],
    ])), kind: 'roster', agency: AG });
    expect(roster.rowsImported).toBe(2);
    const r = await importText(core, 'mesin.csv', csv([
      ['No. ID', 'Nama', 'Tanggal', 'Scan Masuk', 'Scan Pulang'],
      ['0107', 'Ani', '13/10/2025', '07:31', '16:02'],
      ['0108', 'Budi', '13/10/2025', '07:45', '16:30'],
      ['0999', 'Tamu', '13/10/2025', '08:00', '12:00'],
    ]));
    expect(r.mapping).toMatchObject({ pin: 'No. ID' });
    expect([r.rowsImported, r.rowsRejected]).toEqual([2, 1]);
    expect(r.rejects).toEqual([{ row: 4, column: 'No. ID', value: '0999',
      reason: 'baris 4: No. ID "0999" tidak ada di daftar pegawai instansi ini (kolom PIN); impor daftar pegawai dengan kolom PIN lebih dahulu' }]);
    expect((await rows<{ nip: string; cin: string }>(core, ATT)).map((x) => [x.nip, x.cin])).toEqual([[nip(1), '07:31'], [nip(2), '07:45']]);
  });

  it('a PIN of another agency\'s roster is unknown here', async () => {
    const core = await freshCore();
    await importOne(core, { path: writeText(core.dir, 'pegawai.csv', csv([['NIP', 'Nama', 'PIN'], [nip(1), 'Ani', '0107']])), kind: 'roster', agency: 'LAIN' });
    const r = await importText(core, 'mesin.csv', csv([['PIN', 'Tanggal', 'Scan Masuk'], ['0107', '13/10/2025', '07:31']]));
    expect(r.rejects.map((x) => x.value)).toEqual(['0107']);
  });

  it('a NIK column is the identifier only without a NIP column, and a 16-digit NIK is refused as such', async () => {
    const core = await freshCore();
    const both = await importText(core, 'nip-nik.csv', csv([['NIP', 'NIK', 'Tanggal', 'Kode Kehadiran'], [nip(1), '3201012345678901', '13/10/2025', 'H']]));
    expect([both.mapping?.nip, both.rowsImported]).toEqual(['NIP', 1]);
    const nik = await importText(core, 'nik.csv', csv([['NIK', 'Tanggal', 'Kode Kehadiran'], ['3201012345678901', '13/10/2025', 'H']]));
    expect(nik.rejects.map((x) => x.reason)).toEqual([
      'baris 2: NIK "3201012345678901" 16 digit: ini NIK (nomor induk kependudukan), bukan NIP; berkas perlu kolom NIP atau PIN mesin',
    ]);
  });
});

describe('recipes: values and constants (rules.md §1, Recipes)', () => {
  const FILE = csv([['NIP', 'Tanggal', 'Kode Kehadiran'], [nip(1), '13/10/2025', 'Tidak Absen'], [nip(2), '13/10/2025', 'H']]);

  it('a code whose meaning differs between agencies is rejected as unknown unless the recipe maps it', async () => {
    const core = await freshCore();
    const plain = await importText(core, 'a.csv', FILE);
    expect(plain.rejects.map((x) => x.value)).toEqual(['Tidak Absen']);
    const mapped = await importText(core, 'b.csv', FILE, { mapping: { columns: {}, values: { status: { 'TIDAK ABSEN': 'TANPA_KETERANGAN' } } } });
    expect(mapped.rowsRejected).toBe(0);
    expect((await rows<{ status: string }>(core, ATT)).map((x) => x.status)).toEqual(['TANPA_KETERANGAN', 'HADIR']);
  });

  // Guards a fixed bug: a saved recipe kept only its columns and header rows, so the next file's codes were rejected again.
  it('a saved recipe keeps its value map and layout, and the next file of the agency is read with them', async () => {
    const core = await freshCore();
    const recipe = { layout: 'rows' as const, columns: {}, values: { status: { 'TIDAK ABSEN': 'TANPA_KETERANGAN' } } };
    await importText(core, 'sept.csv', FILE, { mapping: recipe });
    expect((await core.listRecipes({})).recipes.map((r) => r.recipe)).toEqual([recipe]);
    const next = await importText(core, 'okt.csv', FILE.replaceAll('/10/', '/11/'));
    expect([next.rowsImported, next.rowsRejected]).toEqual([2, 0]);
  });

  it('a saved recipe\'s column that a later file lacks fails that file, naming the column and the recipe', async () => {
    const core = await freshCore();
    const odd = (header: string) => csv([['ID Pegawai', header, 'Kode'], [nip(1), '13/10/2025', 'H']]);
    const first = await importText(core, 'sept.csv', odd('Hari Kerja'), { mapping: { columns: { nip: 'ID Pegawai', date: 'Hari Kerja', status: 'Kode' } } });
    expect(first.rowsImported).toBe(1);
    const later = await importText(core, 'okt.csv', odd('Tanggal Kerja'));
    expect(later.status).toBe('failed');
    expect(later.error).toBe('Kolom "Hari Kerja" untuk isian Tanggal yang disebut resep tersimpan instansi PEMKOT-X untuk Presensi '
      + 'tidak ada di berkas ini. Perbaiki resepnya atau beri resep baru dengan --mapping.');
  });

  it('a recipe\'s constant date is used for a file with no date column, and its source named', async () => {
    const core = await freshCore();
    const r = await importText(core, 'x.csv', csv([['NIP', 'Kode Kehadiran'], [nip(1), 'H']]), { mapping: { columns: {}, constants: { date: '2025-10-13' } } });
    expect(r.constants).toEqual({ date: { value: '2025-10-13', from: 'recipe' } });
    expect((await rows<{ date: string }>(core, ATT)).map((x) => x.date)).toEqual(['2025-10-13']);
  });
});

describe('a performance file whose period is only in its title', () => {
  it('takes the month assessed over the month paid (a TPP sheet), from the title', async () => {
    const core = await freshCore();
    const r = await importOne(core, { path: writeText(core.dir, 'tpp.csv', csv([
      ['DAFTAR TPP PEGAWAI BULAN MARET 2025 UNTUK KINERJA FEBRUARI 2025'],
      ['Dicetak: 05 April 2025'],
      ['NO', 'NIP', 'NAMA', 'CAPAIAN KINERJA', 'HASIL AKHIR'],
      ['1', nip(1), 'Ani', '95,5', 'Baik'],
      ['', '', 'JUMLAH', '95,5', ''],
    ], ';')), kind: 'performance', agency: AG });
    expect(r.constants).toEqual({ period: { value: '2025-02', from: 'title' } });
    expect([r.rowsImported, r.rowsSkipped]).toEqual([1, 1]);
    expect(await rows(core, `SELECT CAST(period_start AS VARCHAR) AS s, CAST(period_end AS VARCHAR) AS e, achievement_pct AS pct, rating FROM performance`))
      .toEqual([{ s: '2025-02-01', e: '2025-02-28', pct: 95.5, rating: 'Baik' }]);
  });
});

describe('the import dialog names the kind of real exports', () => {
  // Fixed bug: a note in the preview ("Tanggal … diambil dari judul") counted as a missing column,
  // and a wide sheet's day columns counted for nothing, so both files were offered as rosters.
  it('a daily sheet dated in its title and a wide recap are attendance, not a roster', async () => {
    const core = await freshCore();
    const daily = writeText(core.dir, 'harian.csv', DAILY);
    const wide = writeText(core.dir, 'rekap.csv', csv([
      ['REKAP ABSENSI BULAN OKTOBER 2025'],
      ['NIP', 'Nama', 'Unit Kerja', ...Array.from({ length: 31 }, (_, i) => String(i + 1))],
      [nip(1), 'Ani', 'Bagian Umum', 'H', 'WFH', ...Array.from({ length: 29 }, () => '')],
    ]));
    expect((await core.detectImport({ path: daily })).kind).toBe('attendance');
    expect((await core.detectImport({ path: wide })).kind).toBe('attendance');
  });
});

describe('a wide recap with a row of day names under the day numbers', () => {
  it('reads the day-name row as part of the header, not as days (S there is Sabtu, not sakit)', async () => {
    const core = await freshCore();
    const names = ['R', 'K', 'J', 'S', 'M', 'S', 'S', 'R', 'K', 'J', 'S', 'M', 'S', 'S', 'R', 'K', 'J', 'S', 'M', 'S', 'S', 'R', 'K', 'J', 'S', 'M', 'S', 'S', 'R', 'K', 'J'];
    const days = (cells: Record<number, string>) => Array.from({ length: 31 }, (_, i) => cells[i + 1] ?? '');
    const r = await importText(core, 'rekap_absensi_oktober_2025.csv', csv([
      ['NIP', 'Nama', ...Array.from({ length: 31 }, (_, i) => String(i + 1))],
      ['', '', ...names],
      [nip(1), 'Ani', ...days({ 1: 'H', 2: 'S', 6: 'WFH' })],
    ]));
    expect([r.layout, r.rowsRead, r.rowsImported, r.rowsRejected, r.rowsSkipped]).toEqual(['wide', 4, 3, 0, 1]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['baris 2 dilewati: judul kolom yang diulang']);
    expect(r.constants).toEqual({ period: { value: '2025-10', from: 'file name' } });
    expect((await rows<{ date: string; status: string; mode: string | null }>(core, ATT)).map((x) => [x.date, x.status, x.mode])).toEqual([
      ['2025-10-01', 'HADIR', 'WFO'], ['2025-10-02', 'SAKIT', null], ['2025-10-06', 'HADIR', 'WFH'],
    ]);
  });
});

describe('the preview reads a month from the file\'s own name, not the upload\'s', () => {
  // Fixed bug: an upload is stored under a random name, so the preview looked for the month there.
  it('names where the month comes from before anything is stored', async () => {
    const core = await freshCore();
    const path = writeText(core.dir, 'a81f3c.csv', csv([
      ['NIP', 'Nama', ...Array.from({ length: 31 }, (_, i) => String(i + 1))],
      [nip(1), 'Ani', 'H', 'WFH', ...Array.from({ length: 29 }, () => '')],
    ]));
    const preview = await core.previewImport({ path, fileName: 'rekap_wfo_oktober_2025.csv', kind: 'attendance', agency: AG });
    expect(preview.layout).toBe('wide');
    expect(preview.warnings).toEqual(['Bulan 2025-10 diambil dari nama berkas.']);
  });
});
